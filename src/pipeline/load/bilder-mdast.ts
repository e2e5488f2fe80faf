import type { Definition, Image, ImageReference, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** An image as written, in any Markdown form, with its place in the file. */
export interface SkrevetBilde {
  alt: string;
  url: string;
  line: number;
  column: number;
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/**
 * Every image of a sak file, inline (`![d](url)`) or by reference (`![d][r]` with `[r]: url`),
 * read from the mdast of the whole file, so positions are the file's own and images in code
 * blocks or comments are not images. A reference without a definition is text, as CommonMark has it.
 */
export function findSkrevneBilder(text: string): SkrevetBilde[] {
  const tree = parser.parse(text) as Root;
  const definisjoner = new Map<string, string>();
  visit(tree, 'definition', (node: Definition) => {
    definisjoner.set(node.identifier.toLowerCase(), node.url);
  });
  const found: SkrevetBilde[] = [];
  visit(tree, (node) => {
    if (node.type !== 'image' && node.type !== 'imageReference') return;
    const bilde = node as Image | ImageReference;
    const url = bilde.type === 'image' ? bilde.url : definisjoner.get(bilde.identifier.toLowerCase());
    if (url === undefined) return;
    const start = bilde.position?.start ?? { line: 1, column: 1 };
    found.push({ alt: (bilde.alt ?? '').trim(), url, line: start.line, column: start.column });
  });
  return found;
}
