import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { setBounded } from '../../util/bounded.js';

/**
 * How each list of a document is numbered, as print.css shows it, in document order: the
 * ListNumbering attribute of its `L` element in the PDF (assemble/lister.ts), so a screen reader
 * can say «a)» or «1.» as the reader sees it. PDF 1.7's names (ISO 32000-1, table 347).
 */
export type ListNumbering = 'None' | 'Disc' | 'Circle' | 'Square' | 'Decimal' | 'LowerAlpha' | 'UpperAlpha' | 'LowerRoman' | 'UpperRoman';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (node: Node): node is Element => 'tagName' in node;
const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const classes = (element: Element) => (attribute(element, 'class') ?? '').split(/\s+/);

const ORDERED: Record<string, ListNumbering> = { a: 'LowerAlpha', A: 'UpperAlpha', i: 'LowerRoman', I: 'UpperRoman', '1': 'Decimal' };
/** Unordered lists set without markers in print.css. */
const UNMARKED = ['vedleggsliste', 'stemmer'];
const BULLETS: ListNumbering[] = ['Disc', 'Circle', 'Square'];

/** The lists of documents parsed for printing (mellomrom.ts), by their HTML: taken by listNumbering instead of parsing it again. */
const parsed = new Map<string, ListNumbering[]>();

/** Keeps the lists of a document that is parsed anyway; the few most recent, each for one use. */
export function rememberListNumbering(html: string, tree: Node): void {
  setBounded(parsed, html, listNumberingOf(tree), 8);
}

export function listNumbering(html: string): ListNumbering[] {
  const known = parsed.get(html);
  parsed.delete(html);
  return known ?? listNumberingOf(parse(html));
}

function listNumberingOf(tree: Node): ListNumbering[] {
  const out: ListNumbering[] = [];
  const visit = (node: Node, ulDepth: number, unmarked: boolean) => {
    if (!('childNodes' in node)) return;
    let depth = ulDepth;
    let none = unmarked;
    if (isElement(node)) {
      // An attachment list with the author's own labels («2a»): its Lbl holds them, no numbering scheme does.
      if (node.tagName === 'ol')
        out.push(classes(node).includes('egne-nr') ? 'None' : (ORDERED[attribute(node, 'type') ?? '1'] ?? 'Decimal'));
      if (node.tagName === 'ul') {
        const own = none || classes(node).some((c) => UNMARKED.includes(c));
        out.push(own ? 'None' : BULLETS[Math.min(depth, BULLETS.length - 1)]!);
      }
      // A bullet list's marker follows how deep it is in lists of either kind (disc, circle, square).
      if (node.tagName === 'ol' || node.tagName === 'ul') depth++;
      // `.endringer ul` is set without markers.
      if (classes(node).includes('endringer')) none = true;
    }
    for (const child of node.childNodes) visit(child, depth, none);
  };
  visit(tree, 0, false);
  return out;
}
