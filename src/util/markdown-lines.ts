import { setBounded } from './bounded.js';

/** A line of a Markdown text, with what hides it from the reader (a fenced code block, an HTML comment). */
export interface MarkdownLine {
  /** The line without its newline. */
  text: string;
  /** 1-based line number in the whole text. */
  number: number;
  /** Offset of the line's first character, and of the next line's (`text.length + 1` after the last line). */
  start: number;
  next: number;
  /** Part of a fenced code block, its opening and closing fence lines included. */
  inFence: boolean;
  /** The line begins inside an HTML comment opened on an earlier line. */
  commentBefore: boolean;
  /** An HTML comment is still open at the end of the line. */
  commentAfter: boolean;
  /** The text with code spans and HTML comments blanked out, columns kept; empty inside a fenced code block. */
  visible: string;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

function blank(text: string): string {
  return ' '.repeat(text.length);
}

/** The fence a line opens (CommonMark: a backtick fence's info string has no backtick), if any. */
function opensFence(line: string): string | undefined {
  const m = FENCE_OPEN.exec(line);
  if (!m || (m[1]![0] === '`' && m[2]!.includes('`'))) return undefined;
  return m[1];
}

function closesFence(line: string, fence: string): boolean {
  const m = FENCE_CLOSE.exec(line);
  return !!m && m[1]![0] === fence[0] && m[1]!.length >= fence.length;
}

/** Blanks the HTML comments of a line whose code spans are already blank; returns whether one is open at its end. */
function blankComments(line: string, commentBefore: boolean): { visible: string; commentAfter: boolean } {
  let visible = '';
  let inComment = commentBefore;
  let pos = 0;
  for (;;) {
    const mark = inComment ? line.indexOf('-->', pos) : line.indexOf('<!--', pos);
    if (mark === -1) {
      visible += inComment ? blank(line.slice(pos)) : line.slice(pos);
      return { visible, commentAfter: inComment };
    }
    const end = inComment ? mark + 3 : mark;
    visible += inComment ? blank(line.slice(pos, end)) : line.slice(pos, end);
    pos = inComment ? end : mark;
    if (!inComment) {
      visible += blank('<!--');
      pos = mark + 4;
    }
    inComment = !inComment;
  }
}

/**
 * The lines of `text` from offset `from`, each with whether a fenced code block (CommonMark:
 * closed only by a fence of the same character at least as long) or an HTML comment hides it.
 * The one scanner for every place that reads Markdown line by line without parsing it.
 */
export function* markdownLines(text: string, from = 0): Generator<MarkdownLine> {
  yield* linesOf(text, from);
}

/**
 * The model reads each sak line by line six times over (sections, references, table sums,
 * comments …): the lines of the last few texts are kept, not scanned again.
 */
const remembered = new Map<string, Map<number, readonly MarkdownLine[]>>();
const REMEMBERED_TEXTS = 4;

function linesOf(text: string, from: number): readonly MarkdownLine[] {
  let byStart = remembered.get(text);
  const known = byStart?.get(from);
  if (known) return known;
  if (!byStart) {
    byStart = new Map();
    setBounded(remembered, text, byStart, REMEMBERED_TEXTS);
  }
  const lines = [...scanLines(text, from)];
  for (const line of lines) Object.freeze(line);
  byStart.set(from, lines);
  return lines;
}

function* scanLines(text: string, from: number): Generator<MarkdownLine> {
  let fence: string | undefined;
  let comment = false;
  let offset = from;
  let number = text.slice(0, from).split('\n').length;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const next = newline === -1 ? text.length + 1 : newline + 1;
    const line = text.slice(offset, newline === -1 ? text.length : newline);
    // Each line is built whole: spreading a shared part into it made the scan 100 times slower.
    const commentBefore = comment;
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      yield { text: line, number, start: offset, next, commentBefore, inFence: true, commentAfter: false, visible: '' };
    } else if (!comment && opensFence(line)) {
      fence = opensFence(line);
      yield { text: line, number, start: offset, next, commentBefore, inFence: true, commentAfter: false, visible: '' };
    } else {
      const codeBlanked = line.includes('`') ? line.replace(/`[^`]*`/g, (code) => blank(code)) : line;
      const { visible, commentAfter } = blankComments(codeBlanked, comment);
      comment = commentAfter;
      yield { text: line, number, start: offset, next, commentBefore, inFence: false, commentAfter, visible };
    }
    offset = next;
    number++;
  }
}

/** Where the `<!--` of a line that leaves a comment open starts (1-based column); undefined when it was opened on a line before. */
function openingColumn(line: MarkdownLine): number | undefined {
  const text = line.text.replace(/`[^`]*`/g, (code) => blank(code));
  let pos = line.commentBefore ? text.indexOf('-->') + 3 : 0;
  if (pos === 2) return undefined;
  for (;;) {
    const open = text.indexOf('<!--', pos);
    const close = text.indexOf('-->', open + 4);
    if (close === -1) return open + 1;
    pos = close + 3;
  }
}

/**
 * The `<!--` that opens a comment never closed (everything after it would be hidden), if any:
 * its line and column, for an error there.
 */
export function unclosedComment(text: string, from = 0): { line: number; column: number } | undefined {
  if (!text.includes('<!--', from)) return undefined;
  let opened: { line: number; column: number } | undefined;
  for (const line of markdownLines(text, from)) {
    if (line.inFence) continue;
    if (!line.commentAfter) opened = undefined;
    else {
      const column = openingColumn(line);
      if (column !== undefined) opened = { line: line.number, column };
    }
  }
  return opened;
}
