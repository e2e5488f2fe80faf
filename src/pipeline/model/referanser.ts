import type { Position } from '../../domain/diagnostics.js';
import type { Organisasjon, SakReferanse, Saksnummer } from '../../domain/types.js';
import { markdownLines } from '../../util/markdown-lines.js';

/**
 * Recognises mentions of saker in what the secretariat writes, the ways the seeds write them:
 * «sak 15.24», «Sak. 11.25», «saker 12.25 og 13.25», «sak 23.24 og 32.24», «sak 22/25»,
 * «sak 32.24 fra SSU 14.11.24», «(sak 03.25 SSU 20.2.25)», «sak 22.24 i SSU». A number is a
 * sak number only after the word sak (saker, sakene, saka) or in a list that follows it, so dates
 * (22.05.25) and amounts (kr 15.250) are never taken for one. Pure: text in, references out.
 */

/** What a committee may be named as after the number: its kortnavn (SSU) or its name. */
export interface UtvalgName {
  kortnavn: string;
  navn: string;
}

/** The committees a text may name after a sak number («sak 32.24 fra SSU»). */
export function kjenteUtvalg(organisasjon: Organisasjon | undefined): UtvalgName[] {
  return [...(organisasjon?.utvalg.values() ?? [])].map((u) => ({ kortnavn: u.kortnavn, navn: u.navn }));
}

/** A reference found in a text, by offsets into that text. */
export interface Treff {
  saksnummer: Saksnummer;
  utvalg?: string;
  tekst: string;
  start: number;
  end: number;
}

const ORD = String.raw`(?<![\p{L}\p{N}_])(?:sak(?:ene|er|a)?)\.?(?:\s+(?:nr\.?|nummer))?`;
/** `15.24`, `22/25`, `22 / 25`; not when more digits follow (a date `22.05.25`, an amount `1.250`). */
const NUMMER = String.raw`(\d{1,4})(?:\.|\s?\/\s?)(\d{2})(?![\p{N}]|[./]\p{N})`;
const FORSTE = new RegExp(String.raw`${ORD}\s+${NUMMER}`, 'giu');
const NESTE = new RegExp(String.raw`\s*(?:,|\bog\b|\beller\b|\bsamt\b)\s*(?:${ORD}\s+)?${NUMMER}`, 'iuy');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const utvalgPattern = new Map<string, RegExp | undefined>();

/** `fra SSU`, `i Strategisk samarbeidsutvalg`, or the kortnavn directly after the number. */
function utvalgAfter(utvalg: readonly UtvalgName[]): RegExp | undefined {
  const key = utvalg.map((u) => `${u.kortnavn}\u0000${u.navn}`).join('\u0001');
  if (!utvalgPattern.has(key)) {
    const names = utvalg.flatMap((u) => [u.kortnavn, u.navn]).filter((n) => n.trim() !== '');
    names.sort((a, b) => b.length - a.length);
    utvalgPattern.set(
      key,
      names.length === 0
        ? undefined
        : new RegExp(String.raw`\s+(?:(?:fra|frå|i)\s+)?(${names.map(escapeRegExp).join('|')})(?![\p{L}\p{N}])`, 'iuy'),
    );
  }
  return utvalgPattern.get(key);
}

function kortnavnOf(written: string, utvalg: readonly UtvalgName[]): string | undefined {
  const lower = written.toLowerCase();
  return utvalg.find((u) => u.kortnavn.toLowerCase() === lower || u.navn.toLowerCase() === lower)?.kortnavn;
}

function nummerOf(lopenummer: string, ar: string): Saksnummer | undefined {
  const nr = Number(lopenummer);
  return nr >= 1 ? { lopenummer: nr, ar: 2000 + Number(ar) } : undefined;
}

/**
 * The references in plain text (a text node of the Markdown, or text already masked by
 * `findSakReferanser`), in order. The first of a list is «sak 12.25», the others «13.25».
 */
