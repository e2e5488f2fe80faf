import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, type PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishPdf } from '../src/pipeline/assemble/pdf.js';
import { SealedBrowser } from '../src/pipeline/print/browser.js';
import { minimalPdf } from './helpers/pdf.js';
import { pdfInfo, pdfTekst } from './helpers/pdftekst.js';
import { lblTexts, pdfuaFindings } from './helpers/pdfua.js';

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

describe('what finishPdf adds for PDF/UA', () => {
  const lister = `<!doctype html><html lang="nb"><head><title>Lister</title><style>
    @counter-style bokstav { system: extends lower-alpha; suffix: ") "; } ol[type="a"] { list-style-type: bokstav; }
    </style></head><body><h1>Lister</h1><ol><li>Første <strong>punkt</strong><ol type="a"><li>under a</li><li>under b</li></ol></li>
    <li><p>Andre</p></li></ol><ul style="list-style: none"><li><span>Sak 1</span> uten merke</li></ul></body></html>`;

  it('every LI gets an LBody holding what is not its Lbl, and the parent tree follows the content', async () => {
    const { bytes } = await finishPdf(await nettleser.pdf({ html: lister, tillatt: [] }), meta);
    const fil = join(mappe, 'lister.pdf');
    writeFileSync(fil, bytes);
    const { findings, elems } = await pdfuaFindings(fil);
    expect(findings).toEqual([]);
    const li = elems.filter((e) => e.role === 'LI');
    expect(li.map((e) => e.kids.map((k) => k.type).join('+'))).toEqual(['Lbl+LBody', 'Lbl+LBody', 'Lbl+LBody', 'Lbl+LBody', 'LBody']);
    expect(lblTexts(fil)).toEqual(['1. ', 'a) ', 'b) ', '2. ']);
    // Strong is PDF 2.0; PDF/UA-1 wants it mapped to a PDF 1.7 type.
    const doc = await PDFDocument.load(bytes);
    const roleMap = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).lookup(PDFName.of('RoleMap'), PDFDict);
    expect(roleMap.get(PDFName.of('Strong'))).toBe(PDFName.of('Span'));
  }, 60_000);

  it('XMP metadata with the Info values, escaped, pdfuaid:part=1, the same bytes every time', async () => {
    const spesiell = { ...meta, tittel: 'Budsjett & «plan» <2026>', emne: 'Møte "A"' };
    const pdf = await nettleser.pdf({ html: html('Verten'), tillatt: [] });
    const { bytes } = await finishPdf(pdf, spesiell);
    expect(Buffer.from((await finishPdf(pdf, spesiell)).bytes).equals(Buffer.from(bytes))).toBe(true);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const xmp = new TextDecoder().decode((doc.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream).getContents());
    expect(xmp).toContain(
      '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Budsjett &amp; «plan» &lt;2026&gt;</rdf:li></rdf:Alt></dc:title>',
    );
    expect(xmp).toContain('<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Møte &quot;A&quot;</rdf:li></rdf:Alt></dc:description>');
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>nb-NO</rdf:li></rdf:Bag></dc:language>');
    expect(xmp).toContain('<xmp:CreateDate>2025-05-22T00:00:00Z</xmp:CreateDate>');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    const fil = join(mappe, 'xmp.pdf');
    writeFileSync(fil, bytes);
    expect((await pdfuaFindings(fil)).findings).toEqual([]);
    expect(pdfInfo(fil).Title).toBe('Budsjett & «plan» <2026>');
  }, 60_000);

  it('a document with an untagged attachment does not claim PDF/UA', async () => {
    const vedlegg = join(mappe, 'utagget.pdf');
    writeFileSync(vedlegg, minimalPdf('Utagget', ['Tekst']));
    const vert = await nettleser.pdf({ html: html('Verten'), tillatt: [] });
    const { bytes } = await finishPdf(vert, meta, [{ tittel: 'Utagget', fil: vedlegg }]);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const xmp = new TextDecoder().decode((doc.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream).getContents());
    expect(xmp).toContain('<dc:title>');
    expect(xmp).not.toContain('<pdfuaid:part>');
  }, 60_000);
});
