import { readFileSync } from 'node:fs';
import { PDFDict, type PDFDocument, PDFName } from 'pdf-lib';
import { removeActiveContent } from '../../util/pdf-active-content.js';
import { markPageArtifacts } from './artifacts.js';
import { canonicalize } from './canonical.js';
import { setListNumbering } from './lister.js';
import { loadPdf, NO_PAUSES } from './load-pdf.js';
import { type Bookmark, readBookmarks, writeBookmarks } from './merge.js';
import { tagNonStruct } from './nonstruct.js';
import { type ReferanseSted, unlinkAnnenDel } from './referanselenker.js';
import { describeLinks, fixStructure } from './structure.js';
import { appendVedlegg } from './vedlegg.js';
import { setXmp } from './xmp.js';

export interface Metadata {
  tittel: string;
  forfatter: string;
  emne?: string;
  /** The meeting date: used as creation date, so the same input gives the same bytes. */
  dato: Date;
  sprak: string;
}

export interface EksterntVedlegg {
  tittel: string;
  fil: string;
  /** What a screen reader is told if the file is not tagged (in the meeting's language). */
  ikkeTagget?: string;
}

/** The attachment could not be read as a PDF (corrupt, encrypted); names the file. */
export class VedleggError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

const CREATOR = 'motedok';
const PRODUCER = 'motedok (Chromium, pdf-lib)';

/**
 * A document claims PDF/UA only when it is tagged and every page's content is in its structure
 * tree: a page without /StructParents (an attachment that was not tagged) is not.
 */
function isFullyTagged(doc: PDFDocument): boolean {
  const markInfo = doc.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  const tagged = markInfo?.get(PDFName.of('Marked'))?.toString() === 'true' && doc.catalog.has(PDFName.of('StructTreeRoot'));
  return tagged && doc.getPages().every((page) => page.node.has(PDFName.of('StructParents')));
}

/** The Info dictionary and the XMP packet, with the same values; the window shows the title, not the file name. */
function setMetadata(doc: PDFDocument, meta: Metadata): void {
  doc.setTitle(meta.tittel, { showInWindowTitleBar: true });
  doc.setAuthor(meta.forfatter);
  if (meta.emne) doc.setSubject(meta.emne);
  doc.setCreator(CREATOR);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(meta.dato);
  doc.setModificationDate(meta.dato);
  doc.setLanguage(meta.sprak);
  setXmp(doc, { ...meta, creator: CREATOR, producer: PRODUCER, pdfua: isFullyTagged(doc) });
}

/**
 * Chromium names bookmarks after the heading's text as laid out: a heading that wraps loses
 * the space at the line break, and one moved to the next page is named twice ("TemasakerTemasaker").
 * The headings as written (in document order, like the outline) replace those names.
 */
export function fixTitles(bokmerker: Bookmark[], overskrifter: readonly string[]): void {
  const alle: Bookmark[] = [];
  const samle = (list: Bookmark[]) =>
    list.forEach((b) => {
      alle.push(b);
      samle(b.barn);
    });
  samle(bokmerker);
  if (alle.length !== overskrifter.length) return;
  alle.forEach((b, i) => {
    b.tittel = overskrifter[i]!;
  });
}

async function readVedlegg(vedlegg: EksterntVedlegg): Promise<PDFDocument> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(vedlegg.fil);
  } catch (error) {
    throw new VedleggError(vedlegg.fil, `kunne ikke lese vedlegget (${(error as NodeJS.ErrnoException).code}).`);
  }
  try {
    const doc = await loadPdf(bytes);
    if (doc.isEncrypted)
      throw new VedleggError(vedlegg.fil, 'vedlegget er kryptert eller passordbeskyttet; lagre det som en vanlig PDF uten passord.');
    // pdf-lib reads damaged files leniently; a file without readable pages is not a usable attachment.
    if (doc.getPageCount() === 0) throw new Error('ingen sider');
    return doc;
  } catch (error) {
    if (error instanceof VedleggError) throw error;
    throw new VedleggError(vedlegg.fil, 'vedlegget kan ikke leses som PDF (filen er skadet eller ikke en PDF); eksporter den på nytt.');
  }
}

