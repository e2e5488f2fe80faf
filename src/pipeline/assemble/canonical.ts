import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNull, PDFObject, PDFRef, PDFStream, PDFString } from 'pdf-lib';

/**
 * Chromium's tagged PDFs are not reproducible: structure elements are named after DOM node
 * numbers handed out in an order that varies between runs, and objects are numbered in the
 * order they happen to be written. This module rewrites both from a fixed walk of the
 * document, so the same input always gives the same bytes.
 */

type Besok = (verdi: PDFObject, sett: (ny: PDFObject) => void) => void;

function barn(objekt: PDFObject): PDFDict | PDFArray | undefined {
  if (objekt instanceof PDFDict || objekt instanceof PDFArray) return objekt;
  if (objekt instanceof PDFStream) return objekt.dict;
  return undefined;
}

/** Visits direct values inside an object (not following references), keys in sorted order. */
function besokDirekte(objekt: PDFObject, gjor: Besok): void {
  const beholder = barn(objekt);
  if (beholder instanceof PDFDict) {
    // Plain code-unit order: the same on every machine, whatever its locale.
    const nokler = [...beholder.keys()]
      .map((nokkel) => ({ nokkel, navn: nokkel.asString() }))
      .sort((a, b) => (a.navn < b.navn ? -1 : a.navn > b.navn ? 1 : 0))
      .map(({ nokkel }) => nokkel);
    for (const nokkel of nokler) {
      const verdi = beholder.get(nokkel)!;
      gjor(verdi, (ny) => beholder.set(nokkel, ny));
      besokDirekte(verdi, gjor);
    }
  } else if (beholder instanceof PDFArray) {
    for (let i = 0; i < beholder.size(); i++) {
      const verdi = beholder.get(i);
      gjor(verdi, (ny) => beholder.set(i, ny));
      besokDirekte(verdi, gjor);
    }
  }
}

/** Every object reachable from `start`, in first-visit order of a depth-first walk. */
function rekkefolge(doc: PDFDocument, start: PDFObject[]): PDFRef[] {
  const sett = new Set<PDFRef>();
  const orden: PDFRef[] = [];
  const stabel: PDFObject[] = [...start].reverse();
  while (stabel.length > 0) {
    const neste = stabel.pop()!;
    const refs: PDFRef[] = [];
    const folg = (verdi: PDFObject) => {
      if (verdi instanceof PDFRef && !sett.has(verdi)) refs.push(verdi);
    };
    if (neste instanceof PDFRef) {
      if (sett.has(neste)) continue;
      sett.add(neste);
      const objekt = doc.context.lookup(neste);
      // A reference to an object that does not exist (damaged attachments have them) is dropped.
      if (!objekt) continue;
      orden.push(neste);
      besokDirekte(objekt, folg);
    } else {
      folg(neste);
      besokDirekte(neste, folg);
    }
    for (let i = refs.length - 1; i >= 0; i--) stabel.push(refs[i]!);
  }
  return orden;
}

/** Chromium's structure IDs, possibly prefixed by samle() with the number of the part they came from. */
const NODE_ID = /^(?:d\d+-)?node\d+$/;

function tekstAv(verdi: PDFObject): string | undefined {
  return verdi instanceof PDFString || verdi instanceof PDFHexString ? verdi.decodeText() : undefined;
}

/** Rewrites every structure ID string in the document (in /ID and wherever it is referred to, like /Headers). */
export function omdopStrukturIder(doc: PDFDocument, nytt: (id: string) => string): void {
  for (const [, objekt] of doc.context.enumerateIndirectObjects()) {
    besokDirekte(objekt, (verdi, sett) => {
      const tekst = tekstAv(verdi);
      if (tekst && NODE_ID.test(tekst)) sett(PDFString.of(nytt(tekst)));
    });
  }
}

/** Renames structure element IDs in document order and rebuilds the ID name tree sorted. */
function stabiliserStrukturIder(doc: PDFDocument): void {
  const rot = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!rot) return;
  const nye = new Map<string, string>();
  const elementer: { id: string; ref: PDFRef }[] = [];
  const k = rot.get(PDFName.of('K'));
  for (const ref of rekkefolge(doc, k ? [k] : [])) {
    const element = doc.context.lookup(ref);
    if (!(element instanceof PDFDict)) continue;
    const id = element.get(PDFName.of('ID'));
    const tekst = id && tekstAv(id);
    if (!tekst || !NODE_ID.test(tekst)) continue;
    if (!nye.has(tekst)) nye.set(tekst, `node${String(nye.size + 1).padStart(8, '0')}`);
    elementer.push({ id: nye.get(tekst)!, ref });
  }
  omdopStrukturIder(doc, (id) => nye.get(id) ?? id);
  if (rot.get(PDFName.of('IDTree')) && elementer.length > 0) {
    const navn = elementer.sort((a, b) => a.id.localeCompare(b.id)).flatMap(({ id, ref }) => [PDFString.of(id), ref]);
    rot.set(PDFName.of('IDTree'), doc.context.obj({ Names: navn }));
  }
}

/** Numbers every reachable object in the order of a fixed walk from the trailer; drops the rest. */
function nummererObjekter(doc: PDFDocument): void {
  const { context } = doc;
  const trailer = context.trailerInfo;
  const start = [trailer.Root, trailer.Info].filter((o): o is PDFObject => o instanceof PDFObject);
  const orden = rekkefolge(doc, start);
  const ny = new Map(orden.map((ref, i) => [ref, PDFRef.of(i + 1)]));
  const objekter = orden.map((ref) => context.lookup(ref)!);
  for (const objekt of objekter) {
    besokDirekte(objekt, (verdi, sett) => {
      if (verdi instanceof PDFRef) sett(ny.get(verdi) ?? PDFNull);
    });
  }
  for (const [ref] of context.enumerateIndirectObjects()) context.delete(ref);
  for (const [i, ref] of orden.entries()) context.assign(ny.get(ref)!, objekter[i]!);
  context.largestObjectNumber = orden.length;
  if (trailer.Root instanceof PDFRef) trailer.Root = ny.get(trailer.Root)!;
  if (trailer.Info instanceof PDFRef) trailer.Info = ny.get(trailer.Info)!;
  trailer.ID = undefined;
}

/** Makes a document reproducible. Call last, just before `save()`: page objects held by `doc` go stale. */
export function kanoniser(doc: PDFDocument): void {
  stabiliserStrukturIder(doc);
  nummererObjekter(doc);
}
