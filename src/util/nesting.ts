import { type MarkdownLine, markdownLines } from './markdown-lines.js';

/**
 * How deep lists and block quotes may lie inside each other in Markdown the secretariat writes.
 * The Markdown tools walk the tree recursively, and a few thousand levels (`>>>>…`, `- - - …`)
 * overflow the stack; no real document has more than a handful.
 */
export const MAX_NESTING = 100;

/**
 * How much Markdown one text may hold, so that parsing it (micromark, remark) takes well under a
 * second. The parser's work grows with each element and with the lists and quotes a line lies
 * in, a new list item copies the events of the whole document before it (a 2.3 MB stepped list
 * took over two minutes), and each `[` or `]` looks back through the paragraph for its partner
 * (50 kB of `a]` took eight seconds). A case paper has a few hundred elements, a few levels and
 * a few dozen links.
 */
export const MARKDOWN_GRENSER = {
  /** Lists and quotes inside each other. */
  nivaer: MAX_NESTING,
  /** Paragraphs, headings, table rows, code lines, and each list item and quote marker. */
  elementer: 3000,
  /** Non-blank lines, each counted once for every list or quote it lies in. */
  linjenivaer: 20_000,
  /** `[` and `]` outside code (links, images and footnotes are written with them). */
  klammer: 5000,
  /** Characters: the parser takes about a second for each half a million (a long case paper has 100 000). */
  tegn: 500_000,
} as const;

export type MarkdownGrense = keyof typeof MARKDOWN_GRENSER;
type Limits = Record<MarkdownGrense, number>;

/** Where a text passes one of the limits, 1-based within the text. */
export interface MarkdownLimitPassed {
  line: number;
  column: number;
  grense: MarkdownGrense;
}

const MARKER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;
const TABLE_DELIMITER = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

interface LineShape {
  /** Levels of indentation (two columns each) before the first marker. */
  indent: number;
  markers: number;
  /** Where each marker stands. */
  markerAt: number[];
  /** Offset of the line's content, after its markers. */
  content: number;
  /** Offset of the marker that goes one level past `limit`, counting `open` levels from lines above. */
  tooDeep?: number;
}

/** The markers (`>`, `-`, `1.`) a line begins with, after its indentation. */
function lineShape(line: string, open: number, limit: number): LineShape {
  let i = 0;
  let columns = 0;
  for (; line[i] === ' ' || line[i] === '\t'; i++) columns += line[i] === '\t' ? 4 : 1;
  const indent = Math.floor(columns / 2);
  let depth = Math.min(indent, open);
  const markerAt: number[] = [];
  for (;;) {
    const marker = MARKER.exec(line.slice(i, i + 12));
    const markers = markerAt.length;
    if (!marker) return { indent, markers, markerAt, content: i };
    markerAt.push(i);
    // The first marker's depth counts the indentation as it was always counted: two columns a level.
    depth = markers === 0 ? indent + 1 : depth + 1;
    if (depth > limit) return { indent, markers: markers + 1, markerAt, content: i, tooDeep: i };
    i += marker[0].length;
    while (line[i] === ' ' || line[i] === '\t') i++;
  }
}

/** What has been counted so far, line by line. */
interface Tally {
  elementer: number;
  linjenivaer: number;
  klammer: number;
  /** Levels open after the last non-blank line. */
  open: number;
  afterBlank: boolean;
  inTable: boolean;
}

/** Offset of the `[` or `]` in `visible` (code spans blanked) at which the count passes `limit`. */
function bracketPast(tally: Tally, visible: string, limit: number): number | undefined {
  for (let i = visible.indexOf('['), j = visible.indexOf(']'); i !== -1 || j !== -1; ) {
    const at = j === -1 || (i !== -1 && i < j) ? i : j;
    if (++tally.klammer > limit) return at;
    if (at === i) i = visible.indexOf('[', i + 1);
    else j = visible.indexOf(']', j + 1);
  }
  return undefined;
}

/** Counts one non-blank line outside code; the limit it passes, with the column, if any. */
function countLine(
  tally: Tally,
  line: MarkdownLine,
  shape: LineShape,
  limits: Limits,
): { grense: MarkdownGrense; column: number } | undefined {
  const rest = line.text.slice(shape.content);
  const depth =
    shape.markers > 0
      ? Math.min(shape.indent, tally.open) + shape.markers
      : tally.afterBlank
        ? Math.min(shape.indent, tally.open)
        : tally.open;
  tally.inTable ||= TABLE_DELIMITER.test(rest) && rest.includes('|');
  const newBlock = shape.markers > 0 || tally.afterBlank || tally.inTable || HEADING.test(rest);
  const before = tally.elementer;
  tally.elementer += shape.markers + (shape.markers === 0 && newBlock ? 1 : 0);
  tally.linjenivaer += depth;
  tally.open = depth;
  tally.afterBlank = false;
  const start = shape.content + 1;
  if (tally.elementer > limits.elementer)
    return { grense: 'elementer', column: (shape.markerAt[limits.elementer - before] ?? shape.content) + 1 };
  if (tally.linjenivaer > limits.linjenivaer) return { grense: 'linjenivaer', column: start };
  const bracket = bracketPast(tally, line.visible, limits.klammer);
  return bracket === undefined ? undefined : { grense: 'klammer', column: bracket + 1 };
}

/**
 * The first place where a Markdown text passes one of the limits in MARKDOWN_GRENSER: for the
 * nesting, the marker (`>`, `-`, `1.`) that goes one level too far. Counted from the lines, not
 * the tree, since building the tree is what overflows or takes minutes; fenced code counts one
 * element a line, and its markers are code.
 */
export function findMarkdownLimit(text: string, limits: Limits = MARKDOWN_GRENSER): MarkdownLimitPassed | undefined {
  const tally: Tally = { elementer: 0, linjenivaer: 0, klammer: 0, open: 0, afterBlank: true, inTable: false };
  for (const line of markdownLines(text)) {
    if (line.start + line.text.length > limits.tegn) return { line: line.number, column: limits.tegn - line.start + 1, grense: 'tegn' };
    if (line.text.trim() === '') {
      [tally.afterBlank, tally.inTable] = [true, false];
      continue;
    }
    if (line.inFence) {
      if (++tally.elementer > limits.elementer) return { line: line.number, column: 1, grense: 'elementer' };
      tally.afterBlank = true;
      continue;
    }
    const shape = lineShape(line.text, tally.open, limits.nivaer);
    if (shape.tooDeep !== undefined) return { line: line.number, column: shape.tooDeep + 1, grense: 'nivaer' };
    const passed = countLine(tally, line, shape, limits);
    if (passed) return { line: line.number, ...passed };
  }
  return undefined;
}

/**
 * Where Markdown nests lists and block quotes more than `limit` levels deep, as 1-based line and
 * column within the text: the marker (`>`, `-`, `1.`) that goes one level too far.
 */
export function tooDeepNesting(text: string, limit = MAX_NESTING): { line: number; column: number } | undefined {
  const passed = findMarkdownLimit(text, { nivaer: limit, elementer: Infinity, linjenivaer: Infinity, klammer: Infinity, tegn: Infinity });
  return passed && { line: passed.line, column: passed.column };
}
