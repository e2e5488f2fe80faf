import type { Position } from '../../domain/diagnostics.js';
import { markdownLines } from '../../util/markdown-lines.js';
import { overskrifter } from './seksjoner.js';

/**
 * Sum rows of Markdown tables, checked against the rows above them. Budget tables in case papers
 * end with `Sum` or `Totalt` rows, and the secretariat's own documents have sums that do not add
 * up. Found line by line like the headings (see seksjoner.ts): `check` does not parse bodies.
 *
 * Amounts are kept as whole øre, so `1 250 000,50` adds up exactly.
 */

/** One sum cell that was checked: the sum row, the column, what is written and what the rows give. */
export interface Sumcelle {
  /** Where the written sum starts. */
  position: Position;
  /** 1-based number of the table in the text, and the nearest heading above it. */
  tabell: number;
  overskrift?: string;
  /** The column's header and the sum row's label, as written (without emphasis). */
  kolonne: string;
  rad: string;
  skrevet: number;
  beregnet: number;
  stemmer: boolean;
}

const MELLOMROM = /[ \u00A0\u202F\u2009\u2007]/g;
const MINUS = /^[-\u2212\u2013\u2014]\s*/;
const PLASSHOLDER = /^[-\u2212\u2013\u2014]?$/;

function withoutEmphasis(celle: string): string {
  return celle.replace(/\\\|/g, '|').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * An amount as the secretariat writes it, in øre: `10 700 000`, `1.250.000`, `Kr. 980 000`,
 * `750 000,-`, `−500 000`, `1 250,50`, `kr 10,7 mill.`; undefined for anything else (text,
 * percentages, dates, sak numbers like `13.25`).
 */
export function parseBelop(celle: string): number | undefined {
  let t = withoutEmphasis(celle).replace(/\u00A0/g, ' ');
  if (t === '' || t.includes('%')) return undefined;
  let fortegn = 1;
  const minus = MINUS.exec(t);
  if (minus) {
    fortegn = -1;
    t = t.slice(minus[0].length);
  }
  t = t.replace(/^(?:kr\.?|nok)\s*/i, '').replace(/\s*(?:kr\.?|nok)$/i, '');
  if (fortegn === 1 && MINUS.test(t)) {
    fortegn = -1;
    t = t.replace(MINUS, '');
  }
  let faktor = 100;
  const mill = /^(.*?)\s*(?:mill\.?|millioner|mnok)$/i.exec(t);
  if (mill) {
    faktor = 100_000_000;
    t = mill[1]!;
  }
  t = t.replace(/[,.][-\u2013]$/, '').trim();
  let heltall: string;
  let desimaler = '';
  if (mill) {
    const m = /^(\d+)(?:[.,](\d+))?$/.exec(t);
    if (!m) return undefined;
    heltall = m[1]!;
    desimaler = m[2] ?? '';
  } else {
    const m = /^(\d{1,3}(?:[ \u202F\u2009\u2007]\d{3})+|\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(t);
    if (!m) return undefined;
    heltall = m[1]!.replace(MELLOMROM, '').replace(/\./g, '');
    desimaler = m[2] ?? '';
  }
  const skala = faktor / 10 ** desimaler.length;
  if (!Number.isInteger(skala)) return undefined;
  const value = (Number(heltall) * 10 ** desimaler.length + Number(desimaler || '0')) * skala;
  return Number.isSafeInteger(value) ? fortegn * value : undefined;
}

/** `10 700 000`, `1 250,50`, `-500 000`: Norwegian grouping, with a plain space so terminals show it. */
export function formatBelop(ore: number): string {
  const negativ = ore < 0;
  const abs = Math.abs(ore);
  const kroner = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const rest = abs % 100;
  return `${negativ ? '-' : ''}${kroner}${rest ? `,${String(rest).padStart(2, '0')}` : ''}`;
}

/** `Sum`, `Sum Bo trygt hjemme`, `Sum:`, `Totalt`, `Total`, `Totalsum`, `I alt`. */
export const SUMRAD = /^(?:sum|totalt?|totalsum|i alt)(?=$|[\s:.,;–-])/i;

/** Header words of columns that hold numbers but not amounts. */
export const IKKE_BELOP = /^(?:år|årstall|dato|nr\.?|nummer|saksnummer|sak|løpenummer|id|telefon|postnummer|side)$/i;

interface Cell {
  tekst: string;
  kolonne: number;
}

interface Row {
  celler: Cell[];
  linje: number;
}

/** The cells of a table row, with the 1-based column where each cell's text starts. */
function cellsOf(line: string): Cell[] {
  const result: Cell[] = [];
  let start = 0;
  let i = 0;
  const innrykk = /^\s*/.exec(line)![0].length;
  if (line[innrykk] === '|') start = i = innrykk + 1;
  for (; i <= line.length; i++) {
    const end = i === line.length;
    if (!end && !(line[i] === '|' && line[i - 1] !== '\\')) continue;
    const raa = line.slice(start, i);
    const foran = /^\s*/.exec(raa)![0].length;
    result.push({ tekst: raa.trim(), kolonne: start + foran + 1 });
    start = i + 1;
  }
  // A closing pipe leaves an empty last cell that is not a cell.
  if (/\|\s*$/.test(line) && result.length > 1 && result[result.length - 1]!.tekst === '') result.pop();
  return result;
}

const SKILLELINJE = /^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;

interface Tabell {
  hode: Cell[];
  rader: Row[];
  linje: number;
  offset: number;
}

/** GFM tables outside code blocks and HTML comments: a header row, a delimiter row, and rows up to a blank line. */
function tabeller(text: string, from: number): Tabell[] {
  const found: Tabell[] = [];
  // Line ends are \n only (load/text.ts turns CRLF into LF). The lines are not copied: spreading each into a new object made this scan take seconds on a long text.
  const lines = [...markdownLines(text, from)];
  for (let i = 0; i < lines.length; i++) {
    const linje = lines[i]!;
    if (linje.inFence || linje.commentBefore || linje.commentAfter) continue;
    const tekst = linje.text;
    const next = lines[i + 1];
    if (!tekst.includes('|') || !next || !SKILLELINJE.test(next.text) || !next.text.includes('-')) continue;
    const hode = cellsOf(tekst);
    if (cellsOf(next.text).length !== hode.length) continue;
    const rader: Row[] = [];
    let j = i + 2;
    for (; j < lines.length; j++) {
      const rad = lines[j]!;
      if (rad.text.trim() === '' || ATX.test(rad.text) || rad.inFence || rad.text.trimStart().startsWith('<!--')) break;
      rader.push({ celler: cellsOf(rad.text), linje: rad.number });
    }
    found.push({ hode, rader, linje: linje.number, offset: linje.start });
    i = j - 1;
  }
  return found;
}

/** The label of a sum row (`Sum`, `Totalt` …) among the cells before its first amount; undefined for other rows. */
function sumEtikett(rad: Row): string | undefined {
  for (const celle of rad.celler) {
    const text = withoutEmphasis(celle.tekst);
    if (text === '') continue;
    if (parseBelop(text) !== undefined) return undefined;
    if (SUMRAD.test(text)) return text;
  }
  return undefined;
}

type Verdi = { kind: 'tom' } | { kind: 'belop'; ore: number } | { kind: 'tekst' };

function cellValue(celle: Cell | undefined): Verdi {
  const text = withoutEmphasis(celle?.tekst ?? '');
  if (PLASSHOLDER.test(text)) return { kind: 'tom' };
  const ore = parseBelop(text);
  return ore === undefined ? { kind: 'tekst' } : { kind: 'belop', ore };
}

export const ARSTALL = /^(?:19|20)\d\d$/;

/**
 * Every sum cell of every table in `text` (from offset `from`), checked. A row labelled `Sum …`
 * or `Totalt` must equal the rows above it up to the previous sum row (a subtotal), or all the
 * rows above it that are not sum rows (a total), or the sum rows above it plus the rows since the
 * last of them (a total of subtotals). A column is checked only when the sum cell and every cell
 * it adds are amounts or empty: text, percentages and years are not summed.
 */
export function tabellsummer(text: string, from = 0): Sumcelle[] {
  const headings = overskrifter(text, from);
  return tabeller(text, from).flatMap((tabell, index) => {
    const overskrift = headings.filter((h) => h.start < tabell.offset).pop()?.tittel;
    return checkTabell(tabell, { tabell: index + 1, overskrift });
  });
}

/** Where the sum rows of one row stand: the rows since the previous sum row, and every row above that is not a sum. */
interface Sumrad {
  rad: Row;
  etikett: string;
  forrigeSum: number;
  detaljerSiden: number[];
  alleDetaljer: number[];
  /** The sum rows above this one. */
  tidligere: number[];
}

function checkTabell(tabell: Tabell, sted: Pick<Sumcelle, 'tabell' | 'overskrift'>): Sumcelle[] {
  const result: Sumcelle[] = [];
  const sumrader: number[] = [];
  tabell.rader.forEach((rad, r) => {
    const etikett = sumEtikett(rad);
    if (!etikett) return;
    const forrigeSum = sumrader.length > 0 ? sumrader[sumrader.length - 1]! : -1;
    const sumrad: Sumrad = {
      rad,
      etikett,
      forrigeSum,
      detaljerSiden: tabell.rader.map((_, k) => k).filter((k) => k > forrigeSum && k < r),
      alleDetaljer: tabell.rader.map((_, k) => k).filter((k) => k < r && !sumrader.includes(k)),
      tidligere: [...sumrader],
    };
    sumrader.push(r);
    for (let c = 0; c < tabell.hode.length; c++) {
      const celle = checkSumcelle(tabell, sumrad, c);
      if (!celle) continue;
      const { position, ...rest } = celle;
      result.push({ position, ...sted, ...rest });
    }
  });
  return result;
}

/** The sum row's cell in column `c`, checked; undefined when the column is not one of amounts. */
function checkSumcelle(tabell: Tabell, sumrad: Sumrad, c: number): Omit<Sumcelle, 'tabell' | 'overskrift'> | undefined {
  const { rad, etikett, forrigeSum, detaljerSiden, alleDetaljer } = sumrad;
  const kolonne = withoutEmphasis(tabell.hode[c]!.tekst);
  if (IKKE_BELOP.test(kolonne)) return undefined;
  const celle = rad.celler[c];
  const skrevet = cellValue(celle);
  if (skrevet.kind !== 'belop' || !celle) return undefined;
  // The label cell itself, or a text column: nothing to add up.
  const iKolonne = (k: number) => cellValue(tabell.rader[k]!.celler[c]);
  const verdier = alleDetaljer.map(iKolonne);
  if (verdier.some((v) => v.kind === 'tekst')) return undefined;
  const tidligereSummer = sumrad.tidligere.map(iKolonne);
  if (tidligereSummer.some((v) => v.kind === 'tekst')) return undefined;
  if (!verdier.some((v) => v.kind === 'belop')) return undefined;
  // Years: a column where every number is a bare year is not amounts.
  const rene = [celle, ...alleDetaljer.map((k) => tabell.rader[k]!.celler[c])]
    .map((x) => withoutEmphasis(x?.tekst ?? ''))
    .filter((x) => x !== '');
  if (rene.every((x) => ARSTALL.test(x))) return undefined;
  const tall = (v: Verdi) => (v.kind === 'belop' ? v.ore : 0);
  const delsum = detaljerSiden.reduce((s, k) => s + tall(iKolonne(k)), 0);
  const totalt = verdier.reduce((s, v) => s + tall(v), 0);
  const avSummer = tidligereSummer.reduce((s, v) => s + tall(v), 0) + delsum;
  const kandidater = forrigeSum === -1 ? [delsum] : [delsum, totalt, avSummer];
  const stemmer = kandidater.includes(skrevet.ore);
  // Reported against what the row most likely is: after subtotals, a bare «Sum» or «Totalt» is the total.
  const erTotal = forrigeSum !== -1 && (/^(?:sum|totalt?|totalsum|i alt|sum totalt)[:.]?$/i.test(etikett) || detaljerSiden.length === 0);
  return {
    position: { line: rad.linje, column: celle.kolonne },
    kolonne: kolonne || `kolonne ${c + 1}`,
    rad: etikett,
    skrevet: skrevet.ore,
    beregnet: stemmer ? skrevet.ore : erTotal ? totalt : delsum,
    stemmer,
  };
}

/** The warning for a sum that does not add up, in the words the secretariat uses. */
export function summeavvikMessage(celle: Sumcelle, fromFile?: string): string {
  const tabell = fromFile
    ? `tabellen fra «${fromFile}»`
    : `tabell ${celle.tabell}${celle.overskrift ? ` (under «${celle.overskrift}»)` : ''}`;
  const forskjell = celle.skrevet - celle.beregnet;
  return `summen stemmer ikke i ${tabell}, kolonne «${celle.kolonne}», rad «${celle.rad}»: det står ${formatBelop(celle.skrevet)}, men radene over blir ${formatBelop(celle.beregnet)} (${formatBelop(Math.abs(forskjell))} for ${forskjell > 0 ? 'mye' : 'lite'}). Rett summen eller tallene over; en rad «Sum …» foran flere rader regnes som delsum.`;
}
