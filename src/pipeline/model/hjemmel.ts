import type { Tolket } from './tid.js';

/**
 * The legal basis of an exempt sak (`unntatt_offentlighet`), read as the secretariat writes it:
 * a paragraph of offentleglova's exemptions (§§ 13–26), with the parts of it (`første ledd`,
 * `nr. 1`, `bokstav a`, `andre punktum`) and, after «jf.», the provision of another law it rests
 * on (`fvl. § 13`, for the duty of confidentiality that § 13 points to). Pure: text in, answer out.
 */

export interface Hjemmel {
  /** The text as written (trimmed): what the documents print. */
  tekst: string;
  /** The paragraph of offentleglova, 13–26. */
  paragraf: number;
  /** What follows «jf.», when written: `fvl. § 13 første ledd nr. 1`. */
  jf?: string;
}

/** The first and last paragraph of offentleglova that exempt from access (chapter 3). */
export const FORSTE_UNNTAK = 13;
export const SISTE_UNNTAK = 26;

/** The forms the messages show: what the secretariat is most likely to write. */
export const VANLIGE_HJEMLER = [
  'offl. § 13 jf. fvl. § 13 første ledd nr. 1',
  'offl. § 23 første ledd',
  'offentleglova § 14',
  'offl. § 15 andre ledd',
] as const;

/**
 * For editors (JSON Schema): how a legal basis starts, offentleglova and a paragraph of §§ 13–26.
 * Looser than the parser (which also reads the rest); every text the parser accepts matches it.
 */
export const HJEMMEL_MONSTER =
  '^\\s*(?:[Oo](?:ffl|FFL)\\.?|[Oo]ffentleglova|[Oo]ffentlighetsloven)\\s*§\\s*0*(?:1[3-9]|2[0-6])(?:\\D[\\s\\S]*)?$';

const TILLATT = `Tillatt: en paragraf i offentleglova §§ ${FORSTE_UNNTAK}–${SISTE_UNNTAK}, for eksempel ${VANLIGE_HJEMLER.map(
  (h) => `«${h}»`,
)
  .join(', ')
  .replace(/, (?=[^,]*$)/, ' eller ')}`;

const ORDENSTALL =
  '(?:første|fyrste|andre|annen|annet|anna|tredje|fjerde|femte|sjette|sjuande|sjuende|syvende|åttende|niende|tiende|\\d{1,2}\\.)';
/** One part of a paragraph: a ledd, a number, a letter, a sentence. */
const DEL = `(?:${ORDENSTALL}\\s+(?:ledd|punktum)|nr\\.?\\s*\\d{1,2}|bokstav\\s+[a-zæøå](?![\\p{L}\\d]))`;
const DELER = new RegExp(`^(?:\\s*,?\\s+${DEL})*`, 'iu');
const OFFL = /^([Oo](?:ffl|FFL)\.?|[Oo]ffentleglova|[Oo]ffentlighetsloven)(?=[\s§]|$)/u;
/** Another law: an abbreviation (`fvl.`, `hpl.`) or a name (`forvaltningsloven`, `helse- og omsorgstjenesteloven`). */
const LOV = '(?:(?:[\\p{L}]+-\\s+og\\s+)?[\\p{L}]+(?:loven|lova)|[\\p{L}]{2,}\\.?)';
/** A paragraph of another law: `13`, `6-1`, `13 b`. */
const PARAGRAF = '\\d{1,3}(?:\\s?-\\s?\\d{1,3})?(?:\\s?[a-z](?![\\p{L}\\d]))?';
const LOVHENVISNING = `${LOV}\\s*§\\s*${PARAGRAF}(?:\\s*,?\\s+${DEL})*`;
const JF = new RegExp(`^(?:\\s*,\\s*|\\s+)(?:jf|jfr|jamfør)\\.?\\s+(${LOVHENVISNING}(?:(?:\\s*,\\s*|\\s+og\\s+)${LOVHENVISNING})*)`, 'iu');

function error(why: string): Tolket<Hjemmel> {
  return { ok: false, why: `${why}. ${TILLATT}` };
}

/** A value as the messages quote it: short, on one line. */
function sitat(text: string): string {
  const en = text.replace(/\s+/g, ' ');
  return `«${en.length > 60 ? `${en.slice(0, 59)}…` : en}»`;
}

/** Why a text that does not start with offentleglova's name is not a legal basis. */
function utenOffl(s: string): Tolket<Hjemmel> {
  if (/^§/.test(s)) return error(`${sitat(s)} sier ikke hvilken lov paragrafen er i; skriv «offl.» foran, for eksempel «offl. ${s}»`);
  if (/^(?:ja|nei|yes|no|true|false|unntatt)$/i.test(s))
    return error(
      `${sitat(s)} er ikke en hjemmel; feltet skal si hvorfor saken er unntatt, med paragrafen i offentleglova (og fjernes når saken ikke er unntatt)`,
    );
  if (s.includes('§'))
    return error(
      `${sitat(s)} viser ikke til offentleglova, som er loven som gir unntak fra innsyn; en taushetsplikt etter en annen lov skrives med «jf.», for eksempel «offl. § 13 jf. fvl. § 13»`,
    );
  return error(`${sitat(s)} er ikke en hjemmel; skriv paragrafen i offentleglova saken er unntatt etter`);
}

/** Reads `offl. § 13 jf. fvl. § 13 første ledd nr. 1` and the other forms offentleglova is cited in. */
export function parseHjemmel(text: string): Tolket<Hjemmel> {
  const s = text.trim();
  const lov = OFFL.exec(s);
  if (!lov) return utenOffl(s);
  const paragraf = /^\s*§\s*(\d+)/u.exec(s.slice(lov[0].length));
  if (!paragraf) return error(`${sitat(s)} mangler paragrafen; skriv «§» og nummeret, for eksempel «${lov[1]} § 23»`);
  const nummer = Number(paragraf[1]);
  if (nummer < FORSTE_UNNTAK || nummer > SISTE_UNNTAK)
    return error(`§ ${nummer} i offentleglova gir ikke unntak fra innsyn; unntakene står i §§ ${FORSTE_UNNTAK}–${SISTE_UNNTAK}`);
  let rest = s.slice(lov[0].length + paragraf[0].length);
  rest = rest.slice(DELER.exec(rest)![0].length);
  const jf = JF.exec(rest);
  if (jf) rest = rest.slice(jf[0].length);
  else if (/^\s*,?\s*(?:jf|jfr|jamfør)\b/iu.test(rest))
    return error(`etter «jf.» må det stå en lov og en paragraf, for eksempel «jf. fvl. § 13 første ledd nr. 1»`);
  rest = rest.replace(/^\s*\.$/, '');
  if (rest.trim() !== '') {
    const lest = s.slice(0, s.length - rest.length).trim();
    return error(
      `forstår ikke ${sitat(rest.trim())} etter «${lest}»; etter paragrafen kan det stå ledd, nr., bokstav og punktum («første ledd nr. 1») og «jf.» med en annen lov («jf. fvl. § 13»)`,
    );
  }
  return { ok: true, value: { tekst: s, paragraf: nummer, ...(jf ? { jf: jf[1]!.trim() } : {}) } };
}
