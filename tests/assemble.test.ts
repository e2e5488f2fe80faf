import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishPdf } from '../src/pipeline/assemble/pdf.js';
import { SealedBrowser } from '../src/pipeline/print/browser.js';
import { minimalPdf } from './helpers/pdf.js';
import { pdfInfo, pdfTekst } from './helpers/pdftekst.js';

const meta = { tittel: 'Prøve', forfatter: 'Test', dato: new Date('2025-05-22T00:00:00Z'), sprak: 'nb-NO' };
const html = (tekst: string) =>
  `<!doctype html><html lang="nb"><head><title>${tekst}</title></head><body><h1>${tekst}</h1><p>Avsnitt om ${tekst}.</p></body></html>`;

let nettleser: SealedBrowser;
let mappe: string;
beforeAll(async () => {
  nettleser = await SealedBrowser.start(1);
  mappe = mkdtempSync(join(tmpdir(), 'motedok-assemble-'));
}, 60_000);
afterAll(async () => {
  await nettleser?.close();
});

describe('appending attachments', () => {
  it("a tagged attachment keeps the host's tags intact: its pages lose their StructParents", async () => {
    const vedlegg = join(mappe, 'tagget.pdf');
    writeFileSync(vedlegg, await nettleser.pdf({ html: html('Vedleggstekst'), tillatt: [] }));
    const vert = await nettleser.pdf({ html: html('Verten'), tillatt: [] });
    const { bytes, sider, vedleggStart } = await finishPdf(vert, meta, [{ tittel: 'Tagget', fil: vedlegg }]);
    expect([sider, vedleggStart]).toEqual([2, [1]]);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPages().map((p) => p.node.get(PDFName.of('StructParents'))?.toString())).toEqual(['0', undefined]);
    const fil = join(mappe, 'ut.pdf');
    writeFileSync(fil, bytes);
    expect(pdfInfo(fil).Tagged).toBe('yes');
    expect(pdfTekst(fil)).toContain('Avsnitt om Vedleggstekst.');
  }, 60_000);

  it('an attachment with a reference to an object that does not exist is appended, not a crash', async () => {
    const skadet = minimalPdf('Skadet', ['Tekst i skadet vedlegg'])
      .toString('latin1')
      .replace('/Contents 5 0 R', '/Contents 5 0 R /Foo 99 0 R');
    const vedlegg = join(mappe, 'skadet.pdf');
    writeFileSync(vedlegg, Buffer.from(skadet, 'latin1'));
    const vert = await nettleser.pdf({ html: html('Verten'), tillatt: [] });
    const { bytes, sider } = await finishPdf(vert, meta, [{ tittel: 'Skadet', fil: vedlegg }]);
    expect(sider).toBe(2);
    const fil = join(mappe, 'ut2.pdf');
    writeFileSync(fil, bytes);
    expect(pdfTekst(fil)).toContain('Tekst i skadet vedlegg');
  }, 60_000);
});
