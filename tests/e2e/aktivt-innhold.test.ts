import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFStream, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishMoter } from '../../src/build/publish.js';
import { aktivPdf } from '../helpers/pdf.js';
import { pdfTekst } from '../helpers/pdftekst.js';
import { makeProject, sak, utmappe } from '../helpers/prosjekt.js';

/**
 * An attachment full of active content (scripts, a Launch link, embedded files, a file: link,
 * XFA) is appended to its case paper and the bundle, in the members' and the public versions:
 * none of it may be left, and the attachment's text must be.
 */
const M = '2025-05-22-ssu';
let ut: string;

beforeAll(async () => {
  const root = makeProject({
    [`${M}/13-a.md`]: sak(
      'tittel: Saken med vedlegget\ntype: tema\nminutter: 5\nvedlegg:\n  - { tittel: Rapport, fil: vedlegg/aktiv.pdf }',
    ),
    // An exempt sak, so that the public versions are built on their own.
    [`${M}/14-b.md`]: sak('tittel: Personalsak\ntype: beslutning\nminutter: 5\nunntatt_offentlighet: offl. § 13'),
    [`${M}/vedlegg/aktiv.pdf`]: await aktivPdf('Rapport AKTIVTEST', ['Tekst som skal bli igjen']),
  });
  ut = utmappe();
  const result = await publishMoter([join(root, M)], { out: ut, cwd: root });
  expect(result.diagnostics.filter((d) => d.severity === 'feil').map((d) => d.message)).toEqual([]);
}, 120_000);

const N = (name: string) => PDFName.of(name);
const FARLIGE = ['JavaScript', 'Launch', 'GoToR', 'GoToE', 'SubmitForm', 'ImportData', 'Rendition'];
const tekst = (v: unknown) => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined);

/** Everything in the file that is active content, found by walking every object. */
async function aktivt(fil: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(fil), { updateMetadata: false });
  const funn: string[] = [];
  for (const [ref, objekt] of doc.context.enumerateIndirectObjects()) {
    const dicts: PDFDict[] = [];
    const samle = (o: unknown) => {
      if (o instanceof PDFStream) samle(o.dict);
      else if (o instanceof PDFDict) {
        dicts.push(o);
        for (const [, v] of o.entries()) samle(v);
      } else if (o instanceof PDFArray) for (const v of o.asArray()) samle(v);
    };
    samle(objekt);
    for (const d of dicts) {
      for (const key of ['JS', 'AA', 'OpenAction', 'EmbeddedFiles', 'JavaScript', 'XFA', 'EF'])
        if (d.has(N(key))) funn.push(`${ref} /${key}`);
      const s = d.get(N('S'));
      // /S is also a structure element's type (/S /P): only action types count here.
      const handling = s instanceof PDFName ? s.decodeText() : '';
      const erHandling = d.get(N('Type'))?.toString() === '/Action' || FARLIGE.includes(handling);
      if (erHandling && !['GoTo', 'URI', 'Named'].includes(handling)) funn.push(`${ref} /S /${handling}`);
      if (d.get(N('Subtype'))?.toString() === '/FileAttachment') funn.push(`${ref} FileAttachment`);
      const uri = tekst(d.get(N('URI')));
      if (uri !== undefined && !/^(https?|mailto):/i.test(uri)) funn.push(`${ref} URI ${uri}`);
    }
  }
  return funn;
}

/** The case paper (sak 03.25, after the fixed saker) and the bundle: the members', the public and the published ones. */
const filer = () => [
  `${M}/vedlegg/sak-03-25.pdf`,
  `${M}/saksdokumenter.pdf`,
  `${M}/offentlig/vedlegg/sak-03-25.pdf`,
  `${M}/offentlig/saksdokumenter.pdf`,
  `nettsted/${M}/vedlegg/sak-03-25.pdf`,
  `nettsted/${M}/saksdokumenter.pdf`,
];

describe('active content in an attachment', () => {
  it.each(filer())('is not in %s, and the attachment text is', async (fil) => {
    const sti = join(ut, fil);
    expect(await aktivt(sti)).toEqual([]);
    const bytes = readFileSync(sti).toString('latin1');
    for (const spor of ['app.alert', 'calc.exe', 'file:///etc/passwd', 'hemmelig.txt', 'xdp:xdp']) expect(bytes).not.toContain(spor);
    const text = pdfTekst(sti);
    expect(text).toContain('Rapport AKTIVTEST');
    expect(text).toContain('Tekst som skal bli igjen');
  });

  it('keeps the ordinary https link', async () => {
    expect(readFileSync(join(ut, `${M}/vedlegg/sak-03-25.pdf`)).toString('latin1')).toContain('https://example.org/');
  });
});
