import type { Diagnostics } from '../../domain/diagnostics.js';
import type { Definisjon, MarkdownSource } from '../../domain/sources.js';

/**
 * Text that would be lost without a word: HTML that is left out, a footnote written twice or
 * never used, a comment that is never closed, a part of a sak that uses a definition written in
 * another part. Read from what load found (MarkdownSource.skrevet), or from the text itself.
 */

export type Ranges = readonly (readonly [number, number])[];

const inside = (ranges: Ranges, offset: number) => ranges.some(([from, to]) => offset >= from && offset < to);

/**
 * A part of a file's Markdown (the text of `ranges`), with the definitions it uses that are written
 * elsewhere in the file appended: a sak is printed in parts (its case paper, its proposal), and a
 * footnote or image defined at the end of the file belongs to the part that uses it.
 */
export function addDefinisjoner(source: MarkdownSource, ranges: Ranges, markdown: string): string {
  const skrevet = source.skrevet;
  if (!skrevet || markdown === '') return markdown;
  const needed = new Map<string, Definisjon>();
  for (const ref of skrevet.referanser) {
    const key = `${ref.type} ${ref.identifier}`;
    if (!inside(ranges, ref.offset) || needed.has(key)) continue;
    const definisjon = skrevet.definisjoner.find((d) => d.type === ref.type && d.identifier === ref.identifier);
    if (definisjon && !inside(ranges, definisjon.start)) needed.set(key, definisjon);
  }
  if (needed.size === 0) return markdown;
  return [markdown, ...[...needed.values()].map((d) => source.text.slice(d.start, d.end))].join('\n\n');
}

/** Whether text that shows (a letter or a digit, not only HTML that is left out, comments or images) stands in `ranges`. */
export function hasVisibleText(source: MarkdownSource, ranges: Ranges): boolean {
  // An element never closed is an error of its own; what it swallows in the whole file may still show in its part.
  if (source.skrevet?.utelatt.some((u) => !u.lukket)) return true;
  if (source.skrevet) return source.skrevet.synlig.some((offset) => inside(ranges, offset));
  // Without HTML, definitions or images, what shows is the text outside comments and entities (`&nbsp;`).
  const shown = (from: number, to: number) => source.text.slice(from, to).replace(/<!--[\s\S]*?-->|&#?[a-z0-9]+;/gi, '');
  return ranges.some(([from, to]) => /[\p{L}\p{N}]/u.test(shown(from, to)));
}

/** Everything in a Markdown file that would be left out of the documents, as errors (text lost) and warnings. */
export function checkSkrevet(source: MarkdownSource, diags: Diagnostics): void {
  // A text with no `<!` has no comment, and is not parsed (load/project.ts).
  const kommentar = source.skrevet?.aapenKommentar;
  if (kommentar) {
    diags.error(
      source.file,
      kommentar,
      'kommentaren «<!--» lukkes aldri, så alt etter den ville falle bort fra dokumentene; skriv «-->» der kommentaren slutter.',
    );
  }
  if (!source.skrevet) return;
  if (source.skrevet.kommentarAsText) {
    diags.warning(
      source.file,
      source.skrevet.kommentarAsText,
      '«<!--» lukkes ikke i samme avsnitt, så det er ingen kommentar og vises som tekst i dokumentene; skriv «-->» der kommentaren slutter (i samme avsnitt), eller «&lt;!--» om tegnene skal stå der.',
    );
  }
  for (const { tag, position, lukket } of source.skrevet.utelatt) {
    const end = `</${tag.slice(1, -1)}>`;
    if (lukket) {
      diags.warning(
        source.file,
        position,
        `«${tag}» tas ikke med i dokumentene, og heller ikke det som står i den: skript, stil, rammer og innebygde objekter er ikke tekst. Teksten i andre HTML-elementer (div, p, td …) tas med.`,
      );
    } else {
      diags.error(
        source.file,
        position,
        `«${tag}» lukkes aldri (det mangler «${end}»), så alt etter den ville falle bort fra dokumentene; skriv «${end}» der den slutter, eller fjern den.`,
      );
    }
  }
  checkFotnoter(source, diags);
}

function checkFotnoter(source: MarkdownSource, diags: Diagnostics): void {
  const { definisjoner, referanser } = source.skrevet!;
  const fotnoter = definisjoner.filter((d) => d.type === 'fotnote');
  let ledig = 1;
  while (fotnoter.some((d) => d.identifier === String(ledig))) ledig++;
  for (const fotnote of fotnoter) {
    const forste = fotnoter.find((d) => d.identifier === fotnote.identifier);
    if (forste !== fotnote) {
      diags.error(
        source.file,
        fotnote.position,
        `fotnoten «[^${fotnote.label}]» er skrevet to ganger; den første, på linje ${forste!.position.line}, brukes, og teksten i denne ville falle bort. Gi hver fotnote sitt eget navn, for eksempel «[^${ledig}]», eller slå dem sammen.`,
      );
    } else if (!referanser.some((r) => r.type === 'fotnote' && r.identifier === fotnote.identifier)) {
      diags.warning(
        source.file,
        fotnote.position,
        `fotnoten «[^${fotnote.label}]» brukes ikke i teksten og kommer ikke med i dokumentene; vis til den med «[^${fotnote.label}]» der den hører hjemme, eller fjern den.`,
      );
    }
  }
}