export function findReferanserITekst(text: string, utvalg: readonly UtvalgName[] = []): Treff[] {
  if (!/sak/i.test(text)) return [];
  const treff: Treff[] = [];
  const etter = utvalgAfter(utvalg);
  FORSTE.lastIndex = 0;
  for (let m = FORSTE.exec(text); m; m = FORSTE.exec(text)) {
    const list: Treff[] = [];
    const first = nummerOf(m[1]!, m[2]!);
    if (first) list.push({ saksnummer: first, tekst: m[0], start: m.index, end: m.index + m[0].length });
    let pos = FORSTE.lastIndex;
    NESTE.lastIndex = pos;
    for (let n = NESTE.exec(text); n; n = NESTE.exec(text)) {
      const nummer = nummerOf(n[1]!, n[2]!);
      // The linked words start at the number, or at «sak» when the list repeats it.
      const ord = n[0].search(/sak|\d/i);
      if (nummer) list.push({ saksnummer: nummer, tekst: n[0].slice(ord), start: pos + ord, end: NESTE.lastIndex });
      pos = NESTE.lastIndex;
    }
    if (etter) {
      etter.lastIndex = pos;
      const u = etter.exec(text);
      const kortnavn = u && kortnavnOf(u[1]!, utvalg);
      if (kortnavn) for (const t of list) t.utvalg = kortnavn;
    }
    treff.push(...list);
    FORSTE.lastIndex = pos;
  }
  return treff;
}

const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/** Where a reader sees no prose: links as written (text and address), HTML tags and `<a>…</a>`, web addresses, definitions. */
const IKKE_PROSA = [
  /<a\b[^>]*>[\s\S]*?<\/a\s*>/gi,
  /!?\[(?:[^[\]]|\[[^\]]*\])*\](?:\([^)]*\)|\[[^\]]*\])/g,
  /^ {0,3}\[[^\]\n]+\]:.*$/gm,
  /<\/?[a-z][^>]*>/gi,
  /\b(?:https?:\/\/|www\.)[^\s<>)]*/gi,
];

/**
 * The text with everything that is not prose blanked out, offsets kept: outside `from`–`to`,
 * fenced code, code spans and comments (util/markdown-lines.ts), links, HTML and addresses.
 */
function maskMarkdown(text: string, from: number, to: number): string {
  const deler = [blank(text.slice(0, from))];
  for (const line of markdownLines(text, from)) {
    deler.push(line.inFence ? blank(line.text) : line.visible);
    if (line.next <= text.length) deler.push('\n');
  }
  let masked = deler.join('');
  masked = masked.slice(0, to) + blank(masked.slice(to));
  for (const pattern of IKKE_PROSA) masked = masked.replace(pattern, blank);
  return masked;
}

function positionAt(lineStarts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

export interface ReferanseOptions {
  /** Offset where the text to read starts (after the frontmatter) and ends; the whole text by default. */
  from?: number;
  to?: number;
  /** The organisation's committees, so «fra SSU» names one. */
  utvalg?: readonly UtvalgName[];
}

/**
 * The sak references in a Markdown file (a sak's body and proposal, a section of the referat),
 * with line and column in the file. Nothing inside code, comments, links or HTML is a reference.
 */
export function findSakReferanser(markdown: string, options: ReferanseOptions = {}): SakReferanse[] {
  const from = options.from ?? 0;
  const to = Math.min(options.to ?? markdown.length, markdown.length);
  if (!/sak/i.test(markdown.slice(from, to))) return [];
  const masked = maskMarkdown(markdown, from, to);
  const lineStarts = [0];
  for (let i = markdown.indexOf('\n'); i !== -1; i = markdown.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return findReferanserITekst(masked, options.utvalg).map((t) => ({
    saksnummer: t.saksnummer,
    ...(t.utvalg ? { utvalg: t.utvalg } : {}),
    tekst: markdown.slice(t.start, t.end),
    position: positionAt(lineStarts, t.start),
  }));
}
