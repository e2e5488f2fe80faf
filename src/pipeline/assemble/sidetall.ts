import {
  PDFOperatorNames as Op,
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFObjectCopier,
  PDFOperator,
  type PDFPage,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib';
import { type OverlayPage, VEDLEGG_BAND } from '../../domain/sidetall.js';
import { loadPdf } from './load-pdf.js';

/**
 * Stamps the running header and the page numbers printed as an overlay (render/sidetall.ts) onto
 * a finished document, one overlay page per page, as a Form XObject inside `/Artifact` marked
 * content (PDF/UA 01-005: pagination is not part of the text a screen reader reads). An external
 * attachment's pages are first scaled down into the band between header and footer, so neither
 * covers the attachment's own text.
 */

/** An affine matrix [a b c d e f], as PDF writes it: a point (x y) goes to (a x + c y + e, b x + d y + f). */
type Matrix = [number, number, number, number, number, number];

/** First `m`, then `n`. */
function then(m: Matrix, n: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = m;
  const [a2, b2, c2, d2, e2, f2] = n;
  return [a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2, e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2];
}

function invert([a, b, c, d, e, f]: Matrix): Matrix {
  const det = a * d - b * c;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

const apply = ([a, b, c, d, e, f]: Matrix, x: number, y: number): [number, number] => [a * x + c * y + e, b * x + d * y + f];

/** A page as the reader sees it: its visible size, and the matrix from its user space to the visible one (crop box corner at 0 0, rotation undone). */
interface View {
  bredde: number;
  hoyde: number;
  tilSynlig: Matrix;
}

function viewOf(page: PDFPage): View {
  const { x, y, width, height } = page.getCropBox();
  const [x1, y1] = [x + width, y + height];
  const rotasjon = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  const matriser: Record<typeof rotasjon, Matrix> = {
    0: [1, 0, 0, 1, -x, -y],
    90: [0, -1, 1, 0, -y, x1],
    180: [-1, 0, 0, -1, x1, y1],
    270: [0, 1, -1, 0, y1, -x],
  };
  const liggende = rotasjon === 90 || rotasjon === 270;
  return { bredde: liggende ? height : width, hoyde: liggende ? width : height, tilSynlig: matriser[rotasjon] ?? matriser[0] };
}

/** The visible size of every page, for the overlay. */
export function pageSizes(doc: PDFDocument): Pick<OverlayPage, 'bredde' | 'hoyde'>[] {
  return doc.getPages().map((page) => {
    const { bredde, hoyde } = viewOf(page);
    return { bredde, hoyde };
  });
}

const num = (n: number) => PDFNumber.of(Math.round(n * 10_000) / 10_000);
const cm = (m: Matrix) => PDFOperator.of(Op.ConcatTransformationMatrix, m.map(num));

function contentStream(doc: PDFDocument, operators: PDFOperator[]): PDFRef {
  return doc.context.register(doc.context.contentStream(operators));
}

/**
 * Content streams the pages of a document share (a page's content is an array of streams), by
 * their content: every page is wrapped in the same `q` and `Q`, and pages of one size get the
 * same stamp. One stream each instead of one per page: fewer objects to write, and each new
 * compressed stream cost 64 kB of zeroed tables. A stream is made again if the document was
 * renumbered since (canonicalize).
 */
const shared = new WeakMap<PDFDocument, Map<string, { ref: PDFRef; stream: PDFObject }>>();

function sharedStream(doc: PDFDocument, content: string, make: () => PDFObject): PDFRef {
  const streams = shared.get(doc) ?? new Map<string, { ref: PDFRef; stream: PDFObject }>();
  shared.set(doc, streams);
  const known = streams.get(content);
  if (known && doc.context.lookup(known.ref) === known.stream) return known.ref;
  const stream = make();
  const ref = doc.context.register(stream);
  streams.set(content, { ref, stream });
  return ref;
}

const PUSH = [PDFOperator.of(Op.PushGraphicsState)];
const POP = [PDFOperator.of(Op.PopGraphicsState)];

/** The page's content stays as it was, in its own graphics state, drawn through `matrix` when one is given. */
function wrapContent(doc: PDFDocument, page: PDFPage, matrix?: Matrix): void {
  const contents = page.node.get(PDFName.of('Contents'));
  if (contents && !(page.node.lookup(PDFName.of('Contents')) instanceof PDFArray))
    page.node.set(PDFName.of('Contents'), doc.context.obj([contents]));
  const start = matrix ? contentStream(doc, [...PUSH, cm(matrix)]) : sharedStream(doc, 'q', () => doc.context.contentStream(PUSH));
  const end = sharedStream(doc, 'Q', () => doc.context.contentStream(POP));
  if (!page.node.wrapContentStreams(start, end)) page.node.set(PDFName.of('Contents'), doc.context.obj([]));
}

/** Moves an annotation (a link) with the content it sits on. */
function moveAnnotations(page: PDFPage, matrix: Matrix): void {
  for (const ref of page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []) {
    const annot = page.doc.context.lookup(ref);
    if (!(annot instanceof PDFDict)) continue;
    const rect = annot.lookupMaybe(PDFName.of('Rect'), PDFArray);
    if (rect?.size() === 4) {
      const [x0, y0, x1, y1] = rect.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : 0)) as [number, number, number, number];
      const hjorner = [apply(matrix, x0, y0), apply(matrix, x1, y1), apply(matrix, x0, y1), apply(matrix, x1, y0)];
      const xs = hjorner.map(([x]) => x);
      const ys = hjorner.map(([, y]) => y);
      annot.set(PDFName.of('Rect'), page.doc.context.obj([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].map(num)));
    }
    const quads = annot.lookupMaybe(PDFName.of('QuadPoints'), PDFArray);
    if (quads) {
      const tall = quads.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : 0));
      const flyttet = tall.flatMap((_, i) => (i % 2 === 0 ? apply(matrix, tall[i]!, tall[i + 1]!) : []));
      annot.set(PDFName.of('QuadPoints'), page.doc.context.obj(flyttet.map(num)));
    }
  }
}

