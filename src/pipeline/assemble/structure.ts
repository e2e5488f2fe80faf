import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFObject, PDFRef, PDFString } from 'pdf-lib';
import { nameText } from '../../util/pdf-names.js';

/**
 * Repairs in the structure tree Chromium writes, so that it reads as PDF/UA-1 wants:
 * - every list item is `Lbl` + `LBody` (Chromium puts the item's content straight under `LI`);
 * - every structure type that is not one of PDF 1.7's standard types (Chromium's `Strong`, `Em`)
 *   is mapped to a standard one in the /RoleMap.
 * Content moved into a new element is re-pointed in the parent tree, so page content and the
 * tree still agree. Running it twice changes nothing.
 */

const N = (name: string) => PDFName.of(name);

/** The standard structure types of ISO 32000-1, 14.8.4. */
export const STANDARD_TYPES = new Set(
  `Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody
  Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure
  Formula Form`.split(/\s+/),
);

/** PDF 2.0 types that Chromium (and others) write, and what they are in PDF 1.7; anything else is NonStruct. */
const ROLES: Readonly<Record<string, string>> = {
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Title: 'P',
  FENote: 'Note',
  Aside: 'Sect',
  DocumentFragment: 'Part',
};

export interface Element {
  dict: PDFDict;
  /** The element's own reference; undefined for an element written directly inside its parent's /K. */
  ref?: PDFRef;
}

/** The kids of an element (or of the root) as a list, whatever form /K has. */
export function kidsOf(parent: PDFDict): PDFObject[] {
  const k = parent.get(N('K'));
  if (!k) return [];
  const resolved = k instanceof PDFRef ? parent.context.lookup(k) : k;
  return resolved instanceof PDFArray ? resolved.asArray() : [k];
}

/** The structure element a kid is, if it is one (not an MCID, MCR or OBJR). */
export function elementOf(doc: PDFDocument, kid: PDFObject): Element | undefined {
  const dict = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
  if (!(dict instanceof PDFDict) || !dict.has(N('S'))) return undefined;
  const type = dict.get(N('Type'));
  if (type && type !== N('StructElem')) return undefined;
  return { dict, ref: kid instanceof PDFRef ? kid : undefined };
}

export function typeOf(element: Element): string {
  const s = element.dict.get(N('S'));
  return s instanceof PDFName ? nameText(s) : '';
}

/** Every structure element below the root, depth first in document order, each once. */
export function elementsOf(doc: PDFDocument): Element[] {
  const root = doc.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  if (!root) return [];
  const seen = new Set<PDFDict>();
  const out: Element[] = [];
  const visit = (parent: PDFDict) => {
    for (const kid of kidsOf(parent)) {
      const element = elementOf(doc, kid);
      if (!element || seen.has(element.dict)) continue;
      seen.add(element.dict);
      out.push(element);
      visit(element.dict);
    }
  };
  visit(root);
  return out;
}

/** Where each parent tree key's value sits, so it can be replaced (the tree may be split into /Kids). */
export function parentTreeSlots(tree: PDFDict | undefined, slots = new Map<number, { nums: PDFArray; i: number }>()) {
  const nums = tree?.lookupMaybe(N('Nums'), PDFArray);
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
    const key = nums.get(i);
    if (key instanceof PDFNumber) slots.set(key.asNumber(), { nums, i: i + 1 });
  }
  for (const kid of tree?.lookupMaybe(N('Kids'), PDFArray)?.asArray() ?? []) {
    const dict = tree!.context.lookup(kid);
    if (dict instanceof PDFDict) parentTreeSlots(dict, slots);
  }
  return slots;
}

export interface Context {
  doc: PDFDocument;
  slots: Map<number, { nums: PDFArray; i: number }>;
}

export function inheritedPage(element: PDFDict): PDFObject | undefined {
  let current: PDFDict | undefined = element;
  for (let depth = 0; current && depth < 100; depth++) {
    const pg = current.get(N('Pg'));
    if (pg) return pg;
    current = current.lookupMaybe(N('P'), PDFDict);
  }
  return undefined;
}

