import { type DefaultTreeAdapterMap, parse, serialize } from 'parse5';
import { rememberListNumbering } from './lister.js';
import { keepTogether } from './typografi.js';

/**
 * Chromium does not paint the space where a line wraps, so the tagged text a screen reader reads
 * runs the two words together («fagligsamarbeidsutvalg»). With `white-space: break-spaces` the
 * space stays at the end of the line, painted and tagged (with pre-wrap it hangs, and is not
 * painted when it would overflow the line). Both would also keep the newlines and indentation of
 * the HTML, so the text is collapsed here as the browser would have collapsed it (runs of white
 * space to one space, none at the start or end of a block or of a line after <br>), and the
 * stylesheet sets break-spaces on <main> (print.css). The templates' text gets the same no-break
 * spaces as the Markdown's (typografi.ts).
 */

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type Text = DefaultTreeAdapterMap['textNode'];

/** Elements laid out as blocks (by the HTML defaults and print.css): white space at their edges is not shown. */
const BLOCKS = new Set(
  'address article aside blockquote body caption col colgroup dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html legend li main nav ol p section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
/** Elements whose text is kept as written. */
const AS_WRITTEN = new Set(['pre', 'textarea', 'script', 'style', 'title', 'svg', 'math']);

const isElement = (node: Node): node is Element => 'tagName' in node;
const isText = (node: Node): node is Text => node.nodeName === '#text';

const NBSP = '\u00a0';

/**
 * What must not break (typografi.ts) is printed as a nowrap span with ordinary spaces, not with
 * no-break spaces: poppler's reading of the tagged text stops at a no-break space of the bundled
 * font, and a screen reader should get the plain space anyway.
 */
function keepUnbroken(node: Text): void {
  const parent = node.parentNode;
  if (!parent) return;
  const parts = keepTogether(node.value).split(/((?:[^ \u00a0]+\u00a0)+[^ \u00a0]*)/);
  const nodes: Node[] = parts
    .filter((part) => part !== '')
    .map((part): Node => {
      if (!part.includes(NBSP)) return { nodeName: '#text', value: part, parentNode: parent } as Text;
      const span: Element = {
        nodeName: 'span',
        tagName: 'span',
        attrs: [{ name: 'style', value: 'white-space: nowrap' }],
        namespaceURI: 'http://www.w3.org/1999/xhtml',
        childNodes: [],
        parentNode: parent,
      } as unknown as Element;
      span.childNodes.push({ nodeName: '#text', value: part.replaceAll(NBSP, ' '), parentNode: span } as Text);
      return span;
    });
  const at = parent.childNodes.indexOf(node);
  parent.childNodes.splice(at, 1, ...(nodes as typeof parent.childNodes));
}

/** Collapses the white space of the inline content below `root`. */
function collapse(root: Element): void {
  const unbroken: Text[] = [];
  // The text node that ends the current line so far, and whether it ends in a space.
  let last: Text | undefined;
  let atLineStart = true;
  const endLine = () => {
    if (last?.value.endsWith(' ')) last.value = last.value.slice(0, -1);
    last = undefined;
    atLineStart = true;
  };
  const walk = (node: Node) => {
    if (isText(node)) {
      let value = node.value.replace(/[ \t\n\r\f]+/g, ' ');
      if (atLineStart || last?.value.endsWith(' ')) value = value.replace(/^ /, '');
      node.value = value;
      if (value !== '') {
        last = node;
        atLineStart = false;
        if (keepTogether(value).includes(NBSP)) unbroken.push(node);
      }
      return;
    }
    if (!isElement(node)) return;
    const tag = node.tagName;
    if (AS_WRITTEN.has(tag)) {
      if (tag === 'pre') endLine();
      return;
    }
    if (tag === 'br') {
      // A space before the break, so the words on either side are not read as one.
      if (last && !last.value.endsWith(' ')) last.value += ' ';
      last = undefined;
      atLineStart = true;
      return;
    }
    if (tag === 'img') {
      last = undefined;
      atLineStart = false;
    }
    const block = BLOCKS.has(tag);
    if (block) endLine();
    for (const child of node.childNodes ?? []) walk(child);
    if (block) endLine();
  };
  walk(root);
  for (const node of unbroken) keepUnbroken(node);
}

/** The document with its white space collapsed inside <main>, for printing with break-spaces. */
export function collapseWhiteSpace(html: string): string {
  const doc = parse(html);
  // The same tree tells how its lists are numbered (lister.ts): one parse of the document, not two.
  rememberListNumbering(html, doc);
  const finn = (node: Node): Element | undefined => {
    if (isElement(node) && node.tagName === 'main') return node;
    for (const child of 'childNodes' in node ? node.childNodes : []) {
      const funnet = finn(child);
      if (funnet) return funnet;
    }
    return undefined;
  };
  const main = finn(doc);
  if (!main) return html;
  collapse(main);
  return serialize(doc);
}
