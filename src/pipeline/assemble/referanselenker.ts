import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFObject, PDFRef, PDFString } from 'pdf-lib';
import { ANNEN_DEL_URL } from '../../domain/referanser.js';
import { addKid, addParentTreeEntries, kidsOf, nextParentTreeKey, numberTreeEntries } from './structure.js';

/**
 * A case paper's references to other saker of its meeting are printed as links to
 * `ANNEN_DEL_URL…` (render/referanser.ts), so Chromium tags them and says where they are on
 * the page. The case paper alone has no such sak: the links are made text again
 * (`unlinkAnnenDel`), and where they were is kept. saksdokumenter.pdf holds those saker:
 * there each becomes a link to the sak's first page, tagged as PDF/UA wants (`linkReferanser`).
 */

const N = (name: string) => PDFName.of(name);

/** Where a reference to another sak was printed, so saksdokumenter.pdf can link it. */
export interface ReferanseSted {
  /** The sak it refers to, `15.25`. */
  sak: string;
  /** 0-based page index in the document it was printed in. */
  side: number;
  /** The link's rectangle on that page (one per line the words run over). */
  rect: [number, number, number, number];
  /** The first marked content of the words, and how many /P steps up from its element the reference's element is. */
  mcid: number;
  opp: number;
}

function text(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** The first MCID inside an element, depth first, and how deep below it the element holding it is. */
function firstContent(doc: PDFDocument, element: PDFDict, depth = 0): { mcid: number; opp: number } | undefined {
  for (const kid of kidsOf(element)) {
    if (kid instanceof PDFNumber) return { mcid: kid.asNumber(), opp: depth };
    const dict = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
    if (!(dict instanceof PDFDict)) continue;
    const mcid = dict.get(N('MCID'));
    if (mcid instanceof PDFNumber) return { mcid: mcid.asNumber(), opp: depth };
    if (dict.has(N('S'))) {
      const found = firstContent(doc, dict, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** The parent tree as a map, and a way to write it back without some keys. */
function parentTree(doc: PDFDocument): { root: PDFDict; entries: Map<number, PDFObject> } | undefined {
  const root = doc.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  if (!root) return undefined;
  return { root, entries: new Map(numberTreeEntries(root.lookupMaybe(N('ParentTree'), PDFDict))) };
}

/**
 * Removes the links to other saker from a printed document and returns where they were. Each
 * one's structure element becomes a Span (its words stay where they are in the reading order),
 * without the annotation and its parent tree entry.
 */
export function unlinkAnnenDel(doc: PDFDocument): ReferanseSted[] {
  const tree = parentTree(doc);
  const steder: ReferanseSted[] = [];
  const fjernet = new Set<number>();
  doc.getPages().forEach((page, side) => {
    const annots = page.node.lookupMaybe(N('Annots'), PDFArray);
    if (!annots) return;
    const beholdes: PDFObject[] = [];
    for (const ref of annots.asArray()) {
      const annot = doc.context.lookup(ref);
      const uri = annot instanceof PDFDict ? text(annot.lookupMaybe(N('A'), PDFDict)?.get(N('URI'))) : undefined;
      if (!(annot instanceof PDFDict) || !uri?.startsWith(ANNEN_DEL_URL)) {
        beholdes.push(ref);
        continue;
      }
      const sted = unlinkOne(doc, tree, annot, ref, side, uri.slice(ANNEN_DEL_URL.length), fjernet);
      if (sted) steder.push(sted);
    }
    if (beholdes.length === annots.size()) return;
    if (beholdes.length > 0) page.node.set(N('Annots'), doc.context.obj(beholdes));
    else page.node.delete(N('Annots'));
  });
  if (tree && fjernet.size > 0) {
    for (const key of fjernet) tree.entries.delete(key);
    tree.root.delete(N('ParentTree'));
    addParentTreeEntries(doc, tree.root, [...tree.entries]);
  }
  return steder;
}

/** An OBJR kid (for the annotation `ref`, when given). */
function isObjr(doc: PDFDocument, kid: PDFObject, ref?: PDFObject): boolean {
  const dict = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
  return dict instanceof PDFDict && dict.get(N('Type')) === N('OBJR') && (ref === undefined || dict.get(N('Obj')) === ref);
}

function unlinkOne(
  doc: PDFDocument,
  tree: ReturnType<typeof parentTree>,
  annot: PDFDict,
  ref: PDFObject,
  page: number,
  sak: string,
  fjernet: Set<number>,
): ReferanseSted | undefined {
  const rect = annot.lookupMaybe(N('Rect'), PDFArray)?.asArray();
  const key = annot.get(N('StructParent'));
  const elementRef = key instanceof PDFNumber ? tree?.entries.get(key.asNumber()) : undefined;
  const element = elementRef ? doc.context.lookup(elementRef) : undefined;
  if (key instanceof PDFNumber) fjernet.add(key.asNumber());
  if (!(element instanceof PDFDict) || !rect || rect.length !== 4) return undefined;
  const kids = kidsOf(element).filter((kid) => !isObjr(doc, kid, ref));
  element.set(N('K'), doc.context.obj(kids));
  if (!kids.some((kid) => isObjr(doc, kid))) element.set(N('S'), N('Span'));
  const content = firstContent(doc, element);
  if (!content) return undefined;
  const [x1, y1, x2, y2] = rect.map((n) => (n instanceof PDFNumber ? n.asNumber() : 0)) as ReferanseSted['rect'];
  return { sak, side: page, rect: [x1, y1, x2, y2], ...content };
}

/** A sak of saksdokumenter.pdf a reference may lead to: its first page, and the description a screen reader gives the link. */
export interface ReferanseMal {
  side: number;
  beskrivelse: string;
}

/** One printed part of saksdokumenter.pdf: its first page there, and where its references are. */
export interface DelMedReferanser {
  start: number;
  referanser: readonly ReferanseSted[];
}

/** The structure element (by reference) the words of a reference are in, found through the page's parent tree entry. */
function elementAt(doc: PDFDocument, entries: Map<number, PDFObject>, sted: ReferanseSted, page: PDFDict): PDFRef | undefined {
  const key = page.get(N('StructParents'));
  const marks = key instanceof PDFNumber ? entries.get(key.asNumber()) : undefined;
  const array = marks ? doc.context.lookup(marks) : undefined;
  let ref = array instanceof PDFArray && sted.mcid < array.size() ? array.get(sted.mcid) : undefined;
  // A Span as unlinkAnnenDel left it, or a Link made here for the line before: `opp` levels up
  // from the marked text as Chromium tagged it, or fewer once the text's NonStruct is gone (nonstruct.ts).
  for (let i = 0; i <= sted.opp && ref instanceof PDFRef; i++) {
    const element = doc.context.lookup(ref, PDFDict);
    const type = element.get(N('S'));
    if (type === N('Span') || type === N('Link')) return ref;
    ref = element.get(N('P'));
  }
  return undefined;
}

/**
 * In the joined document: each reference whose sak is in it becomes a link to the sak's first
 * page, with a description («Gå til sak 15.25 …») and tagged as a Link holding the words and an
 * OBJR for each annotation. References to saker not in the document stay text.
 */
export function linkReferanser(doc: PDFDocument, deler: readonly DelMedReferanser[], mal: ReadonlyMap<string, ReferanseMal>): number {
  const tree = parentTree(doc);
  if (!tree) return 0;
  const pages = doc.getPages();
  const nye: [number, PDFObject][] = [];
  let key = nextParentTreeKey(tree.root);
  for (const del of deler) {
    for (const sted of del.referanser) {
      const target = mal.get(sted.sak);
      const page = pages[del.start + sted.side];
      const targetPage = target && pages[target.side];
      if (!page || !targetPage || !target) continue;
      const elementRef = elementAt(doc, tree.entries, sted, page.node);
      const element = elementRef && doc.context.lookup(elementRef, PDFDict);
      if (!element || !elementRef) continue;
      const annot = doc.context.register(
        doc.context.obj({
          Type: 'Annot',
          Subtype: 'Link',
          Rect: sted.rect,
          Border: [0, 0, 0],
          F: 4,
          Dest: [targetPage.ref, 'Fit'],
          Contents: PDFHexString.fromText(target.beskrivelse),
          StructParent: key,
        }),
      );
      const annots = page.node.lookupMaybe(N('Annots'), PDFArray);
      if (annots) annots.push(annot);
      else page.node.set(N('Annots'), doc.context.obj([annot]));
      page.node.set(N('Tabs'), N('S'));
      addKid(element, doc.context.register(doc.context.obj({ Type: 'OBJR', Obj: annot, Pg: page.ref })));
      element.set(N('S'), N('Link'));
      nye.push([key++, elementRef]);
    }
  }
  if (nye.length > 0) addParentTreeEntries(doc, tree.root, nye);
  return nye.length;
}
