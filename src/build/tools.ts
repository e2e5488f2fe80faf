import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentCache } from '../cache/document-cache.js';
import type { BuildOptions } from '../domain/documents.js';
import type { Mote } from '../domain/types.js';
import type { FinishedPdf } from '../pipeline/assemble/pdf.js';
import type { PdfBrowser } from '../pipeline/print/pdf-browser.js';
import { collapseWhiteSpace } from '../pipeline/render/mellomrom.js';
import { FONT_DIR, type Templates } from '../pipeline/render/templates.js';
export type Printer = (html: string) => Promise<Uint8Array>;

/** What building needs besides the meeting: the templates, the cache, and a browser started only when something must be printed. */
export interface BuildTools {
  maler: Templates;
  buffer: DocumentCache;
  nettleser: () => Promise<PdfBrowser>;
  options: BuildOptions;
  /** The place of what is built in the build's order: its documents are printed before those of later ones. */
  prioritet?: number;
}

/** Prints HTML with its white space collapsed, so the spaces at line breaks stay in the tagged text (render/mellomrom.ts). */
export function printerFor(tools: BuildTools, tillatt: string[]): Printer {
  return async (html) => (await tools.nettleser()).pdf({ html: collapseWhiteSpace(html), tillatt, prioritet: tools.prioritet });
}

/** What a page may load: the meeting folders, the templates, the bundled fonts and the logo. */
export function allowedFiles(moter: readonly Mote[], templates: Templates): string[] {
  const { organisasjon } = moter[0]!;
  const logo = organisasjon.logo ? [resolve(dirname(organisasjon.file), organisasjon.logo)] : [];
  return [...new Set(moter.map((m) => m.dir)), ...templates.folders, FONT_DIR, ...logo];
}

/**
 * The files an HTML page loads (images, the logo) are named by path in it; their contents must
 * be part of the document's key too, or replacing an image would not re-print the document.
 */
export function loadedFiles(cache: DocumentCache, html: string): string[] {
  return [...html.matchAll(/\bsrc="(file:[^"]+)"/g)].map((m) => {
    const file = fileURLToPath(decodeEntities(m[1]!));
    return `${file}\u0000${existsSync(file) ? cache.fileHash(file) : 'mangler'}`;
  });
}

/** A finished document from the cache, or made by `lag` and stored. */
export async function getOrMake(
  tools: BuildTools,
  key: string,
  lag: () => Promise<FinishedPdf>,
  /** Other entries it is made from, kept while it is. */
  avhenger: () => string[] = () => [],
): Promise<{ ferdig: FinishedPdf; fraBuffer: boolean }> {
  const lagret = tools.buffer.hent(key);
  if (lagret) return { ferdig: lagret, fraBuffer: true };
  const done = await lag();
  tools.buffer.save(key, done, avhenger());
  return { ferdig: done, fraBuffer: false };
}

const ENTITETER: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** HTML's character references, as Handlebars and rehype write them (`&amp;`, `&#x27;`, `&#x3D;` …). */
function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, des: string) => String.fromCodePoint(Number(des)))
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITETER[e]!);
}

/** The text of every heading in the HTML, in document order: the names of the PDF's bookmarks. */
export function overskrifter(html: string): string[] {
  return [...html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) =>
    decodeEntities(m[2]!.replace(/<[^>]*>/g, ''))
      .replace(/\s+/g, ' ')
      .trim(),
  );
}
