import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import type { Diagnostics } from '../../domain/diagnostics.js';
import { FONT_DIR, FONT_FACES } from '../../util/package.js';
import { kodepunkt } from '../../util/visible.js';

/**
 * The characters the bundled fonts have, read from the fonts' own character maps (the `cmap`
 * table of each WOFF2 file the pages load): what is not there is printed with some other font
 * on the machine, or as an empty box. Read once per process, and only when a text has a
 * character beyond the common Latin ones.
 */

/** WOFF2 names its tables by an index into a list of known tags: 0 is cmap, 10 glyf, 11 loca (63: the tag follows). */
const CMAP = 0;
const GLYF_OR_LOCA = new Set([10, 11]);

/** UIntBase128 of WOFF2: the value and the offset after it. */
function base128(data: Buffer, offset: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const byte = data[offset + i]!;
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) return [value, offset + i + 1];
  }
  throw new Error('ugyldig WOFF2');
}

/** The `cmap` table of a WOFF2 font. */
function cmapOf(woff2: Buffer): Buffer {
  const numTables = woff2.readUInt16BE(12);
  let offset = 48;
  let start = 0;
  let cmap: [number, number] | undefined;
  for (let i = 0; i < numTables; i++) {
    const flags = woff2[offset++]!;
    const index = flags & 0x3f;
    const tag = index === 63 ? woff2.toString('latin1', offset, offset + 4) : undefined;
    if (tag) offset += 4;
    let length: number;
    [length, offset] = base128(woff2, offset);
    // glyf and loca are transformed unless their version says not (3); any other table when its version is not 0.
    const version = flags >> 6;
    if (GLYF_OR_LOCA.has(index) ? version === 0 : version !== 0) [length, offset] = base128(woff2, offset);
    if (index === CMAP || tag === 'cmap') cmap = [start, length];
    start += length;
  }
  if (!cmap) throw new Error('WOFF2 uten cmap');
  const tables = brotliDecompressSync(woff2.subarray(offset, offset + woff2.readUInt32BE(20)));
  return tables.subarray(cmap[0], cmap[0] + cmap[1]);
}

/** The code points of a `cmap`'s Unicode subtables (formats 4 and 12). */
function codePoints(cmap: Buffer, into: Set<number>): void {
  const count = cmap.readUInt16BE(2);
  for (let i = 0; i < count; i++) {
    const table = cmap.readUInt32BE(4 + i * 8 + 4);
    const format = cmap.readUInt16BE(table);
    if (format === 4) format4(cmap, table, into);
    if (format === 12) {
      const groups = cmap.readUInt32BE(table + 12);
      for (let g = 0; g < groups; g++) {
        const at = table + 16 + g * 12;
        for (let c = cmap.readUInt32BE(at); c <= cmap.readUInt32BE(at + 4); c++) into.add(c);
      }
    }
  }
}

function format4(cmap: Buffer, table: number, into: Set<number>): void {
  const segments = cmap.readUInt16BE(table + 6) / 2;
  const ends = table + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const [end, first, delta, range] = [ends, starts, deltas, ranges].map((at) => cmap.readUInt16BE(at + s * 2)) as [
      number,
      number,
      number,
      number,
    ];
    for (let c = first; c <= end && c !== 0xffff; c++) {
      const glyph = range === 0 ? (c + delta) & 0xffff : cmap.readUInt16BE(ranges + s * 2 + range + (c - first) * 2);
      if (glyph !== 0) into.add(c);
    }
  }
}

let coverage: ReadonlySet<number> | undefined;

/** The characters every bundled font file has (a character missing in the bold one is missing where text is bold). */
export function fontCoverage(): ReadonlySet<number> {
  if (coverage) return coverage;
  const perWeight = new Map<string, Set<number>>();
  for (const { vekt, stil, fil: file } of FONT_FACES) {
    const set = perWeight.get(`${vekt} ${stil}`) ?? new Set<number>();
    codePoints(cmapOf(readFileSync(join(FONT_DIR, file))), set);
    perWeight.set(`${vekt} ${stil}`, set);
  }
  const [first, ...rest] = [...perWeight.values()];
  coverage = new Set([...(first ?? [])].filter((c) => rest.every((set) => set.has(c))));
  return coverage;
}

/** Characters the fonts certainly have: ASCII, Latin-1, Latin Extended-A, dashes, quotes, bullet, ellipsis, euro. */
const COMMON = /[^\t\n\r\x20-\x7e\u00a0-\u017f\u2013\u2014\u2018-\u201e\u2022\u2026\u20ac]/u;
/** What no font draws: spaces, controls and invisible characters (they are checked elsewhere, or print as nothing). */
const NOT_DRAWN = /^[\p{Z}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{M}]$/u;

/** A character (as the reader sees it: 👍🏽 is one) that the fonts lack, where it first stands, and how often. */
export interface UncoveredChar {
  tegn: string;
  line: number;
  column: number;
  ganger: number;
}

/** The characters of `text` that the bundled fonts lack; HTML comments, which are not printed, left out. */
export function findUncoveredChars(text: string): UncoveredChar[] {
  if (!COMMON.test(text)) return [];
  const covered = fontCoverage();
  const printed = text.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const found = new Map<string, UncoveredChar>();
  const segmenter = new Intl.Segmenter('nb', { granularity: 'grapheme' });
  printed.split('\n').forEach((line, index) => {
    if (!COMMON.test(line)) return;
    for (const { segment, index: column } of segmenter.segment(line)) {
      const missing = [...segment].some((c) => !NOT_DRAWN.test(c) && !covered.has(c.codePointAt(0)!));
      if (!missing) continue;
      const seen = found.get(segment);
      if (seen) seen.ganger++;
      else found.set(segment, { tegn: segment, line: index + 1, column: column + 1, ganger: 1 });
    }
  });
  return [...found.values()];
}

const kodepunkter = (tegn: string) => [...tegn].map(kodepunkt).join(' ');

/** A warning for each character of a file's text that the fonts lack, where it first stands. */
export function warnUncoveredChars(file: string, text: string, diags: Diagnostics): void {
  for (const { tegn, line, column, ganger } of findUncoveredChars(text)) {
    diags.warning(
      file,
      { line, column },
      `tegnet «${tegn}» (${kodepunkter(tegn)}) finnes ikke i skriften Source Sans 3 og skrives ut med en annen skrift eller som en tom rute; ` +
        `skriften har latinske bokstaver, tall og vanlig tegnsetting. Skriv det med ord, eller bruk et tegn skriften har.` +
        (ganger > 1 ? ` Tegnet står ${ganger} ganger i filen; dette er første gang.` : ''),
    );
  }
}
