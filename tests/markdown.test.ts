import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findMotefiler } from '../src/pipeline/load/bilder.js';
import { markdownToHtml } from '../src/pipeline/render/markdown.js';

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
    expect(html).toContain('<td align="right">Kr. 10 700 000</td>');
  });

  it('drops raw HTML, scripts, event handlers and links that are not web or e-mail', () => {
    const html = markdownToHtml(
      '<script>alert(1)</script>\n\n<b onclick="x()">fet</b> [a](javascript:alert(1)) [b](https://www.helsedirektoratet.no) [c](file:///etc/passwd)',
    );
    expect(html).toBe('<p>fet a <a href="https://www.helsedirektoratet.no">b</a> c</p>');
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
