import type { Element, RootContent as HastContent, Root as HastRoot } from 'hast';
import type { Definition, FootnoteDefinition, Html, Image, ImageReference, Nodes, Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Position } from '../../domain/diagnostics.js';
import type { SkrevetMarkdown } from '../../domain/sources.js';
import { HTML_VOID, isDroppedHtml, isOnlyComments } from '../../util/html-rules.js';

/** An image as written, in any Markdown form or as HTML, with its place in the file. */
export interface SkrevetBilde {
  alt: string;
  url: string;
  line: number;
  column: number;
  html?: boolean;
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
/** HTML as the renderer parses it (render/markdown.ts), so what is found here is what it prints. */
const toHast = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).freeze();

/**
 * Reads a whole file (frontmatter included, so positions are the file's own): its images, its
 * definitions and where they are used, the HTML that is left out, and where text shows.
 */
export function readSkrevet(text: string): { skrevet: SkrevetMarkdown; bilder: SkrevetBilde[] } {
  const tree = parser.parse(text) as Root;
  const skrevet: SkrevetMarkdown = { definisjoner: [], referanser: [], utelatt: [], synlig: [], htmlOverskrifter: [] };
  readDefinitions(tree, skrevet);
  const bilder = findSkrevneBilder(tree);
  readDeclarations(tree, skrevet);
  // Set only when found: the result is kept as JSON between runs (load/source-store.ts), which has no undefined.
  const aapenKommentar = findUnclosedComment(tree, text);
  if (aapenKommentar) skrevet.aapenKommentar = aapenKommentar;
  const kommentarAsText = findCommentAsText(tree, text);
  if (kommentarAsText) skrevet.kommentarAsText = kommentarAsText;
  const hast = toHast.runSync(tree, text) as HastRoot;
  readHtml(hast, text, skrevet, bilder);
  readHtmlHeadings(tree, hast, skrevet);
  bilder.sort((a, b) => a.line - b.line || a.column - b.column);
  return { skrevet, bilder };
}

const start = (node: { position?: { start?: { line: number; column: number } } }): Position => ({
  line: node.position?.start?.line ?? 1,
  column: node.position?.start?.column ?? 1,
});

function readDefinitions(tree: Root, skrevet: SkrevetMarkdown): void {
  visit(tree, (node: Nodes) => {
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      const definition = node as Definition | FootnoteDefinition;
      skrevet.definisjoner.push({
        type: node.type === 'definition' ? 'lenke' : 'fotnote',
        identifier: definition.identifier,
        label: definition.label ?? definition.identifier,
        start: node.position?.start?.offset ?? 0,
        end: node.position?.end?.offset ?? 0,
        position: start(node),
      });
    }
    if (node.type === 'linkReference' || node.type === 'imageReference' || node.type === 'footnoteReference') {
      const type = node.type === 'footnoteReference' ? 'fotnote' : 'lenke';
      skrevet.referanser.push({ type, identifier: node.identifier, offset: node.position?.start?.offset ?? 0 });
    }
  });
}

/**
 * Every Markdown image, inline (`![d](url)`) or by reference (`![d][r]` with `[r]: url`); images
 * in code blocks or comments are not images. A reference without a definition is text, as
 * CommonMark has it.
 */
function findSkrevneBilder(tree: Root): SkrevetBilde[] {
  // The first definition of a name counts, as in CommonMark.
  const urls = new Map<string, string>();
  visit(tree, 'definition', (node: Definition) => {
    if (!urls.has(node.identifier)) urls.set(node.identifier, node.url);
  });
  const found: SkrevetBilde[] = [];
  visit(tree, (node) => {
    if (node.type !== 'image' && node.type !== 'imageReference') return;
    const bilde = node as Image | ImageReference;
    const url = bilde.type === 'image' ? bilde.url : urls.get(bilde.identifier);
    if (url === undefined) return;
    found.push({ alt: (bilde.alt ?? '').trim(), url, ...start(bilde) });
  });
  return found;
}

/** Line and column of an offset in the text. */
function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}

