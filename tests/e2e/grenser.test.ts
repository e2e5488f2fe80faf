import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SealedBrowser } from '../../src/pipeline/print/browser.js';
import { pdfTekst } from '../helpers/pdftekst.js';
import { avbrytVedLesing, storeMoter } from '../helpers/signal.js';

describe('Ctrl-C and kill end a long run at the file it is reading', () => {
  it('build, SIGTERM while the saker load and Chromium starts: exit 143, no browser, no temporary files, nothing written', async () => {
    const { root, saker } = storeMoter();
    const tmp = mkdtempSync(join(tmpdir(), 'motedok-signal-tmp-'));
    const ut = mkdtempSync(join(tmpdir(), 'motedok-signal-ut-'));
    // The build reads every file once to see what changed (before it loads), then loads them: the
    // signal comes a few files into the load.
    const slutt = await avbrytVedLesing(['build', '.', '--out', ut], root, tmp, 'SIGTERM', saker + 5);
    expect(slutt.kode).toBe(143);
    expect(slutt.lest).toBeLessThan(saker + saker / 2);
    expect(readdirSync(tmp)).toEqual([]);
    expect(spawnSync('pgrep', ['-f', '--', `--user-data-dir=${tmp}`]).status).toBe(1);
    expect(readdirSync(ut)).toEqual([]);
  }, 120_000);
});

describe('the printer shows only images, styles and fonts from the allowed folders, links followed', () => {
  it('refuses frames, objects, embeds and files that are links out of an allowed folder, even where a template check is bypassed', async () => {
    const mappe = mkdtempSync(join(tmpdir(), 'motedok-skriver-'));
    symlinkSync('/etc/passwd', join(mappe, 'passord.png'));
    symlinkSync('/etc/passwd', join(mappe, 'passord.css'));
    writeFileSync(join(mappe, 'ekte.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>');
    const url = (navn: string) => pathToFileURL(join(mappe, navn)).href;
    const html = `<!doctype html><html><head><link rel="stylesheet" href="${url('passord.css')}"></head><body><p>Synlig</p>
<iframe src="${url('ekte.svg')}"></iframe><iframe src="file:///etc/passwd"></iframe><object data="${url('ekte.svg')}"></object>
<embed src="${url('ekte.svg')}"><img src="${url('passord.png')}"><img src="${url('ekte.svg')}"></body></html>`;
    const nettleser = await SealedBrowser.start(1);
    let pdf: Uint8Array;
    try {
      pdf = await nettleser.pdf({ html, tillatt: [mappe] });
    } finally {
      await nettleser.close();
    }
    const fil = join(mappe, 'ut.pdf');
    writeFileSync(fil, pdf);
    const tekst = pdfTekst(fil);
    expect(tekst).toContain('Synlig');
    expect(tekst).not.toContain(readFileSync('/etc/passwd', 'utf8').split('\n')[0]!);
    const blokkert = nettleser.blokkert.map((b) => b.url);
    for (const navn of ['passord.css', 'passord.png']) expect(blokkert).toContain(url(navn));
    expect(blokkert).toContain('file:///etc/passwd');
    // The frames, the object and the embed ask for ekte.svg: each is refused; only the <img> gets it.
    expect(blokkert.filter((u) => u === url('ekte.svg')).length).toBeGreaterThanOrEqual(1);
    expect(nettleser.forespurt.filter((u) => u === url('ekte.svg')).length - blokkert.filter((u) => u === url('ekte.svg')).length).toBe(1);
  }, 60_000);
});
