import { PDFName } from 'pdf-lib';
import { setBounded } from './bounded.js';

/**
 * pdf-lib's names, looked up by what they are made of once per distinct name.
 * - `PDFName.of` decodes `#xx` escapes with a regular expression on every call: for every name
 *   the parser reads (each /Type, /S, /K of every object) and every name our code asks for.
 *   A cold build of a year spent 0.6 s there.
 * - `PDFName.decodeText` builds the name's bytes anew each time: typeOf (structure.ts) asked it
 *   for every structure element, several times over.
 * pdf-lib keeps one PDFName per decoded name, so the same one is found here as there, and what
 * it decodes to never changes. Each memo is bounded, against a file of a million distinct names.
 */

const LIMIT = 50_000;
const byWritten = new Map<string, PDFName>();
const texts = new Map<PDFName, string>();
let installed = false;

/** Makes PDFName.of remember what it returned for a written name; once per process. */
export function rememberPdfNames(): void {
  if (installed) return;
  installed = true;
  const of = PDFName.of.bind(PDFName);
  PDFName.of = (name: string): PDFName => {
    let found = byWritten.get(name);
    if (found === undefined) {
      found = of(name);
      setBounded(byWritten, name, found, LIMIT);
    }
    return found;
  };
}

/** The name as text (`/Table` → `Table`), as `name.decodeText()` gives it. */
export function nameText(name: PDFName): string {
  let text = texts.get(name);
  if (text === undefined) {
    text = name.decodeText();
    setBounded(texts, name, text, LIMIT);
  }
  return text;
}
