import { stableUuid } from '../util/uuid.js';
import { relativTil } from './adresser.js';

/**
 * The site's Atom feed (RFC 4287) of published documents: one entry per public PDF, its id a
 * name-based UUID of its place on the site (the same in every build and on every machine), its
 * date the day the version on the site was published (the version register, versjoner.ts). A new
 * version of a document is the same entry with a later date, as Atom means it.
 */

export interface StromDokument {
  /** Relative to the site's root: `2025-05-22-ssu/referat.pdf`. */
  href: string;
  /** Page that lists it, relative to the root. */
  side: string;
  tittel: string;
  /** `2025-05-22`. */
  publisert: string;
  sprak: string;
}

export interface Strom {
  /** Where the feed lies, relative to the root: `feed.xml`, `utvalg/ssu/feed.xml`. */
  file: string;
  /** Page the feed belongs to, relative to the root. */
  side: string;
  tittel: string;
  forfatter: string;
  sprak: string;
  /** Date for a feed with no documents yet. */
  tom: string;
  dokumenter: readonly StromDokument[];
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const tidspunkt = (dato: string) => `${dato}T00:00:00Z`;

export function buildAtom(strom: Strom): string {
  const href = (til: string) => xml(relativTil(strom.file, til));
  const dokumenter = [...strom.dokumenter].sort((a, b) => b.publisert.localeCompare(a.publisert) || a.href.localeCompare(b.href));
  const sist = dokumenter[0]?.publisert ?? strom.tom;
  const entries = dokumenter.map((d) =>
    [
      `  <entry xml:lang="${xml(d.sprak)}">`,
      `    <title>${xml(d.tittel)}</title>`,
      `    <id>urn:uuid:${stableUuid('nettsted', 'dokument', strom.forfatter, d.href)}</id>`,
      `    <updated>${tidspunkt(d.publisert)}</updated>`,
      `    <link rel="alternate" type="application/pdf" href="${href(d.href)}"/>`,
      `    <link rel="related" type="text/html" href="${href(d.side)}"/>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(strom.sprak)}">`,
    `  <title>${xml(strom.tittel)}</title>`,
    `  <id>urn:uuid:${stableUuid('nettsted', 'strom', strom.forfatter, strom.file)}</id>`,
    `  <updated>${tidspunkt(sist)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${href(strom.file)}"/>`,
    `  <link rel="alternate" type="text/html" href="${href(strom.side)}"/>`,
    `  <author><name>${xml(strom.forfatter)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
