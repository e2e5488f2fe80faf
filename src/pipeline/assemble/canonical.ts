import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNull, PDFObject, PDFRef, PDFStream, PDFString } from 'pdf-lib';

/**
 * Chromium's tagged PDFs are not reproducible: structure elements are named after DOM node
 * numbers handed out in an order that varies between runs, and objects are numbered in the
 * order they happen to be written. This module rewrites both from a fixed walk of the
 * document, so the same input always gives the same bytes.
 */

type Besok = (verdi: PDFObject, sett: (ny: PDFObject) => void) => void;

function childrenOf(objekt: PDFObject): PDFDict | PDFArray | undefined {
  if (objekt instanceof PDFDict || objekt instanceof PDFArray) return objekt;
  if (objekt instanceof PDFStream) return objekt.dict;
  return undefined;
}

/** Visits direct values inside an object (not following references), keys in sorted order. */
function visitDirect(objekt: PDFObject, gjor: Besok): void {
  const beholder = childrenOf(objekt);
  if (beholder instanceof PDFDict) {
    // Plain code-unit order: the same on every machine, whatever its locale.
    const keys = beholder.keys();
    if (keys.length > 1) keys.sort((a, b) => (a.asString() < b.asString() ? -1 : a.asString() > b.asString() ? 1 : 0));
    for (const key of keys) {
      const value = beholder.get(key)!;
      gjor(value, (fresh) => beholder.set(key, fresh));
      visitDirect(value, gjor);
    }
  } else if (beholder instanceof PDFArray) {
    for (let i = 0; i < beholder.size(); i++) {
      const verdi = beholder.get(i);
      gjor(verdi, (fresh) => beholder.set(i, fresh));
      visitDirect(verdi, gjor);
    }
  }
}

/** Every object reachable from `start`, in first-visit order of a depth-first walk. */
function visitOrder(doc: PDFDocument, start: PDFObject[]): PDFRef[] {
  const sett = new Set<PDFRef>();
  const orden: PDFRef[] = [];
  const stabel: PDFObject[] = [...start].reverse();
  while (stabel.length > 0) {
    const next = stabel.pop()!;
    const refs: PDFRef[] = [];
    const folg = (value: PDFObject) => {
      if (value instanceof PDFRef && !sett.has(value)) refs.push(value);
    };
    if (next instanceof PDFRef) {
      if (sett.has(next)) continue;
      sett.add(next);
      const objekt = doc.context.lookup(next);
      // A reference to an object that does not exist (damaged attachments have them) is dropped.
      if (!objekt) continue;
      orden.push(next);
      visitDirect(objekt, folg);
    } else {
      folg(next);
      visitDirect(next, folg);
    }
    for (let i = refs.length - 1; i >= 0; i--) stabel.push(refs[i]!);
  }
  return orden;
}

/**
 * Chromium's structure IDs, possibly prefixed with the number of the part they came from
 * (merge.ts, `d1-`) and of the attachment (vedlegg.ts, `v1-`).
 */
const NODE_ID = /^(?:[dv]\d+-)*node\d+$/;

function textOf(value: PDFObject): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** visitDirect in the order the keys happen to be in: for a change that does not depend on the order. */
export function visitDirectAnyOrder(objekt: PDFObject, gjor: Besok): void {
  const beholder = childrenOf(objekt);
  if (beholder instanceof PDFDict) {
    for (const [key, value] of beholder.entries()) {
      gjor(value, (fresh) => beholder.set(key, fresh));
      visitDirectAnyOrder(value, gjor);
    }
  } else if (beholder instanceof PDFArray) {
    for (let i = 0; i < beholder.size(); i++) {
      const verdi = beholder.get(i);
      gjor(verdi, (fresh) => beholder.set(i, fresh));
      visitDirectAnyOrder(verdi, gjor);
    }
  }
}

/**
 * Where structure IDs are written: in structure elements (/ID, and /Headers in their attributes,
 * which are in the element or objects of their own). Only these are searched: the rest of a
 * document (fonts' width tables, the parent tree, the pages) holds no structure ID.
 */
function idHolders(doc: PDFDocument): PDFObject[] {
  const holders: PDFObject[] = [];
  for (const [, objekt] of doc.context.enumerateIndirectObjects()) {
    if (!(objekt instanceof PDFDict) || !objekt.has(PDFName.of('S'))) continue;
    holders.push(objekt);
    const attributter = objekt.get(PDFName.of('A'));
    const liste = attributter instanceof PDFArray ? attributter.asArray() : attributter ? [attributter] : [];
    for (const a of liste) if (a instanceof PDFRef) holders.push(doc.context.lookup(a) ?? PDFNull);
  }
  return holders;
}

/** Rewrites every structure ID string in the document (in /ID and wherever it is referred to, like /Headers). */
export function renameStructIds(doc: PDFDocument, nytt: (id: string) => string): void {
  for (const objekt of idHolders(doc)) {
    visitDirectAnyOrder(objekt, (value, sett) => {
      const text = textOf(value);
      if (text && NODE_ID.test(text)) sett(PDFString.of(nytt(text)));
    });
  }
}

