import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from '../pipeline/write/atomic.js';
import { importExternal } from '../util/external.js';

/**
 * The text of a public PDF, for the search index: pdfjs-dist's text layer, page by page. The
 * PDFs are the site's own public versions (the case paper with its attachments merged in), so an
 * exempt sak's content is not in them. Loaded on first use: only `publish` needs it.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await importExternal<typeof import('pdfjs-dist/legacy/build/pdf.mjs')>('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of the buffer it is given: a copy leaves the caller's bytes alone.
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { items } = await page.getTextContent();
      pages.push(items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''));
      page.cleanup();
    }
    return pages
      .join('\n')
      .replace(/[ \t]+/g, ' ')
      .trim();
  } finally {
    await doc.destroy();
  }
}

const hurtigbuffer = (outDir: string) => join(outDir, '.hurtigbuffer', 'nettsted-tekst.json');
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function readCache(outDir: string): Record<string, string> {
  try {
    const read: unknown = JSON.parse(readFileSync(hurtigbuffer(outDir), 'utf8'));
    return read && typeof read === 'object' ? (read as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * The text of each PDF, from the cache when the same bytes were read before (a publish reads only
 * the PDFs that changed). The cache keeps the texts of this run's PDFs only.
 */
export async function pdfTexts<T extends { bytes: Uint8Array }>(
  outDir: string,
  pdfer: readonly T[],
): Promise<(Omit<T, 'bytes'> & { tekst: string })[]> {
  const cache = readCache(outDir);
  const brukt: Record<string, string> = {};
  const ut: (Omit<T, 'bytes'> & { tekst: string })[] = [];
  for (const { bytes, ...rest } of pdfer) {
    const hash = sha256(bytes);
    const text = typeof cache[hash] === 'string' ? cache[hash] : await pdfText(bytes);
    brukt[hash] = text;
    ut.push({ ...rest, tekst: text });
  }
  writeAtomic(hurtigbuffer(outDir), JSON.stringify(brukt));
  return ut;
}