/**
 * The first HTML comment that is never closed: it runs to the end of its HTML block, and the
 * text in it is lost. A `<!--` in code is no comment.
 */
function findUnclosedComment(tree: Root, text: string): Position | undefined {
  let found: Position | undefined;
  visit(tree, 'html', (node: Html) => {
    const offset = node.position?.start?.offset;
    const open = node.value.lastIndexOf('<!--');
    if (found || offset === undefined || open === -1 || node.value.indexOf('-->', open + 4) !== -1) return;
    found = positionAt(text, offset + open);
  });
  return found;
}

/** The first `<!--` in running text that its paragraph never closes: CommonMark shows it, characters and all. */
function findCommentAsText(tree: Root, text: string): Position | undefined {
  let found: Position | undefined;
  visit(tree, 'text', (node) => {
    const offset = node.position?.start?.offset;
    if (found || offset === undefined) return;
    const written = text.slice(offset, node.position?.end?.offset);
    const open = written.indexOf('<!--');
    if (open !== -1) found = positionAt(text, offset + open);
  });
  return found;
}

/** `<?php … ?>` and `<![CDATA[ … ]]>`: HTML that the parser turns into nothing, what is in it too (a `<!DOCTYPE>` holds nothing). */
function readDeclarations(tree: Root, skrevet: SkrevetMarkdown): void {
  visit(tree, 'html', (node: Html) => {
    const declaration = /^<(\?[a-z]*|!\[CDATA\[)/i.exec(node.value);
    if (declaration && !isOnlyComments(node.value))
      skrevet.utelatt.push({ tag: `<${declaration[1]}`, position: start(node), lukket: true });
  });
}

/** The HTML's images, what is left out of it, and where text shows (Markdown's text included: it is in the same tree). */
function readHtml(tree: HastRoot, text: string, skrevet: SkrevetMarkdown, bilder: SkrevetBilde[]): void {
  const markdownBilder = new Set(bilder.map((b) => `${b.line}:${b.column}`));
  const walk = (node: HastRoot | HastContent) => {
    if (node.type === 'text' && /[\p{L}\p{N}]/u.test(node.value) && node.position?.start?.offset !== undefined) {
      skrevet.synlig.push(node.position.start.offset);
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element' && isDroppedHtml(node.tagName)) {
      skrevet.utelatt.push({ tag: `<${node.tagName}>`, position: start(node), lukket: isClosed(node, text) });
      return;
    }
    if (node.type === 'element' && node.tagName === 'img' && !markdownBilder.has(`${start(node).line}:${start(node).column}`)) {
      const src = node.properties.src;
      if (typeof src === 'string' && src.trim() !== '') {
        bilder.push({ alt: String(node.properties.alt ?? '').trim(), url: src.trim(), ...start(node), html: true });
      }
    }
    for (const child of node.children) walk(child);
  };
  walk(tree);
  skrevet.synlig.sort((a, b) => a - b);
}

/** The text of a HTML element, as a reader sees it. */
function textOf(node: HastRoot | HastContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** `<h1>` … `<h6>` written as HTML (the Markdown headings, also h elements in this tree, left out). */
function readHtmlHeadings(tree: Root, hast: HastRoot, skrevet: SkrevetMarkdown): void {
  const markdown = new Set<number>();
  visit(tree, 'heading', (node) => {
    markdown.add(node.position?.start?.offset ?? -1);
  });
  visit(hast, 'element', (node: Element) => {
    if (!/^h[1-6]$/.test(node.tagName) || markdown.has(node.position?.start?.offset ?? -1)) return;
    skrevet.htmlOverskrifter.push({ tag: node.tagName, tittel: textOf(node).replace(/\s+/g, ' ').trim(), position: start(node) });
  });
}

/** Whether an element has its end tag: one that is never closed takes everything after it along. */
function isClosed(element: Element, text: string): boolean {
  if (HTML_VOID.has(element.tagName)) return true;
  const written = text.slice(element.position?.start?.offset ?? 0, element.position?.end?.offset ?? text.length);
  return new RegExp(`</${element.tagName}\\s*>$`, 'i').test(written);
}
