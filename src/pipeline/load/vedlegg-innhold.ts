import { PDFDocument } from 'pdf-lib';
import { type ActiveContent, removeActiveContent } from '../../util/pdf-active-content.js';

/**
 * The active content build would remove from an attachment, found by the same function on a
 * parsed copy that is then thrown away. Loaded only when an attachment may hold some: pdf-lib
 * takes longer to load than the rest of `check` takes to run.
 */
export async function findAktivtInnhold(bytes: Uint8Array): Promise<ActiveContent[]> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    return doc.isEncrypted ? [] : removeActiveContent(doc);
  } catch {
    // A file pdf-lib cannot read is reported by build (VedleggError); check has nothing to add.
    return [];
  }
}
