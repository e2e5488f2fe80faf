import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadPdf } from '../../src/pipeline/assemble/load-pdf.js';
import { nameText, rememberPdfNames } from '../../src/util/pdf-names.js';

describe("pdf-lib's names, remembered", () => {
  it('a name read with #xx escapes is the same name as the one written plainly, and decodes as pdf-lib decodes it', async () => {
    rememberPdfNames();
    const doc = await PDFDocument.create();
    doc.catalog.set(PDFName.of('Rolle'), PDFName.of('Tabell rad'));
    doc.catalog.set(PDFName.of('Rolle2'), PDFName.of('Tabell#20rad'));
    const read = await loadPdf(await doc.save({ useObjectStreams: false }));
    const first = read.catalog.get(PDFName.of('Rolle'));
    // Escaped and plain spellings, asked for in either order, give pdf-lib's one instance.
    expect(read.catalog.get(PDFName.of('Rolle2'))).toBe(first);
    expect(PDFName.of('Tabell#20rad')).toBe(PDFName.of('Tabell rad'));
    expect(first).toBeInstanceOf(PDFName);
    expect(nameText(first as PDFName)).toBe('Tabell rad');
    expect(nameText(PDFName.of('H#c3#a5p'))).toBe(PDFName.of('H#c3#a5p').decodeText());
    expect((first as PDFName).asString()).toBe('/Tabell#20rad');
  });
});
