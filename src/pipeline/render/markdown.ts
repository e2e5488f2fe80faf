import type { Root as HastRoot } from 'hast';
import type { Definition, Heading, Image, List, Root, RootContent } from 'mdast';
import { toString as mdastTekst } from 'mdast-util-to-string';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { setBounded } from '../../util/bounded.js';
import { HTML_DROPPED, isOnlyComments } from '../../util/html-rules.js';
import { markdownLines } from '../../util/markdown-lines.js';
import type { UtvalgName } from '../model/referanser.js';
import { parseBelop } from '../model/tabellsummer.js';
import { imageAltText, imageFileUrl, isAllowedHref } from './links.js';
import { cleanRawHtml, markMarkdownElements } from './raw-html.js';
import { linkSakReferanser, moteLenker } from './referanser.js';
import { rehypeCategoryRows, rehypeCellLists, rehypeLongHeadings } from './tabeller.js';
import { rehypeFigures, rehypeKeepTogether, rehypeSumRows } from './typografi.js';

/**
 * Markdown → HTML for everything the secretariat writes. HTML in the Markdown (pasted from
 * e-mail or Word) keeps its text: rehype-raw parses it, raw-html.ts takes its attributes and
 * sends its links and images through the same filter as Markdown's, and the sanitizer drops
 * scripts, styles, frames and objects with their content (util/html-rules.ts). Nothing a sak
 * contains can add scripts, styles, frames or links to other machines.
 */

const schema: SanitizeSchema = {
  ...defaultSchema,
  // remark-rehype already prefixes footnote ids; a second prefix would break their links.
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    ol: [...(defaultSchema.attributes?.ol ?? []), ['type', 'a', 'i']],
    ...Object.fromEntries(
      ['table', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => [tag, [...(defaultSchema.attributes?.[tag] ?? []), ['className', 'liggende']]]),
    ),
  },
  protocols: { ...defaultSchema.protocols, src: ['file'], href: ['http', 'https', 'mailto'] },
  // `<picture><source srcset>` would load an image past the image filter.
  tagNames: defaultSchema.tagNames?.filter((tag) => tag !== 'picture' && tag !== 'source'),
  strip: [...HTML_DROPPED],
};

const parser = unified().use(remarkParse).use(remarkGfm).freeze();
const FOTNOTER = { footnoteLabel: 'Fotnoter', footnoteBackLabel: 'Tilbake til teksten' };
const toHast = unified().use(remarkRehype, FOTNOTER).freeze();
/** For a text with HTML in it; a text with none (or only comments) takes the path above, as it always has. */
const toHastRaw = unified()
  .use(remarkRehype, { ...FOTNOTER, allowDangerousHtml: true })
  .use(markMarkdownElements)
  .use(rehypeRaw)
  .use(cleanRawHtml)
  .freeze();
// Cell lists, category cells, sum rows and figures are made after the sanitizer, which would take the rowspan, class and figure away.
const toHtml = unified()
  .use(rehypeKeepTogether)
  .use(rehypeSanitize, schema)
  .use(rehypeCellLists)
  .use(rehypeCategoryRows)
  .use(rehypeLongHeadings)
  .use(rehypeSumRows)
  .use(rehypeFigures)
  .use(rehypeStringify)
  .freeze();

const BOKSTAV = /^(\s*)([a-zæøå])[.)]\s+(.*)$/;
const NUMMERERT = /^(\s*)(\d{1,3}[.)])(\s+)/;
const ROMERSK = /^(\s*)(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)[.)]\s+(.*)$/;
const ROMERTALL = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

/**
 * Decisions are written with `a)`, `b)` under a numbered item, and `i.`, `ii.` under a lettered
 * one (three levels, `1.` / `a)` / `i.`), which CommonMark does not know as lists. Such lines
 * become nested ordered lists before parsing; the line numbers of the lists made this way are
 * returned so they can be shown with letters (`linjer`) and roman numerals (`romerske`).
 */
