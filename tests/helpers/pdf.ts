import { PDFDocument, PDFName, PDFString } from 'pdf-lib';

/** Writes numbered objects (1 is the catalog, the last the Info dictionary) as a PDF file with its cross-reference table. */
function writePdf(objects: readonly string[]): Buffer {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
const textLine = (line: string, i: number) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${esc(line)}) Tj ET`;

/**
 * A minimal, valid one-page PDF with a few lines of text (WinAnsi Helvetica, so æøå work).
 * Used for the example attachments and for tests that need a real PDF file. It is not tagged.
 */
export function minimalPdf(title: string, lines: readonly string[] = []): Buffer {
  const text = [title, ...lines].map(textLine).join('\n');
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    `<< /Title (${esc(title)}) /Producer (motedok) >>`,
  ]);
}

/** The same page as minimalPdf, tagged: the title an H1, each line a P, in a structure tree with its parent tree. */
export function taggetPdf(title: string, lines: readonly string[] = []): Buffer {
  const alle = [title, ...lines];
  const text = alle.map((line, i) => `/${i === 0 ? 'H1' : 'P'} << /MCID ${i} >> BDC ${textLine(line, i)} EMC`).join('\n');
  const elementer = alle.map((_, i) => `<< /Type /StructElem /S /${i === 0 ? 'H1' : 'P'} /P 7 0 R /Pg 3 0 R /K ${i} >>`);
  const refs = alle.map((_, i) => `${9 + i} 0 R`).join(' ');
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 6 0 R /MarkInfo << /Marked true >> /Lang (nb-NO) >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R /StructParents 0 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /StructTreeRoot /K 7 0 R /ParentTree 8 0 R /ParentTreeNextKey 1 >>',
    `<< /Type /StructElem /S /Document /P 6 0 R /K [${refs}] >>`,
    `<< /Nums [0 [${refs}]] >>`,
    ...elementer,
    `<< /Title (${esc(title)}) /Producer (motedok) >>`,
  ]);
}

/**
 * A PDF whose trailer says it is encrypted (standard security handler, as Word and Acrobat
 * write it for a password-protected file). Readers ask for a password; we cannot use its pages.
 */
export function kryptertPdf(title: string): Buffer {
  const encrypt =
    '/Encrypt << /Filter /Standard /V 1 /R 2 /O <28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a> /U <28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a> /P -44 >> ';
  return Buffer.from(minimalPdf(title).toString('latin1').replace('trailer\n<< ', `trailer\n<< ${encrypt}`), 'latin1');
}

/**
 * An attachment that carries every kind of active content the build removes (made with pdf-lib
 * on top of minimalPdf, so its text is real): an /OpenAction and /AA on the document, a
 * /Names /JavaScript tree, an /EmbeddedFiles tree, /AcroForm /XFA, /AA on the page, a Launch
 * link, a link to file:///etc/passwd, a form field with /AA /JS and a FileAttachment annotation.
 * One ordinary https link stays. pdf-lib writes object streams, so check has to parse it.
 */
export async function aktivPdf(title: string, lines: readonly string[] = []): Promise<Uint8Array> {
  const doc = await PDFDocument.load(minimalPdf(title, lines));
  const { context } = doc;
  const js = (code: string) => context.obj({ S: 'JavaScript', JS: PDFString.of(code) });
  const fil = context.register(
    context.obj({
      Type: 'Filespec',
      F: PDFString.of('hemmelig.txt'),
      EF: { F: context.register(context.flateStream('HEMMELIG-INNEBYGD', { Type: 'EmbeddedFile' })) },
    }),
  );
  const catalog = doc.catalog;
  catalog.set(PDFName.of('OpenAction'), js('app.alert("OPENACTION")'));
  catalog.set(PDFName.of('AA'), context.obj({ WC: js('app.alert("DOKUMENT-AA")') }));
  catalog.set(
    PDFName.of('Names'),
    context.obj({
      JavaScript: { Names: [PDFString.of('start'), js('app.alert("NAVNETRE")')] },
      EmbeddedFiles: { Names: [PDFString.of('hemmelig.txt'), fil] },
    }),
  );
  const felt = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Tx',
      T: PDFString.of('navn'),
      Rect: [56, 600, 256, 620],
      AA: { K: js('app.alert("FELT-AA")') },
    }),
  );
  catalog.set(PDFName.of('AcroForm'), context.obj({ Fields: [felt], XFA: context.register(context.stream('<xdp:xdp/>')) }));
  const lenke = (a: Record<string, unknown>, y: number) =>
    context.register(context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [56, y, 256, y + 20], Border: [0, 0, 0], A: a as never }));
  const side = doc.getPage(0).node;
  side.set(PDFName.of('AA'), context.obj({ O: js('app.alert("SIDE-AA")') }));
  side.set(
    PDFName.of('Annots'),
    context.obj([
      lenke({ S: 'Launch', F: PDFString.of('calc.exe') }, 700),
      lenke({ S: 'URI', URI: PDFString.of('file:///etc/passwd') }, 670),
      felt,
      context.register(context.obj({ Type: 'Annot', Subtype: 'FileAttachment', Rect: [300, 700, 320, 720], FS: fil })),
      lenke({ S: 'URI', URI: PDFString.of('https://example.org/') }, 640),
    ]),
  );
  return doc.save();
}
