import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markArtifacts } from '../../src/pipeline/assemble/artifacts.js';
import { mergePdfs } from '../../src/pipeline/assemble/merge.js';
import { finishPdf, savePdf } from '../../src/pipeline/assemble/pdf.js';
import { SealedBrowser } from '../../src/pipeline/print/browser.js';
import { minimalPdf } from '../helpers/pdf.js';
import { pdfInfo, pdfTekst } from '../helpers/pdftekst.js';
import { flatten, lblTexts, pdfuaFindings } from '../helpers/pdfua.js';

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
  it("an untagged attachment leaves the host's tags intact: its pages have no StructParents", async () => {
    const vedlegg = join(mappe, 'utagget-vedlegg.pdf');
    writeFileSync(vedlegg, minimalPdf('Vedleggstekst', ['Avsnitt om Vedleggstekst.']));
    const vert = await nettleser.pdf({ html: html('Verten'), tillatt: [] });
    const { bytes, sider, vedleggStart } = await finishPdf(vert, meta, [{ tittel: 'Utagget', fil: vedlegg }]);
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

describe('a tagged attachment keeps its tags', () => {
  const vedleggHtml = `<!doctype html><html lang="en"><head><title>Report</title></head><body><h1>Report</h1>
    <p>Avsnitt om Vedleggstekst.</p><ul><li>Et punkt i vedlegget</li></ul><p><a href="https://example.org/">Lenke</a></p></body></html>`;

  /** A Chromium-tagged attachment whose paragraphs are a custom type, mapped to P in its own RoleMap (as Word does). */
  async function taggetVedlegg(fil: string): Promise<void> {
    const doc = await PDFDocument.load(await nettleser.pdf({ html: vedleggHtml, tillatt: [] }));
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    root.set(PDFName.of('RoleMap'), doc.context.obj({ Brodtekst: 'P' }));
    for (const [, objekt] of doc.context.enumerateIndirectObjects())
      if (objekt instanceof PDFDict && objekt.get(PDFName.of('S')) === PDFName.of('P'))
        objekt.set(PDFName.of('S'), PDFName.of('Brodtekst'));
    writeFileSync(fil, await doc.save());
  }

  it('its tree is carried under a Sect with its title: the text is in the structure tree, the parent tree agrees, PDF/UA is claimed', async () => {
    const vedlegg = join(mappe, 'tagget.pdf');
    await taggetVedlegg(vedlegg);
    const vert = await nettleser.pdf({ html: html('Verten'), tillatt: [] });
    const { bytes } = await finishPdf(vert, meta, [{ tittel: 'Rapport – vedlegg', fil: vedlegg }]);
    const fil = join(mappe, 'med-tagget.pdf');
    writeFileSync(fil, bytes);
    const struktur = spawnSync('pdfinfo', ['-struct-text', fil], { encoding: 'utf8' }).stdout;
    expect(struktur).toContain('Avsnitt om Vedleggstekst.');
    expect(struktur).toContain('Et punkt i vedlegget');
    const { findings, elems, fullyTagged } = await pdfuaFindings(fil);
    expect([findings, fullyTagged]).toEqual([[], true]);
    const sect = elems.find((e) => e.type === 'Sect')!;
    expect(sect.dict.lookup(PDFName.of('T'), PDFHexString).decodeText()).toBe('Rapport – vedlegg');
    expect(sect.dict.get(PDFName.of('Lang'))?.toString()).toBe('(en)');
    // The custom type is resolved through the attachment's RoleMap, which does not come along.
    expect(flatten(sect.kids).map((e) => e.type)).toEqual(expect.arrayContaining(['H1', 'P', 'L', 'LI', 'LBody', 'Link']));
    expect(elems.filter((e) => e.type === 'Brodtekst')).toEqual([]);
    // The attachment's link annotation is reached from its Link element (OBJR), and its page tabs in structure order.
    const doc = await PDFDocument.load(bytes);
    const side = doc.getPage(1).node;
    expect(side.get(PDFName.of('Tabs'))).toBe(PDFName.of('S'));
    // Its link has a description (28-012): the address.
    const lenke = doc.context.lookup(side.lookup(PDFName.of('Annots'), PDFArray).get(0), PDFDict);
    expect(lenke.lookup(PDFName.of('Contents'), PDFHexString).decodeText()).toBe('https://example.org/');
    expect(side.get(PDFName.of('StructParents'))?.toString()).toBe('1');
  }, 60_000);

  it("the bundle keeps the attachment's tags too", async () => {
    const vedlegg = join(mappe, 'tagget2.pdf');
    await taggetVedlegg(vedlegg);
    const del = await finishPdf(await nettleser.pdf({ html: html('Saken'), tillatt: [] }), meta, [{ tittel: 'Rapport', fil: vedlegg }]);
    const base = await PDFDocument.load(await nettleser.pdf({ html: html('Forsiden'), tillatt: [] }));
    await mergePdfs(base, [{ pdf: del.bytes, bokmerke: 'Saken' }]);
    const fil = join(mappe, 'samlet.pdf');
    writeFileSync(fil, await savePdf(base, meta));
    expect(spawnSync('pdfinfo', ['-struct-text', fil], { encoding: 'utf8' }).stdout).toContain('Avsnitt om Vedleggstekst.');
    const { findings, fullyTagged } = await pdfuaFindings(fil);
    expect([findings, fullyTagged]).toEqual([[], true]);
  }, 60_000);

  it('an untagged attachment is a Sect whose Alt says it cannot be read, and its pages stay outside the tree', async () => {
    const vedlegg = join(mappe, 'utagget2.pdf');
    writeFileSync(vedlegg, minimalPdf('Skannet', ['Tekst']));
    const vert = await nettleser.pdf({ html: html('Verten'), tillatt: [] });
    const ikkeTagget = 'Vedlegget «Skannet» er ikke tilgjengelig for skjermlesere: filen er ikke tagget.';
    const { bytes } = await finishPdf(vert, meta, [{ tittel: 'Skannet', fil: vedlegg, ikkeTagget }]);
    const fil = join(mappe, 'med-utagget.pdf');
    writeFileSync(fil, bytes);
    const { elems, fullyTagged, findings } = await pdfuaFindings(fil);
    const sect = elems.find((e) => e.type === 'Sect')!;
    expect(sect.dict.lookup(PDFName.of('Alt'), PDFHexString).decodeText()).toBe(ikkeTagget);
    expect([sect.kids, sect.mcids]).toEqual([[], []]);
    expect(fullyTagged).toBe(false);
    // Its content is neither tagged nor an artifact: the document is not PDF/UA, and does not say it is.
    expect(findings).toEqual(['06-002 no pdfuaid:part=1', '01-005 2 painting operators are neither tagged nor artifacts']);
  }, 60_000);
});

describe('what is not content is an artifact', () => {
  const tekst = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('latin1');

  it('a bare run that paints gets /Artifact BMC … EMC, without crossing BT/ET, q/Q or other marked content', () => {
    const innhold = [
      'q 0 0 1 rg 0 0 10 10 re f Q',
      '/P <</MCID 0 >>BDC BT /F1 12 Tf 1 0 0 1 5 5 Tm <0044> Tj ET EMC',
      'BT /F1 8 Tf 1 0 0 1 5 800 Tm (Side 1 av 2) Tj ET',
      '/Span <</ActualText (fi)>> BDC BT <13B2> Tj ET EMC',
      '/Artifact BMC 0 0 5 5 re S EMC',
      '/Figure <</MCID 1 >>BDC q /Im0 Do Q EMC',
      '0 0 m 5 5 l n',
    ].join('\n');
    const ut = tekst(
      markArtifacts(Buffer.from(innhold, 'latin1'), (operands) => operands.includes('/MCID') || operands.startsWith('/Artifact')),
    );
    expect(
      ut
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l),
    ).toEqual([
      'q',
      '/Artifact BMC',
      '0 0 1 rg 0 0 10 10 re f',
      'EMC',
      'Q',
      '/P <</MCID 0 >>BDC BT /F1 12 Tf 1 0 0 1 5 5 Tm <0044> Tj ET EMC',
      'BT',
      '/Artifact BMC',
      '/F1 8 Tf 1 0 0 1 5 800 Tm (Side 1 av 2) Tj',
      'EMC',
      'ET',
      '/Span <</ActualText (fi)>> BDC BT',
      '/Artifact BMC',
      '<13B2> Tj',
      'EMC',
      'ET EMC',
      '/Artifact BMC 0 0 5 5 re S EMC',
      '/Figure <</MCID 1 >>BDC q /Im0 Do Q EMC',
      '0 0 m 5 5 l n',
    ]);
    // Nothing bare that paints: nothing to change.
    expect(markArtifacts(Buffer.from('/P <</MCID 0>> BDC 0 0 1 1 re f EMC q 1 0 0 1 0 0 cm Q'), () => true)).toBeUndefined();
  });

  it('an inline image and a string with parentheses and an escaped quote are read as one operand each', () => {
    const innhold = 'BT (a \\) (b) c) Tj ET\nBI /W 1 /H 1 /CS /G /BPC 8 ID \x00EMC\x01 EI\n';
    const ut = tekst(markArtifacts(Buffer.from(innhold, 'latin1'), () => false));
    expect(ut).toBe(
      'BT\n/Artifact BMC\n (a \\) (b) c) Tj\nEMC\n ET\n/Artifact BMC\n\nBI /W 1 /H 1 /CS /G /BPC 8 ID \x00EMC\x01 EI\nEMC\n\n',
    );
  });

  it("the running header, footer and page numbers and a fixed mark are artifacts in finishPdf's output; the text is still there", async () => {
    const side = `<!doctype html><html lang="nb"><head><title>Side</title><style>
      @page { margin: 20mm; @top-left { content: "Topptekst"; } @bottom-right { content: "Side " counter(page) " av " counter(pages); } }
      .merke { position: fixed; top: 90mm; font-size: 60pt; color: rgba(200, 0, 0, 0.2); } p { border-bottom: 1pt solid; background: #eee; }
      </style></head><body><div class="merke" aria-hidden="true">UTKAST</div><h1>Overskrift</h1><p>Avsnitt</p></body></html>`;
    const pdf = await nettleser.pdf({ html: side, tillatt: [] });
    const fil = join(mappe, 'artefakter.pdf');
    writeFileSync(fil, (await finishPdf(pdf, meta)).bytes);
    expect((await pdfuaFindings(fil)).findings).toEqual([]);
    const ren = join(mappe, 'uten-artefakter.pdf');
    writeFileSync(ren, pdf);
    expect((await pdfuaFindings(ren)).findings.filter((f) => f.startsWith('01-005'))).toHaveLength(1);
    expect(pdfTekst(fil)).toContain('Side 1 av 1');
    expect(pdfTekst(fil)).toContain('Topptekst');
  }, 60_000);
});

describe('links', () => {
  const fotnote = `<!doctype html><html lang="nb"><head><title>F</title></head><body><h1>Fotnoter</h1>
    <p>Tekst<sup><a href="#fn-1" id="fnref-1">1</a></sup> og <a href="https://example.org/">web</a>.</p>
    <section style="break-before: page"><ol><li id="fn-1"><p>Noten. <a href="#fnref-1">Tilbake</a></p></li></ol></section></body></html>`;
  const beskrivelser = async (bytes: Uint8Array) => {
    const doc = await PDFDocument.load(bytes);
    return doc
      .getPages()
      .flatMap((p) =>
        (p.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []).map((a) =>
          doc.context.lookup(a, PDFDict).lookup(PDFName.of('Contents'), PDFHexString).decodeText(),
        ),
      );
  };

  it('every link is described (28-012): a web link by its address, a footnote and its way back by the page they lead to, also in the bundle', async () => {
    const pdf = await nettleser.pdf({ html: fotnote, tillatt: [] });
    const { bytes } = await finishPdf(pdf, meta);
    expect(await beskrivelser(bytes)).toEqual(['Lenke til side 2', 'https://example.org/', 'Lenke til side 1']);
    const fil = join(mappe, 'lenker.pdf');
    writeFileSync(fil, bytes);
    expect((await pdfuaFindings(fil)).findings).toEqual([]);
    const base = await PDFDocument.load(await nettleser.pdf({ html: html('Forsiden'), tillatt: [] }));
    await mergePdfs(base, [{ pdf: bytes, bokmerke: 'Saken' }]);
    expect(await beskrivelser(await savePdf(base, meta))).toEqual(['Lenke til side 3', 'https://example.org/', 'Lenke til side 2']);
  }, 60_000);
});
