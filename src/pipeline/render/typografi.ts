import type { RootContent as HastContent, Root as HastRoot } from 'hast';

/**
 * Norwegian typesetting: what must not break across lines gets a no-break space (U+00A0) instead
 * of the space, so "kr 1 500 000" never ends a line with "kr 1 500". The words and the spaces'
 * places stay as written; only which spaces a line may break at changes:
 * - inside an amount's digit groups (1 500 000), and between "kr"/"NOK" and the amount;
 * - between a number and its unit (10,7 mill., 12 %, 500 kr);
 * - in "sak 15.24" / "Sak 03.26", "kl. 09.00", and in a date written out (22. mai 2025);
 * - before the dash of a range written with spaces (09.00 – 10.00).
 */

const NBSP = '\u00a0';
const MANEDER = 'januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember';

const REGLER: [RegExp, string][] = [
  [/(\d) (?=\d{3}(?!\d))/g, `$1${NBSP}`],
  [/\b(kr\.?|NOK|kl\.|[Ss]ak(?:ene)?|[Ss]aksnr\.?)[ \t]+(?=\d)/g, `$1${NBSP}`],
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
