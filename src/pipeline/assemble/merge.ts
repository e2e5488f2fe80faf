import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFObjectCopier,
  PDFPage,
  type PDFPageLeaf,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import { nameText } from '../../util/pdf-names.js';
import { renameStructIds } from './canonical.js';
import { loadPdf } from './load-pdf.js';

/**
 * Joins finished PDFs into one without losing what makes them accessible: each part's pages,
 * its structure tree (tags, so screen readers still read it) and its bookmarks are carried into
 * the result. pdf-lib's copyPages copies pages only, so the structure tree, the parent tree that
 * links page content to it, and the outline are moved here by hand.
 */

/** A bookmark, its target already in the context of the document it will be written into. */
export interface Bookmark {
  tittel: string;
  dest?: PDFObject;
  se?: PDFObject;
  barn: Bookmark[];
}

export interface PdfPart {
  pdf: Uint8Array;
  /** `pdf` already being read (while the browser prints something else); used once, as addPart changes it. */
  lest?: Promise<PDFDocument>;
  /** The part's bookmark in the joined document; its own bookmarks are nested below it. */
  bokmerke: string;
}

const N = (name: string) => PDFName.of(name);

function text(value: PDFObject | undefined): string {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : '';
}

export function readBookmarks(doc: PDFDocument): Bookmark[] {
  const read = (forelder: PDFDict | undefined): Bookmark[] => {
    const list: Bookmark[] = [];
    let item = forelder?.lookupMaybe(N('First'), PDFDict);
    while (item) {
      list.push({ tittel: text(item.lookup(N('Title'))), dest: item.get(N('Dest')), se: item.get(N('SE')), barn: read(item) });
      item = item.lookupMaybe(N('Next'), PDFDict);
    }
    return list;
  };
  return read(doc.catalog.lookupMaybe(N('Outlines'), PDFDict));
}

/** Replaces the document's outline with these bookmarks. */
export function writeBookmarks(doc: PDFDocument, bokmerker: readonly Bookmark[]): void {
  const { context } = doc;
  const root = context.obj({ Type: 'Outlines' });
  const rotRef = context.register(root);
  // Every item starts closed: a parent's Count is minus its number of children, the root's the number of top items.
  const write = (forelder: PDFDict, forelderRef: PDFRef, list: readonly Bookmark[]): void => {
    const refs = list.map(() => context.nextRef());
    list.forEach((b, i) => {
      const item = context.obj({ Title: PDFHexString.fromText(b.tittel), Parent: forelderRef });
      if (b.dest) item.set(N('Dest'), b.dest);
      if (b.se) item.set(N('SE'), b.se);
      if (i > 0) item.set(N('Prev'), refs[i - 1]!);
      if (i < list.length - 1) item.set(N('Next'), refs[i + 1]!);
      context.assign(refs[i]!, item);
      write(item, refs[i]!, b.barn);
      if (b.barn.length > 0) item.set(N('Count'), PDFNumber.of(-b.barn.length));
    });
    if (refs.length > 0) {
      forelder.set(N('First'), refs[0]!);
      forelder.set(N('Last'), refs[refs.length - 1]!);
    }
  };
  write(root, rotRef, bokmerker);
  root.set(N('Count'), PDFNumber.of(bokmerker.length));
  doc.catalog.set(N('Outlines'), rotRef);
  doc.catalog.set(N('PageMode'), N('UseOutlines'));
}

/** Entries of a number tree (`Nums` at the root or in `Kids`). */
function numberTree(tre: PDFDict | undefined): [number, PDFObject][] {
  if (!tre) return [];
  const nums = tre.lookupMaybe(N('Nums'), PDFArray);
  const egne: [number, PDFObject][] = [];
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) egne.push([(nums.get(i) as PDFNumber).asNumber(), nums.get(i + 1)]);
  const kids = tre.lookupMaybe(N('Kids'), PDFArray);
  const fraBarn = kids ? kids.asArray().flatMap((kid) => numberTree(tre.context.lookup(kid) as PDFDict)) : [];
  return [...egne, ...fraBarn];
}