/** Points the parent tree entry for marked content `mcid` on `page` (or for an annotation) at `owner`. */
export function repointContent(ctx: Context, kid: PDFObject, from: PDFDict, owner: PDFRef): void {
  const { context } = ctx.doc;
  const dict = kid instanceof PDFRef ? context.lookup(kid) : kid;
  if (dict instanceof PDFDict && dict.get(N('Type')) === N('OBJR')) {
    const annot = dict.lookupMaybe(N('Obj'), PDFDict);
    const key = annot?.get(N('StructParent'));
    const slot = key instanceof PDFNumber ? ctx.slots.get(key.asNumber()) : undefined;
    if (slot) slot.nums.set(slot.i, owner);
    return;
  }
  const mcid = kid instanceof PDFNumber ? kid : dict instanceof PDFDict ? dict.get(N('MCID')) : undefined;
  const pageRef = (dict instanceof PDFDict && dict.get(N('Pg'))) || inheritedPage(from);
  const page = pageRef ? context.lookup(pageRef) : undefined;
  const key = page instanceof PDFDict ? page.get(N('StructParents')) : undefined;
  const slot = key instanceof PDFNumber ? ctx.slots.get(key.asNumber()) : undefined;
  const marks = slot ? context.lookup(slot.nums.get(slot.i)) : undefined;
  if (marks instanceof PDFArray && mcid instanceof PDFNumber && mcid.asNumber() < marks.size()) marks.set(mcid.asNumber(), owner);
}

/** Wraps an LI's kids other than Lbl into one LBody, where the first of them was. */
function wrapListBody(ctx: Context, li: Element): void {
  if (!li.ref) return;
  const { context } = ctx.doc;
  const kids = kidsOf(li.dict);
  const isLabel = (kid: PDFObject) => {
    const element = elementOf(ctx.doc, kid);
    return element !== undefined && (typeOf(element) === 'Lbl' || typeOf(element) === 'LBody');
  };
  const body = kids.filter((kid) => !isLabel(kid));
  if (body.length === 0) return;
  const lbody = context.obj({ Type: 'StructElem', S: 'LBody', P: li.ref, K: body });
  const pg = inheritedPage(li.dict);
  if (pg) lbody.set(N('Pg'), pg);
  const lbodyRef = context.register(lbody);
  for (const kid of body) {
    const element = elementOf(ctx.doc, kid);
    if (element) element.dict.set(N('P'), lbodyRef);
    else repointContent(ctx, kid, li.dict, lbodyRef);
  }
  const first = kids.indexOf(body[0]!);
  const rest = kids.filter((kid) => isLabel(kid));
  rest.splice(kids.slice(0, first).filter(isLabel).length, 0, lbodyRef);
  li.dict.set(N('K'), context.obj(rest));
}

/** Maps every non-standard type in the tree that the /RoleMap does not already map. */
function mapRoles(doc: PDFDocument, root: PDFDict, elements: readonly Element[]): void {
  const roleMap = root.lookupMaybe(N('RoleMap'), PDFDict) ?? doc.context.obj({});
  for (const element of elements) {
    const type = typeOf(element);
    if (type && !STANDARD_TYPES.has(type) && !roleMap.has(N(type))) roleMap.set(N(type), N(ROLES[type] ?? 'NonStruct'));
  }
  if (roleMap.keys().length > 0) root.set(N('RoleMap'), roleMap);
}

export function fixStructure(doc: PDFDocument): void {
  const root = doc.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  if (!root) return;
  const elements = elementsOf(doc);
  const ctx: Context = { doc, slots: parentTreeSlots(root.lookupMaybe(N('ParentTree'), PDFDict)) };
  for (const element of elements) if (typeOf(element) === 'LI') wrapListBody(ctx, element);
  mapRoles(doc, root, elements);
}

/** A document's structure root and the top element (Chromium's /Document) that other content is nested under. */
export interface Structure {
  root: PDFDict;
  top: PDFDict;
  topRef: PDFRef;
}

export function structureOf(doc: PDFDocument): Structure | undefined {
  const root = doc.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  const first = root ? kidsOf(root)[0] : undefined;
  const top = first instanceof PDFRef ? doc.context.lookup(first) : undefined;
  if (!root || !(first instanceof PDFRef) || !(top instanceof PDFDict)) return undefined;
  return { root, top, topRef: first };
}

/** A document is tagged when it has a structure tree with content and its pages point into it. */
export function isTagged(doc: PDFDocument): boolean {
  const root = doc.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  return root !== undefined && kidsOf(root).length > 0 && doc.getPages().some((page) => page.node.has(N('StructParents')));
}