export interface FinishedPdf {
  bytes: Uint8Array;
  sider: number;
  /** Where each external attachment starts (0-based page index), in the order given. */
  vedleggStart: number[];
  /** Where references to other saker of the meeting were printed, for saksdokumenter.pdf to link (referanselenker.ts). */
  referanser?: ReferanseSted[];
}

/**
 * Our printed PDF, with metadata set, bookmarks named as the headings were written, and the
 * sak's external attachments appended with a bookmark each, without active content (see
 * util/pdf-active-content.ts), and with their tags when they have them (vedlegg.ts). The printed
 * pages keep their tags and bookmarks: pdf-lib rewrites the file but keeps the catalog's
 * structure tree, outline and MarkInfo.
 */
export async function finishPdf(
  pdf: Uint8Array,
  meta: Metadata,
  vedlegg: readonly EksterntVedlegg[] = [],
  overskrifter: readonly string[] = [],
  lists: readonly string[] = [],
): Promise<FinishedPdf> {
  return (await finishPdfRead(pdf, meta, vedlegg, overskrifter, lists)).ferdig;
}

/**
 * finishPdf, and the document as saved, for stamping (sidetall.ts) without reading the saved
 * bytes again: what savePdf leaves is what reading its bytes gives, object for object.
 */
export async function finishPdfRead(
  pdf: Uint8Array,
  meta: Metadata,
  vedlegg: readonly EksterntVedlegg[] = [],
  overskrifter: readonly string[] = [],
  lists: readonly string[] = [],
): Promise<{ ferdig: FinishedPdf; doc: PDFDocument }> {
  const doc = await loadPdf(pdf);
  // Before the attachments: only the pages Chromium printed (their content is known) are marked,
  // and only its lists are the HTML's.
  markPageArtifacts(doc, doc.getPages());
  const referanser = unlinkAnnenDel(doc);
  setListNumbering(doc, lists);
  const bokmerker = readBookmarks(doc);
  fixTitles(bokmerker, overskrifter);
  const vedleggStart: number[] = [];
  for (const [i, v] of vedlegg.entries()) {
    const source = await readVedlegg(v);
    // What a reader would run or open (scripts, launch actions, embedded files, file: links) is not published; check warns about it.
    removeActiveContent(source);
    vedleggStart.push(doc.getPageCount());
    const ikkeTagget = v.ikkeTagget ?? `Vedlegget «${v.tittel}» er ikke tilgjengelig for skjermlesere: filen er ikke tagget.`;
    const pages = appendVedlegg(doc, source, { tittel: v.tittel, ikkeTagget }, i + 1);
    if (pages[0]) bokmerker.push({ tittel: `Vedlegg: ${v.tittel}`, dest: doc.context.obj([pages[0].ref, PDFName.of('Fit')]), barn: [] });
  }
  writeBookmarks(doc, bokmerker);
  const sider = doc.getPageCount();
  const bytes = await savePdf(doc, meta);
  return { ferdig: { bytes, sider, vedleggStart, ...(referanser.length > 0 ? { referanser } : {}) }, doc };
}

const SAVE_OPTIONS = { useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: NO_PAUSES };

/**
 * A document savePdf wrote, read again, with only artifacts added (the page numbers, the running
 * header over an attachment's pages): its structure, links and metadata are done and its objects
 * are in canonical order, and what was added is numbered after them in the order it was made, so
 * it is written as it is, reproducibly, without walking the document again.
 */
export async function saveStamped(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save(SAVE_OPTIONS);
}

/**
 * Repairs the structure tree (structure.ts), sets the metadata and writes the document
 * reproducibly. `stableIds`: see canonicalize. Afterwards the document is what its bytes say,
 * and can be stamped; the references of the pages it handed out before are stale, their nodes
 * are not.
 */
export async function savePdf(doc: PDFDocument, meta: Metadata, options: { stableIds?: boolean } = {}): Promise<Uint8Array> {
  fixStructure(doc);
  tagNonStruct(doc);
  describeLinks(doc);
  setMetadata(doc, meta);
  canonicalize(doc, options);
  return doc.save(SAVE_OPTIONS);
}
