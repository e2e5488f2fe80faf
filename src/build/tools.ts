import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dokumentbuffer } from '../cache/document-cache.js';
import type { BuildOptions } from '../domain/documents.js';
import type { Mote } from '../domain/types.js';
import type { Ferdig } from '../pipeline/assemble/pdf.js';
import type { Nettleser } from '../pipeline/print/browser.js';
import { FONTMAPPE, type Maler } from '../pipeline/render/templates.js';
export type Skriver = (html: string) => Promise<Uint8Array>;

/** What building needs besides the meeting: the templates, the cache, and a browser started only when something must be printed. */
export interface Verktoy {
  maler: Maler;
  buffer: Dokumentbuffer;
  nettleser: () => Promise<Nettleser>;
  options: BuildOptions;
}

export function skriverFor(verktoy: Verktoy, tillatt: string[]): Skriver {
  return async (html) => (await verktoy.nettleser()).pdf({ html, tillatt });
}

/** What a page may load: the meeting folders, the templates, the bundled fonts and the logo. */
export function tillatteFiler(moter: readonly Mote[], maler: Maler): string[] {
  const { organisasjon } = moter[0]!;
  const logo = organisasjon.logo ? [resolve(dirname(organisasjon.file), organisasjon.logo)] : [];
  return [...new Set(moter.map((m) => m.dir)), ...maler.mapper, FONTMAPPE, ...logo];
}

/**
 * The files an HTML page loads (images, the logo) are named by path in it; their contents must
 * be part of the document's key too, or replacing an image would not re-print the document.
 */
export function lastedeFiler(buffer: Dokumentbuffer, html: string): string[] {
  return [...html.matchAll(/\bsrc="(file:[^"]+)"/g)].map((m) => {
    const fil = fileURLToPath(dekodEntiteter(m[1]!));
    return `${fil}\u0000${existsSync(fil) ? buffer.filHash(fil) : 'mangler'}`;
  });
}

/** A finished document from the cache, or made by `lag` and stored. */
export async function hentEllerLag(
  verktoy: Verktoy,
  nokkel: string,
  lag: () => Promise<Ferdig>,
): Promise<{ ferdig: Ferdig; fraBuffer: boolean }> {
  const lagret = verktoy.buffer.hent(nokkel);
  if (lagret) return { ferdig: lagret, fraBuffer: true };
  const ferdig = await lag();
  verktoy.buffer.lagre(nokkel, ferdig);
  return { ferdig, fraBuffer: false };
}

const ENTITETER: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** HTML's character references, as Handlebars and rehype write them (`&amp;`, `&#x27;`, `&#x3D;` …). */
function dekodEntiteter(tekst: string): string {
  return tekst
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, des: string) => String.fromCodePoint(Number(des)))
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITETER[e]!);
}

/** The text of every heading in the HTML, in document order: the names of the PDF's bookmarks. */
export function overskrifter(html: string): string[] {
  return [...html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) =>
    dekodEntiteter(m[2]!.replace(/<[^>]*>/g, ''))
      .replace(/\s+/g, ' ')
      .trim(),
  );
}
