import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject, PDFRef } from 'pdf-lib';
import { type Context, elementOf, inheritedPage, kidsOf, parentTreeSlots, repointContent, typeOf } from './structure.js';

/**
 * Chromium tags every run of text as a NonStruct of its own, and every <div>, <main> and <header>
 * too: thousands of elements that say nothing, between a paragraph and its text. Here
 * - a NonStruct holding only text, inside an element that holds text (P, H1, TD, LBody, Link …),
 *   gives its text to that element and goes;
 * - one holding only text among blocks (directly in Document, Sect, Div …) becomes a P;
 * - one holding other elements (a <div>, <main>) becomes a Div, the generic block.
 * One with its own attributes (Lang, Alt, ActualText, an ID) is kept as a Span or Div. A <figure>'s
 * two Figures become one (joinFigures).
 * The parent tree follows the text it moves, so page content and tree still agree.
 */

const N = (name: string) => PDFName.of(name);

/** Elements that group blocks: text directly inside them is a paragraph of its own. */
const GROUPS = new Set(['Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'NonStruct', 'TOC', 'TOCI', 'Index', 'Note']);
const OWN_ATTRIBUTES = ['ID', 'Lang', 'Alt', 'ActualText', 'E', 'A', 'C', 'T'];

const samePage = (a: PDFObject | undefined, b: PDFObject | undefined) => a?.toString() === b?.toString();

/** The kids of `element` as an array object, written back to /K. */
function kidArray(doc: PDFDocument, element: PDFDict): PDFArray {
  const k = element.get(N('K'));
  const resolved = k instanceof PDFRef ? doc.context.lookup(k) : k;
  if (resolved instanceof PDFArray) return resolved;
  const array = doc.context.obj(k ? [k] : []);
  element.set(N('K'), array);
  return array;
}

/** Moves the kids of `element` (at index `at` in its parent's kids) into the parent, in its place. */
function unwrap(ctx: Context, element: PDFDict, parent: PDFDict, parentRef: PDFRef, at: number): void {
  const { doc } = ctx;
  const page = inheritedPage(element);
  const moved = kidsOf(element).map((kid) => {
    const child = elementOf(doc, kid);
    if (child) {
      child.dict.set(N('P'), parentRef);
      return kid;
    }
    repointContent(ctx, kid, element, parentRef);
    // A bare MCID belongs to the page of the element it is in; in the parent that may be another page.
    if (kid instanceof PDFNumber && page && !samePage(page, inheritedPage(parent)))
      return doc.context.obj({ Type: 'MCR', Pg: page, MCID: kid });
    return kid;
  });
  const siblings = kidArray(doc, parent);
  siblings.remove(at);
  for (const [i, kid] of moved.entries()) siblings.insert(at + i, kid);
}

/** Retags or unwraps the NonStruct kids of `parent`, deepest first. */
function visit(ctx: Context, parent: PDFDict, parentRef: PDFRef | undefined, seen: Set<PDFDict>): void {
  const kids = kidsOf(parent);
  for (let i = kids.length - 1; i >= 0; i--) {
    const element = elementOf(ctx.doc, kids[i]!);
    if (!element || seen.has(element.dict)) continue;
    seen.add(element.dict);
    visit(ctx, element.dict, element.ref, seen);
    if (typeOf(element) === 'Figure' && element.ref) joinFigures(ctx, element.dict, element.ref);
    if (typeOf(element) !== 'NonStruct') continue;
    const holdsElements = kidsOf(element.dict).some((kid) => elementOf(ctx.doc, kid) !== undefined);
    const parentType = parentRef ? typeOf({ dict: parent }) : 'Document';
    if (holdsElements) element.dict.set(N('S'), N('Div'));
    else if (OWN_ATTRIBUTES.some((a) => element.dict.has(N(a)))) element.dict.set(N('S'), N('Span'));
    else if (!parentRef || GROUPS.has(parentType)) element.dict.set(N('S'), N('P'));
    else unwrap(ctx, element.dict, parent, parentRef, i);
  }
}

/**
 * A <figure> is a Figure holding the image's Figure and the Caption: the image's Alt moves to
 * the outer one, which takes the image's content, so there is one Figure with its alt text and
 * its caption (a Figure without Alt fails PDF/UA 13-004).
 */
function joinFigures(ctx: Context, element: PDFDict, ref: PDFRef): void {
  const kids = kidsOf(element);
  const indre = kids.map((kid) => elementOf(ctx.doc, kid)).findIndex((kid) => kid !== undefined && typeOf(kid) === 'Figure');
  if (indre < 0 || element.has(N('Alt'))) return;
  const bilde = elementOf(ctx.doc, kids[indre]!)!;
  const alt = bilde.dict.get(N('Alt'));
  if (alt) element.set(N('Alt'), alt);
  unwrap(ctx, bilde.dict, element, ref, indre);
}

export function tagNonStruct(doc: PDFDocument): void {
  const root = doc.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  if (!root) return;
  const ctx: Context = { doc, slots: parentTreeSlots(root.lookupMaybe(N('ParentTree'), PDFDict)) };
  visit(ctx, root, undefined, new Set());
}
