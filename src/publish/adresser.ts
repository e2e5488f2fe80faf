import type { Mote, Sak } from '../domain/types.js';
import { saksnummer } from '../pipeline/model/tid.js';

/**
 * Where each page of the site lies, relative to the site's root (`<ut>/nettsted/`). Meeting pages
 * keep the folders they always had (`2025-05-22-ssu/index.html`); committee pages lie under
 * `utvalg/`, which no meeting folder may be called; the search index under `pagefind/`.
 */

/** `13-25`: a sak number as it is written in file names. */
export function nummerIFil(sak: Pick<Sak, 'nummer'>): string | undefined {
  return sak.nummer ? saksnummer(sak.nummer).replace('.', '-') : undefined;
}

export function motePageHref(mote: Pick<Mote, 'mappe'>): string {
  return `${mote.mappe}/index.html`;
}

/**
 * The page of a sak, `2025-05-22-ssu/sak-13-25.html`; undefined for an Eventuelt item, which has
 * no number and no page of its own. For links from other saker (the references), relative to the root.
 */
export function sakPageHref(mote: Pick<Mote, 'mappe'>, sak: Pick<Sak, 'nummer'>): string | undefined {
  const nummer = nummerIFil(sak);
  return nummer ? `${mote.mappe}/sak-${nummer}.html` : undefined;
}

/** The public case paper of a sak, `2025-05-22-ssu/vedlegg/sak-13-25.pdf`, as the build names it. */
export function saksfremleggHref(mote: Pick<Mote, 'mappe'>, sak: Pick<Sak, 'nummer'>): string | undefined {
  const nummer = nummerIFil(sak);
  return nummer ? `${mote.mappe}/vedlegg/sak-${nummer}.pdf` : undefined;
}

export const UTVALGSMAPPE = 'utvalg';

export function utvalgPageHref(utvalg: string): string {
  return `${UTVALGSMAPPE}/${utvalg}/index.html`;
}

export function arPageHref(utvalg: string, ar: string): string {
  return `${UTVALGSMAPPE}/${utvalg}/${ar}/index.html`;
}

export const utvalgKalenderHref = (utvalg: string) => `${UTVALGSMAPPE}/${utvalg}/kalender.ics`;
export const utvalgStromHref = (utvalg: string) => `${UTVALGSMAPPE}/${utvalg}/feed.xml`;

/** The search index's bundle for a language: the site's own language in `pagefind/`, another in `pagefind-nn/`. */
export function sokemappe(sprak: string, hovedsprak: string): string {
  return sprak === hovedsprak ? 'pagefind' : `pagefind-${sprak}`;
}

/** The site's fonts (Source Sans 3), beside nettsted.css. */
export const SKRIFTMAPPE = 'skrift';

/** The site's own folders at its root: never a meeting's. */
export const EGNE_FOLDERS = new Set(['designsystemet', SKRIFTMAPPE, 'pagefind', 'pagefind-nb', 'pagefind-nn', UTVALGSMAPPE]);

/** A link from the page at `fra` (relative to the root) to `til` (relative to the root). */
export function relativTil(fra: string, til: string): string {
  const dybde = fra.split('/').length - 1;
  return `${'../'.repeat(dybde)}${til}`;
}
