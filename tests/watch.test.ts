import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../src/pipeline/print/browser.js';
import { type Preview, startPreview } from '../src/preview/watch.js';
import { makeProject, sak } from './helpers/prosjekt.js';

const M = '2025-05-22-ssu';
const SAK = (tittel: string) =>
  sak(
    `tittel: ${tittel}\ntype: beslutning\nminutter: 30`,
    '## Bakgrunn\n\nFørste versjon av teksten.\n\n## Forslag til vedtak\n\nSaken godkjennes.\n',
  );

describe('motedok watch', () => {
  let rot: string;
  let visning: Preview;
  let browser: Browser;
  let page: Page;
  const venterPaTekst = (tekst: string) =>
    page.waitForFunction(`document.body?.innerText.includes(${JSON.stringify(tekst)})`, { timeout: 15_000 });
  const sidetekst = async () => (await page.evaluate('document.body.innerText')) as string;

  beforeAll(async () => {
    rot = makeProject({ [`${M}/10-budsjett.md`]: SAK('Budsjett 2026') });
    visning = await startPreview(join(rot, M), { port: 0 });
    browser = await puppeteer.launch({
      executablePath: findChromium()!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await visning?.close();
  });

  it("lists the meeting's documents and shows a sak with the print templates and fonts", async () => {
    const feilede: string[] = [];
    page.on('requestfailed', (r) => feilede.push(r.url()));
    await page.goto(visning.url);
    await page.click('a ::-p-text(Budsjett 2026)');
    await venterPaTekst('Første versjon av teksten.');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Budsjett 2026');
    expect(await page.evaluate('document.fonts.check(\'12px "Source Sans 3"\')')).toBe(true);
    expect(feilede).toEqual([]);
  }, 30_000);

  it('reloads the page when the sak file is saved', async () => {
    writeFileSync(join(rot, M, '10-budsjett.md'), SAK('Budsjett 2026 – revidert'));
    await venterPaTekst('Budsjett 2026 – revidert');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Budsjett 2026 – revidert');
  }, 30_000);

  it('shows an error in the page, positioned, and the document again once it is fixed', async () => {
    writeFileSync(
      join(rot, M, '10-budsjett.md'),
      '---\ntittel: Budsjett\ntype: beslutnign\nminutter: 30\n---\n\n## Forslag til vedtak\n\nOk.\n',
    );
    await venterPaTekst('Møtet har feil');
    expect(await sidetekst()).toContain(
      `${M}/10-budsjett.md:3:7: feil: «type» er «beslutnign», men må være én av: beslutning, tema, referat og eventuelt. Mente du «beslutning»?`,
    );
    expect(visning.diagnostics.some((d) => d.severity === 'feil')).toBe(true);
    writeFileSync(join(rot, M, '10-budsjett.md'), SAK('Budsjett 2026 – rettet'));
    await venterPaTekst('Budsjett 2026 – rettet');
  }, 30_000);
});