export function bokstavpunkter(text: string): { text: string; linjer: Set<number>; romerske: Set<number> } {
  const scanned = [...markdownLines(text)];
  const lines = scanned.map((line) => line.text);
  const linjer = new Set<number>();
  const romerske = new Set<number>();
  let innrykk: number | undefined;
  let previous: string | undefined;
  // Under a lettered item: where its text starts, and the last roman numeral.
  let bokstavInnrykk: number | undefined;
  let romersk: number | undefined;
  const endList = () => {
    [innrykk, previous, bokstavInnrykk, romersk] = [undefined, undefined, undefined, undefined];
  };
  scanned.forEach(({ text: line, inFence }, index) => {
    if (inFence) {
      // A fence line, like any line of its own, ends a lettered list.
      if (!/^\s/.test(line)) endList();
      return;
    }
    const nummer = NUMMERERT.exec(line);
    if (nummer) {
      innrykk = nummer[1]!.length + nummer[2]!.length + nummer[3]!.length;
      [previous, bokstavInnrykk, romersk] = [undefined, undefined, undefined];
      return;
    }
    if (line.trim() === '') return;
    const bokstav = BOKSTAV.exec(line);
    const ventet = previous ? String.fromCharCode(previous.charCodeAt(0) + 1) : 'a';
    const roman = ROMERSK.exec(line);
    const ventetRomersk = ROMERTALL[romersk === undefined ? 0 : romersk + 1];
    if (bokstav && bokstav[2] === ventet && !(roman && bokstavInnrykk !== undefined && roman[2] === ventetRomersk && ventet !== 'i')) {
      if (ventet === 'a') linjer.add(index + 1);
      const nummerert = `${ventet.charCodeAt(0) - 96}. `;
      lines[index] = `${' '.repeat(innrykk ?? 0)}${nummerert}${bokstav[3]}`;
      previous = ventet;
      bokstavInnrykk = (innrykk ?? 0) + nummerert.length;
      romersk = undefined;
    } else if (roman && bokstavInnrykk !== undefined && roman[2] === ventetRomersk) {
      romersk = romersk === undefined ? 0 : romersk + 1;
      if (romersk === 0) romerske.add(index + 1);
      lines[index] = `${' '.repeat(bokstavInnrykk)}${romersk + 1}. ${roman[3]}`;
    } else if (!/^\s/.test(line)) {
      // A line of its own (a heading, a new paragraph) ends the lettered list and the item it belonged to.
      endList();
    }
  });
  return { text: lines.join('\n'), linjer, romerske };
}

/**
 * Visits every node below `node`. A visitor may replace the node it is given (by others, or by
 * none: `[](vedlegg/x.pdf)` is a link without text); what took its place is visited in turn.
 */
function walk(node: Root | RootContent, visit: (node: RootContent, parent: Root | RootContent, index: number) => void): void {
  if (!('children' in node)) return;
  const children = node.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    visit(child, node, i);
    if (children[i] === undefined) break;
    if (children[i] !== child) {
      i--;
      continue;
    }
    walk(child, visit);
  }
}

export interface MarkdownOptions {
  /** Folder that relative image paths are resolved against; images outside it are not shown. */
  baseDir?: string;
  /** The files under `baseDir` that may be shown, relative path → real path, as load found them. */
  filer?: Readonly<Record<string, string>>;
  /** The level of the text's top headings (a case paper's title is the h1, so its text starts at 2). */
  topHeading?: number;
  /** Headings become bold paragraphs: for text in a table cell, which has no place in the outline. */
  flat?: boolean;
  /** Sak references that link somewhere (render/referanser.ts): to each sak's address by number («15.25»). */
  referanser?: ReferanseLenker;
}

/** Where the references in a text lead: `lenker` by sak number, for references to the committee `utvalg` (kortnavn). */
export interface ReferanseLenker {
  lenker: ReadonlyMap<string, string>;
  utvalg: string;
  /** Every committee of the organisation, so «sak 15.24 fra SSU» is known to be another's. */
  kjente: readonly UtvalgName[];
}

function referanseKey(r: ReferanseLenker | undefined): string {
  return r ? JSON.stringify([r.utvalg, [...r.lenker], r.kjente]) : '';
}

/**
 * Reference-style links and images (`[x][r]`, `![d][r]` with `[r]: url`) become inline ones, so
 * that every link and image, whatever its Markdown form, goes through the same filters below.
 */
