import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, type PDFPage } from 'pdf-lib';
import { kanoniser } from './kanonisk.js';

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
}

/** The attachment could not be read as a PDF (corrupt, encrypted); names the file. */
export class VedleggFeil extends Error {
  constructor(readonly fil: string, message: string) {
    super(message);
  }
}

function settMetadata(doc: PDFDocument, meta: Metadata): void {
  doc.setTitle(meta.tittel, { showInWindowTitleBar: true });
  doc.setAuthor(meta.forfatter);
  if (meta.emne) doc.setSubject(meta.emne);
  doc.setCreator('motedok');
  doc.setProducer('motedok (Chromium, pdf-lib)');
  doc.setCreationDate(meta.dato);
  doc.setModificationDate(meta.dato);
  doc.setLanguage(meta.sprak);
}

/** Adds a top-level bookmark to the document outline Chromium made (or a new outline). */
function leggTilBokmerke(doc: PDFDocument, tittel: string, side: PDFPage): void {
  const { context, catalog } = doc;
  let outlines = catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!outlines) {
    outlines = context.obj({ Type: 'Outlines', Count: 0 });
    catalog.set(PDFName.of('Outlines'), context.register(outlines));
  }
  const outlinesRef = catalog.get(PDFName.of('Outlines')) as PDFRef;
  const item = context.obj({
    Title: PDFHexString.fromText(tittel),
    Parent: outlinesRef,
    Dest: [side.ref, PDFName.of('XYZ'), null, null, null],
  });
  const itemRef = context.register(item);
  const last = outlines.get(PDFName.of('Last')) as PDFRef | undefined;
  if (last) {
    (context.lookup(last, PDFDict)).set(PDFName.of('Next'), itemRef);
    item.set(PDFName.of('Prev'), last);
  } else {
    outlines.set(PDFName.of('First'), itemRef);
  }
  outlines.set(PDFName.of('Last'), itemRef);
  const count = outlines.lookupMaybe(PDFName.of('Count'), PDFNumber)?.asNumber() ?? 0;
  outlines.set(PDFName.of('Count'), PDFNumber.of(Math.abs(count) + 1));
}

async function lesVedlegg(vedlegg: EksterntVedlegg): Promise<PDFDocument> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(vedlegg.fil);
  } catch (error) {
    throw new VedleggFeil(vedlegg.fil, `kunne ikke lese vedlegget (${(error as NodeJS.ErrnoException).code}).`);
  }
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    if (doc.isEncrypted) throw new VedleggFeil(vedlegg.fil, 'vedlegget er kryptert eller passordbeskyttet; lagre det som en vanlig PDF uten passord.');
    // pdf-lib reads damaged files leniently; a file without readable pages is not a usable attachment.
    if (doc.getPageCount() === 0) throw new Error('ingen sider');
    return doc;
  } catch (error) {
    if (error instanceof VedleggFeil) throw error;
    throw new VedleggFeil(vedlegg.fil, 'vedlegget kan ikke leses som PDF (filen er skadet eller ikke en PDF); eksporter den på nytt.');
  }
}

/**
 * Our printed PDF, with metadata set, and the sak's external attachments appended with a
 * bookmark each. The printed pages keep their tags and bookmarks: pdf-lib rewrites the file
 * but keeps the catalog's structure tree, outline and MarkInfo.
 */
export interface Ferdig {
  bytes: Uint8Array;
  sider: number;
  /** Where each external attachment starts (0-based page index), in the order given. */
  vedleggStart: number[];
}

export async function ferdigstill(pdf: Uint8Array, meta: Metadata, vedlegg: readonly EksterntVedlegg[] = []): Promise<Ferdig> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const vedleggStart: number[] = [];
  for (const v of vedlegg) {
    const kilde = await lesVedlegg(v);
    const sider = await doc.copyPages(kilde, kilde.getPageIndices());
    vedleggStart.push(doc.getPageCount());
    sider.forEach((side) => doc.addPage(side));
    if (sider[0]) leggTilBokmerke(doc, `Vedlegg: ${v.tittel}`, sider[0]);
  }
  const sider = doc.getPageCount();
  return { bytes: await lagre(doc, meta), sider, vedleggStart };
}

/** Sets the metadata and writes the document reproducibly. The document cannot be used after this. */
export async function lagre(doc: PDFDocument, meta: Metadata): Promise<Uint8Array> {
  settMetadata(doc, meta);
  kanoniser(doc);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}
