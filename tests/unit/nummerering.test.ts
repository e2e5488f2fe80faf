import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dato } from '../../src/domain/types.js';
import { forrigeMote, inNumberingOrder, nummerserier, serieKey } from '../../src/pipeline/model/nummerering.js';
import { saksnummer } from '../../src/pipeline/model/tid.js';
import { journalFor } from '../helpers/journal.js';
import { check, MOTE, makeProject, sak } from '../helpers/prosjekt.js';

const mote = (id: string, dato: string, antall: number, extra: { utvalg?: string; forsteSaksnummer?: number; frosne?: number[] } = {}) => ({
  id,
  dato: dato as Dato,
  antall,
  utvalg: extra.utvalg ?? 'ssu',
  forsteSaksnummer: extra.forsteSaksnummer,
  frosne: extra.frosne ?? [],
});

type M = ReturnType<typeof mote>;

/** Numbers every meeting as the model does: sent meetings keep their frozen numbers, new saker take the next free one. */
function numbersOf(moter: M[]): Record<string, number[]> {
  const serier = nummerserier(moter);
  const result: Record<string, number[]> = {};
  for (const m of inNumberingOrder(moter)) {
    const serie = serier.get(serieKey(m))!;
    if (m.frosne.length === 0) serie.begin(m.forsteSaksnummer);
    serie.passer(m.frosne);
    result[m.id] = [...m.frosne, ...Array.from({ length: m.antall - m.frosne.length }, () => serie.take())];
  }
  return result;
}

const forsteSaksnumre = (moter: M[]) => new Map(Object.entries(numbersOf(moter)).map(([id, n]) => [id, n[0]]));

describe('sak numbering across a committee year', () => {
  it('continues where the previous meeting stopped, in date order whatever the input order', () => {
    const starts = forsteSaksnumre([mote('nov', '2025-11-13', 5), mote('feb', '2025-02-20', 10), mote('mai', '2025-05-22', 8)]);
    expect(Object.fromEntries(starts)).toEqual({ feb: 1, mai: 11, nov: 19 });
  });

  it('restarts at 1 in a new year and keeps committees apart', () => {
    const starts = forsteSaksnumre([
      mote('a', '2025-11-13', 6),
      mote('b', '2026-02-12', 4),
      mote('c', '2026-05-21', 3),
      mote('pm', '2026-06-10', 2, { utvalg: 'partnerskap' }),
    ]);
    expect(Object.fromEntries(starts)).toEqual({ a: 1, b: 1, c: 5, pm: 1 });
  });

  it('lets forste_saksnummer set the start, and the next meeting continues from it', () => {
    const starts = forsteSaksnumre([mote('mai', '2025-05-22', 8, { forsteSaksnummer: 11 }), mote('sep', '2025-09-18', 8)]);
    expect(Object.fromEntries(starts)).toEqual({ mai: 11, sep: 19 });
  });

  it("keeps a sent meeting's numbers, gives a sak added to it the next free number, and never gives a frozen number twice", () => {
    // February was sent with 1–4 and gets a fifth sak; May was sent with 5–7 before that.
    const numbers = numbersOf([
      mote('feb', '2025-02-20', 5, { frosne: [1, 2, 3, 4] }),
      mote('mai', '2025-05-22', 3, { frosne: [5, 6, 7] }),
      mote('sep', '2025-09-18', 2),
    ]);
    expect(numbers).toEqual({ feb: [1, 2, 3, 4, 8], mai: [5, 6, 7], sep: [9, 10] });
  });

  it('finds the previous meeting of the same committee, across years', () => {
    const moter = [mote('a', '2025-11-13', 1), mote('b', '2026-02-12', 1), mote('x', '2026-01-10', 1, { utvalg: 'pm' })];
    expect(forrigeMote(moter, 'ssu', '2026-02-12' as Dato)).toBe('2025-11-13');
    expect(forrigeMote(moter, 'ssu', '2025-11-13' as Dato)).toBeUndefined();
  });
});

describe('a sak added to an earlier meeting of the year', () => {
  it('never takes a number a later, sent meeting was sent with, and moves none of them', async () => {
    const MAI = '2025-05-22-ssu';
    const SEPT = '2025-09-18-ssu';
    const root = makeProject({
      [`${MAI}/13-a.md`]: sak('tittel: Budsjett 2026\ntype: beslutning\nminutter: 30'),
      [`${SEPT}/mote.yaml`]: MOTE.replace('2025-05-22', '2025-09-18'),
      [`${SEPT}/10-c.md`]: sak('tittel: Høstens sak\ntype: tema\nminutter: 20', 'Tekst.\n'),
    });
    const sept = (await check(root)).alleMoter.find((m) => m.mappe === SEPT)!;
    expect(sept.saker.map((s) => saksnummer(s.nummer!))).toEqual(['03.25', '04.25', '05.25']);
    writeFileSync(join(root, SEPT, 'journal.json'), journalFor(sept, '2025-09-01'));

    // The forgotten sak sorts first in May, so May's own unsent sak moves; September's do not.
    writeFileSync(join(root, MAI, '12-glemt.md'), sak('tittel: Glemt sak\ntype: beslutning\nminutter: 10'));
    const etter = await check(root);
    expect(etter.lines).toEqual([]);
    const nummer = Object.fromEntries(
      etter.alleMoter.flatMap((m) => m.saker.map((s) => [`${m.mappe.slice(5, 7)} ${s.tittel}`, saksnummer(s.nummer!)])),
    );
    expect(nummer).toEqual({
      '05 Godkjenning av innkalling og saksliste': '01.25',
      '05 Glemt sak': '02.25',
      '05 Budsjett 2026': '06.25',
      '09 Godkjenning av innkalling og saksliste': '03.25',
      '09 Godkjenning av referat fra SSU-møtet 22.05.25': '04.25',
      '09 Høstens sak': '05.25',
    });
  });
});
