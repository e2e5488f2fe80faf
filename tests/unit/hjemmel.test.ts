import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HJEMMEL_MONSTER, parseHjemmel, VANLIGE_HJEMLER } from '../../src/pipeline/model/hjemmel.js';

/** The legal basis of an exempt sak: a paragraph of offentleglova §§ 13–26 (issue 12). */

const TILLATT =
  'Tillatt: en paragraf i offentleglova §§ 13–26, for eksempel «offl. § 13 jf. fvl. § 13 første ledd nr. 1», «offl. § 23 første ledd», «offentleglova § 14» eller «offl. § 15 andre ledd»';
const monster = new RegExp(HJEMMEL_MONSTER, 'u');

describe('parseHjemmel: the common forms', () => {
  it.each([
    ['offl. § 13 jf. fvl. § 13 første ledd nr. 1', 13, 'fvl. § 13 første ledd nr. 1'],
    ['offl. § 23 første ledd', 23, undefined],
    ['offentleglova § 14', 14, undefined],
    ['Offl. § 15 andre ledd', 15, undefined],
    ['offl. § 13 jf. fvl. § 13', 13, 'fvl. § 13'],
    ['offl. § 13', 13, undefined],
    ['offl § 26', 26, undefined],
    ['offl.§13', 13, undefined],
    ['OFFL. § 20 første ledd bokstav c', 20, undefined],
    ['offl. § 24 andre ledd første punktum', 24, undefined],
    ['offentlighetsloven § 23 1. ledd', 23, undefined],
    ['offl. § 13, jf. fvl. § 13.', 13, 'fvl. § 13'],
    ['offl. § 13 jfr. forvaltningsloven § 13 første ledd nr. 1', 13, 'forvaltningsloven § 13 første ledd nr. 1'],
    ['offl. § 13 jf. helsepersonelloven § 21', 13, 'helsepersonelloven § 21'],
    ['offl. § 13 jf. spesialisthelsetjenesteloven § 6-1', 13, 'spesialisthelsetjenesteloven § 6-1'],
    ['offl. § 13 jf. helse- og omsorgstjenesteloven § 12-1 og hpl. § 21', 13, 'helse- og omsorgstjenesteloven § 12-1 og hpl. § 21'],
    ['offl. § 13 jf. fvl. § 13 b', 13, 'fvl. § 13 b'],
    ['  offl. § 15 andre ledd  ', 15, undefined],
  ])('%s', (tekst, paragraf, jf) => {
    expect(parseHjemmel(tekst)).toEqual({ ok: true, value: { tekst: tekst.trim(), paragraf, ...(jf ? { jf } : {}) } });
  });

  it('the examples the messages give are all accepted', () => {
    for (const form of VANLIGE_HJEMLER) expect(parseHjemmel(form).ok, form).toBe(true);
  });
});

describe('parseHjemmel: anything else says what is wrong and what is allowed', () => {
  it.each([
    [
      'ja',
      '«ja» er ikke en hjemmel; feltet skal si hvorfor saken er unntatt, med paragrafen i offentleglova (og fjernes når saken ikke er unntatt)',
    ],
    [
      'Unntatt',
      '«Unntatt» er ikke en hjemmel; feltet skal si hvorfor saken er unntatt, med paragrafen i offentleglova (og fjernes når saken ikke er unntatt)',
    ],
    ['personalsak', '«personalsak» er ikke en hjemmel; skriv paragrafen i offentleglova saken er unntatt etter'],
    ['§ 13', '«§ 13» sier ikke hvilken lov paragrafen er i; skriv «offl.» foran, for eksempel «offl. § 13»'],
    [
      'fvl. § 13',
      '«fvl. § 13» viser ikke til offentleglova, som er loven som gir unntak fra innsyn; en taushetsplikt etter en annen lov skrives med «jf.», for eksempel «offl. § 13 jf. fvl. § 13»',
    ],
    ['offl.', '«offl.» mangler paragrafen; skriv «§» og nummeret, for eksempel «offl. § 23»'],
    ['offl. § 5', '§ 5 i offentleglova gir ikke unntak fra innsyn; unntakene står i §§ 13–26'],
    ['offl. § 27', '§ 27 i offentleglova gir ikke unntak fra innsyn; unntakene står i §§ 13–26'],
    ['offl. § 13 jf.', 'etter «jf.» må det stå en lov og en paragraf, for eksempel «jf. fvl. § 13 første ledd nr. 1»'],
    [
      'offl. § 13 (taushetsplikt)',
      'forstår ikke «(taushetsplikt)» etter «offl. § 13»; etter paragrafen kan det stå ledd, nr., bokstav og punktum («første ledd nr. 1») og «jf.» med en annen lov («jf. fvl. § 13»)',
    ],
    [
      'offl. § 23 første ledd og noe mer',
      'forstår ikke «og noe mer» etter «offl. § 23 første ledd»; etter paragrafen kan det stå ledd, nr., bokstav og punktum («første ledd nr. 1») og «jf.» med en annen lov («jf. fvl. § 13»)',
    ],
  ])('%s', (tekst, why) => {
    expect(parseHjemmel(tekst)).toEqual({ ok: false, why: `${why}. ${TILLATT}` });
  });

  it('quotes a long value shortened, on one line', () => {
    const result = parseHjemmel(`${'x'.repeat(100)}\nmer`);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.why).toMatch(/^«x{59}…» er ikke en hjemmel/);
  });
});

