import { PDFDocument, PDFName } from 'pdf-lib';
import { type ActiveContent, removeActiveContent } from '../../util/pdf-active-content.js';

export interface VedleggContent {
  aktivtContent: ActiveContent[];
  /** Undefined when the file cannot be read (build reports that). */
  tagget?: boolean;
}

/**
 * The active content build would remove from an attachment, found by the same function on a
 * parsed copy that is then thrown away, and whether it is tagged. Loaded only when an attachment
 * may hold active content or hides its catalog in an object stream: pdf-lib takes longer to load
 * than the rest of `check` takes to run.
 */
export async function readVedleggContent(bytes: Uint8Array): Promise<VedleggContent> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Number.POSITIVE_INFINITY });
    if (doc.isEncrypted) return { aktivtContent: [] };
    const tagget = doc.catalog.has(PDFName.of('StructTreeRoot'));
    return { aktivtContent: removeActiveContent(doc), tagget };
  } catch {
    // A file pdf-lib cannot read is reported by build (VedleggError); check has nothing to add.
    return { aktivtContent: [] };
  }
}
