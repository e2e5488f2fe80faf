// The floor for printing, for `npm run bench`: every HTML document a build printed (kept by the
// build with MOTEDOK_KEEP_HTML=FOLDER), printed again by a headless Chromium that is already
// running, one tab per core, tagged and with an outline, as motedok prints them. Nothing else
// is done with the PDFs, so no build can print the same documents in less time on this machine.
// Alone: node scripts/floor.mjs FOLDER   (prints "FILES files, PAGES pages, SECONDS s").
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findPrinter } from '../src/pipeline/print/chromium.mjs';

/** Prints every .html file in `folder` once; the time counts from the first print to the last, the browser and its tabs started before. */
export async function printFloor(folder) {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => join(folder, name));
  const printer = findPrinter();
  if (!printer) throw new Error('fant ingen Chromium å måle gulvet med');
  const browser = await puppeteer.launch({
    executablePath: printer.path,
    headless: printer.shell ? 'shell' : true,
    pipe: true,
    args: [...CHROMIUM_ARGS, '--disable-extensions', '--disable-dev-shm-usage', '--allow-file-access-from-files'],
  });
  try {
    const tabs = await Promise.all(Array.from({ length: availableParallelism() }, () => browser.newPage()));
    for (const tab of tabs) await tab.setJavaScriptEnabled(false);
    const queue = [...files];
    const pdfs = [];
    const started = process.hrtime.bigint();
    await Promise.all(
      tabs.map(async (tab) => {
        for (let file = queue.shift(); file; file = queue.shift()) {
          await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });
          await tab.evaluateHandle('document.fonts.ready').catch(() => undefined);
          pdfs.push(await tab.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, timeout: 120_000 }));
        }
      }),
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    let pages = 0;
    for (const pdf of pdfs) pages += (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
    return { ms, files: files.length, pages };
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const { ms, files, pages } = await printFloor(resolve(process.argv[2] ?? '.'));
  console.log(`${files} files, ${pages} pages, ${(ms / 1000).toFixed(2)} s`);
}
