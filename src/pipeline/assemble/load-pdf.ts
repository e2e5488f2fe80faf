import { PDFDocument } from 'pdf-lib';
import { rememberPdfNames } from '../../util/pdf-names.js';

rememberPdfNames();

/**
 * pdf-lib by default pauses for a timer tick every 100 objects it parses and every 50 it writes.
 * Each pause is at least a millisecond, and on a busy event loop (pages coming back from
 * Chromium) much more: for a bundle of 90 pages, most of an edit's rebuild. We read and write at once.
 */
export const NO_PAUSES = Number.POSITIVE_INFINITY;

/** Reads a PDF without pauses, leaving its metadata as it is. */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: NO_PAUSES });
}
