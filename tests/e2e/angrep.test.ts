import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishMoter } from '../../src/build/publish.js';
import { readTemplateFiles } from '../../src/pipeline/load/templates.js';
import { SealedBrowser } from '../../src/pipeline/print/browser.js';
import { compileTemplates } from '../../src/pipeline/render/templates.js';
import { FONT_DIR } from '../../src/util/package.js';
import { isInside } from '../../src/util/paths.js';
import { filerUnder } from '../helpers/filer.js';
import { pdfTekst } from '../helpers/pdftekst.js';
import { ORGANISASJON, utmappe } from '../helpers/prosjekt.js';

/**
 * A sak written to attack, built and published end to end. Every URL in it points at a web
 * server this test runs, which records each request: nothing may reach it. /etc/passwd is the
 * file it tries to read: nothing of it may reach any output. (Images from outside the meeting
 * folder or the web are refused by check already: see the corpus; the renderer drops them too.)
 */

const M = '2025-05-22-ssu';
const PASSORD = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!;

let server: Server;
const treff: string[] = [];
let ut: string;
let root: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    treff.push(req.url ?? '');
    res.end('');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const web = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  root = mkdtempSync(join(tmpdir(), 'motedok-angrep-'));
  const skriv = (fil: string, innhold: string) => {
    mkdirSync(join(root, fil, '..'), { recursive: true });
    writeFileSync(join(root, fil), innhold);
  };
  skriv('organisasjon.yaml', ORGANISASJON);
  skriv(`${M}/mote.yaml`, 'utvalg: ssu\ndato: 2025-05-22\nstart: "09:00"\nslutt: "12:00"\nsted: Hamar\n');
  // An SVG that tries everything an SVG can: a script, an external image, a frame and a stylesheet.
  skriv(
    `${M}/angrep.svg`,
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="40" onload="fetch('${web}/svg-onload')">
<script>fetch('${web}/svg-script'); document.documentElement.append('SVG-SKRIPT KJØRTE')</script>
<style>@import url(${web}/svg-import.css); rect { fill: url(${web}/svg-fill.png) }</style>
<image href="${web}/svg-bilde.png" xlink:href="file:///etc/passwd" width="10" height="10"/>
<foreignObject width="40" height="40"><iframe xmlns="http://www.w3.org/1999/xhtml" src="file:///etc/passwd"></iframe></foreignObject>
<rect width="40" height="40"/></svg>`,
  );
  skriv(
    `${M}/13-angrep.md`,
    `---
tittel: "<script>alert('tittel')</script> Budsjett {{organisasjon.navn}} {{{rå}}}"
type: beslutning
minutter: 30
beskrivelse: "Se <img src=x onerror=alert(1)> og {{mote.dato}}"
---

## Bakgrunn

Pris: {{pris}} og {{{rå}}} og {{> dokument}} og {{#each x}}gjentatt{{/each}}.

<script>document.write("SKRIPT KJØRTE"); fetch("${web}/script")</script>

<img src="${web}/img.png" onerror="fetch('${web}/onerror')">

<iframe src="file:///etc/passwd"></iframe> <iframe src="${web}/iframe"></iframe>

<link rel="stylesheet" href="${web}/stil.css">

<style>@import url("${web}/import.css"); body { background: url(${web}/bakgrunn.png) } p { display: none }</style>

<meta http-equiv="refresh" content="0;url=${web}/refresh">

<object data="${web}/objekt"></object> <embed src="${web}/embed">

Synlig tekst med <span style="display:none">SKJULT-MED-CSS</span> midt i.

<div hidden>SKJULT-MED-HIDDEN</div>

[Klikk her](javascript:fetch('${web}/javascript')) og [rapport](file:///etc/passwd) og [nett](${web}/lenke).

![Figur med skript](angrep.svg)

## Forslag til vedtak

1. Utvalget vedtar {{organisasjon.navn}} og <b onclick="x()">fet</b>.
`,
  );
  skriv(
    `${M}/referat.md`,
    `---
til_stede: [kari, ola, per]
referent: Marte
status: godkjent
godkjent_dato: 2025-09-18
godkjent_sak: "20.25"
---

## Sak 01.25 Godkjenning

## Sak 02.25

<script>fetch("${web}/referat")</script> Drøftet {{pris}}.

### Vedtak

Utvalget vedtok {{organisasjon.navn}} <img src="${web}/vedtak.png"> [lenke](javascript:alert(1)).
`,
  );
  ut = utmappe();
  const result = await publishMoter([join(root, M)], { out: ut, html: true });
  expect(result.diagnostics.filter((d) => d.severity === 'feil').map((d) => d.message)).toEqual([]);
}, 120_000);

afterAll(() => new Promise<void>((ok) => server?.close(() => ok())));

/**
 * The tags in a page's body that could run something, load something or hide something: text
 * is written with its < as &lt;, so every < left starts a real tag. Links to the web are allowed
 * (a reader may follow them; the browser does not).
 */
/** The site's own search box, in the header of every page (ramme.hbs): the one form the site has. */
const SOKESKJEMA = /<form class="sok" role="search" action="(\.\.\/)*sok\.html" method="get">/;

function farlig(html: string): string[] {
  const body = html.slice(html.search(/<body[\s>]/)).replace(SOKESKJEMA, '');
  return [...body.matchAll(/<[a-zA-Z][^>]*>/g)]
    .map((m) => m[0])
    .filter(
      (tag) =>
        /^<(script|iframe|frame|object|embed|link|meta|style|svg|math|form|base)\b/i.test(tag) ||
        /\s(on[a-z]+|style|srcdoc|hidden)\s*=/i.test(tag) ||
        /javascript:|vbscript:|data:text/i.test(tag) ||
        (/^<img\b/i.test(tag) && !/\ssrc="file:\/\//.test(tag)),
    );
}

describe('a sak written to attack', () => {
  it('makes no request to the network: the web server saw nothing during build and publish', () => {
    expect(treff).toEqual([]);
  });

  it('the browser asked only for its own page, the fonts and the SVG in the meeting folder, and refused nothing', async () => {
    const html = readFileSync(join(ut, M, 'vedlegg', 'sak-02-25.html'), 'utf8');
    const maler = compileTemplates(readTemplateFiles());
    const tillatt = [join(root, M), ...maler.folders, FONT_DIR];
    const nettleser = await SealedBrowser.start(1);
    try {
      await nettleser.pdf({ html, tillatt });
      const utenom = nettleser.forespurt.filter((url) => !(url.startsWith('file:') && isInside(FONT_DIR, fileURLToPath(url))));
      // The page itself (a temporary file), then the one image that is allowed.
      expect(utenom).toHaveLength(2);
      expect(utenom[0]).toMatch(/^file:\/\/.*\/motedok-html-[^/]+\/dokument-1\.html$/);
      expect(utenom[1]).toBe(`file://${join(root, M, 'angrep.svg')}`);
      expect(nettleser.blokkert).toEqual([]);
    } finally {
      await nettleser.close();
    }
  }, 60_000);

  it('no script ran, nothing of /etc/passwd is in any file, and the HTML has no script, frame, style, handler or javascript: link', () => {
    const tekst = pdfTekst(join(ut, M, 'vedlegg', 'sak-02-25.pdf'));
    expect(tekst).not.toMatch(/SKRIPT KJØRTE|SVG-SKRIPT/);
    for (const fil of filerUnder(ut)) {
      const innhold = readFileSync(fil);
      expect(innhold.includes(PASSORD), fil).toBe(false);
      if (fil.endsWith('.pdf')) expect(pdfTekst(fil).includes(PASSORD), fil).toBe(false);
      // The search page has Pagefind's script and stylesheet by design; the next test checks it has nothing else.
      if (fil.endsWith('.html') && !fil.endsWith(`${sep}nettsted${sep}sok.html`)) expect(farlig(innhold.toString('utf8')), fil).toEqual([]);
    }
  });

  it('text hidden with CSS or HTML shows as plain text, so nothing is hidden from readers of the PDF', () => {
    const tekst = pdfTekst(join(ut, M, 'vedlegg', 'sak-02-25.pdf'));
    expect(tekst).toContain('Synlig tekst med SKJULT-MED-CSS midt i.');
    // HTML keeps its text, without the attribute that hid it.
    expect(tekst).toContain('SKJULT-MED-HIDDEN');
    const html = readFileSync(join(ut, M, 'vedlegg', 'sak-02-25.html'), 'utf8');
    const brodtekst = html.slice(html.indexOf('Bakgrunn'));
    expect(brodtekst).not.toMatch(/\sstyle=|\shidden\b|display:\s*none/);
  });

  it('{{…}} prints as text in the PDF, title and proposal included, and is never run as a template', () => {
    const sak = pdfTekst(join(ut, M, 'vedlegg', 'sak-02-25.pdf')).replace(/\s+/g, ' ');
    expect(sak).toContain('Pris: {{pris}} og {{{rå}}} og {{> dokument}} og {{#each x}}gjentatt{{/each}}.');
    expect(sak).toContain("<script>alert('tittel')</script> Budsjett {{organisasjon.navn}} {{{rå}}}");
    expect(sak).toContain('Utvalget vedtar {{organisasjon.navn}} og fet.');
    expect(sak).not.toContain('Helsefellesskap Test og fet');
    const innkalling = pdfTekst(join(ut, M, 'innkalling.pdf')).replace(/\s+/g, ' ');
    expect(innkalling).toContain('Se og {{mote.dato}}');
    expect(pdfTekst(join(ut, M, 'referat.pdf')).replace(/\s+/g, ' ')).toContain('Utvalget vedtok {{organisasjon.navn}} lenke.');
  });

  it('the published site shows the title and the decision as text, escaped, and contains none of the attack', () => {
    const side = readFileSync(join(ut, 'nettsted', M, 'index.html'), 'utf8');
    expect(side).toContain('Sak 02.25 &lt;script&gt;alert(&#x27;tittel&#x27;)&lt;/script&gt; Budsjett {{organisasjon.navn}} {{{rå}}}');
    expect(side).toContain('Utvalget vedtok {{organisasjon.navn}}');
    for (const fil of filerUnder(join(ut, 'nettsted')).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(fil, 'utf8');
      // The search page is the one page with JavaScript: Pagefind's interface and the lines that start it, none of the sources' text.
      if (fil.endsWith(`${sep}nettsted${sep}sok.html`)) {
        expect(html.match(/<script\b[^>]*>/gi), fil).toEqual(['<script src="pagefind/pagefind-ui.js">', '<script>']);
        expect(html, fil).not.toMatch(/alert|<style/i);
        continue;
      }
      expect(farlig(html), fil).toEqual([]);
      // The site has no JavaScript and no styles of its own in the page, not even from the templates.
      expect(html, fil).not.toMatch(/<script|<style/i);
    }
  });
});
