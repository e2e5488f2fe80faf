import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMoter } from '../../src/build/build.js';
import { loadMoter } from '../../src/build/load.js';
import type { Mote } from '../../src/domain/types.js';
import { EKSEMPEL } from '../helpers/prosjekt.js';

const cases = EKSEMPEL;

/** Reads an .ics back as a calendar program would: the event, with its times resolved through the file's VTIMEZONE. */
function lesIcs(tekst: string) {
  const kalender = new ICAL.Component(ICAL.parse(tekst));
  const sone = kalender.getFirstSubcomponent('vtimezone')!;
  ICAL.TimezoneService.register(new ICAL.Timezone(sone));
  const event = new ICAL.Event(kalender.getFirstSubcomponent('vevent')!);
  return {
    uid: event.uid,
    tittel: event.summary,
    sted: event.location,
    beskrivelse: event.description,
    start: event.startDate.toJSDate().toISOString(),
    slutt: event.endDate.toJSDate().toISOString(),
    sone: event.startDate.zone?.tzid,
    dtstamp: kalender.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp')?.toString(),
  };
}

let moter: Mote[];
beforeAll(async () => {
  moter = (await loadMoter([cases])).moter;
});
const mote = (mappe: string) => moter.find((m) => m.mappe === mappe)!;

describe('mote.ics', () => {
  it('is built next to the PDFs, for members and the public, byte for byte the same on every build', async () => {
    const ut = mkdtempSync(join(tmpdir(), 'motedok-ics-'));
    const igjen = mkdtempSync(join(tmpdir(), 'motedok-ics-'));
    const mappe = join(cases, '2025-11-13-ssu');
    const forste = await buildMoter([mappe], { out: ut });
    expect(forste.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    await buildMoter([mappe], { out: igjen });
    const intern = readFileSync(join(ut, '2025-11-13-ssu', 'mote.ics'));
    const offentlig = readFileSync(join(ut, '2025-11-13-ssu', 'offentlig', 'mote.ics'));
    expect(readFileSync(join(igjen, '2025-11-13-ssu', 'mote.ics')).equals(intern)).toBe(true);
    expect(lesIcs(intern.toString('utf8')).dtstamp).toBe('2025-11-13T00:00:00Z');
    // The exempt sak 31.25 keeps its number and title in public, as in the public PDFs; nothing more of it is in the calendar.
    const sak31 = mote('2025-11-13-ssu').saker.find((s) => s.unntattOffentlighet)!;
    expect(lesIcs(offentlig.toString('utf8')).beskrivelse).toContain(`Sak 31.25  12.05–12.25  ${sak31.tittel}`);
    expect(offentlig.equals(intern)).toBe(true);
  }, 60_000);
});
