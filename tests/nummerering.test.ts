import { describe, expect, it } from 'vitest';
import type { Dato } from '../src/domain/types.js';
import { forrigeMote, forsteSaksnumre } from '../src/pipeline/model/nummerering.js';

const mote = (id: string, dato: string, antall: number, extra: { utvalg?: string; forsteSaksnummer?: number } = {}) => ({
  id,
  dato: dato as Dato,
  antall,
  utvalg: extra.utvalg ?? 'ssu',
  forsteSaksnummer: extra.forsteSaksnummer,
});

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

  it('finds the previous meeting of the same committee, across years', () => {
    const moter = [mote('a', '2025-11-13', 1), mote('b', '2026-02-12', 1), mote('x', '2026-01-10', 1, { utvalg: 'pm' })];
    expect(forrigeMote(moter, 'ssu', '2026-02-12' as Dato)).toBe('2025-11-13');
    expect(forrigeMote(moter, 'ssu', '2025-11-13' as Dato)).toBeUndefined();
  });
});