function inlineReferences(tree: Root): void {
  const definisjoner = new Map<string, Definition>();
  walk(tree, (node) => {
    // The first definition of a name counts, as in CommonMark.
    if (node.type === 'definition' && !definisjoner.has(node.identifier.toLowerCase()))
      definisjoner.set(node.identifier.toLowerCase(), node);
  });
  walk(tree, (node, parent, index) => {
    const children = (parent as { children: RootContent[] }).children;
    if (node.type === 'definition') {
      children.splice(index, 1);
      return;
    }
    if (node.type !== 'imageReference' && node.type !== 'linkReference') return;
    const definisjon = definisjoner.get(node.identifier.toLowerCase());
    const url = definisjon?.url ?? '';
    const title = definisjon?.title ?? null;
    children[index] =
      node.type === 'imageReference'
        ? { type: 'image', url, title, alt: node.alt ?? '', position: node.position }
        : { type: 'link', url, title, children: node.children, position: node.position };
  });
}

/** Images become file URLs only when they are files inside `baseDir`; anything else is shown as its alt text. */
function resolveImages(tree: Root, baseDir: string | undefined, files: Readonly<Record<string, string>>): void {
  walk(tree, (node, parent, index) => {
    if (node.type !== 'image') return;
    const image = node as Image;
    const url = imageFileUrl(image.url, baseDir, files);
    if (url) image.url = url;
    else (parent as { children: RootContent[] }).children[index] = { type: 'text', value: imageAltText(image.alt ?? '') };
  });
}

/** Links that are not to the web or e-mail (relative paths, file:) would point into the build machine. */
function dropLocalLinks(tree: Root): void {
  walk(tree, (node, parent, index) => {
    if (node.type === 'link' && !isAllowedHref(node.url)) {
      (parent as { children: RootContent[] }).children.splice(index, 1, ...(node.children as RootContent[]));
    }
  });
}

/**
 * Renumbers the headings from `top` so that none skips a level, whatever levels the author
 * wrote: a heading is one level below the nearest heading before it that was written shallower,
 * and `top` when there is none. `##`, `####`, `##` with top 2 becomes h2, h3, h2.
 */
function levelHeadings(tree: Root, top: number): void {
  const open: { written: number; level: number }[] = [];
  walk(tree, (node) => {
    if (node.type !== 'heading') return;
    while (open.length > 0 && open.at(-1)!.written >= node.depth) open.pop();
    const level = Math.min(6, open.length > 0 ? open.at(-1)!.level + 1 : top);
    open.push({ written: node.depth, level });
    (node as Heading).depth = level as Heading['depth'];
  });
}

function flattenHeadings(tree: Root): void {
  walk(tree, (node, parent, index) => {
    if (node.type !== 'heading') return;
    const strong: RootContent = { type: 'strong', children: node.children };
    (parent as { children: RootContent[] }).children[index] = { type: 'paragraph', children: [strong as never], position: node.position };
  });
}

/**
 * `<!-- liggende -->` on the line before a table prints that table on a landscape page; a
 * heading just above the marker goes with it, so it is not left alone on the page before.
 */
const LIGGENDE = /^<!--\s*liggende\s*-->$/i;

function markLandscapeTables(tree: Root): void {
  walk(tree, (node, parent, index) => {
    const next = (parent as { children: RootContent[] }).children[index + 1];
    if (node.type === 'html' && LIGGENDE.test(node.value.trim()) && next?.type === 'table') {
      next.data = { hProperties: { className: ['liggende'] } };
      const previous = (parent as { children: RootContent[] }).children[index - 1];
      if (previous?.type === 'heading') previous.data = { hProperties: { className: ['liggende'] } };
    }
  });
}

/** A percentage (`12 %`, `7,5%`): a number, aligned as the amounts are, though it is not one. */
const PROSENT = /^[-−]?\d{1,3}(?:[\s\u00a0]\d{3})*(?:,\d+)?\s*%$/;
const tall = (text: string) => parseBelop(text) !== undefined || PROSENT.test(text);

/** Columns whose cells are all amounts (`10 700 000`, `Kr. 980 000`, `750.000,-`) are right-aligned unless the author chose. */
function alignAmounts(tree: Root): void {
  walk(tree, (node) => {
    if (node.type !== 'table') return;
    const [, ...rows] = node.children;
    node.align = (node.align ?? []).map((align, column) => {
      if (align) return align;
      const cells = rows.map((row) => mdastTekst(row.children[column]).trim()).filter((text) => text !== '');
      return cells.length > 0 && cells.every(tall) ? 'right' : null;
    });
  });
}

