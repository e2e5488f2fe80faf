import type { Posisjon } from '../../domain/diagnostics.js';

/** A heading of a Markdown text, found without parsing the rest (CommonMark's ATX and setext forms). */
export interface Overskrift {
  depth: number;
  tittel: string;
  /** Offset where the heading's first line starts, and where the line after it starts. */
  start: number;
  end: number;
  position: Posisjon;
}

/** A heading and the text under it, up to the next heading of the same or a higher level. */
export interface Seksjon {
  overskrift: Overskrift;
  tittel: string;
  /** The Markdown under the heading, trimmed; and its offsets in the file. */
  innhold: string;
  innholdStart: number;
  innholdSlutt: number;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Lines that cannot be the text line of a setext heading. */
const NOT_PARAGRAPH = /^ {0,3}(?:[-*+>]|\d{1,9}[.)]|\||#|```|~~~)|^\s*$|^ {4}/;

function cleanTitle(raw: string): string {
  return raw.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Headings outside fenced code blocks, in order. Enough structure to find a sak's
 * «Forslag til vedtak» and the referat's sections; the body itself is parsed by the renderer.
 */
export function overskrifter(text: string, from = 0): Overskrift[] {
  const found: Overskrift[] = [];
  let fence: string | undefined;
  let offset = from;
  let line = text.slice(0, from).split('\n').length;
  let previous: { text: string; start: number; line: number } | undefined;
  let comment = false;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    const current = text.slice(offset, end);
    const next = newline === -1 ? text.length + 1 : newline + 1;
    const fenceMatch = FENCE.exec(current);
    // An HTML comment over several lines hides what is in it, headings included.
    const opens = !fence && current.lastIndexOf('<!--') > current.lastIndexOf('-->');
    if (comment || opens) {
      if (comment && current.includes('-->')) comment = false;
      else if (opens) comment = true;
      previous = undefined;
    } else if (fence) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = undefined;
      previous = undefined;
    } else if (fenceMatch) {
      fence = fenceMatch[1];
      previous = undefined;
    } else {
      const atx = ATX.exec(current);
      const setext = SETEXT.exec(current);
      if (atx) {
        found.push({
          depth: atx[1]!.length,
          tittel: cleanTitle(atx[2] ?? ''),
          start: offset,
          end: next,
          position: { line, column: current.indexOf('#') + 1 },
        });
        previous = undefined;
      } else if (setext && previous) {
        found.push({
          depth: setext[1]![0] === '=' ? 1 : 2,
          tittel: cleanTitle(previous.text),
          start: previous.start,
          end: next,
          position: { line: previous.line, column: previous.text.search(/\S/) + 1 },
        });
        previous = undefined;
      } else {
        previous = NOT_PARAGRAPH.test(current) ? undefined : { text: current, start: offset, line };
      }
    }
    offset = next;
    line++;
  }
  return found;
}

/** Sections under headings (of one `depth`, or of every depth), each up to the next heading at its level or above. */
export function seksjoner(text: string, headings: readonly Overskrift[], depth?: number, slutt = text.length): Seksjon[] {
  return headings.flatMap((overskrift, index): Seksjon[] => {
    if (depth !== undefined && overskrift.depth !== depth) return [];
    const stop = headings.slice(index + 1).find((h) => h.depth <= overskrift.depth);
    const innholdSlutt = Math.min(stop?.start ?? slutt, slutt);
    return [
      {
        overskrift,
        tittel: overskrift.tittel,
        innhold: text.slice(overskrift.end, innholdSlutt).trim(),
        innholdStart: overskrift.end,
        innholdSlutt,
      },
    ];
  });
}
