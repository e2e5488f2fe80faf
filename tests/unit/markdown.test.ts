import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findMotefiler } from '../../src/pipeline/load/bilder.js';
import { markdownToHtml } from '../../src/pipeline/render/markdown.js';

describe('Markdown to HTML', () => {
  it('turns a) b) lines under a numbered item into a lettered list', () => {
    expect(markdownToHtml('1. SSU beslutter\n   a) det ene\n   b) det andre\n2. Neste')).toBe(
      '<ol>\n<li>SSU beslutter\n<ol type="a">\n<li>det ene</li>\n<li>det andre</li>\n</ol>\n</li>\n<li>Neste</li>\n</ol>',
    );
  });

  it('headings start at topHeading and never skip a level, whatever levels the author wrote', () => {
    const niva = (md: string, topHeading: number) => [...markdownToHtml(md, { topHeading }).matchAll(/<h(\d)>/g)].map((m) => Number(m[1]));
    expect(niva('## A\n\n#### B\n\n## C\n\n### D\n\n###### E', 2)).toEqual([2, 3, 2, 3, 4]);
    expect(niva('### Bare én\n\ntekst', 2)).toEqual([2]);
    expect(niva('# A\n\n## B', 4)).toEqual([4, 5]);
    expect(niva('#### A\n\n##### B\n\n###### C\n\n####### ikke en overskrift', 5)).toEqual([5, 6, 6]);
  });

  it('flat: headings in a table cell become bold paragraphs', () => {
    expect(markdownToHtml('### Om saken\n\n- punkt', { flat: true })).toBe('<p><strong>Om saken</strong></p>\n<ul>\n<li>punkt</li>\n</ul>');
  });

  it('right-aligns columns of amounts unless the author aligned them', () => {
    const html = markdownToHtml(
      '| Post | Beløp | Merknad |\n|---|---|:-:|\n| Mottatt | Kr. 10 700 000 | 12 |\n| Frigjort | 750.000,- | 3 |\n| Sum |  | x |',
    );
    expect(html).toContain('<th>Post</th>\n<th align="right">Beløp</th>\n<th align="center">Merknad</th>');
    // Set with no-break spaces, so the amount never breaks across lines (render/typografi.ts).
    expect(html).toContain('<td align="right">Kr.\u00a010\u00a0700\u00a0000</td>');
  });

  it('keeps the text of raw HTML; drops scripts, event handlers and links that are not web or e-mail', () => {
    const html = markdownToHtml(
      '<script>alert(1)</script>\n\n<b onclick="x()">fet</b> [a](javascript:alert(1)) [b](https://www.helsedirektoratet.no) [c](file:///etc/passwd)',
    );
    expect(html).toBe('<p><b>fet</b> a <a href="https://www.helsedirektoratet.no">b</a> c</p>');
  });

  it('shows images only from inside the meeting folder; others become their alt text', () => {
    expect(markdownToHtml('![Kart](http://example.invalid/kart.png)', { baseDir: '/tmp' })).toBe('<p>[Bilde: Kart]</p>');
    expect(markdownToHtml('![Passord](../../etc/passwd)', { baseDir: '/tmp/x' })).toBe('<p>[Bilde: Passord]</p>');
  });
});

describe('links and footnotes', () => {
  it('a link without text to a local file disappears, also next to other links (found by the property test)', () => {
    expect(markdownToHtml('\\![](../ut.png) [](vedlegg/x.pdf)[nett](https://example.no) [![Logo](../logo.png)](../y)')).toBe(
      '<p>! <a href="https://example.no">nett</a> [Bilde: Logo]</p>',
    );
  });

  it('relative and file links lose their target; footnotes are Norwegian and their links work', () => {
    const html = markdownToHtml('Se [rapporten](vedlegg/r.pdf) og [nett](https://example.no).[^1]\n\n[^1]: Kilde.');
    expect(html).toContain('Se rapporten og');
    expect(html).toContain('<a href="https://example.no">nett</a>');
    expect(html).toContain('Fotnoter');
    const href = /href="#([^"]+)"[^>]*>1</.exec(html)?.[1];
    expect(href).toBeDefined();
    expect(html).toContain(`id="${href}"`);
  });
});

describe('lettered items are only made where they belong', () => {
  it('a later "c)" after other text is not a continuation, and code is left alone', () => {
    const html = markdownToHtml('1. Punkt\n   a) en\n   b) to\n\n## Neste\n\nc) ikke et underpunkt\n\n```\na) kode\n```');
    expect(html).toContain('<p>c) ikke et underpunkt</p>');
    expect(html).toContain('<code>a) kode\n</code>');
  });
});

describe('reference-style links and images go through the same filter as inline ones', () => {
  it('a reference link to a local path or a share keeps its text and loses its target; one to the web stays', () => {
    const html = markdownToHtml(
      '[passord][p] [deling][d] [nett][n]\n\n[p]: ../../etc/passwd\n[d]: //host/share\n[n]: https://example.no "Tittel"',
    );
    expect(html).toBe('<p>passord deling <a href="https://example.no" title="Tittel">nett</a></p>');
  });

  it('a reference image from the web, a script URL or outside the folder is shown as its alt text (found by the property test)', () => {
    const md =
      '![Kart][k] ![Skript][s] ![Passord][p]\n\n[k]: http://example.invalid/kart.png\n[s]: javascript:alert(1)\n[p]: file:///etc/passwd';
    expect(markdownToHtml(md, { baseDir: '/tmp' })).toBe('<p>[Bilde: Kart] [Bilde: Skript] [Bilde: Passord]</p>');
    expect(markdownToHtml('![ref]\n\n[ref]: javascript:alert(1)', { baseDir: '/tmp' })).toBe('<p>[Bilde: ref]</p>');
  });
});

