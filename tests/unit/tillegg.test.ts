import { PDFArray, PDFDocument, PDFName, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { saveIncrement, watchChanges } from '../../src/pipeline/assemble/increment.js';
import { loadPdf } from '../../src/pipeline/assemble/load-pdf.js';

/** A finished document of `pages` pages, as savePdf writes them (no object streams). */
async function finished(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([300, 400]).drawText(`Side ${i + 1}`, { x: 20, y: 350 });
  return doc.save({ useObjectStreams: false });
}

/** What stamping does to a page: a stream added to its content, a form in its resources. */
function stampLike(doc: PDFDocument, index: number): PDFRef {
  const page = doc.getPage(index);
  const form = doc.context.register(doc.context.stream('0 0 m', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 10, 10] }));
  const name = page.node.newXObject('Sidetall', form);
  page.node.addContentStream(doc.context.register(doc.context.stream(`q /${name.asString().slice(1)} Do Q`)));
  return form;
}

describe('stamped documents as an incremental update', () => {
  it('keeps the finished bytes as they are and appends what changed, which reads back as stamped', async () => {
    const bytes = await finished(3);
    const doc = await loadPdf(bytes);
    const watched = watchChanges(doc);
    stampLike(doc, 0);
    stampLike(doc, 2);
    const stamped = await saveIncrement(doc, bytes, watched);
    expect(stamped).toBeDefined();
    expect(Buffer.from(stamped!.subarray(0, bytes.length)).equals(Buffer.from(bytes))).toBe(true);
    const tail = Buffer.from(stamped!.subarray(bytes.length)).toString('latin1');
    expect(tail).toMatch(/\/Prev \d+/);
    expect(tail.trimEnd().endsWith('%%EOF')).toBe(true);
    const read = await loadPdf(stamped!);
    expect(read.getPageCount()).toBe(3);
    // The same pages as the document stamped and written whole.
    const whole = await loadPdf(bytes);
    stampLike(whole, 0);
    stampLike(whole, 2);
    const wholeRead = await loadPdf(await whole.save({ useObjectStreams: false }));
    const streams = (d: PDFDocument) =>
      d.getPages().map((p) => {
        const c = p.node.lookup(PDFName.of('Contents'));
        return c instanceof PDFArray ? c.size() : 1;
      });
    expect(streams(read)).toEqual(streams(wholeRead));
    // Pages 1 and 3 got more content streams; page 2 was not touched.
    expect(streams(read)[1]).toBe(1);
    expect(streams(read)[0]).toBeGreaterThan(1);
    const xobjects = read.getPage(2).node.Resources()!.lookup(PDFName.of('XObject')) as unknown as { keys(): PDFName[] };
    expect(xobjects.keys().map((k) => k.asString())).toEqual([expect.stringMatching(/^\/Sidetall-\d+$/)]);
    // Only what changed is written again: the stamped pages, not the one left alone.
    const written = [...tail.matchAll(/^(\d+) 0 obj$/gm)].map((m) => Number(m[1]));
    const [first, second, third] = doc.getPages().map((p) => p.ref.objectNumber);
    expect(written).toContain(first);
    expect(written).toContain(third);
    expect(written).not.toContain(second);
  });

  it('writes the document whole (undefined) when something it does not watch changed', async () => {
    const bytes = await finished(1);
    const doc = await loadPdf(bytes);
    const watched = watchChanges(doc);
    stampLike(doc, 0);
    doc.catalog.set(PDFName.of('Lang'), PDFName.of('nb'));
    expect(await saveIncrement(doc, bytes, watched)).toBeUndefined();
  });

  it('is not told what changes in another document meanwhile', async () => {
    const bytes = await finished(1);
    const [doc, other] = [await loadPdf(bytes), await loadPdf(bytes)];
    const watched = watchChanges(doc);
    other.catalog.set(PDFName.of('Lang'), PDFName.of('nb'));
    stampLike(doc, 0);
    expect(await saveIncrement(doc, bytes, watched)).toBeDefined();
  });
});
