import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, startBrowser } from '../helpers/nettsted.js';
import { eksempelPublisert } from '../helpers/tilstand.js';

let nettsted: string;
let server: Server;
let adresse: string;
let browser: Browser;

beforeAll(async () => {
  // The site of `motedok publish` of the example meetings, made once for the files that read it (its errors fail here).
  nettsted = join(await eksempelPublisert(), 'nettsted');
  ({ server, adresse } = await serveSite(nettsted));
  browser = await startBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** What Pagefind indexed for each HTML page (its fragments: gzip of «pagefind_dcd» and JSON), by URL. */
function indeksertTekst(): Map<string, string> {
  const mappe = join(nettsted, 'pagefind', 'fragment');
  const sider = readdirSync(mappe).map((fil) =>
    JSON.parse(
      gunzipSync(readFileSync(join(mappe, fil)))
        .toString('utf8')
        .replace(/^pagefind_dcd/, ''),
    ),
  );
  return new Map(sider.filter((s) => s.url.endsWith('.html')).map((s) => [s.url as string, s.content as string]));
}

describe('the published website', () => {
  it('the text Pagefind indexes (and shows as excerpts) keeps a space between each label and its value', () => {
    const tekst = indeksertTekst();
    expect(tekst.get('2025-11-13-ssu/sak-28-25.html')).toContain(
      'Sak 28.25 Møte Møte i Strategisk samarbeidsutvalg 13. november 2025 Sakstype Beslutningssak',
    );
    const mote = tekst.get('2025-05-22-ssu/index.html')!;
    expect(mote).toContain('Dato Torsdag 22. mai 2025 Tid kl. 09.00–14.00 Sted Fylkeshuset Lillehammer');
    expect(mote).toContain('Referatet godkjent 18. september 2025');
    expect(mote).toContain('Sak Tittel Tid 11.25');
    // No word runs into the next anywhere: a lowercase letter before a capital or a digit («Sak28.25», «MøteMøte»).
    for (const [url, innhold] of tekst) expect(innhold.replaceAll('iCalendar', '').match(/\p{Ll}[\p{Lu}\d]/gu), url).toBeNull();
  });

  it('a reader goes from the index to a meeting, reads its decisions and opens a PDF', async () => {
    const page = await browser.newPage();
    await page.goto(`${adresse}/index.html`);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Møtedokumenter fra Helsefellesskap Innlandet');
    await Promise.all([page.waitForNavigation(), page.click('a[href="2025-05-22-ssu/index.html"]')]);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Møte i Strategisk samarbeidsutvalg 22. mai 2025');
    const vedtak = await page.$$eval('section.vedtak h3', (hs) => hs.map((h) => h.textContent));
    expect(vedtak).toHaveLength(8);
    expect(vedtak[0]).toBe('Sak 11.25 Godkjenning av innkalling og saksliste');
    const lenke = await page.$eval('a[href="innkalling.pdf"]', (a) => a.textContent);
    expect(lenke).toBe('Innkalling med saksliste og forslag til vedtak (PDF, 4 sider)');
    const svar = await page.evaluate(async () => {
      const r = await fetch('innkalling.pdf');
      return [r.status, r.headers.get('content-type'), (await r.text()).slice(0, 5)];
    });
    expect(svar).toEqual([200, 'application/pdf', '%PDF-']);
    await page.close();
  }, 60_000);

  it('a draft referat does not publish decisions; pages are accessible and need no JavaScript', async () => {
    const side = readFileSync(join(nettsted, '2025-09-18-ssu', 'index.html'), 'utf8');
    expect(side).toContain('Vedtakene publiseres når referatet er godkjent.');
    expect(side).toContain('Referat (utkast, ikke godkjent) (PDF, 3 sider)');
    for (const fil of ['index.html', '2025-05-22-ssu/index.html', '2025-11-13-ssu/index.html']) {
      const html = readFileSync(join(nettsted, fil), 'utf8');
      expect(html, fil).toContain('<html lang="nb">');
      expect(html, fil).toMatch(/<main id="innhold"/);
      expect(html, fil).toContain('<a class="ds-skip-link" href="#innhold">Hopp til hovedinnhold</a>');
      expect(html, fil).not.toMatch(/<script/i);
      expect(html.match(/<h1\b/g), fil).toHaveLength(1);
    }
    expect(existsSync(join(nettsted, 'ssu-2025-vedtak.pdf'))).toBe(true);
    expect(existsSync(join(nettsted, '2025-11-13-ssu', 'vedlegg', 'sak-31-25.pdf'))).toBe(true);
  });

  it("each meeting page links the public calendar file, the same as the build's offentlig/mote.ics", () => {
    for (const mote of ['2025-05-22-ssu', '2025-09-18-ssu', '2025-11-13-ssu']) {
      expect(readFileSync(join(nettsted, mote, 'index.html'), 'utf8'), mote).toContain(
        '<a class="ds-link" href="mote.ics" type="text/calendar">Møtet i kalenderen din (iCalendar-fil)</a>',
      );
      expect(
        readFileSync(join(nettsted, mote, 'mote.ics')).equals(readFileSync(join(nettsted, '..', mote, 'offentlig', 'mote.ics'))),
        mote,
      ).toBe(true);
    }
  });
});
