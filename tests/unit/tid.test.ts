import { describe, expect, it } from 'vitest';
import type { Dato } from '../../src/domain/types.js';
import {
  klokkeslett,
  kortDato,
  langDato,
  parseDato,
  parseKlokkeslett,
  parseSaksnummer,
  saksnummer,
  ukedag,
} from '../../src/pipeline/model/tid.js';

describe('dates', () => {
  it('reads ISO and Norwegian dates and writes them the Norwegian way', () => {
    const iso = parseDato('2025-05-22');
    const norsk = parseDato('22.05.2025');
    expect(iso).toEqual({ ok: true, value: '2025-05-22' });
    expect(norsk).toEqual(iso);
    expect(langDato('2025-05-22' as Dato)).toBe('22. mai 2025');
    expect(kortDato('2025-02-20' as Dato)).toBe('20.02.25');
    expect(ukedag('2025-05-22' as Dato)).toBe('torsdag');
  });

  it('refuses dates that do not exist, saying why', () => {
    expect(parseDato('2025-02-30')).toEqual({ ok: false, why: 'datoen 2025-02-30 finnes ikke: februar 2025 har 28 dager' });
    expect(parseDato('2024-02-29').ok).toBe(true);
    expect(parseDato('2025-13-01')).toMatchObject({ ok: false, why: expect.stringContaining('måneden må være 1–12') });
    expect(parseDato('22. mai')).toMatchObject({ ok: false, why: expect.stringContaining('ÅÅÅÅ-MM-DD') });
  });
});

describe('clock times', () => {
  it('reads the forms of the seeds: 09:00, 0900, 09.00, 9:30', () => {
    for (const text of ['09:00', '0900', '09.00', '9:00']) expect(parseKlokkeslett(text)).toEqual({ ok: true, value: 540 });
    expect(parseKlokkeslett('9:30')).toEqual({ ok: true, value: 570 });
    expect(klokkeslett(570)).toBe('09.30');
  });

  it('refuses impossible times', () => {
    expect(parseKlokkeslett('25:00')).toMatchObject({ ok: false, why: expect.stringContaining('timen må være 00–23') });
    expect(parseKlokkeslett('12:60')).toMatchObject({ ok: false, why: expect.stringContaining('minuttene må være 00–59') });
    expect(parseKlokkeslett('ni')).toMatchObject({ ok: false, why: expect.stringContaining('TT:MM') });
  });
});

describe('sak numbers', () => {
  it('reads 13.25 and 22/25 and writes NN.ÅÅ with two digits', () => {
    expect(parseSaksnummer('22/25')).toEqual({ ok: true, value: { lopenummer: 22, ar: 2025 } });
    expect(saksnummer({ lopenummer: 4, ar: 2025 })).toBe('04.25');
    expect(parseSaksnummer('13.2025').ok).toBe(false);
  });

  it('reads and writes a running number of any length the same way: 999.25, 1000.25, 12345.25', () => {
    for (const lopenummer of [999, 1000, 12345]) {
      const skrevet = saksnummer({ lopenummer, ar: 2025 });
      expect(skrevet).toBe(`${lopenummer}.25`);
      expect(parseSaksnummer(skrevet)).toEqual({ ok: true, value: { lopenummer, ar: 2025 } });
    }
    expect(parseSaksnummer('0.25')).toMatchObject({ ok: false, why: expect.stringContaining('1 eller høyere') });
    expect(parseSaksnummer('99999999999999999999.25')).toMatchObject({ ok: false, why: expect.stringContaining('for stort') });
  });
});
