import { PDFArray, PDFDict, type PDFDocument, PDFName } from 'pdf-lib';
import { elementsOf, typeOf } from './structure.js';

/**
 * Gives each list (`L`) of a printed document the ListNumbering attribute (ISO 32000-1, 14.8.5.5)
 * saying how its items are numbered, so a screen reader can tell «1.» from «a)». Chromium writes
 * none. `numbering` is one entry per list of the HTML, in document order (render/lister.ts); when
 * the counts differ the tree is left as it is, rather than given the wrong numbering.
 */
export function setListNumbering(doc: PDFDocument, numbering: readonly string[]): void {
  const lists = elementsOf(doc).filter((element) => typeOf(element) === 'L');
  if (lists.length !== numbering.length) return;
  lists.forEach((list, i) => {
    const attributter = doc.context.obj({ O: 'List', ListNumbering: numbering[i]! });
    const a = list.dict.get(PDFName.of('A'));
    const eksisterende = a ? doc.context.lookup(a) : undefined;
    // /A is one attribute object or an array of them (ISO 32000-1, 14.7.2).
    const alle = eksisterende instanceof PDFArray ? eksisterende.asArray().map((x) => doc.context.lookup(x)) : [eksisterende];
    // Chromium writes its own for <ol>, from the HTML list type: the labels print.css sets («2a») are ours to name.
    const own = alle.find((x): x is PDFDict => x instanceof PDFDict && x.get(PDFName.of('O')) === PDFName.of('List'));
    if (own) {
      own.set(PDFName.of('ListNumbering'), PDFName.of(numbering[i]!));
      return;
    }
    if (eksisterende instanceof PDFArray) eksisterende.push(attributter);
    else list.dict.set(PDFName.of('A'), a ? doc.context.obj([a, attributter]) : attributter);
  });
}