/** A document's named destinations, by name: the catalog's /Dests (as Chromium writes them) and the /Names /Dests tree. */
function namedDests(doc: PDFDocument): Map<string, PDFObject> {
  const found = new Map<string, PDFObject>();
  for (const [name, dest] of doc.catalog.lookupMaybe(N('Dests'), PDFDict)?.entries() ?? []) found.set(name.decodeText(), dest);
  const visit = (node: PDFDict | undefined) => {
    const names = node?.lookupMaybe(N('Names'), PDFArray);
    for (let i = 0; names && i + 1 < names.size(); i += 2) found.set(text(names.lookup(i)), names.get(i + 1));
    for (const kid of node?.lookupMaybe(N('Kids'), PDFArray)?.asArray() ?? []) visit(doc.context.lookup(kid, PDFDict));
  };
  visit(doc.catalog.lookupMaybe(N('Names'), PDFDict)?.lookupMaybe(N('Dests'), PDFDict));
  return found;
}

/** The page and place a named destination leads to: `[page /XYZ …]`, written directly or as a dictionary's /D. */
function explicitDest(doc: PDFDocument, dest: PDFObject | undefined): PDFArray | undefined {
  const value = dest instanceof PDFRef ? doc.context.lookup(dest) : dest;
  if (value instanceof PDFArray) return value;
  return value instanceof PDFDict ? explicitDest(doc, value.get(N('D'))) : undefined;
}

/**
 * Links inside a part (a footnote and its way back, `#…` links) lead to named destinations, which
 * live in the part's catalog and would not come along with its pages: each such link is given
 * the page and place itself, so it still works in the joined document.
 */
function resolveNamedLinks(doc: PDFDocument): void {
  const dests = namedDests(doc);
  if (dests.size === 0) return;
  const name = (value: PDFObject | undefined) => (value instanceof PDFName ? nameText(value) : text(value) || undefined);
  for (const page of doc.getPages()) {
    for (const ref of page.node.lookupMaybe(N('Annots'), PDFArray)?.asArray() ?? []) {
      const annot = doc.context.lookup(ref);
      if (!(annot instanceof PDFDict)) continue;
      const action = annot.lookupMaybe(N('A'), PDFDict);
      const holder = annot.has(N('Dest')) ? annot : action?.get(N('S')) === N('GoTo') ? action : undefined;
      const target = holder && name(holder.get(holder === annot ? N('Dest') : N('D')));
      const dest = target === undefined ? undefined : explicitDest(doc, dests.get(target));
      if (dest) holder!.set(holder === annot ? N('Dest') : N('D'), dest);
    }
  }
}

interface Structure {
  rot: PDFDict;
  dokument: PDFDict;
  dokumentRef: PDFRef;
}

/** The base document's structure root and its top element, which the parts are nested under. */
function structureOf(doc: PDFDocument): Structure | undefined {
  const root = doc.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  const k = root?.get(N('K'));
  const dokumentRef = k instanceof PDFArray ? k.get(0) : k;
  if (!root || !(dokumentRef instanceof PDFRef)) return undefined;
  return { rot: root, dokument: doc.context.lookup(dokumentRef, PDFDict), dokumentRef };
}

function addChild(element: PDFDict, barn: PDFRef): void {
  const k = element.get(N('K'));
  if (k instanceof PDFArray) k.push(barn);
  else element.set(N('K'), element.context.obj(k ? [k, barn] : [barn]));
}

