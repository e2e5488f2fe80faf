import type { RootContent as HastContent, Root as HastRoot } from 'hast';

/**
 * Norwegian typesetting: what must not break across lines gets a no-break space (U+00A0) instead
 * of the space, so "kr 1 500 000" never ends a line with "kr 1 500". The words and the spaces'
 * places stay as written; only which spaces a line may break at changes:
 * - inside an amount's digit groups (1 500 000), and between "kr"/"NOK" and the amount;
 * - between a number and its unit (10,7 mill., 12 %, 500 kr);
 * - in "sak 15.24" / "Sak 03.26", "kl. 09.00", and in a date written out (22. mai 2025);
 * - before the dash of a range written with spaces (09.00 – 10.00).
 * The HTML (the site, --html) has the no-break spaces; for printing, mellomrom.ts sets such a run
 * as a nowrap span with ordinary spaces instead.
 */

const NBSP = '\u00a0';
const MANEDER = 'januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember';

const REGLER: [RegExp, string][] = [
  [/(\d) (?=\d{3}(?!\d))/g, `$1${NBSP}`],
  [/\b([Kk]r\.?|NOK|[Kk]l\.|[Ss]ak(?:ene)?|[Ss]aksnr\.?)[ \t]+(?=\d)/g, `$1${NBSP}`],
  [/(\d)[ \t]+(?=(?:mill\.?|mrd\.?|millioner|milliarder|kroner|kr\b|%|prosent\b))/g, `$1${NBSP}`],
  [new RegExp(`\\b(\\d{1,2}\\.)[ \\t]+(?=(?:${MANEDER})\\b)`, 'g'), `$1${NBSP}`],
  [new RegExp(`\\b(${MANEDER})[ \\t]+(?=\\d{4}\\b)`, 'g'), `$1${NBSP}`],
  [/(\d)[ \t]+(?=[–-][ \t]+\d)/g, `$1${NBSP}`],
];

/** The text with no-break spaces where a line must not break. */
export function keepTogether(text: string): string {
  let ut = text;
  // Twice for the digit groups: "1 500 000" has overlapping matches.
  for (const [regel, erstatning] of [...REGLER, REGLER[0]!]) ut = ut.replace(regel, erstatning);
  return ut;
}

const AS_WRITTEN = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

/** A rehype plugin: keepTogether on every text outside code. */
export function rehypeKeepTogether() {
  const visit = (node: HastRoot | HastContent) => {
    if (node.type === 'text') node.value = keepTogether(node.value);
    if (node.type === 'element' && AS_WRITTEN.has(node.tagName)) return;
    if ('children' in node) for (const child of node.children) visit(child);
  };
  return (tree: HastRoot) => visit(tree);
}

/** The first cell's text of a row that sums up the rows above it. */
const SUMRAD = /^\s*(sum|summer|totalt?|i alt|sum totalt|totalsum)\b/i;

const textOf = (node: HastContent): string =>
  node.type === 'text' ? node.value : 'children' in node ? node.children.map((c) => textOf(c as HastContent)).join('') : '';
const elementsIn = (node: HastRoot | HastContent, tag: string): Extract<HastContent, { type: 'element' }>[] => {
  const ut: Extract<HastContent, { type: 'element' }>[] = [];
  const visit = (n: HastRoot | HastContent) => {
    if (n.type === 'element' && n.tagName === tag) ut.push(n);
    if ('children' in n) for (const child of n.children) visit(child);
  };
  visit(node);
  return ut;
};
const addClass = (element: Extract<HastContent, { type: 'element' }>, name: string) => {
  const eksisterende = element.properties.className;
  element.properties.className = [...(Array.isArray(eksisterende) ? eksisterende : []), name];
};

/**
 * A table's rows that sum up rows above them («Sum», «Sum Bo trygt hjemme», «Totalt», «I alt» in
 * their first cell: the last row, and subtotals within) get class `sum`: set apart in bold under
 * a rule, and kept on the page of the rows above them (print.css).
 */
export function rehypeSumRows() {
  return (tree: HastRoot) => {
    for (const tabell of elementsIn(tree, 'table')) {
      const rader = elementsIn(tabell, 'tr');
      rader.forEach((rad, i) => {
        const forste = rad.children.find((c) => c.type === 'element');
        if (i >= 2 && rader.length > 2 && forste && SUMRAD.test(textOf(forste))) addClass(rad, 'sum');
      });
    }
  };
}

/**
 * An image alone in its paragraph is a figure, its alt text (or title) shown below it as the
 * caption, «Figur. …», as in the secretariat's documents.
 */
export function rehypeFigures(options: { figur?: string } = {}) {
  const figur = options.figur ?? 'Figur.';
  return (tree: HastRoot) => {
    const visit = (node: HastRoot | HastContent) => {
      if (!('children' in node)) return;
      node.children.forEach((child, i) => {
        if (child.type !== 'element' || child.tagName !== 'p') {
          visit(child);
          return;
        }
        const content = child.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
        const bilde = content[0];
        if (content.length !== 1 || bilde?.type !== 'element' || bilde.tagName !== 'img') return;
        const text = String(bilde.properties.title ?? bilde.properties.alt ?? '').trim();
        if (text === '') return;
        const caption: HastContent = {
          type: 'element',
          tagName: 'figcaption',
          properties: {},
          children: [{ type: 'text', value: keepTogether(`${figur} ${text}`) }],
        };
        node.children[i] = { type: 'element', tagName: 'figure', properties: {}, children: [bilde, caption] } as never;
      });
    };
    visit(tree);
  };
}
