import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** A heading and the nodes under it, up to the next heading of the same or a higher level. */
export interface Seksjon {
  heading: Heading;
  tittel: string;
  innhold: RootContent[];
}

export function headingText(heading: Heading): string {
  return toString(heading).trim();
}

export function sections(nodes: readonly RootContent[], depth?: number): Seksjon[] {
  const found: Seksjon[] = [];
  nodes.forEach((node, index) => {
    if (node.type !== 'heading' || (depth !== undefined && node.depth !== depth)) return;
    const innhold: RootContent[] = [];
    for (const next of nodes.slice(index + 1)) {
      if (next.type === 'heading' && next.depth <= node.depth) break;
      innhold.push(next);
    }
    found.push({ heading: node, tittel: headingText(node), innhold });
  });
  return found;
}

/** The body of a Markdown file, without its frontmatter. */
export function body(tree: Root): RootContent[] {
  return tree.children.filter((node) => node.type !== 'yaml');
}

/** The exact Markdown the author wrote for a run of nodes. */
export function sourceOf(text: string, nodes: readonly RootContent[]): string {
  const start = nodes[0]?.position?.start.offset;
  const end = nodes[nodes.length - 1]?.position?.end.offset;
  return start === undefined || end === undefined ? '' : text.slice(start, end);
}
