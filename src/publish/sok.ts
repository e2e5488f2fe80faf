import type { Sprak } from '../domain/sprak.js';
import { importExternal } from '../util/external.js';
import { sokemappe } from './adresser.js';

/**
 * The search index of the site (Pagefind): its pages and the text of its public PDFs. Pagefind
 * keeps one index per language and searches the one of the page it runs on; the search page is in
 * the site's own language, so the records of another language go in a bundle of their own
 * (`pagefind-nn/`) that the search page merges in. The files come back in memory, written by the
 * caller with the rest of the site (atomic, recorded, pruned). Fragment names are hashes of their
 * content, so the same pages give the same files.
 */

export interface SokePage {
  /** Relative to the site's root: `2025-05-22-ssu/sak-13-25.html`. */
  url: string;
  html: string;
  sprak: Sprak;
}

export interface SokePdf {
  url: string;
  tekst: string;
  tittel: string;
  sprak: Sprak;
}

export class SokeindeksError extends Error {}

/** Bundle files by path relative to the site's root (`pagefind/pagefind-entry.json`). */
export async function buildSearchIndex(
  pages: readonly SokePage[],
  pdfer: readonly SokePdf[],
  hovedsprak: Sprak,
): Promise<Map<string, Uint8Array>> {
  const pagefind = await importExternal<typeof import('pagefind')>('pagefind');
  const files = new Map<string, Uint8Array>();
  // Pagefind numbers the pages in the order they are added: by URL, so the meetings' order in the build does not matter.
  const etterUrl = <T extends { url: string }>(a: T, b: T) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
  pages = [...pages].sort(etterUrl);
  pdfer = [...pdfer].sort(etterUrl);
  const sprakene = [...new Set([hovedsprak, ...pages.map((s) => s.sprak), ...pdfer.map((p) => p.sprak)])].sort();
  try {
    for (const sprak of sprakene) {
      const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true });
      if (!index) throw new SokeindeksError(errors.join('; '));
      const feil: string[] = [];
      for (const page of pages.filter((s) => s.sprak === sprak))
        feil.push(...(await index.addHTMLFile({ url: page.url, content: page.html })).errors);
      for (const pdf of pdfer.filter((p) => p.sprak === sprak)) {
        const svar = await index.addCustomRecord({ url: pdf.url, content: pdf.tekst, language: sprak, meta: { title: pdf.tittel } });
        feil.push(...svar.errors);
      }
      const svar = await index.getFiles();
      feil.push(...svar.errors);
      if (feil.length) throw new SokeindeksError(feil.join('; '));
      const folder = sokemappe(sprak, hovedsprak);
      for (const f of svar.files) files.set(`${folder}/${f.path}`, f.content);
      await index.deleteIndex();
    }
  } finally {
    await pagefind.close();
  }
  return files;
}
