import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SealedBrowser } from '../../src/pipeline/print/browser.js';
import { pdfTekst } from '../helpers/pdftekst.js';

let nettleser: SealedBrowser;
beforeAll(async () => {
  nettleser = await SealedBrowser.start(1);
}, 60_000);
afterAll(async () => {
  await nettleser?.close();
});

describe('the sealed browser', () => {
  it('runs no script and loads nothing from the network or outside the allowed folders', async () => {
    const tillatt = mkdtempSync(join(tmpdir(), 'motedok-tillatt-'));
    writeFileSync(join(tillatt, 'ok.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const html = `<!doctype html><html lang="nb"><head><title>t</title>
      <link rel="stylesheet" href="https://example.invalid/stil.css"><style>@import url("http://example.invalid/import.css");
      @font-face { font-family: Sporing; src: url("https://example.invalid/sporing.woff2"); } p { font-family: Sporing, sans-serif; }</style></head>
      <body><p>Synlig tekst</p><script>document.body.append("SKRIPT KJØRTE")</script>
      <img src="http://example.invalid/sporing.png" alt=""><img src="file:///etc/hostname" alt="">
      <img src="file://${join(tillatt, 'ok.svg')}" alt=""><iframe src="file:///etc/passwd"></iframe></body></html>`;
    const pdf = await nettleser.pdf({ html, tillatt: [tillatt] });
    const fil = join(tillatt, 'ut.pdf');
    writeFileSync(fil, pdf);
    const tekst = pdfTekst(fil);
    expect(tekst).toContain('Synlig tekst');
    expect(tekst).not.toContain('SKRIPT KJØRTE');
    expect(tekst).not.toContain('root:');
    expect(nettleser.blokkert.map((b) => b.url).sort()).toEqual([
      'file:///etc/hostname',
      'file:///etc/passwd',
      'http://example.invalid/import.css',
      'http://example.invalid/sporing.png',
      'https://example.invalid/sporing.woff2',
      'https://example.invalid/stil.css',
    ]);
  }, 60_000);
});
