import { markdownLines } from './markdown-lines.js';

/**
 * How deep lists and block quotes may lie inside each other in Markdown the secretariat writes.
 * The Markdown tools walk the tree recursively, and a few thousand levels (`>>>>…`, `- - - …`)
 * overflow the stack; no real document has more than a handful.
 */
export const MAX_NESTING = 100;

const MARKER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;

/** Depth at the line's markers: two columns of indentation count as one level (a list item's content starts that far in). */
function lineNesting(line: string, limit: number): number | undefined {
  let i = 0;
  let indent = 0;
  for (; line[i] === ' ' || line[i] === '\t'; i++) indent += line[i] === '\t' ? 4 : 1;
  let depth = Math.floor(indent / 2);
  for (;;) {
    const marker = MARKER.exec(line.slice(i, i + 12));
    if (!marker) return undefined;
    depth++;
    if (depth > limit) return i;
    i += marker[0].length;
    while (line[i] === ' ' || line[i] === '\t') i++;
  }
}

/**
 * Where Markdown nests lists and block quotes more than `limit` levels deep, as 1-based line and
 * column within the text: the marker (`>`, `-`, `1.`) that goes one level too far. Counted from
 * the text, not the tree, since building the tree is what overflows; fenced code is skipped.
 */
export function tooDeepNesting(text: string, limit = MAX_NESTING): { line: number; column: number } | undefined {
  for (const line of markdownLines(text)) {
    if (line.inFence) continue;
    const index = lineNesting(line.text, limit);
    if (index !== undefined) return { line: line.number, column: index + 1 };
  }
  return undefined;
}
