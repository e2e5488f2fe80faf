import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { imageAltText, imageFileUrl, isAllowedHref } from './links.js';

/**
 * HTML written in the Markdown, after rehype-raw has parsed it into the tree: its elements keep
 * their text but lose their attributes, its links and images go through the same filter as
 * Markdown's, and what would hide text in print (a closed `<details>`) is opened up. The
 * sanitizer runs after this and drops what is not text (scripts, styles, frames; see
 * util/html-rules.ts).
 */

/**
 * Set on every element the Markdown made, before rehype-raw, in place of its properties (the HTML
 * parser would change them: `data-footnote-ref` comes back as `""`, not `true`); its value is the
 * run's mark and where the properties wait in the file's data, to be put back after.
 */
const MARKDOWN = 'dataMotedokMarkdown';

/** What the two plugins keep in the file's data (a VFile's `data`, which unified gives every plugin of a run). */
interface FileData {
  data: object;
}
type RawData = { markdownProperties?: Properties[]; mark?: string; rawHtml?: RawHtmlOptions };

/** The attributes an element written as HTML keeps; everything else (style, class, id, hidden, on…) goes. */
const KEPT: Record<string, readonly string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
  td: ['colSpan', 'rowSpan'],
  th: ['colSpan', 'rowSpan'],
  ol: ['start'],
};

/** Block elements the sanitizer does not know: as a `div`, so their text does not run into the next block's. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'caption',
  'center',
  'dialog',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'legend',
  'main',
  'nav',
  'search',
]);

/** A rehype plugin, run before rehype-raw: marks the elements made from Markdown, keeping their properties aside. */
export function markMarkdownElements() {
  return (tree: Root, file: FileData) => {
    const properties: Properties[] = [];
    // New for every text, so HTML in it cannot pass itself off as Markdown by writing the attribute.
    const nonce = globalThis.crypto.randomUUID();
    const mark = (node: Root | RootContent) => {
      if (node.type === 'element') {
        properties.push(node.properties);
        node.properties = { [MARKDOWN]: `${nonce} ${properties.length - 1}` };
      }
      if ('children' in node) for (const child of node.children) mark(child);
    };
    mark(tree);
    Object.assign(file.data as RawData, { markdownProperties: properties, mark: nonce });
  };
}

export interface RawHtmlOptions {
  baseDir?: string;
  filer: Readonly<Record<string, string>>;
  /** The highest heading level the text may use (its document's title is above it). */
  topHeading?: number;
}

/**
 * A rehype plugin, run after rehype-raw: the Markdown's elements get their properties back, and
 * those written as HTML are cleaned (see above), with the options in the file's data (`rawHtml`).
 */
export function cleanRawHtml() {
  return (tree: Root, file: FileData) => {
    const { markdownProperties: properties = [], mark = '', rawHtml: options = { filer: {} } } = file.data as RawData;
    const markdownIndex = (element: Element) => {
      const value = element.properties[MARKDOWN];
      return typeof value === 'string' && value.startsWith(`${mark} `) ? Number(value.slice(mark.length + 1)) : undefined;
    };
    const visit = (parent: Root | Element) => {
      const children = parent.children as ElementContent[];
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        if (child.type === 'comment') {
          // Gone, with the line break after it, as a comment is when the text has no other HTML.
          const next = children[i + 1];
          children.splice(i--, next?.type === 'text' && next.value === '\n' ? 2 : 1);
          continue;
        }
        if (child.type !== 'element') continue;
        const index = markdownIndex(child);
        const replacement = index === undefined ? cleanElement(child, options) : child;
        if (index !== undefined) child.properties = properties[index] ?? {};
        if (Array.isArray(replacement)) {
          children.splice(i, 1, ...replacement);
          i--;
          continue;
        }
        visit(child);
      }
    };
    visit(tree);
  };
}

/** An element written as HTML, cleaned: itself (changed in place), or what takes its place. */
function cleanElement(element: Element, filter: RawHtmlOptions): Element | ElementContent[] {
  const kept = KEPT[element.tagName] ?? [];
  element.properties = Object.fromEntries(Object.entries(element.properties).filter(([name]) => kept.includes(name) || name === 'title'));
  if (element.tagName === 'a') {
    const href = String(element.properties.href ?? '');
    return isAllowedHref(href.trim()) ? element : element.children;
  }
  if (element.tagName === 'img') {
    const src = imageFileUrl(String(element.properties.src ?? ''), filter.baseDir, filter.filer);
    if (src) element.properties.src = src;
    const alt = imageAltText(String(element.properties.alt ?? '').trim());
    return src ? element : alt ? [{ type: 'text', value: alt }] : [];
  }
  const heading = /^h([1-6])$/.exec(element.tagName);
  if (heading && Number(heading[1]) < (filter.topHeading ?? 1)) element.tagName = `h${filter.topHeading}`;
  if (element.tagName === 'details' || BLOCK.has(element.tagName)) element.tagName = 'div';
  else if (element.tagName === 'summary') element.tagName = 'p';
  return element;
}