/**
 * A sak's text appears in several documents (innkalling, case paper, referat, vedtaksliste, and
 * their public versions); it is parsed once. The conversion reads nothing but its arguments (the
 * files an image may show come in `filer`), so an entry never goes stale; the memo is only
 * bounded, for a `watch` that runs all day.
 */
const konvertert = new Map<string, string>();
const MEMO_GRENSE = 20_000;

/** Conversions kept between runs (the build's cache folder), asked before a text is parsed: an edit re-parses only the edited sak. */
export interface MarkdownStore {
  get(key: string): string | undefined;
  set(key: string, html: string): void;
}
let lager: MarkdownStore | undefined;

export function useMarkdownStore(store: MarkdownStore | undefined): void {
  lager = store;
}

export function markdownToHtml(markdown: string, options: MarkdownOptions = {}): string {
  if (markdown.trim() === '') return '';
  const key = `${options.baseDir ?? ''}\u0000${options.topHeading ?? 0}${options.flat ? 'f' : ''}\u0000${Object.keys(options.filer ?? {}).join('\u0001')}\u0000${referanseKey(options.referanser)}\u0000${markdown}`;
  let html = konvertert.get(key);
  if (html === undefined) {
    // The images' real paths too: across runs a file may have moved.
    const lagerKey = `${key}\u0000${JSON.stringify(options.filer ?? {})}`;
    html = lager?.get(lagerKey);
    if (html === undefined) {
      html = convert(markdown, options);
      lager?.set(lagerKey, html);
    }
    if (konvertert.size >= MEMO_GRENSE) konvertert.clear();
    konvertert.set(key, html);
  }
  return html;
}

/**
 * Markdown parsed (with its letter items found, bokstavpunkter), by its text. The same text is
 * converted with other options in other documents (a proposal in the innkalling, the case paper
 * and the referat, the public versions): in a cold build of a year 448 conversions were of 90
 * texts, and parsing was four fifths of the time. Each conversion changes its own copy.
 */
const parsed = new Map<string, { tree: Root; linjer: Set<number>; romerske: Set<number> }>();
const PARSED_GRENSE = 200;

function parseMarkdown(markdown: string): { tree: Root; linjer: Set<number>; romerske: Set<number> } {
  let known = parsed.get(markdown);
  if (!known) {
    const { text, linjer, romerske } = bokstavpunkter(markdown);
    known = { tree: parser.parse(text), linjer, romerske };
    setBounded(parsed, markdown, known, PARSED_GRENSE);
  }
  return { ...known, tree: structuredClone(known.tree) };
}

function convert(markdown: string, options: MarkdownOptions): string {
  const { tree, linjer, romerske } = parseMarkdown(markdown);
  walk(tree, (node) => {
    const linje = node.position?.start.line ?? -1;
    if (node.type === 'list' && node.ordered && (linjer.has(linje) || romerske.has(linje))) {
      (node as List).data = { hProperties: { type: linjer.has(linje) ? 'a' : 'i' } };
    }
  });
  markLandscapeTables(tree);
  alignAmounts(tree);
  inlineReferences(tree);
  resolveImages(tree, options.baseDir, options.filer ?? {});
  dropLocalLinks(tree);
  const ref = options.referanser;
  if (ref && ref.lenker.size > 0) linkSakReferanser(tree, moteLenker(ref.lenker, ref.utvalg), ref.kjente);
  if (options.flat) flattenHeadings(tree);
  else if (options.topHeading) levelHeadings(tree, options.topHeading);
  // What a dropped <script> stood in leaves a blank line at either end.
  return String(toHtml.stringify(toHtml.runSync(toHastOf(tree, options)) as never)).trim();
}

/** The HTML tree of the Markdown; HTML written in it parsed and cleaned (see raw-html.ts). */
function toHastOf(tree: Root, options: MarkdownOptions): HastRoot {
  let raw = false;
  walk(tree, (node) => {
    if (node.type === 'html' && !isOnlyComments(node.value)) raw = true;
  });
  if (!raw) return toHast.runSync(tree) as HastRoot;
  const rawHtml = { baseDir: options.baseDir, filer: options.filer ?? {}, topHeading: options.topHeading };
  return toHastRaw.runSync(tree, { data: { rawHtml } }) as HastRoot;
}
