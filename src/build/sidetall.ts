import type { PDFDocument } from 'pdf-lib';
import { saveIncrement, watchChanges } from '../pipeline/assemble/increment.js';
import { loadPdf } from '../pipeline/assemble/load-pdf.js';
import type { FinishedPdf } from '../pipeline/assemble/pdf.js';
import { saveStamped } from '../pipeline/assemble/pdf.js';
import { fitIntoBand, pageSizes, stampOverlay } from '../pipeline/assemble/sidetall.js';
import { renderOverlay } from '../pipeline/render/sidetall.js';
import { type BuildTools, getOrMake, loadedFiles, type Printer } from './tools.js';

/**
 * One page numbering per document, as the reader counts (render/sidetall.ts): documents are
 * printed without their footer, then
 * - `frameVedlegg` gives an external attachment's pages the document's running header, in a band
 *   above the attachment's content (the version a bundle is composed of), and
 * - `numberPages` stamps «Side n av N» on every page of the finished file.
 * Each step is cached under the key of what it starts from.
 */

type Made = { ferdig: FinishedPdf; fraBuffer: boolean };

/** The pages of external attachments, by index. */
function vedleggPages(done: FinishedPdf): number[] {
  const [forste] = done.vedleggStart;
  return forste === undefined ? [] : Array.from({ length: done.sider - forste }, (_, i) => forste + i);
}

/**
 * The overlay as Chromium prints it, cached under its HTML: it holds only the document's head and
 * its pages' sizes, so an edit that moves no page break stamps the same overlay without printing.
 */
async function printOverlay(tools: BuildTools, write: Printer, html: string, pages: number, brukt: string[]): Promise<Uint8Array> {
  const key = tools.buffer.key('overlay', html, ...loadedFiles(tools.buffer, html));
  brukt.push(key);
  const trykt = await getOrMake(tools, key, async () => ({ bytes: await write(html), sider: pages, vedleggStart: [] }));
  return trykt.ferdig.bytes;
}

/** `lest`: `fra`'s bytes as read already (finishPdfRead), used instead of reading them again, and changed. */
async function stamp(
  tools: BuildTools,
  key: string,
  fra: Made,
  lag: (doc: PDFDocument, overlays: string[]) => Promise<void>,
  lest?: PDFDocument,
): Promise<Made> {
  const overlays: string[] = [];
  const laget = await getOrMake(
    tools,
    key,
    async () => {
      const doc = lest ?? (await loadPdf(fra.ferdig.bytes));
      const watched = watchChanges(doc);
      try {
        await lag(doc, overlays);
      } finally {
        watched.stop();
      }
      const bytes = (await saveIncrement(doc, fra.ferdig.bytes, watched)) ?? (await saveStamped(doc));
      // The sak references keep their places: stamping adds to the pages, and moves only attachment pages' content.
      const { vedleggStart, referanser } = fra.ferdig;
      return { bytes, sider: doc.getPageCount(), vedleggStart, ...(referanser ? { referanser } : {}) };
    },
    () => overlays,
  );
  return { ferdig: laget.ferdig, fraBuffer: laget.fraBuffer && fra.fraBuffer };
}

/** The document with its attachments' pages under its running header; the document itself when it has none. */
export async function frameVedlegg(tools: BuildTools, write: Printer, html: string, fra: Made): Promise<Made> {
  const pages = vedleggPages(fra.ferdig);
  if (pages.length === 0) return fra;
  const key = tools.buffer.key('vedleggsramme', html, fra.ferdig.bytes);
  return stamp(tools, key, fra, async (doc, overlays) => {
    const vedlegg = new Set(pages);
    const overlay = pageSizes(doc).map((size, i) => ({ ...size, topp: vedlegg.has(i), bunn: false }));
    const trykt = await printOverlay(tools, write, renderOverlay(html, overlay), overlay.length, overlays);
    fitIntoBand(doc, pages);
    await stampOverlay(doc, trykt, pages);
  });
}

/**
 * The document with «Side n av N» (as the templates' footer says it) on every page, N counting
 * every page of the file. `lest`: `fra` as finishPdfRead left it, if it was made in this run.
 */
export async function numberPages(tools: BuildTools, write: Printer, html: string, fra: Made, lest?: PDFDocument): Promise<Made> {
  const key = tools.buffer.key('sidetall', html, fra.ferdig.bytes);
  return stamp(tools, key, fra, (doc, overlays) => stampPageNumbers(tools, write, html, doc, overlays), lest);
}

/**
 * Stamps «Side n av N» on every page of a document still being made (saksdokumenter.pdf, before
 * its one save); the overlay's cache entry is added to `overlays`.
 */
export async function stampPageNumbers(
  tools: BuildTools,
  write: Printer,
  html: string,
  doc: PDFDocument,
  overlays: string[],
): Promise<void> {
  const overlay = pageSizes(doc).map((size) => ({ ...size, topp: false, bunn: true }));
  const trykt = await printOverlay(tools, write, renderOverlay(html, overlay), overlay.length, overlays);
  await stampOverlay(
    doc,
    trykt,
    overlay.map((_, i) => i),
  );
}
