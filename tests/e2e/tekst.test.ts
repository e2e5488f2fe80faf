import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMoter } from '../../src/build/build.js';
import type { BuildResult } from '../../src/domain/documents.js';
import { pdfTekst } from '../helpers/pdftekst.js';
import { makeProject, sak, utmappe } from '../helpers/prosjekt.js';

/**
 * Text that used to be lost without a word (issue 15), built to PDF: HTML pasted from e-mail, a
 * proposal and a decision written as HTML, a footnote and an image defined at the end of the
 * file (below the proposal), and footnote links in the joined saksdokumenter.pdf.
 */
const M = '2025-05-22-ssu';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const SAK = sak(
  'tittel: Fra e-posten\ntype: beslutning\nminutter: 30',
  `## Bakgrunn

<style>p.MsoNormal { display: none }</style>

<div class="MsoNormal" style="display:none">Teksten i en div</div>

<p class="MsoNormal">Et avsnitt i p <font color="white">med hvit skrift</font></p>

<table><tr><td style="color:white">Teksten i en td</td></tr></table>

<details><summary>Sammendraget</summary>Detaljene i details</details>

<center>Sentrert tekst</center>

<script>document.write("SKRIPTET KJØRTE")</script>

Se figuren ![Figur: planen][plan] og fotnoten[^kilde].

## Forslag til vedtak

<ol><li>Utvalget godkjenner planen fra e-posten.</li></ol>

[plan]: figurer/plan.png
[^kilde]: Kilden til fotnoten.
`,
);
const REFERAT = `---
til_stede: [kari, ola, per]
referent: Marte
status: utkast
---

## Sak 01.25

## Sak 02.25

### Vedtak

<p>Utvalget vedtok planen <b>med endringer</b>.</p>
`;

let root: string;
let ut: string;
let resultat: BuildResult;

beforeAll(async () => {
  root = makeProject({ [`${M}/13-fra-eposten.md`]: SAK, [`${M}/figurer/plan.png`]: PNG, [`${M}/referat.md`]: REFERAT });
  ut = utmappe();
  resultat = await buildMoter([join(root, M)], { out: ut, html: true });
}, 120_000);

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('HTML pasted from e-mail, built to PDF', () => {
  it('builds, with a warning for the style sheet and the script that are left out, and nothing else', () => {
    expect(resultat.diagnostics.map((d) => `${d.position?.line}: ${d.severity}: ${d.message.split(',')[0]}`)).toEqual([
      '9: advarsel: «<style>» tas ikke med i dokumentene',
      '21: advarsel: «<script>» tas ikke med i dokumentene',
    ]);
  });

  it('the text of div, p, td, details and unknown elements is in the case paper; the script and style are not', () => {
    const tekst = flat(pdfTekst(join(ut, M, 'vedlegg', 'sak-02-25.pdf')));
    for (const del of [
      'Teksten i en div',
      'Et avsnitt i p med hvit skrift',
      'Teksten i en td',
      'Sammendraget',
      'Detaljene i details',
      'Sentrert tekst',
    ])
      expect(tekst).toContain(del);
    expect(tekst).not.toMatch(/SKRIPTET|MsoNormal|display/);
  });

  it('the proposal and the decision written as HTML are in the innkalling, the case paper and the referat', () => {
    for (const fil of ['innkalling.pdf', 'vedlegg/sak-02-25.pdf', 'saksdokumenter.pdf'])
      expect(flat(pdfTekst(join(ut, M, fil))), fil).toContain('Utvalget godkjenner planen fra e-posten.');
    expect(flat(pdfTekst(join(ut, M, 'referat.pdf')))).toContain('Utvalget vedtok planen med endringer.');
  });

  it('a footnote and an image defined at the end of the file, below the proposal, are in the case paper', () => {
    const html = readFileSync(join(ut, M, 'vedlegg', 'sak-02-25.html'), 'utf8');
    expect(html).toContain(`<img src="file://${join(root, M, 'figurer', 'plan.png')}" alt="Figur: planen">`);
    expect(flat(pdfTekst(join(ut, M, 'vedlegg', 'sak-02-25.pdf')))).toContain('Kilden til fotnoten.');
    expect(html).not.toContain('[plan]');
  });
});

describe('links inside a case paper still work in saksdokumenter.pdf', () => {
  it('the footnote reference and its way back lead to pages of the joined document, the footnote on the page it names', async () => {
    const fil = join(ut, M, 'saksdokumenter.pdf');
    const doc = await PDFDocument.load(readFileSync(fil), { updateMetadata: false });
    const sider = doc.getPages().map((side) => side.ref.toString());
    const lenker = doc.getPages().flatMap((side, fra) =>
      (side.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? [])
        .map((ref) => doc.context.lookup(ref, PDFDict))
        .filter((annot) => annot.get(PDFName.of('Subtype')) === PDFName.of('Link') && !annot.has(PDFName.of('A')))
        .map((annot) => ({ fra, dest: annot.lookup(PDFName.of('Dest')) })),
    );
    expect(lenker.length).toBeGreaterThanOrEqual(2);
    for (const { dest } of lenker) {
      // An explicit destination, [page /XYZ left top zoom], to a page of this document (a name would lead nowhere here).
      expect(dest).toBeInstanceOf(PDFArray);
      expect(sider).toContain((dest as PDFArray).get(0).toString());
      expect((dest as PDFArray).get(0)).toBeInstanceOf(PDFRef);
    }
    const [tilFotnoten] = lenker;
    const side = sider.indexOf((tilFotnoten!.dest as PDFArray).get(0).toString()) + 1;
    expect(flat(pdfTekst(fil, '-f', String(side), '-l', String(side)))).toContain('Kilden til fotnoten.');
    expect(flat(pdfTekst(fil, '-f', String(tilFotnoten!.fra + 1), '-l', String(tilFotnoten!.fra + 1)))).toContain('fotnoten');
  });
});
