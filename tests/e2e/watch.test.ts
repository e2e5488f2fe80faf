import { mkdirSync, readdirSync, renameSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/pipeline/print/browser.js';
import { type Preview, startPreview } from '../../src/preview/watch.js';
import { FONT_DIR } from '../../src/util/package.js';
import { makeProject, ORGANISASJON, sak } from '../helpers/prosjekt.js';

const M = '2025-05-22-ssu';
const SAK = (tittel: string) =>
  sak(
    `tittel: ${tittel}\ntype: beslutning\nminutter: 30`,
    '## Bakgrunn\n\nFørste versjon av teksten.\n\n## Forslag til vedtak\n\nSaken godkjennes.\n',
  );

/** Saves as editors that save atomically and `sed -i` do: a temporary file renamed over the old one. */
function renameOver(file: string, content: string): void {
  const temp = join(file, '..', `.${Date.now()}.tmp`);
  writeFileSync(temp, content);
  renameSync(temp, file);
}

/** A plain GET with the Host header a browser would send for `host`. */
function get(url: string, path: string, host?: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers: host === undefined ? {} : { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => ok({ status: res.statusCode!, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

/**
 * Listens on /hendelser; once the preview has taken the listener, gives the promise of its next
 * «endret», the signal that a reload is done (in an object: a promise resolved with a promise waits for it).
 */
function listenForChange(url: string): Promise<{ endret: Promise<void> }> {
  return new Promise((connected, fail) => {
    const req = request(new URL('/hendelser', url), (res) => {
      res.setEncoding('utf8');
      const endret = new Promise<void>((ok) =>
        res.on('data', (chunk: string) => {
          if (!chunk.includes('event: endret')) return;
          req.destroy();
          ok();
        }),
      );
      connected({ endret });
    });
    req.on('error', fail);
    req.end();
  });
}

const fil = (file: string) => `/fil?sti=${encodeURIComponent(file)}`;

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

  it('sees a save that renames a temporary file over the sak, and every save after it', async () => {
    const file = join(rot, M, '10-budsjett.md');
    renameOver(file, SAK('Budsjett 2026 – lagret atomisk'));
    await venterPaTekst('Budsjett 2026 – lagret atomisk');
    writeFileSync(file, SAK('Budsjett 2026 – skrevet på stedet etterpå'));
    await venterPaTekst('Budsjett 2026 – skrevet på stedet etterpå');
    renameOver(file, SAK('Budsjett 2026 – atomisk igjen'));
    await venterPaTekst('Budsjett 2026 – atomisk igjen');
  }, 30_000);

  it('sees a sak that is deleted and created again', async () => {
    const file = join(rot, M, '10-budsjett.md');
    unlinkSync(file);
    await venterPaTekst('Dokumentet finnes ikke');
    writeFileSync(file, SAK('Budsjett 2026 – laget på nytt'));
    await venterPaTekst('Budsjett 2026 – laget på nytt');
  }, 30_000);

  it('sees organisasjon.yaml replaced by a rename, and the saves to it after that', async () => {
    const file = join(rot, 'organisasjon.yaml');
    renameOver(file, ORGANISASJON.replace('Helsefellesskap Test', 'Helsefellesskap Omdøpt'));
    await venterPaTekst('Helsefellesskap Omdøpt');
    writeFileSync(file, ORGANISASJON.replace('Helsefellesskap Test', 'Helsefellesskap Lagret Igjen'));
    await venterPaTekst('Helsefellesskap Lagret Igjen');
  }, 30_000);

  it('sees a new sak file', async () => {
    await page.goto(visning.url);
    writeFileSync(join(rot, M, '11-veivedlikehold.md'), SAK('Veivedlikehold'));
    await venterPaTekst('Veivedlikehold');
  }, 30_000);

  it('sees a save in a folder made after the preview started', async () => {
    const { endret } = await listenForChange(visning.url);
    writeFileSync(join(rot, M, '12-kart.md'), sak('tittel: Kart\ntype: tema\nminutter: 10', '![Kart](bilder/kart.png)\n'));
    await endret;
    await venterPaTekst('bildet «bilder/kart.png» finnes ikke');
    const { endret: mappeSett } = await listenForChange(visning.url);
    mkdirSync(join(rot, M, 'bilder'));
    writeFileSync(join(rot, M, 'bilder', 'annet.png'), 'png');
    await mappeSett;
    expect((await get(visning.url, '/')).body).toContain('bildet «bilder/kart.png» finnes ikke');
    // Only a watcher on the new folder sees this save.
    writeFileSync(join(rot, M, 'bilder', 'kart.png'), 'png');
    await venterPaTekst('Kart');
    await page.waitForFunction('!document.body.innerText.includes("Møtet har feil")', { timeout: 15_000 });
  }, 30_000);
});

describe('motedok watch serves only the meeting, and only to localhost', () => {
  let rot: string;
  let visning: Preview;
  const utenfor = join(tmpdir(), `motedok-hemmelig-${process.pid}.txt`);

  beforeAll(async () => {
    writeFileSync(utenfor, 'hemmelig');
    rot = makeProject({
      [`${M}/10-budsjett.md`]: SAK('Budsjett 2026'),
      [`${M}/bilde.png`]: 'png',
      'prosjektfil.txt': 'ikke i møtemappen',
    });
    symlinkSync('/etc/passwd', join(rot, M, 'passord.png'));
    symlinkSync('/etc', join(rot, M, 'etc'));
    symlinkSync(utenfor, join(rot, M, 'hemmelig.png'));
    symlinkSync(join(rot, M, 'bilde.png'), join(rot, M, 'lenke-inni.png'));
    visning = await startPreview(join(rot, M), { port: 0 });
  });
  afterAll(async () => {
    await visning?.close();
    unlinkSync(utenfor);
  });

  it('binds to 127.0.0.1', () => {
    expect(new URL(visning.url).hostname).toBe('127.0.0.1');
  });

  it('answers 421 to a Host that is not localhost, 127.0.0.1 or [::1]', async () => {
    const port = new URL(visning.url).port;
    for (const host of [
      'angriper.example',
      `angriper.example:${port}`,
      `127.0.0.1.angriper.example:${port}`,
      `localhost.angriper.example`,
    ]) {
      for (const path of ['/', '/hendelser', fil(join(rot, M, 'bilde.png'))]) {
        expect({ host, path, status: (await get(visning.url, path, host)).status }).toEqual({ host, path, status: 421 });
      }
    }
    for (const host of [
      'localhost',
      `localhost:${port}`,
      '127.0.0.1',
      `127.0.0.1:${port}`,
      '[::1]',
      `[::1]:${port}`,
      `LOCALHOST:${port}`,
    ]) {
      expect({ host, status: (await get(visning.url, '/', host)).status }).toEqual({ host, status: 200 });
    }
  });

  it('serves files in the meeting folder and the fonts, also through a link that stays inside', async () => {
    expect(await get(visning.url, fil(join(rot, M, 'bilde.png')))).toEqual({ status: 200, body: 'png' });
    expect(await get(visning.url, fil(join(rot, M, 'lenke-inni.png')))).toEqual({ status: 200, body: 'png' });
    const font = readdirSync(FONT_DIR).find((n) => n.endsWith('.woff2'))!;
    expect((await get(visning.url, fil(join(FONT_DIR, font)))).status).toBe(200);
  });

  it('answers 404 to a link out of the meeting folder, a path out of it, and a folder', async () => {
    for (const file of [
      join(rot, M, 'passord.png'),
      join(rot, M, 'etc', 'passwd'),
      join(rot, M, 'hemmelig.png'),
      join(rot, M, '..', 'prosjektfil.txt'),
      join(rot, 'prosjektfil.txt'),
      '/etc/passwd',
      join(rot, M),
      FONT_DIR,
      `${M}/bilde.png`,
    ]) {
      const svar = await get(visning.url, fil(file));
      expect({ file, ...svar }).toEqual({ file, status: 404, body: 'finnes ikke' });
    }
    expect((await get(visning.url, '/%E0')).status).toBe(404);
  });
});