/** Entries of a number tree (`Nums` at the root or in `Kids`), in tree order. */
export function numberTreeEntries(tree: PDFDict | undefined): [number, PDFObject][] {
  return [...parentTreeSlots(tree)].map(([key, { nums, i }]) => [key, nums.get(i)]);
}

/** The first parent tree key nothing uses yet. */
export function nextParentTreeKey(root: PDFDict): number {
  const next = root.get(N('ParentTreeNextKey'));
  const used = numberTreeEntries(root.lookupMaybe(N('ParentTree'), PDFDict)).reduce((max, [key]) => Math.max(max, key + 1), 0);
  return Math.max(used, next instanceof PDFNumber ? next.asNumber() : 0);
}

/** Adds parent tree entries (keys above every existing one), writing the tree as one flat, sorted /Nums. */
export function addParentTreeEntries(doc: PDFDocument, root: PDFDict, entries: readonly [number, PDFObject][]): void {
  const all = [...numberTreeEntries(root.lookupMaybe(N('ParentTree'), PDFDict)), ...entries].sort((a, b) => a[0] - b[0]);
  root.set(N('ParentTree'), doc.context.register(doc.context.obj({ Nums: all.flatMap(([key, value]) => [PDFNumber.of(key), value]) })));
  root.set(N('ParentTreeNextKey'), PDFNumber.of(all.reduce((max, [key]) => Math.max(max, key + 1), 0)));
}

/** Appends `child` to an element's kids. */
export function addKid(element: PDFDict, child: PDFRef): void {
  element.set(N('K'), element.context.obj([...kidsOf(element), child]));
}

/** Rewrites each element's /S through the document's own RoleMap, so the types mean the same once moved into another document. */
export function resolveRoles(doc: PDFDocument): void {
  const roleMap = doc.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict)?.lookupMaybe(N('RoleMap'), PDFDict);
  if (!roleMap) return;
  for (const element of elementsOf(doc)) {
    let type = typeOf(element);
    for (let i = 0; i < 10 && !STANDARD_TYPES.has(type); i++) {
      const mapped = roleMap.get(N(type));
      if (!(mapped instanceof PDFName)) break;
      type = nameText(mapped);
    }
    if (STANDARD_TYPES.has(type)) element.dict.set(N('S'), N(type));
  }
}

/** The page a link inside the document leads to: its /Dest or GoTo action, an array or a name in the catalog's /Dests. */
function destinationPage(doc: PDFDocument, annot: PDFDict): PDFObject | undefined {
  const action = annot.lookupMaybe(N('A'), PDFDict);
  let dest = annot.get(N('Dest')) ?? (action?.get(N('S')) === N('GoTo') ? action.get(N('D')) : undefined);
  if (dest instanceof PDFName) dest = doc.catalog.lookupMaybe(N('Dests'), PDFDict)?.get(dest);
  const resolved = dest ? doc.context.lookup(dest) : undefined;
  const array = resolved instanceof PDFDict ? resolved.lookupMaybe(N('D'), PDFArray) : resolved;
  return array instanceof PDFArray ? array.get(0) : undefined;
}

const OUR_PAGE_LINK = /^Lenke til side \d+$/;

/**
 * A link annotation needs a description in /Contents (PDF/UA 28-012), which Chromium does not
 * write: a web link gets its address, a link within the document the page it leads to (written
 * again in saksdokumenter.pdf, where the page has another number).
 */
export function describeLinks(doc: PDFDocument): void {
  const pages = new Map(doc.getPages().map((page, i) => [page.ref, i + 1]));
  for (const side of doc.getPages()) {
    for (const ref of side.node.lookupMaybe(N('Annots'), PDFArray)?.asArray() ?? []) {
      const annot = doc.context.lookup(ref);
      if (!(annot instanceof PDFDict) || annot.get(N('Subtype')) !== N('Link')) continue;
      const contents = annot.get(N('Contents'));
      const written = contents instanceof PDFString || contents instanceof PDFHexString ? contents.decodeText() : '';
      if (contents && !OUR_PAGE_LINK.test(written)) continue;
      const uri = annot.lookupMaybe(N('A'), PDFDict)?.get(N('URI'));
      const page = pages.get(destinationPage(doc, annot) as PDFRef);
      const text = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : page ? `Lenke til side ${page}` : undefined;
      if (text) annot.set(N('Contents'), PDFHexString.fromText(text));
    }
  }
}