async function addPart(
  base: PDFDocument,
  basis: Structure | undefined,
  del: PdfPart,
  nummer: number,
  parentTree: [number, PDFObject][],
): Promise<Bookmark> {
  const source = await (del.lest ?? loadPdf(del.pdf));
  const copier = PDFObjectCopier.for(source.context, base.context);
  const forskyvning = parentTree.reduce((maks, [key]) => Math.max(maks, key + 1), 0);
  // Structure IDs must be unique in the joined document; they are kept so (canonicalize, stableIds).
  renameStructIds(source, (id) => `d${nummer}-${id}`);
  resolveNamedLinks(source);

  const pages = source.getPages();
  for (const page of pages) {
    const sp = page.node.get(N('StructParents'));
    if (sp instanceof PDFNumber) page.node.set(N('StructParents'), PDFNumber.of(sp.asNumber() + forskyvning));
    const annots = page.node.lookupMaybe(N('Annots'), PDFArray);
    for (const annot of annots?.asArray() ?? []) {
      const dict = source.context.lookup(annot);
      const sp2 = dict instanceof PDFDict ? dict.get(N('StructParent')) : undefined;
      if (dict instanceof PDFDict && sp2 instanceof PDFNumber) dict.set(N('StructParent'), PDFNumber.of(sp2.asNumber() + forskyvning));
    }
  }
  const newPages = pages.map((side) => {
    const ref = copier.copy(side.ref) as PDFRef;
    const page = PDFPage.of(base.context.lookup(ref) as PDFPageLeaf, ref, base);
    base.addPage(page);
    return page;
  });

  const sourceStructure = structureOf(source);
  if (basis && sourceStructure) {
    sourceStructure.dokument.delete(N('P'));
    sourceStructure.dokument.set(N('S'), N('Part'));
    const fresh = copier.copy(sourceStructure.dokumentRef) as PDFRef;
    base.context.lookup(fresh, PDFDict).set(N('P'), basis.dokumentRef);
    addChild(basis.dokument, fresh);
    for (const [key, verdi] of numberTree(sourceStructure.rot.lookupMaybe(N('ParentTree'), PDFDict))) {
      parentTree.push([key + forskyvning, copier.copy(verdi)]);
    }
  }

  const kopier = (list: Bookmark[]): Bookmark[] =>
    list.map((b) => ({
      tittel: b.tittel,
      dest: b.dest && copier.copy(b.dest),
      se: b.se && basis ? copier.copy(b.se) : undefined,
      barn: kopier(b.barn),
    }));
  // A part's own outline is its title with headings below, then its attachments: nest them all under the part.
  const egne = kopier(readBookmarks(source));
  const barn = egne.length > 0 && egne[0]!.barn.length > 0 ? [...egne[0]!.barn, ...egne.slice(1)] : egne.slice(1);
  const forste = newPages[0];
  return { tittel: del.bokmerke, dest: forste ? base.context.obj([forste.ref, N('Fit')]) : undefined, barn };
}

/** Appends the parts to `base` (a printed cover with the table of contents), keeping tags and bookmarks. */
export async function mergePdfs(base: PDFDocument, deler: readonly PdfPart[]): Promise<void> {
  const basis = structureOf(base);
  const parentTree = basis ? numberTree(basis.rot.lookupMaybe(N('ParentTree'), PDFDict)) : [];
  const bokmerker = readBookmarks(base);
  for (const [i, del] of deler.entries()) bokmerker.push(await addPart(base, basis, del, i + 1, parentTree));
  if (basis) {
    parentTree.sort((a, b) => a[0] - b[0]);
    basis.rot.set(N('ParentTree'), base.context.obj({ Nums: parentTree.flatMap(([key, verdi]) => [PDFNumber.of(key), verdi]) }));
    basis.rot.set(N('ParentTreeNextKey'), PDFNumber.of(parentTree.reduce((maks, [key]) => Math.max(maks, key + 1), 0)));
    if (!basis.rot.get(N('IDTree'))) basis.rot.set(N('IDTree'), base.context.obj({ Names: [] }));
  }
  writeBookmarks(base, bokmerker);
}
