import type { Root, RootContent, Text } from 'mdast';
import { ANNEN_DEL_URL } from '../../domain/referanser.js';
import type { SakReferanse } from '../../domain/types.js';
import { findReferanserITekst, type UtvalgName } from '../model/referanser.js';
import { saksnummer } from '../model/tid.js';

/**
 * Sak references as links. Which references become links, and to where, is the caller's choice
 * (a resolver): the PDFs link to a sak in the same document, the site may link to a sak's page.
 */

/** What a resolver is told about a reference. */
export type Referanse = Pick<SakReferanse, 'saksnummer' | 'utvalg' | 'tekst'>;

/** The address a reference links to, or undefined for one that stays text. */
export type SakLenke = (ref: Referanse) => string | undefined;

export { ANNEN_DEL_URL };

/** The id of a sak's section in a document (`sak-15-25`), which `#sak-15-25` leads to. */
export function sakAnker(nr: Referanse['saksnummer']): string {
  return `sak-${saksnummer(nr).replace('.', '-')}`;
}

/** Links for the saker of one meeting: `lenker` by number («15.25»), for references that name no other committee than `utvalg`. */
export function moteLenker(lenker: ReadonlyMap<string, string>, utvalg: string): SakLenke {
  return (ref) => (!ref.utvalg || ref.utvalg === utvalg ? lenker.get(saksnummer(ref.saksnummer)) : undefined);
}

const SKIP = new Set(['link', 'linkReference', 'inlineCode', 'code', 'html', 'definition', 'image', 'imageReference']);

/** Splits the text nodes of a Markdown tree (not inside links, code or HTML) so each reference `lenke` resolves is a link. */
export function linkSakReferanser(tree: Root, lenke: SakLenke, utvalg: readonly UtvalgName[] = []): void {
  const visit = (node: Root | RootContent) => {
    if (!('children' in node) || SKIP.has(node.type)) return;
    const children = node.children as RootContent[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type !== 'text') {
        visit(child);
        continue;
      }
      const parts = splitText(child, lenke, utvalg);
      if (parts.length === 1) continue;
      children.splice(i, 1, ...parts);
      i += parts.length - 1;
    }
  };
  visit(tree);
}

function splitText(node: Text, lenke: SakLenke, utvalg: readonly UtvalgName[]): RootContent[] {
  const parts: RootContent[] = [];
  let pos = 0;
  for (const treff of findReferanserITekst(node.value, utvalg)) {
    const url = lenke(treff);
    if (!url) continue;
    if (treff.start > pos) parts.push({ type: 'text', value: node.value.slice(pos, treff.start) });
    parts.push({ type: 'link', url, title: null, children: [{ type: 'text', value: treff.tekst }] });
    pos = treff.end;
  }
  if (parts.length === 0) return [node];
  if (pos < node.value.length) parts.push({ type: 'text', value: node.value.slice(pos) });
  return parts;
}

const ESCAPE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPE[c]!);

/** Plain text (a title, a line of the site) as HTML, with the references `lenke` resolves as `<a>`. */
export function referanserTilHtml(text: string, lenke: SakLenke, utvalg: readonly UtvalgName[] = []): string {
  let html = '';
  let pos = 0;
  for (const treff of findReferanserITekst(text, utvalg)) {
    const url = lenke(treff);
    if (!url) continue;
    html += `${escapeHtml(text.slice(pos, treff.start))}<a href="${escapeHtml(url)}">${escapeHtml(treff.tekst)}</a>`;
    pos = treff.end;
  }
  return html + escapeHtml(text.slice(pos));
}
