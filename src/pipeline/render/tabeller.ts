import type { Element, ElementContent, RootContent as HastContent, Root as HastRoot } from 'hast';
import { parseBelop } from '../model/tabellsummer.js';

/*
 * Tables as the secretariat writes them in Markdown, set as Word would:
 * - a cell written `- Legevaktbil<br>- Trygghetspatrulje` (or `1. …<br>2. …`) holds a real list;
 * - an empty first cell under a category («Bo trygt hjemme», then rows with `| |`) is the same
 *   category: the category's cell spans those rows (rowspan), as merged cells do in Word.
 */

const BULLET = /^\s*[-–•*]\s+/;
const NUMBER = /^\s*(\d{1,3})[.)]\s+/;
/** The first cell's text of a row that sums up the rows above it (as typografi.ts's sum rows). */
const SUM_ROW = /^\s*(sum|summer|totalt?|i alt|sum totalt|totalsum)\b/i;

const isElement = (node: HastContent | ElementContent): node is Element => node.type === 'element';
const textOf = (node: HastContent | ElementContent): string =>
  node.type === 'text' ? node.value : 'children' in node ? node.children.map(textOf).join('') : '';

function elementsIn(node: HastRoot | Element, tag: string): Element[] {
  const out: Element[] = [];
  const visit = (n: HastRoot | HastContent) => {
    if (n.type === 'element' && n.tagName === tag) out.push(n);
    if ('children' in n) for (const child of n.children) visit(child);
  };
  visit(node);
  return out;
}

/** A cell's content split at its `<br>`s, each line's nodes. */
function linesOf(cell: Element): ElementContent[][] {
  const lines: ElementContent[][] = [[]];
  for (const child of cell.children) {
    if (isElement(child) && child.tagName === 'br') lines.push([]);
    else lines.at(-1)!.push(child);
  }
  return lines;
}

/** The line without its marker (`- `, `2. `): the marker is in the first text node. */
function withoutMarker(line: ElementContent[], marker: RegExp): ElementContent[] {
  const [first, ...rest] = line;
  if (first?.type !== 'text') return line;
  return [{ type: 'text', value: first.value.replace(marker, '') }, ...rest];
}

/** The list a cell's lines make from `from` on, when every one of them starts with the same kind of marker. */
function listOf(lines: ElementContent[][], from: number): Element | undefined {
  const items = lines.slice(from);
  const text = items.map((line) => line.map(textOf).join(''));
  const marker = text.every((t) => BULLET.test(t)) ? BULLET : text.every((t) => NUMBER.test(t)) ? NUMBER : undefined;
  if (!marker) return undefined;
  const start = marker === NUMBER ? Number(NUMBER.exec(text[0]!)![1]) : 1;
  const li = (line: ElementContent[]): Element => ({
    type: 'element',
    tagName: 'li',
    properties: {},
    children: withoutMarker(line, marker),
  });
  return {
    type: 'element',
    tagName: marker === NUMBER ? 'ol' : 'ul',
    properties: start !== 1 ? { start } : {},
    children: items.map(li),
  };
}

/** A rehype plugin: a table cell whose lines (from some line to its last) are `- …` or `1. …` items holds them as a list. */
export function rehypeCellLists() {
  return (tree: HastRoot) => {
    for (const cell of [...elementsIn(tree, 'td'), ...elementsIn(tree, 'th')]) {
      const lines = linesOf(cell);
      if (lines.length < 2) continue;
      const from = lines.findIndex((line) => BULLET.test(line.map(textOf).join('')) || NUMBER.test(line.map(textOf).join('')));
      const list = from >= 0 && lines.length - from >= 2 ? listOf(lines, from) : undefined;
      if (!list) continue;
      const before = lines.slice(0, from);
      const lead: ElementContent[] = before.flatMap((line, i) =>
        i > 0 ? [{ type: 'element', tagName: 'br', properties: {}, children: [] }, ...line] : line,
      );
      cell.children = [...lead, list];
    }
  };
}

const isBlank = (cell: Element | undefined) => cell !== undefined && textOf(cell).trim() === '' && !elementsIn(cell, 'img').length;
const cellsOf = (row: Element) => row.children.filter(isElement);

/** Whether a table's first column holds amounts: an empty one there is 0, not «the same as above». */
function amountColumn(rows: readonly Element[]): boolean {
  return rows.some((row) => {
    const first = cellsOf(row)[0];
    return first !== undefined && !isBlank(first) && parseBelop(textOf(first)) !== undefined;
  });
}

/**
 * A rehype plugin: in a table's body, an empty first cell continues the category of the cell
 * above it, which then spans the row (rowspan). Not after a sum row, not in a row with nothing
 * else in it, and not when the first column holds amounts.
 */
export function rehypeCategoryRows() {
  return (tree: HastRoot) => {
    for (const tbody of elementsIn(tree, 'tbody')) {
      const rows = tbody.children.filter((c): c is Element => isElement(c) && c.tagName === 'tr');
      if (amountColumn(rows)) continue;
      let category: Element | undefined;
      for (const row of rows) {
        const [first, ...rest] = cellsOf(row);
        if (!first) continue;
        if (isBlank(first) && category && rest.some((cell) => !isBlank(cell))) {
          category.properties.rowSpan = Number(category.properties.rowSpan ?? 1) + 1;
          category.properties.className = ['kategori'];
          row.children = row.children.filter((c) => c !== first);
          continue;
        }
        category = isBlank(first) || SUM_ROW.test(textOf(first)) ? undefined : first;
      }
    }
  };
}

/** Longer than this, a heading over a column of amounts may wrap. */
const LONG_HEADING = 20;

/**
 * A rehype plugin: a long heading over a column of amounts («Overføre pågående satsninger … til
 * 2025») gets class `lang`, so it wraps (print.css) instead of widening the column past its
 * amounts; short ones («Innspill 2024») stay on one line.
 */
export function rehypeLongHeadings() {
  return (tree: HastRoot) => {
    for (const th of elementsIn(tree, 'th')) {
      if (th.properties.align === 'right' && textOf(th).trim().length > LONG_HEADING) th.properties.className = ['lang'];
    }
  };
}
