import type { Position } from '../../domain/diagnostics.js';
import { type MarkdownLine, markdownLines } from '../../util/markdown-lines.js';

/** A heading of a Markdown text, found without parsing the rest (CommonMark's ATX and setext forms). */
export interface Heading {
  depth: number;
  tittel: string;
  /** Offset where the heading's first line starts, and where the line after it starts. */
  start: number;
  end: number;
  position: Position;
}

/** A heading and the text under it, up to the next heading of the same or a higher level. */
export interface Section {
  overskrift: Heading;
  tittel: string;
  /** The Markdown under the heading, trimmed; and its offsets in the file. */
  innhold: string;
  contentStart: number;
  contentEnd: number;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
/** Lines that cannot be the text line of a setext heading. */
const NOT_PARAGRAPH = /^ {0,3}(?:[-*+>]|\d{1,9}[.)]|\||#|```|~~~)|^\s*$|^ {4}/;

function cleanTitle(raw: string): string {
  return raw.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Headings outside fenced code blocks, in order. Enough structure to find a sak's
 * «Forslag til vedtak» and the referat's sections; the body itself is parsed by the renderer.
 */
export function overskrifter(text: string, from = 0): Heading[] {
  const found: Heading[] = [];
  let previous: MarkdownLine | undefined;
  for (const line of markdownLines(text, from)) {
    // An HTML comment over several lines hides what is in it, headings included.
    if (line.inFence || line.commentBefore || line.commentAfter) {
      previous = undefined;
      continue;
    }
    const heading = atxHeading(line) ?? (previous && setextHeading(line, previous));
    if (heading) found.push(heading);
    previous = heading || NOT_PARAGRAPH.test(line.text) ? undefined : line;
  }
  return found;
}

function atxHeading(line: MarkdownLine): Heading | undefined {
  const atx = ATX.exec(line.text);
  if (!atx) return undefined;
  return {
    depth: atx[1]!.length,
    tittel: cleanTitle(atx[2] ?? ''),
    start: line.start,
    end: line.next,
    position: { line: line.number, column: line.text.indexOf('#') + 1 },
  };
}

/** `line` underlines `previous` (a paragraph line) with `===` or `---`. */
function setextHeading(line: MarkdownLine, previous: MarkdownLine): Heading | undefined {
  const setext = SETEXT.exec(line.text);
  if (!setext) return undefined;
  return {
    depth: setext[1]![0] === '=' ? 1 : 2,
    tittel: cleanTitle(previous.text),
    start: previous.start,
    end: line.next,
    position: { line: previous.number, column: previous.text.search(/\S/) + 1 },
  };
}

/** Sections under headings (of one `depth`, or of every depth), each up to the next heading at its level or above. */
export function seksjoner(text: string, headings: readonly Heading[], depth?: number, end = text.length): Section[] {
  return headings.flatMap((overskrift, index): Section[] => {
    if (depth !== undefined && overskrift.depth !== depth) return [];
    const stop = headings.slice(index + 1).find((h) => h.depth <= overskrift.depth);
    const contentEnd = Math.min(stop?.start ?? end, end);
    return [
      {
        overskrift,
        tittel: overskrift.tittel,
        innhold: text.slice(overskrift.end, contentEnd).trim(),
        contentStart: overskrift.end,
        contentEnd,
      },
    ];
  });
}
