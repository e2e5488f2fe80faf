import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  type PDFPageLeaf,
  type PDFRef,
} from 'pdf-lib';
import { renameStructIds } from './canonical.js';
import {
  addKid,
  addParentTreeEntries,
  elementOf,
  isTagged,
  kidsOf,
  nextParentTreeKey,
  numberTreeEntries,
  resolveRoles,
  type Structure,
  structureOf,
  typeOf,
} from './structure.js';

/**
 * Appends an external attachment's pages to a printed document. A tagged attachment brings its
 * structure tree along, as a Sect titled with the attachment's title at the end of ours, so a
 * screen reader reads it as part of the document. An untagged one gets an empty Sect whose Alt
 * says it cannot be read; its pages stay outside the tree (and the document does not claim
 * PDF/UA, see pdf.ts).
 */

const N = (name: string) => PDFName.of(name);

export interface VedleggText {
  tittel: string;
  /** What a screen reader is told about an untagged attachment. */
  ikkeTagget: string;
}

/** Rewrites the keys of the attachment's parent tree by `offset`, as one flat /Nums. */
function shiftNumberTree(root: PDFDict, offset: number): void {
  const entries = numberTreeEntries(root.lookupMaybe(N('ParentTree'), PDFDict));
  root.set(N('ParentTree'), root.context.obj({ Nums: entries.flatMap(([key, value]) => [PDFNumber.of(key + offset), value]) }));
}

/**
 * Before anything is copied: the attachment's parent tree keys (on its pages, annotations and in
 * its parent tree) move past ours, its types are resolved through its RoleMap, its IDs get a prefix.
 */
function prepareTagged(source: PDFDocument, offset: number, nummer: number): void {
  resolveRoles(source);
  renameStructIds(source, (id) => `v${nummer}-${id}`);
  shiftNumberTree(source.catalog.lookup(N('StructTreeRoot'), PDFDict), offset);
  const shift = (dict: PDFDict, key: string) => {
    const value = dict.get(N(key));
    if (value instanceof PDFNumber) dict.set(N(key), PDFNumber.of(value.asNumber() + offset));
  };
  for (const page of source.getPages()) {
    shift(page.node, 'StructParents');
    const annots = page.node.lookupMaybe(N('Annots'), PDFArray)?.asArray() ?? [];
    for (const annot of annots) {
      const dict = source.context.lookup(annot);
      if (dict instanceof PDFDict) shift(dict, 'StructParent');
    }
    // Annotations are visited in structure order (PDF/UA 28-008).
    if (annots.length > 0) page.node.set(N('Tabs'), N('S'));
  }
}

/** An untagged attachment's pages do not point into the tree (their keys would be someone else's). */
function stripStructParents(source: PDFDocument): void {
  for (const page of source.getPages()) {
    page.node.delete(N('StructParents'));
    for (const annot of page.node.lookupMaybe(N('Annots'), PDFArray)?.asArray() ?? []) {
      const dict = source.context.lookup(annot);
      if (dict instanceof PDFDict) dict.delete(N('StructParent'));
    }
  }
}

/** The attachment's top elements, copied, under one Sect carrying its title (its /Document becomes that Sect). */
function copyTree(doc: PDFDocument, source: PDFDocument, copier: PDFObjectCopier, tittel: string): PDFRef {
  const sourceRoot = source.catalog.lookup(N('StructTreeRoot'), PDFDict);
  const top = kidsOf(sourceRoot);
  // The top elements point at the attachment's root; copied as they are, they would bring all of it along.
  for (const kid of top) elementOf(source, kid)?.dict.delete(N('P'));
  const kopier = top.map((kid) => copier.copy(kid));
  const alene = kopier.length === 1 ? elementOf(doc, kopier[0]!) : undefined;
  let sect: PDFDict;
  let sectRef: PDFRef;
  if (alene?.ref && typeOf(alene) === 'Document') {
    [sect, sectRef] = [alene.dict, alene.ref];
    sect.set(N('S'), N('Sect'));
  } else {
    sect = doc.context.obj({ Type: 'StructElem', S: 'Sect', K: kopier });
    sectRef = doc.context.register(sect);
    for (const kid of kopier) elementOf(doc, kid)?.dict.set(N('P'), sectRef);
  }
  sect.set(N('T'), PDFHexString.fromText(tittel));
  const lang = source.catalog.get(N('Lang'));
  if (lang && !sect.has(N('Lang'))) sect.set(N('Lang'), copier.copy(lang));
  return sectRef;
}

/** Carries the attachment's structure tree and parent tree into ours; its pages are already copied with `copier`. */
function carryStructure(doc: PDFDocument, host: Structure, source: PDFDocument, copier: PDFObjectCopier, tittel: string): void {
  const sectRef = copyTree(doc, source, copier, tittel);
  doc.context.lookup(sectRef, PDFDict).set(N('P'), host.topRef);
  addKid(host.top, sectRef);
  const sourceRoot = source.catalog.lookup(N('StructTreeRoot'), PDFDict);
  const entries = numberTreeEntries(sourceRoot.lookupMaybe(N('ParentTree'), PDFDict));
  addParentTreeEntries(
    doc,
    host.root,
    entries.map(([key, value]) => [key, copier.copy(value)]),
  );
  const classMap = sourceRoot.lookupMaybe(N('ClassMap'), PDFDict);
  if (classMap) {
    const ours = host.root.lookupMaybe(N('ClassMap'), PDFDict) ?? doc.context.obj({});
    for (const [key, value] of classMap.entries()) if (!ours.has(key)) ours.set(key, copier.copy(value));
    host.root.set(N('ClassMap'), ours);
  }
}

/** Appends the attachment's pages (and what it has of structure); returns the pages in our document. */
export function appendVedlegg(doc: PDFDocument, source: PDFDocument, vedlegg: VedleggText, nummer: number): PDFPage[] {
  const host = structureOf(doc);
  const tagget = host !== undefined && isTagged(source);
  if (tagget) prepareTagged(source, nextParentTreeKey(host.root), nummer);
  else stripStructParents(source);
  // One copier for pages and tree, so the tree's /Pg references land on the copied pages.
  const copier = PDFObjectCopier.for(source.context, doc.context);
  const pages = source.getPages().map((side) => {
    const ref = copier.copy(side.ref) as PDFRef;
    const page = PDFPage.of(doc.context.lookup(ref) as PDFPageLeaf, ref, doc);
    doc.addPage(page);
    return page;
  });
  if (tagget) carryStructure(doc, host, source, copier, vedlegg.tittel);
  else if (host) {
    const sect = doc.context.obj({ Type: 'StructElem', S: 'Sect', P: host.topRef, T: PDFHexString.fromText(vedlegg.tittel) });
    sect.set(N('Alt'), PDFHexString.fromText(vedlegg.ikkeTagget));
    addKid(host.top, doc.context.register(sect));
  }
  return pages;
}
