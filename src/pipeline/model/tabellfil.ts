import type { Tabellcelle, Tabellfil } from '../../domain/sources.js';
import { markdownLines } from '../../util/markdown-lines.js';
import { ARSTALL, formatBelop, IKKE_BELOP, parseBelop, SUMRAD, type Sumcelle, tabellsummer } from './tabellsummer.js';

/**
 * A table read from a CSV or Excel file, as a GFM Markdown table that takes the place of its
 * `<!-- tabell: … -->` line: the renderer then treats it like any table the secretariat writes
 * (styles, right-aligned amounts, `<!-- liggende -->`), and the sum checker reads it.
 */

/** Characters that mean something in Markdown (or HTML) inside a table cell; escaped so a cell is only ever text. */
function escapeCelle(text: string): string {
  // Web and e-mail addresses still become links, as in a table written in Markdown (only http, https and mailto survive sanitizing).
  return text.replace(/\s*\r?\n\s*/g, ' ').replace(/[\\`*_[\]<>&|~!]/g, (c) => `\\${c}`);
}

/** Øre of a cell that is an amount, or undefined. */
function ore(celle: Tabellcelle): number | undefined {
  if (typeof celle === 'number') return Number.isFinite(celle) ? Math.round(celle * 100) : undefined;
  return parseBelop(celle);
}

/** `1 250 000`, `1 250,50`: Norwegian grouping with no-break spaces, so an amount never breaks over two lines. */
function norsk(oreverdi: number): string {
  return formatBelop(oreverdi).replace(/ /g, '\u00A0');
}

function tekst(celle: Tabellcelle): string {
  return typeof celle === 'number' ? String(celle).replace('.', ',') : celle;
}

function isSumrad(rad: Tabellcelle[]): boolean {
  for (const celle of rad) {
    if (celle === '') continue;
    if (ore(celle) !== undefined) return false;
    return SUMRAD.test(tekst(celle).trim());
  }
  return false;
}

/** Columns of amounts: every cell below the header is an amount or empty, and it is not a column of years or numbers. */
function belopskolonner(hode: Tabellcelle[], rader: Tabellcelle[][]): boolean[] {
  return hode.map((h, k) => {
    if (IKKE_BELOP.test(tekst(h).trim())) return false;
    const celler = rader.map((rad) => rad[k] ?? '').filter((c) => c !== '' && !(typeof c === 'string' && SUMRAD.test(c.trim())));
    if (celler.length === 0 || !celler.every((c) => ore(c) !== undefined)) return false;
    return !celler.every((c) => ARSTALL.test(tekst(c).trim()));
  });
}

export function tabellAsMarkdown(tabell: Tabellfil): string {
  const [hode = [], ...rader] = tabell.rader ?? [];
  const belop = belopskolonner(hode, rader);
  const celle = (c: Tabellcelle, k: number) => {
    if (!belop[k] || typeof c !== 'number') return escapeCelle(tekst(c).trim());
    // Grouped the Norwegian way; decimals (rounded to øre) with a comma and two digits, as amounts are written.
    const [heltall = '0', desimaler] = Math.abs(Math.round(c * 100) / 100)
      .toFixed(2)
      .replace(/\.00$/, '')
      .split('.');
    return `${c < 0 ? '-' : ''}${norsk(Number(heltall) * 100)}${desimaler ? `,${desimaler}` : ''}`;
  };
  const line = (celler: string[]) => `| ${celler.map((c) => c || ' ').join(' | ')} |`;
  const lines = [
    line(hode.map((c) => escapeCelle(tekst(c).trim()))),
    line(hode.map(() => '---')),
    ...rader.map((rad) => line(rad.map(celle))),
  ];
  if (tabell.sum) {
    const detaljer = rader.filter((rad) => !isSumrad(rad));
    const etikett = belop.findIndex((b) => !b);
    lines.push(
      line(
        hode.map((_, k) => {
          if (k === etikett) return '**Sum**';
          if (!belop[k]) return '';
          return `**${norsk(detaljer.reduce((s, rad) => s + (ore(rad[k] ?? '') ?? 0), 0))}**`;
        }),
      ),
    );
  }
  return lines.join('\n');
}

/** The sum rows written in the file, checked like those of Markdown tables. */
export function tabellfilSummer(tabell: Tabellfil): Sumcelle[] {
  return tabell.rader ? tabellsummer(tabellAsMarkdown({ ...tabell, sum: false })) : [];
}

/** The body with every directive line replaced by its table (directives whose file failed are left as comments). */
export function insertTabeller(markdown: string, tabeller: readonly Tabellfil[]): string {
  const read = new Map(tabeller.filter((t) => t.rader).map((t) => [t.direktiv, t]));
  if (read.size === 0) return markdown;
  return [...markdownLines(markdown)]
    .map((line) => {
      const tabell = line.inFence || line.commentBefore ? undefined : read.get(line.text.replace(/\r$/, '').trim());
      return tabell ? `\n${tabellAsMarkdown(tabell)}\n` : line.text;
    })
    .join('\n');
}
