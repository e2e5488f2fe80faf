import type { PDFDocument } from 'pdf-lib';
import { loadPdf } from '../pipeline/assemble/load-pdf.js';
import type { FinishedPdf, Metadata } from '../pipeline/assemble/pdf.js';
import { savePdf } from '../pipeline/assemble/pdf.js';
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
function vedleggPages(ferdig: FinishedPdf): number[] {
  const [forste] = ferdig.vedleggStart;
  return forste === undefined ? [] : Array.from({ length: ferdig.sider - forste }, (_, i) => forste + i);
}

/**
 * The overlay as Chromium prints it, cached under its HTML: it holds only the document's head and
 * its pages' sizes, so an edit that moves no page break stamps the same overlay without printing.
 */
async function printOverlay(verktoy: BuildTools, skriv: Printer, html: string, sider: number, brukt: string[]): Promise<Uint8Array> {
  const key = verktoy.buffer.nokkel('overlay', html, ...loadedFiles(verktoy.buffer, html));
  brukt.push(key);
  const trykt = await getOrMake(verktoy, key, async () => ({ bytes: await skriv(html), sider, vedleggStart: [] }));
  return trykt.ferdig.bytes;
}

async function stamp(
  verktoy: BuildTools,
  key: string,
  fra: Made,
  lag: (doc: PDFDocument, overlays: string[]) => Promise<void>,
  meta: Metadata,
): Promise<Made> {
  const overlays: string[] = [];
  const laget = await getOrMake(
    verktoy,
    key,
    async () => {
      const doc = await loadPdf(fra.ferdig.bytes);
      await lag(doc, overlays);
      // The sak references keep their places: stamping adds to the pages, and moves only attachment pages' content.
      const { vedleggStart, referanser } = fra.ferdig;
      return { bytes: await savePdf(doc, meta), sider: doc.getPageCount(), vedleggStart, ...(referanser ? { referanser } : {}) };
    },
    () => overlays,
  );
  return { ferdig: laget.ferdig, fraBuffer: laget.fraBuffer && fra.fraBuffer };
}

/** The document with its attachments' pages under its running header; the document itself when it has none. */
export async function frameVedlegg(verktoy: BuildTools, skriv: Printer, html: string, fra: Made, meta: Metadata): Promise<Made> {
  const sider = vedleggPages(fra.ferdig);
  if (sider.length === 0) return fra;
  const key = verktoy.buffer.nokkel('vedleggsramme', html, fra.ferdig.bytes);
  return stamp(
    verktoy,
    key,
    fra,
    async (doc, overlays) => {
      const vedlegg = new Set(sider);
      const overlay = pageSizes(doc).map((size, i) => ({ ...size, topp: vedlegg.has(i), bunn: false }));
      const trykt = await printOverlay(verktoy, skriv, renderOverlay(html, overlay), overlay.length, overlays);
      fitIntoBand(doc, sider);
      await stampOverlay(doc, trykt, sider);
    },
    meta,
  );
}

/** The document with «Side n av N» (as the templates' footer says it) on every page, N counting every page of the file. */
export async function numberPages(verktoy: BuildTools, skriv: Printer, html: string, fra: Made, meta: Metadata): Promise<Made> {
  const key = verktoy.buffer.nokkel('sidetall', html, fra.ferdig.bytes);
  return stamp(verktoy, key, fra, (doc, overlays) => stampPageNumbers(verktoy, skriv, html, doc, overlays), meta);
}

/**
 * Stamps «Side n av N» on every page of a document still being made (saksdokumenter.pdf, before
 * its one save); the overlay's cache entry is added to `overlays`.
 */
export async function stampPageNumbers(
  verktoy: BuildTools,
  skriv: Printer,
  html: string,
  doc: PDFDocument,
  overlays: string[],
): Promise<void> {
  const overlay = pageSizes(doc).map((size) => ({ ...size, topp: false, bunn: true }));
  const trykt = await printOverlay(verktoy, skriv, renderOverlay(html, overlay), overlay.length, overlays);
  await stampOverlay(
    doc,
    trykt,
    overlay.map((_, i) => i),
  );
}