/** Every form the grammar allows, built from its parts. */
const lov = fc.constantFrom('offl.', 'offl', 'Offl.', 'OFFL.', 'offentleglova', 'Offentleglova', 'offentlighetsloven');
const ordenstall = fc.constantFrom('første', 'andre', 'annet', 'tredje', 'fjerde', '1.', '2.');
const del = fc.oneof(
  ordenstall.map((o) => `${o} ledd`),
  fc.integer({ min: 1, max: 12 }).map((n) => `nr. ${n}`),
  fc.constantFrom('a', 'b', 'c').map((b) => `bokstav ${b}`),
  ordenstall.map((o) => `${o} punktum`),
);
const deler = fc.array(del, { maxLength: 3 }).map((d) => d.map((x) => ` ${x}`).join(''));
const annenLov = fc
  .tuple(
    fc.constantFrom('fvl.', 'Fvl', 'forvaltningsloven', 'hpl.', 'helsepersonelloven', 'pasient- og brukerrettighetsloven'),
    fc.constantFrom('13', '13 b', '6-1', '21'),
    deler,
  )
  .map(([l, p, d]) => `${l} § ${p}${d}`);
const jf = fc.option(
  fc.tuple(fc.constantFrom(' jf. ', ', jf. ', ' jfr. ', ' jf '), annenLov).map(([j, l]) => `${j}${l}`),
  { nil: undefined },
);
const mellomrom = fc.constantFrom(' ', '', '  ');

describe('parseHjemmel: properties', () => {
  it('every form of §§ 13–26 is accepted, with its paragraph, the text as written, and matches the editor pattern', () => {
    fc.assert(
      fc.property(lov, mellomrom, fc.integer({ min: 13, max: 26 }), deler, jf, (l, m, n, d, j) => {
        const tekst = `${l} §${m}${n}${d}${j ?? ''}`;
        const result = parseHjemmel(tekst);
        expect(result, tekst).toMatchObject({ ok: true, value: { tekst, paragraf: n } });
        expect(monster.test(tekst), tekst).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('the same forms with a paragraph outside §§ 13–26 are refused, naming the paragraph', () => {
    const utenfor = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 27, max: 999 }));
    fc.assert(
      fc.property(lov, utenfor, deler, jf, (l, n, d, j) => {
        const result = parseHjemmel(`${l} § ${n}${d}${j ?? ''}`);
        expect(result).toEqual({
          ok: false,
          why: `§ ${n} i offentleglova gir ikke unntak fra innsyn; unntakene står i §§ 13–26. ${TILLATT}`,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a valid form followed by words that are not a part of a paragraph is refused, quoting them', () => {
    const ord = fc.constantFrom('og', 'taushetsplikt', 'mv.', '(personalsak)', 'jf', 'se', 'xyz');
    fc.assert(
      fc.property(lov, fc.integer({ min: 13, max: 26 }), deler, ord, (l, n, d, o) => {
        const result = parseHjemmel(`${l} § ${n}${d} ${o}`);
        expect(result.ok).toBe(false);
        expect(!result.ok && result.why.endsWith(TILLATT)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('any text at all gives an answer, never an exception; what is accepted names offentleglova and a paragraph of 13–26', () => {
    const tekst = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.tuple(lov, fc.string({ maxLength: 40 })).map(([l, r]) => `${l} § ${r}`),
      fc.tuple(lov, fc.integer({ min: 13, max: 26 }), fc.string({ maxLength: 40 })).map(([l, n, r]) => `${l} § ${n} ${r}`),
    );
    fc.assert(
      fc.property(tekst, (t) => {
        const result = parseHjemmel(t);
        if (!result.ok) {
          expect(result.why.endsWith(TILLATT)).toBe(true);
          return;
        }
        expect(result.value.paragraf).toBeGreaterThanOrEqual(13);
        expect(result.value.paragraf).toBeLessThanOrEqual(26);
        expect(result.value.tekst).toBe(t.trim());
        expect(monster.test(t)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