describe('images are shown only when load found them inside the meeting folder', () => {
  it("an image among the meeting's files becomes a file URL; one the folder does not hold, or a link that leads out of it, its alt text", () => {
    const mappe = mkdtempSync(join(tmpdir(), 'motedok-md-bilder-'));
    writeFileSync(join(mappe, 'kart.png'), 'png');
    const utenfor = mkdtempSync(join(tmpdir(), 'motedok-md-utenfor-'));
    writeFileSync(join(utenfor, 'hemmelig.png'), 'png');
    symlinkSync(join(utenfor, 'hemmelig.png'), join(mappe, 'lenke.png'));
    const filer = findMotefiler(mappe);
    expect(Object.keys(filer)).toEqual(['kart.png']);
    expect(markdownToHtml('![Kart](kart.png) ![Mangler](borte.png) ![Lenke](lenke.png)', { baseDir: mappe, filer })).toBe(
      `<p><img src="${pathToFileURL(join(mappe, 'kart.png')).href}" alt="Kart"> [Bilde: Mangler] [Bilde: Lenke]</p>`,
    );
  });
});

describe('HTML pasted into the Markdown keeps its text and nothing else', () => {
  it('the text of <div>, <p>, <td>, <details> and unknown elements is kept, without the attributes that could hide it', () => {
    const html = markdownToHtml(
      [
        '<div style="display:none" class="sr-only" id="user-content-fn-1" hidden>Fra e-posten</div>',
        '<p onclick="x()">Et avsnitt <font color="white">hvitt</font> og <u>understreket</u></p>',
        '<table><tr><td style="color:white" colspan="2">Celle <b>fet</b></td></tr></table>',
        '<details><summary>Sammendrag</summary>Detaljene</details>',
        '<center>Sentrert</center><article>Artikkel</article>',
      ].join('\n\n'),
    );
    expect(html).toBe(
      [
        '<div>Fra e-posten</div>',
        '<p>Et avsnitt hvitt og understreket</p>',
        '<table><tbody><tr><td colspan="2">Celle <b>fet</b></td></tr></tbody></table>',
        // A closed <details> prints only its summary: it is opened up as plain blocks.
        '<div><p>Sammendrag</p>Detaljene</div>',
        '<div>Sentrert</div><div>Artikkel</div>',
      ].join('\n'),
    );
  });

  it('scripts, styles, frames and objects are dropped with their content; the text around them stays', () => {
    const html = markdownToHtml(
      'Før\n\n<script>alert("SKRIPT")</script>\n\n<style>p { display: none }</style>\n\n<iframe src="x">RAMME</iframe> <object data="x">OBJEKT</object> <embed src="x">\n\nEtter',
    );
    expect(html.replace(/\s+/g, ' ')).toBe('<p>Før</p> <p>Etter</p>');
  });

  it('links and images written as HTML go through the same filter as Markdown ones', () => {
    const mappe = mkdtempSync(join(tmpdir(), 'motedok-md-html-'));
    writeFileSync(join(mappe, 'kart.png'), 'png');
    const filer = findMotefiler(mappe);
    const html = markdownToHtml(
      '<a href="vedlegg/x.pdf">lokal</a> <a href="javascript:alert(1)">skript</a> <a href="https://example.no" onclick="x">nett</a> ' +
        '<img src="kart.png" alt="Kart" onerror="x"> <img src="../../etc/passwd" alt="Passord"> <img src="http://x.invalid/y.png" alt="Web"> <img src="cid:bilde1">',
      { baseDir: mappe, filer },
    );
    expect(html).toBe(
      `<p>lokal skript <a href="https://example.no">nett</a> <img src="${pathToFileURL(join(mappe, 'kart.png')).href}" alt="Kart"> [Bilde: Passord] [Bilde: Web] </p>`,
    );
  });

  it('a heading written as HTML is not above the document title', () => {
    expect(markdownToHtml('<h1>Rå</h1>\n\n## Bakgrunn', { topHeading: 2 })).toBe('<h2>Rå</h2>\n<h2>Bakgrunn</h2>');
  });
});

describe('Markdown next to HTML is printed as it would be without it', () => {
  it('its images, footnotes, lettered lists, landscape tables and aligned amounts keep what the Markdown made', () => {
    const mappe = mkdtempSync(join(tmpdir(), 'motedok-md-blandet-'));
    writeFileSync(join(mappe, 'kart.png'), 'png');
    const filer = findMotefiler(mappe);
    const markdown =
      '![Kart](kart.png) og en fotnote[^1].\n\n1. Vedtak\n   a) det ene\n\n<!-- liggende -->\n| Post | Beløp |\n|---|---|\n| A | 10 000 |\n\n[^1]: Kilde.';
    const uten = markdownToHtml(markdown, { baseDir: mappe, filer });
    expect(uten).toContain('<table class="liggende">');
    expect(markdownToHtml(`${markdown}\n\n<div>Fra e-posten</div>`, { baseDir: mappe, filer })).toBe(
      uten.replace('<section', '<div>Fra e-posten</div>\n<section'),
    );
  });
});

describe('HTML cannot pass itself off as Markdown', () => {
  it('an element that writes the mark Markdown elements carry is cleaned like any HTML: a closed <details> is opened up', () => {
    const html = markdownToHtml(
      'Tekst.\n\n<details data-motedok-markdown="0" style="display:none"><summary>Kort</summary>Skjult</details>',
    );
    expect(html).toBe('<p>Tekst.</p>\n<div><p>Kort</p>Skjult</div>');
  });
});
