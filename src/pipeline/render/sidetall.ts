import { type OverlayPage, VEDLEGG_BAND } from '../../domain/sidetall.js';

/**
 * Page numbers count the pages as the reader sees them: a case paper with its attachments, a
 * bundle from its first page to its last. Chromium only knows the pages it prints, so a document
 * is printed without its footer, and the footer (and the running header of attachment pages) is
 * printed afterwards as an overlay: the same document head, so the same styles and texts, with
 * one empty page per page of the finished file, each of the same size. The overlay's pages are
 * stamped on as artifacts (pipeline/assemble/sidetall.ts).
 */

const BUNN = ['bottom-left', 'bottom-center', 'bottom-right'];
const TOPP = ['top-left', 'top-center', 'top-right'];

const skjul = (bokser: readonly string[]) => bokser.map((boks) => `@${boks} { content: none !important; }`).join(' ');

function insertInHead(html: string, tillegg: string): string {
  const end = html.search(/<\/head>/i);
  return end < 0 ? `${tillegg}${html}` : `${html.slice(0, end)}${tillegg}${html.slice(end)}`;
}

/** The document as Chromium prints it: no footer (its page numbers would count only its own pages). */
export function withoutPageNumbers(html: string): string {
  return insertInHead(html, `<style>@page { ${skjul(BUNN)} }</style>`);
}

/**
 * Chromium loads a web font only for text in the page: with nothing but margin boxes it would set
 * them in a fallback font. Hidden text in the fonts' weights and styles makes it load them.
 */
const FONT_PROBE = 'Side 0123456789 <b>Side</b> <strong>Side</strong> <i>Side</i> <span style="font-weight: 600">Side</span>';

const pt = (n: number) => `${n.toFixed(3)}pt`;

/** An HTML document whose pages hold only the margin boxes asked for, one page per entry of `sider`. */
export function renderOverlay(html: string, pages: readonly OverlayPage[]): string {
  const head = /<head\b[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
  const lang = /<html\b[^>]*\blang="([^"]*)"/i.exec(html)?.[1] ?? 'nb';
  const names = new Map<string, string>();
  const regler: string[] = [];
  const nameFor = (page: OverlayPage): string => {
    const key = `${pt(page.bredde)} ${pt(page.hoyde)} ${page.topp} ${page.bunn}`;
    let funnet = names.get(key);
    if (!funnet) {
      funnet = `overlay${names.size}`;
      names.set(key, funnet);
      const skjulte = [...(page.topp ? [] : TOPP), ...(page.bunn ? [] : BUNN)];
      // The header goes in the band left free above an attachment's content.
      const topp = page.topp ? `margin-top: ${pt(VEDLEGG_BAND.topp)};` : '';
      regler.push(`@page ${funnet} { size: ${pt(page.bredde)} ${pt(page.hoyde)}; ${topp} ${skjul(skjulte)} }`);
    }
    return funnet;
  };
  const sider_ = pages.map((page) => `<div class="overlay-side" style="page: ${nameFor(page)}"></div>`);
  return `<!doctype html>
<html lang="${lang}">
<head>${head}
<style>
${regler.join('\n')}
html, body { margin: 0; padding: 0; background: none; }
.overlay-side { height: 1px; break-before: page; }
.overlay-fonter { visibility: hidden; position: absolute; }
</style>
</head>
<body>
<div class="overlay-fonter" aria-hidden="true">${FONT_PROBE}</div>
${sider_.join('\n')}
</body>
</html>
`;
}
