import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type CalendarEvent } from '../../src/pipeline/render/kalender.js';
import { sakslisteAsText } from '../../src/pipeline/render/saksliste-tekst.js';
import { check, MOTE, makeProject, sak } from '../helpers/prosjekt.js';

/** Issue 14: the calendar lines of a cancelled meeting, and what check prints for it, without a browser. */

const HENDELSE: CalendarEvent = {
  id: '2025-05-22-ssu',
  organisasjon: 'Helsefellesskap Test',
  dato: '2025-05-22',
  start: 9 * 60,
  slutt: 14 * 60,
  tittel: 'Møte i SSU',
};

function vevent(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
}

describe('a calendar event with a sequence and a cancellation', () => {
  it('carries SEQUENCE and STATUS:CANCELLED, and the same UID', () => {
    const e = vevent(buildCalendar([{ ...HENDELSE, sekvens: 3, avlyst: true }]));
    expect([e.getFirstPropertyValue('uid'), e.getFirstPropertyValue('sequence'), e.getFirstPropertyValue('status')]).toEqual([
      '2025-05-22-ssu@helsefellesskap-test.motedok',
      3,
      'CANCELLED',
    ]);
  });

  it('an invitation has one SEQUENCE, its own, and its own status', () => {
    const arrangor = { navn: 'Sekretariatet', epost: 'post@hf-test.no' };
    const ics = buildCalendar(
      [{ ...HENDELSE, sekvens: 0, avlyst: true, invitasjon: { sekvens: 2, laget: '2025-05-19', arrangor, deltakere: [], avlyst: false } }],
      'REQUEST',
    );
    expect(ics.match(/^SEQUENCE:.*$/gm)).toEqual(['SEQUENCE:2']);
    expect(vevent(ics).getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('a planned event without a sequence has none', () => {
    expect(buildCalendar([HENDELSE])).not.toContain('SEQUENCE');
  });
});

describe('check on a cancelled meeting', () => {
  it('prints it as cancelled and asks for no tilleggsinnkalling or referat', async () => {
    const root = makeProject({
      '2025-05-22-ssu/mote.yaml': `${MOTE}avlyst: Få saker\n`,
      '2025-05-22-ssu/13-sak.md': sak('tittel: En sak\ntype: beslutning\nminutter: 30'),
    });
    const { moter, lines } = await check(root);
    expect(lines.filter((l) => l.includes(': feil: '))).toEqual([]);
    const tekst = sakslisteAsText(moter[0]!).split('\n');
    expect(tekst[0]).toMatch(/Lillehammer {2}\[AVLYST\]$/);
    expect(tekst[1]).toBe('  Avlyst: Få saker');
    expect(tekst.at(-1)).toMatch(/^ {2}Innkallingen ble aldri sendt: /);
    expect(moter[0]!.sekvens).toBe(0);
  });
});