/** Renames structure element IDs in document order and rebuilds the ID name tree sorted. */
function stabilizeStructIds(doc: PDFDocument): void {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return;
  const nye = new Map<string, string>();
  const elementer: { id: string; ref: PDFRef }[] = [];
  const k = root.get(PDFName.of('K'));
  for (const ref of visitOrder(doc, k ? [k] : [])) {
    const element = doc.context.lookup(ref);
    if (!(element instanceof PDFDict)) continue;
    const id = element.get(PDFName.of('ID'));
    const text = id && textOf(id);
    if (!text || !NODE_ID.test(text)) continue;
    if (!nye.has(text)) nye.set(text, `node${String(nye.size + 1).padStart(8, '0')}`);
    elementer.push({ id: nye.get(text)!, ref });
  }
  renameStructIds(doc, (id) => nye.get(id) ?? id);
  if (root.get(PDFName.of('IDTree')) && elementer.length > 0) {
    const name = elementer.sort((a, b) => a.id.localeCompare(b.id)).flatMap(({ id, ref }) => [PDFString.of(id), ref]);
    root.set(PDFName.of('IDTree'), doc.context.obj({ Names: name }));
  }
}

/** Numbers every reachable object in the order of a fixed walk from the trailer; drops the rest. */
function renumberObjects(doc: PDFDocument): void {
  const { context } = doc;
  const trailer = context.trailerInfo;
  const start = [trailer.Root, trailer.Info].filter((o): o is PDFObject => o instanceof PDFObject);
  const orden = visitOrder(doc, start);
  const fresh = new Map(orden.map((ref, i) => [ref, PDFRef.of(i + 1)]));
  const objekter = orden.map((ref) => context.lookup(ref)!);
  // Which reference is replaced first does not matter: the keys need no sorting here.
  for (const objekt of objekter) {
    visitDirectAnyOrder(objekt, (value, sett) => {
      if (value instanceof PDFRef) sett(fresh.get(value) ?? PDFNull);
    });
  }
  for (const [ref] of context.enumerateIndirectObjects()) context.delete(ref);
  for (const [i, ref] of orden.entries()) context.assign(fresh.get(ref)!, objekter[i]!);
  context.largestObjectNumber = orden.length;
  if (trailer.Root instanceof PDFRef) trailer.Root = fresh.get(trailer.Root)!;
  if (trailer.Info instanceof PDFRef) trailer.Info = fresh.get(trailer.Info)!;
  trailer.ID = undefined;
}

/**
 * The ID name tree rebuilt from the structure elements' IDs as they are, in code-unit order (a
 * name tree's keys are sorted by their bytes): for a document whose IDs are reproducible already.
 */
function rebuildIdTree(doc: PDFDocument): void {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root?.get(PDFName.of('IDTree'))) return;
  const elementer: { id: string; ref: PDFRef }[] = [];
  for (const [ref, objekt] of doc.context.enumerateIndirectObjects()) {
    const id = objekt instanceof PDFDict && objekt.has(PDFName.of('S')) ? objekt.get(PDFName.of('ID')) : undefined;
    const text = id && textOf(id);
    if (text && NODE_ID.test(text)) elementer.push({ id: text, ref });
  }
  if (elementer.length === 0) return;
  elementer.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  root.set(PDFName.of('IDTree'), doc.context.obj({ Names: elementer.flatMap(({ id, ref }) => [PDFString.of(id), ref]) }));
}

/**
 * Drops every object that no walk from the trailer reaches, and keeps the numbers of the rest:
 * for a document numbered reproducibly already. What is dropped is what the document no longer
 * shows (a replaced outline, content arrays that were wrapped), which is not published.
 */
function dropUnreachable(doc: PDFDocument): void {
  const { context } = doc;
  const trailer = context.trailerInfo;
  const reached = new Set<PDFRef>();
  const stack = [trailer.Root, trailer.Info].filter((o): o is PDFRef => o instanceof PDFRef);
  while (stack.length > 0) {
    const ref = stack.pop()!;
    if (reached.has(ref)) continue;
    const objekt = context.lookup(ref);
    if (!objekt) continue;
    reached.add(ref);
    visitDirectAnyOrder(objekt, (value) => {
      if (value instanceof PDFRef && !reached.has(value)) stack.push(value);
    });
  }
  for (const [ref] of context.enumerateIndirectObjects()) if (!reached.has(ref)) context.delete(ref);
  trailer.ID = undefined;
}

/**
 * Makes a document reproducible. Call last, just before `save()`: page objects held by `doc` go
 * stale. `stableIds`: the document is reproducible already (saksdokumenter.pdf, joined in a
 * fixed order from parts that were made so, with each part's IDs prefixed): its structure IDs
 * are kept, not renamed in document order (half of the time this took), and its objects keep
 * their numbers, with what nothing refers to dropped (renumbering was the other half).
 */
export function canonicalize(doc: PDFDocument, { stableIds = false } = {}): void {
  if (stableIds) {
    rebuildIdTree(doc);
    dropUnreachable(doc);
  } else {
    stabilizeStructIds(doc);
    renumberObjects(doc);
  }
}
