import { beforeAll, describe, expect, it } from 'vitest';
import { loadMoter } from '../../src/build/load.js';
import type { Mote } from '../../src/domain/types.js';
import { foldLine, moteAsIcs } from '../../src/pipeline/render/kalender.js';
import { lesIcs } from '../helpers/ics.js';
import { EKSEMPEL, makeProject, sak } from '../helpers/prosjekt.js';

const cases = EKSEMPEL;

let moter: Mote[];
beforeAll(async () => {
  moter = (await loadMoter([cases])).moter;
});
const mote = (mappe: string) => moter.find((m) => m.mappe === mappe)!;

describe('mote.ics', () => {
  it("has the meeting's title, place and times in Europe/Oslo: 09.00 in May is 07.00 UTC, 10.00 in November 09.00 UTC", () => {
    const mai = lesIcs(moteAsIcs(mote('2025-05-22-ssu')));
    expect(mai).toMatchObject({
      tittel: 'Møte i Strategisk samarbeidsutvalg',
      sted: 'Fylkeshuset Lillehammer, Kirkegata 76',
      sone: 'Europe/Oslo',
      start: '2025-05-22T07:00:00.000Z',
      slutt: '2025-05-22T12:00:00.000Z',
    });
    const november = lesIcs(moteAsIcs(mote('2025-11-13-ssu')));
    expect(november).toMatchObject({ start: '2025-11-13T09:00:00.000Z', slutt: '2025-11-13T12:00:00.000Z' });
    expect(new Set(moter.map((m) => lesIcs(moteAsIcs(m)).uid)).size).toBe(moter.length);
  });

  it('describes the saksliste: numbers, times and titles, breaks and Eventuelt', () => {
    const { beskrivelse } = lesIcs(moteAsIcs(mote('2025-05-22-ssu')));
    expect(beskrivelse.split('\n')).toEqual([
      'Saksliste, Strategisk samarbeidsutvalg 22. mai 2025',
      '',
      'Sak 11.25  09.00–09.02  Godkjenning av innkalling og saksliste',
      'Sak 12.25  09.02–09.05  Godkjenning av referat fra SSU-møtet 20.02.25',
      '',
      'Beslutningssaker',
      'Sak 13.25  09.05–10.05  Strategisamling SSU 11.–12. mars 2025 – oppfølging',
      'Sak 14.25  10.05–11.05  Videreføre gode pasientforløp og etablere faglig samarbeidsutvalg',
      '11.05–11.35  Pause og lunsj',
      '',
      'Temasaker',
      'Sak 15.25  11.35–12.05  Beregning av gevinst og evt. fordeling',
      'Sak 16.25  12.05–13.20  Rekrutterings- og samhandlingsmidler 2025',
      'Sak 17.25  13.20–13.50  Strategiske prosesser hos partnerne',
      '',
      'Referatsaker',
      'Sak 18.25  13.50–13.55  Handlingsdelen 2024–2025 – status',
      '',
      'Eventuelt  13.55–14.00',
    ]);
  });

  it('is well-formed: CRLF line endings, lines folded at 75 octets without splitting a character, , ; \\ and newlines escaped', async () => {
    const root = makeProject({
      '2025-05-22-ssu/mote.yaml':
        'utvalg: ssu\ndato: 2025-05-22\nstart: "09:00"\nslutt: "14:00"\nsted: \'Rom 1; bygg A, 2. etasje \\ inngang fra Storgata – følg skilting «Møterom» ved resepsjonen\'\n',
      '2025-05-22-ssu/10-sak.md': sak(
        'tittel: "Økonomi; budsjett, regnskap og \\\\ fordeling av æøå-midler i helseregionene med et langt navn"\ntype: beslutning\nminutter: 30',
      ),
    });
    const [m] = (await loadMoter([root], { cwd: root })).moter;
    const ics = moteAsIcs(m!);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const linjer = ics.split('\r\n').slice(0, -1);
    for (const linje of linjer) expect(Buffer.byteLength(linje), linje).toBeLessThanOrEqual(75);
    expect(linjer.some((l) => l.startsWith(' '))).toBe(true);
    expect(ics).not.toContain('\uFFFD');
    expect(ics.replace(/\r\n /g, '')).toContain('LOCATION:Rom 1\\; bygg A\\, 2. etasje \\\\ inngang fra Storgata');
    const lest = lesIcs(ics);
    expect(lest.sted).toBe('Rom 1; bygg A, 2. etasje \\ inngang fra Storgata – følg skilting «Møterom» ved resepsjonen');
    expect(lest.beskrivelse).toContain(
      'Sak 02.25  09.02–09.32  Økonomi; budsjett, regnskap og \\ fordeling av æøå-midler i helseregionene med et langt navn',
    );
    // Folding never splits a multi-byte character: every piece is valid UTF-8 on its own.
    expect(
      foldLine('DESCRIPTION:' + 'æ'.repeat(100))
        .split('\r\n')
        .map((l) => Buffer.byteLength(l)),
    ).toEqual([74, 75, 65]);
  });
});