/** Scales an attachment page's content (and its links) into the band between the header and the footer, centred. */
export function fitIntoBand(doc: PDFDocument, pageIndices: readonly number[]): void {
  const pages = doc.getPages();
  for (const i of pageIndices) {
    const page = pages[i]!;
    const { bredde, hoyde, tilSynlig } = viewOf(page);
    const s = (hoyde - VEDLEGG_BAND.topp - VEDLEGG_BAND.bunn) / hoyde;
    const skalering: Matrix = [s, 0, 0, s, (bredde * (1 - s)) / 2, VEDLEGG_BAND.bunn];
    const matrix = then(then(tilSynlig, skalering), invert(tilSynlig));
    wrapContent(doc, page, matrix);
    moveAnnotations(page, matrix);
  }
}

/** The compressed stamp by its text: pages of one size draw the same, and each compression costs a fresh 200 kB of tables. */
const compressed = new Map<string, Uint8Array>();

/** `context.flateStream(text)`, with the compressed bytes of an earlier page of the same text. */
function stampStream(doc: PDFDocument, text: string) {
  const known = compressed.get(text);
  if (known) return doc.context.stream(known, { Filter: 'FlateDecode' });
  const stream = doc.context.flateStream(text);
  compressed.set(text, stream.getContents());
  return stream;
}

/**
 * The overlay's pages as Form XObjects of `doc`. A page drawn by one content stream (as Chromium
 * draws them) becomes a form with that stream's bytes as they are: pdf-lib's embedPage inflates
 * and deflates them again, a fifth of the time spent stamping. Any other page is embedded by pdf-lib.
 */
async function embedOverlayPages(doc: PDFDocument, overlay: PDFDocument, pageIndices: readonly number[]): Promise<PDFRef[]> {
  const copier = PDFObjectCopier.for(overlay.context, doc.context);
  const pages = overlay.getPages();
  const refs: PDFRef[] = [];
  for (const i of pageIndices) {
    const page = pages[i]!;
    const contents = page.node.get(PDFName.of('Contents'));
    const stream = contents instanceof PDFRef ? overlay.context.lookup(contents) : undefined;
    if (!(stream instanceof PDFRawStream)) {
      refs.push((await doc.embedPage(page)).ref);
      continue;
    }
    const { width, height } = page.getMediaBox();
    const form = doc.context.obj({
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: [0, 0, width, height],
      Matrix: [1, 0, 0, 1, 0, 0],
    });
    for (const key of ['Filter', 'DecodeParms']) {
      const value = stream.dict.get(PDFName.of(key));
      if (value) form.set(PDFName.of(key), copier.copy(value));
    }
    const resources = page.node.Resources();
    if (resources) form.set(PDFName.of('Resources'), copier.copy(resources));
    refs.push(doc.context.register(PDFRawStream.of(form, stream.contents)));
  }
  return refs;
}

/**
 * Draws page i of `overlay` on page i of `doc`, for the pages in `pageIndices`, as a pagination
 * artifact. The overlay's pages have the pages' visible sizes (pageSizes).
 */
export async function stampOverlay(doc: PDFDocument, overlay: Uint8Array, pageIndices: readonly number[]): Promise<void> {
  const pages = doc.getPages();
  const former = await embedOverlayPages(doc, await loadPdf(overlay), pageIndices);
  for (const [n, i] of pageIndices.entries()) {
    const page = pages[i]!;
    wrapContent(doc, page);
    const name = page.node.newXObject('Sidetall', former[n]!);
    const tegn = [PDFOperator.of(Op.PushGraphicsState), cm(invert(viewOf(page).tilSynlig)), PDFOperator.of(Op.DrawObject, [name])];
    const content = `/Artifact <</Type /Pagination>> BDC\n${tegn.map((o) => o.toString()).join('\n')}\nQ\nEMC\n`;
    page.node.addContentStream(sharedStream(doc, content, () => stampStream(doc, content)));
  }
  // Pages pdf-lib embedded are written on save; canonicalize (savePdf) renumbers what exists before that.
  await doc.flush();
}
