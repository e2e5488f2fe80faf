import type { List, ListItem, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Overskrift, Seksjon } from './seksjoner.js';
import { seksjoner } from './seksjoner.js';
import type { ForslagTilVedtak, Vedtakspunkt } from './types.js';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

const FORSLAG_TIL_VEDTAK = /^forslag\s+til\s+vedtak\s*:?$/i;
/** `a)`, `b.` … : how the seeds letter the sub-items of a decision item. */
const UNDERPUNKT = /^([a-zæøå])[).]\s+(.*)$/;
const ALTERNATIV = /\balt(?:ernativ)?\.?\s*(\d+)\s*:/gi;

export function findForslagTilVedtak(text: string, headings: readonly Overskrift[]): Seksjon[] {
  return seksjoner(text, headings).filter((section) => FORSLAG_TIL_VEDTAK.test(section.tittel));
}

/** The exact Markdown the author wrote for a run of nodes. */
function sourceOf(text: string, nodes: readonly RootContent[]): string {
  const start = nodes[0]?.position?.start.offset;
  const end = nodes[nodes.length - 1]?.position?.end.offset;
  return start === undefined || end === undefined ? '' : text.slice(start, end);
}

function nextLetter(letter: string | undefined): string {
  return letter ? String.fromCharCode(letter.charCodeAt(0) + 1) : 'a';
}

/**
 * Splits written lines into an item's text and its lettered sub-items. CommonMark does not know
 * `a)` as a list marker, so such lines arrive as continuation lines of the item's paragraph. Only
 * the next letter in sequence starts a sub-item, so a line beginning "i. " under "a)" stays text.
 */
function splitLines(lines: readonly string[], into: Vedtakspunkt): void {
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const last = into.underpunkter[into.underpunkter.length - 1];
    const m = UNDERPUNKT.exec(line);
    if (m && m[1] === nextLetter(last?.merke)) {
      into.underpunkter.push({ merke: m[1]!, tekst: m[2]!.trim() });
    } else if (last) {
      last.tekst = `${last.tekst} ${line}`;
    } else {
      into.tekst = into.tekst ? `${into.tekst} ${line}` : line;
    }
  }
}

function linesOf(text: string, node: RootContent): string[] {
  return sourceOf(text, [node]).split('\n');
}

function itemOf(text: string, item: ListItem): Vedtakspunkt {
  const punkt: Vedtakspunkt = { tekst: '', underpunkter: [] };
  for (const child of item.children) {
    if (child.type === 'list') {
      child.children.forEach((sub) => {
        const inner = itemOf(text, sub);
        punkt.underpunkter.push({ merke: nextLetter(punkt.underpunkter[punkt.underpunkter.length - 1]?.merke), tekst: inner.tekst });
      });
    } else {
      splitLines(linesOf(text, child), punkt);
    }
  }
  return punkt;
}

/** The items of a proposed decision: a numbered list, or a single paragraph as one item. */
export function vedtakspunkter(text: string, nodes: readonly RootContent[]): Vedtakspunkt[] {
  const punkter: Vedtakspunkt[] = [];
  for (const node of nodes) {
    if (node.type === 'list') {
      for (const item of (node as List).children) punkter.push(itemOf(text, item));
    } else if (node.type === 'paragraph' || node.type === 'blockquote') {
      const punkt: Vedtakspunkt = { tekst: '', underpunkter: [] };
      splitLines(linesOf(text, node), punkt);
      const previous = punkter[punkter.length - 1];
      // Sub-items written after a blank line still belong to the item above them.
      if (!punkt.tekst && previous) previous.underpunkter.push(...punkt.underpunkter);
      else punkter.push(punkt);
    }
  }
  return punkter.filter((p) => p.tekst !== '' || p.underpunkter.length > 0);
}

export function alternativer(markdown: string): string[] {
  const found = new Set<string>();
  for (const m of markdown.matchAll(ALTERNATIV)) found.add(`Alt. ${m[1]}`);
  return [...found];
}

/** Reads a «Forslag til vedtak» section: only this small part of a sak is parsed as Markdown. */
export function forslagFromSection(file: string, section: Seksjon): ForslagTilVedtak | undefined {
  const markdown = section.innhold;
  if (markdown === '') return undefined;
  const tree = parser.parse(markdown);
  return {
    markdown,
    punkter: vedtakspunkter(markdown, tree.children),
    alternativer: alternativer(markdown),
    generert: false,
    kilde: { file, position: section.overskrift.position },
  };
}

export function generertForslag(file: string, tekst: string): ForslagTilVedtak {
  return { markdown: tekst, punkter: [{ tekst, underpunkter: [] }], alternativer: [], generert: true, kilde: { file } };
}
