import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/** The text of a PDF as poppler reads it (what a user copying from their PDF reader gets). */
export function pdfTekst(fil: string, ...args: string[]): string {
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', ...args, fil, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext ${fil}: ${result.stderr}`);
  return result.stdout;
}

/** `pdfinfo` as key → value. */
export function pdfInfo(fil: string): Record<string, string> {
  const result = spawnSync('pdfinfo', [fil], { encoding: 'utf8' });
  return Object.fromEntries(
    result.stdout
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => {
        const i = l.indexOf(':');
        return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
      }),
  );
}

/** Font lines of `pdffonts`: [name, embedded]. */
export function pdfFonter(fil: string): { navn: string; innebygd: boolean }[] {
  const result = spawnSync('pdffonts', [fil], { encoding: 'utf8' });
  return result.stdout
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => {
      const deler = l.trim().split(/\s+/);
      return { navn: deler[0]!, innebygd: deler[deler.length - 5] === 'yes' };
    });
}

/** The bookmark tree as indented titles, and the document's /Lang. */
export async function pdfStruktur(fil: string): Promise<{ bokmerker: string[]; lang?: string }> {
  const doc = await PDFDocument.load(readFileSync(fil), { updateMetadata: false });
  const tekst = (v: unknown) => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined);
  const bokmerker: string[] = [];
  const gå = (dict: PDFDict | undefined, dybde: number) => {
    let item = dict?.lookupMaybe(PDFName.of('First'), PDFDict);
    while (item) {
      bokmerker.push(`${'  '.repeat(dybde)}${tekst(item.get(PDFName.of('Title')))}`);
      gå(item, dybde + 1);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  gå(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict), 0);
  return { bokmerker, lang: tekst(doc.catalog.get(PDFName.of('Lang'))) };
}

/** Compared without spaces and hyphens: Chromium hyphenates Norwegian text at line ends. */
const flat = (s: string) => s.replace(/[\s\-\u00ad]+/g, '');

/** The first part that does not occur in the text after the parts before it; undefined when all do. */
export function forsteUtenforRekkefolge(tekst: string, deler: readonly string[]): string | undefined {
  const hele = flat(tekst);
  let fra = 0;
  for (const del of deler) {
    const i = hele.indexOf(flat(del), fra);
    if (i === -1) return del;
    fra = i + flat(del).length;
  }
  return undefined;
}
