import type { Server } from 'node:http';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, startBrowser } from '../helpers/nettsted.js';
import { eksempelPublisert } from '../helpers/tilstand.js';

/**
 * Issue 16: the published site is read on a phone as well as on a desktop. At 320 CSS pixels
 * (WCAG 1.4.10, Reflow) no page scrolls sideways, the text is set in the font the site ships
 * (Source Sans 3, not whatever the reader's machine has), and axe-core finds nothing against
 * WCAG 2.1 A and AA: the front page, a meeting, a sak, a year and the search with its results.
 */

const SIDER = {
  forside: 'index.html',
  møte: '2025-05-22-ssu/index.html',
  sak: '2025-05-22-ssu/sak-13-25.html',
  år: 'utvalg/ssu/2025/index.html',
  søk: 'sok.html?q=referat',
};

let nettsted: string;
let server: Server;
let adresse: string;
let browser: Browser;

beforeAll(async () => {
  // The site of `motedok publish` of the example meetings, made once for the files that read it (its errors fail here).
  nettsted = join(await eksempelPublisert(), 'nettsted');
  ({ server, adresse } = await serveSite(nettsted));
  browser = await startBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/**
 * What the tests read in the page, as the page's own JavaScript (strings, since the project's
 * types are Node's, not the DOM's, and so that vitest leaves them alone).
 */
const I_SIDEN = {
  bredde: 'document.documentElement.scrollWidth',
  skrift: `({
    sjekk: document.fonts.check('16px "Source Sans 3"'),
    lastet: [...document.fonts].filter((f) => f.family.replaceAll('"', '') === 'Source Sans 3' && f.status === 'loaded').length,
    // The font of every element with text of its own, Pagefind's search results too, unless it is Source Sans 3.
    andre: [...new Set([...document.querySelectorAll('body *')]
      .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
      .map((e) => getComputedStyle(e).fontFamily)
      .filter((f) => !f.replaceAll('"', '').startsWith('Source Sans 3')))],
  })`,
  axe: `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((svar) =>
    svar.violations.map((v) => ({ id: v.id, hjelp: v.help, noder: v.nodes.map((n) => n.target.join(' ')) })))`,
  // The text of each line of the number and the time cells of the saksliste, as the browser laid it out.
  linjer: `[...document.querySelectorAll('table.saksliste tbody tr')].map((rad) =>
    [...rad.querySelectorAll('td:first-child, td.tid')].map((td) => {
      const tekst = td.firstChild;
      const range = document.createRange();
      const ut = [];
      let topp;
      for (let i = 0; i < tekst.textContent.length; i++) {
        range.setStart(tekst, i);
        range.setEnd(tekst, i + 1);
        const y = Math.round(range.getClientRects()[0]?.top ?? 0);
        if (topp === undefined || y > topp + 2) ut.push('');
        topp = y;
        ut[ut.length - 1] += tekst.textContent[i];
      }
      return ut;
    }))`,
};

/** A page at 320 px, loaded with its fonts (and, on the search page, its results). */
async function open(rel: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 320, height: 640 });
  await page.goto(`${adresse}/${rel}`, { waitUntil: 'networkidle0' });
  if (rel.startsWith('sok.html')) await page.waitForSelector('.pagefind-ui__result');
  await page.evaluate('document.fonts.ready.then(() => true)');
  return page;
}

interface Brudd {
  id: string;
  hjelp: string;
  noder: string[];
}

describe('the site at 320 px', () => {
  for (const [navn, rel] of Object.entries(SIDER)) {
    it(`the ${navn} page reflows, is set in Source Sans 3 and has no axe-core violation`, async () => {
      const page = await open(rel);
      const bredde = (await page.evaluate(I_SIDEN.bredde)) as number;
      expect(bredde, `${rel} is ${bredde} px wide`).toBeLessThanOrEqual(320);
      const skrift = (await page.evaluate(I_SIDEN.skrift)) as { sjekk: boolean; lastet: number; andre: string[] };
      expect(skrift.sjekk).toBe(true);
      expect(skrift.lastet).toBeGreaterThan(0);
      expect(skrift.andre).toEqual([]);
      await page.evaluate(axe.source);
      expect((await page.evaluate(I_SIDEN.axe)) as Brudd[]).toEqual([]);
      await page.close();
    }, 60_000);
  }

  it('the meeting page breaks a time at its dash, never a sak number or a clock time', async () => {
    const page = await open(SIDER.møte);
    const linjer = (await page.evaluate(I_SIDEN.linjer)) as string[][][];
    expect(linjer[0]![0]).toEqual(['11.25']);
    expect(linjer[0]![1]).toEqual(['09.00–', '09.02']);
    for (const [nummer, tid] of linjer) {
      expect(nummer).toHaveLength(1);
      for (const linje of tid!) expect(linje).toMatch(/^\d\d\.\d\d–?$/);
    }
    await page.close();
  }, 60_000);
});
