import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishMoter } from '../../src/build/publish.js';
import { sakPageHref } from '../../src/publish/adresser.js';
import { innholdUnder } from '../helpers/filer.js';
import { serveSite, startBrowser } from '../helpers/nettsted.js';
import { minimalPdf } from '../helpers/pdf.js';
import { makeProject, sak, utmappe } from '../helpers/prosjekt.js';
import { medBufferFra } from '../helpers/tilstand.js';

/**
 * Issue 14, part 3: the public archive. Search (Pagefind) over pages and PDF text, sak pages,
 * committee and year pages, an Atom feed and a calendar subscription per committee, and pages in
 * the meeting's language. Words that occur in one place only tell where the index found them.
 */

const M1 = '2025-05-22-ssu';
const M2 = '2025-09-18-ssu';
/** Only in the text of the PDF attached to sak 02.25. */
const I_VEDLEGGET = 'Fjellvannsmodellen';
/** Only in the exempt sak 03.25: its case paper, its proposal, its decision in the referat. */
const UNNTATT = 'Myrhaugprosjektet';
/** Only in the Nynorsk meeting's sak. */
const NYNORSK = 'Sæterdalsløftet';

let prosjekt: string;
let ut: string;
let nettsted: string;
let forste: Map<string, Buffer>;
let server: Server;
let adresse: string;
let browser: Browser;

const les = (rel: string) => readFileSync(join(nettsted, rel), 'utf8');

beforeAll(async () => {
  prosjekt = makeProject({
    [`${M1}/13-kvalitet.md`]: sak(
      'tittel: Kvalitetsarbeid i kommunene\ntype: beslutning\nminutter: 30\nvedlegg:\n  - tittel: Rapport om kvalitet\n    fil: vedlegg/rapport.pdf',
      '## Bakgrunn\n\nSe rapporten.\n\n## Forslag til vedtak\n\nUtvalget slutter seg til Skogsmodellen.\n',
    ),
    [`${M1}/vedlegg/rapport.pdf`]: minimalPdf('Rapport om kvalitet', [`Rapporten anbefaler ${I_VEDLEGGET} for alle kommuner.`]),
    [`${M1}/14-lukket.md`]: sak(
      'tittel: Tilsetting i sekretariatet\ntype: beslutning\nminutter: 20\nunntatt_offentlighet: offl. § 13 jf. fvl. § 13\noffentlig_tittel: Personalsak',
      `## Bakgrunn\n\nOm ${UNNTATT}, jf. sak 02.25.\n\n## Forslag til vedtak\n\n${UNNTATT} videreføres.\n`,
    ),
    [`${M1}/referat.md`]: `---\ntil_stede: [kari, ola]\nforfall: [per]\nreferent: Marte\nstatus: godkjent\n---\n\n## Sak 01.25\n\n## Sak 02.25\n\n### Vedtak\n\nUtvalget vedtok Elvebreddplanen.\n\n## Sak 03.25\n\n### Vedtak\n\n${UNNTATT} avsluttes.\n\n## Eventuelt\n`,
    [`${M2}/mote.yaml`]: 'utvalg: ssu\ndato: 2025-09-18\nstart: "09:00"\nslutt: "12:00"\nsted: Valdres\nsprak: nn\n',
    [`${M2}/10-tenester.md`]: sak(
      'tittel: Tenesteutvikling i fjellbygdene\ntype: tema\nminutter: 30',
      `## Bakgrunn\n\nSaka gjeld ${NYNORSK}.\n`,
    ),
    [`${M2}/11-oppfolging.md`]: sak(
      'tittel: Oppfølging av kvalitetsarbeidet\ntype: beslutning\nminutter: 10',
      '## Bakgrunn\n\nSjå sakene frå mai.\n\n## Forslag til vedtak\n\nUtvalet følgjer opp sak 02.25 og sak 03.25, men ikkje sak 40.25.\n',
    ),
  });
  ut = utmappe();
  const result = await publishMoter([prosjekt], { out: ut });
  expect(result.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
  nettsted = result.nettsted!;
  forste = innholdUnder(nettsted);
  ({ server, adresse } = await serveSite(nettsted));
  browser = await startBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/**
 * Pagefind's own search (its JS API from the site's bundle, both languages merged), run in the
 * page: the URLs of the hits. A string, so that vitest leaves its import() alone.
 */
async function sok(page: Page, ord: string): Promise<string[]> {
  return page.evaluate(`(async () => {
    const pagefind = await import(location.origin + '/pagefind/pagefind.js');
    if (!window.sammenslatt) {
      await pagefind.options({ baseUrl: '/' });
      await pagefind.mergeIndex('/pagefind-nn/', { language: 'nn', baseUrl: '/' });
      window.sammenslatt = true;
    }
    const svar = await pagefind.search(${JSON.stringify(ord)});
    return Promise.all(svar.results.map(async (r) => (await r.data()).url));
  })()`) as Promise<string[]>;
}

describe('the search page', () => {
  it('a reader types a word that is only in a case paper’s attachment and reaches that PDF', async () => {
    const page = await browser.newPage();
    await page.goto(`${adresse}/sok.html`);
    expect(await page.$eval('html', (h) => h.lang)).toBe('nb');
    await page.waitForSelector('.pagefind-ui__search-input');
    await page.type('.pagefind-ui__search-input', I_VEDLEGGET);
    const lenke = await page.waitForSelector('a.pagefind-ui__result-link');
    const href = await lenke!.evaluate((a) => a.getAttribute('href'));
    expect(href).toBe(`/${M1}/vedlegg/sak-02-25.pdf`);
    expect(await lenke!.evaluate((a) => a.textContent)).toBe('Sak 02.25 Kvalitetsarbeid i kommunene – Saksfremlegg');
    const [svar] = await Promise.all([page.waitForResponse((r) => r.url().endsWith(`/${M1}/vedlegg/sak-02-25.pdf`)), lenke!.click()]);
    expect(svar.status()).toBe(200);
    expect(svar.headers()['content-type']).toBe('application/pdf');
    await page.close();
  }, 60_000);

  it('finds nothing of an exempt sak, and finds the Nynorsk meeting from the Bokmål search page', async () => {
    const page = await browser.newPage();
    await page.goto(`${adresse}/sok.html`);
    expect(await sok(page, UNNTATT)).toEqual([]);
    // The same search finds what is public, so the empty answer above is the index's, not a broken search.
    expect(await sok(page, I_VEDLEGGET)).toEqual([`/${M1}/vedlegg/sak-02-25.pdf`]);
    expect(await sok(page, 'Skogsmodellen')).toEqual(expect.arrayContaining([`/${M1}/sak-02-25.html`]));
    // The Nynorsk sak's text is in its case paper only (its page shows the proposal, and a tema sak has none).
    expect(await sok(page, NYNORSK)).toEqual([`/${M2}/vedlegg/sak-07-25.pdf`]);
    await page.close();
  }, 60_000);

  it('the search box on every page leads to the search page with the word searched', async () => {
    const page = await browser.newPage();
    await page.goto(`${adresse}/${M2}/index.html`);
    await page.type('#sokefelt', NYNORSK);
    await Promise.all([page.waitForNavigation(), page.click('form.sok button')]);
    const lenker = await page.waitForSelector('a.pagefind-ui__result-link');
    expect(await lenker!.evaluate((a) => a.getAttribute('href'))).toMatch(new RegExp(`^/${M2}/`));
    await page.close();
  }, 60_000);

  it('only the search page has JavaScript', () => {
    const sider = [...forste.keys()].filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));
    expect(sider.filter((f) => /<script/i.test(forste.get(f)!.toString('utf8')))).toEqual(['sok.html']);
  });
});

describe('sak pages', () => {
  it('a sak page has its title, number, meeting, proposal, decision and documents', () => {
    expect(sakPageHref({ mappe: M1 }, { nummer: { lopenummer: 2, ar: 25 } })).toBe(`${M1}/sak-02-25.html`);
    const side = les(`${M1}/sak-02-25.html`);
    expect(side).toContain('<h1 class="ds-heading" data-size="lg">Sak 02.25 Kvalitetsarbeid i kommunene</h1>');
    expect(side).toContain('<a class="ds-link" href="index.html">Møte i Strategisk samarbeidsutvalg 22. mai 2025</a>');
    expect(side).toMatch(/<h2[^>]*>Forslag til vedtak<\/h2>\s*<div class="forslag"><p>Utvalget slutter seg til Skogsmodellen.<\/p>/);
    expect(side).toMatch(/<h2[^>]*>Vedtak<\/h2>\s*<section class="vedtak"><p>Utvalget vedtok Elvebreddplanen.<\/p>/);
    expect(side).toContain('<a class="ds-link" href="vedlegg/sak-02-25.pdf">Saksfremlegg (PDF, 2 sider)</a>');
    expect(side).toContain('<li>Rapport om kvalitet</li>');
    // Named by a later sak (in another meeting); the exempt sak 03.25 that names it too is not told.
    expect(side).toMatch(
      new RegExp(
        `<h2[^>]*>Saken er nevnt i</h2>\\s*<ul class="ds-list nevnt-i">\\s*<li><a class="ds-link" href="../${M2}/sak-06-25.html">Sak 06.25 Oppfølging av kvalitetsarbeidet \\(Møte i Strategisk samarbeidsutvalg 18. september 2025\\)</a></li>\\s*</ul>`,
      ),
    );
    // The meeting page links the sak's page.
    expect(les(`${M1}/index.html`)).toContain('<a class="ds-link" href="sak-02-25.html">Kvalitetsarbeid i kommunene</a>');
  });

  it('a reference to an earlier sak in a proposal links to that sak’s page; one to a sak with no page stays text', () => {
    // A sak number is kept on one line with its word (a no-break space), on the site as in the PDFs.
    expect(les(`${M2}/sak-06-25.html`)).toContain(
      // A sak number is kept on one line (render/typografi.ts), linked or not.
      `Utvalet følgjer opp <a href="../${M1}/sak-02-25.html">sak\u00a002.25</a> og <a href="../${M1}/sak-03-25.html">sak\u00a003.25</a>, men ikkje sak\u00a040.25.`,
    );
    expect(les(`${M1}/sak-03-25.html`)).not.toContain('nevnt-i');
  });

  it('before there is a referat, the page says so (in the meeting’s language)', () => {
    expect(les(`${M2}/sak-06-25.html`)).toMatch(/<h2[^>]*>Vedtak<\/h2>\s*<p class="ds-paragraph">Referatet er ikkje skrive enno.<\/p>/);
  });

  it('an exempt sak’s page has its public title and the exemption, nothing else', () => {
    const side = les(`${M1}/sak-03-25.html`);
    const main = side.slice(side.indexOf('<main'), side.indexOf('</main>'));
    expect(main).toContain('<h1 class="ds-heading" data-size="lg">Sak 03.25 Personalsak</h1>');
    expect(main).toContain('Saken er unntatt offentlighet (offl. § 13 jf. fvl. § 13). Saksdokumentene og vedtaket publiseres ikke.');
    expect(main.match(/<(h2|a|dl|section)\b/g)).toBeNull();
    for (const [fil, bytes] of forste)
      if (/\.(html|xml|ics)$/.test(fil)) expect(bytes.toString('utf8'), fil).not.toMatch(/Myrhaug|Tilsetting/);
  });
});

describe('committee and year pages', () => {
  it('the year page lists the meetings with their saker; meeting pages keep their URLs', () => {
    const ar = les('utvalg/ssu/2025/index.html');
    expect(ar).toContain('<h1 class="ds-heading" data-size="lg">Strategisk samarbeidsutvalg 2025</h1>');
    expect(ar).toContain(`<a class="ds-link" href="../../../${M1}/sak-02-25.html">Sak 02.25 Kvalitetsarbeid i kommunene</a>`);
    expect(ar).toContain('Sak 03.25 Personalsak <span class="unntatt">(offl. § 13 jf. fvl. § 13)</span>');
    expect(ar.indexOf(M2)).toBeLessThan(ar.indexOf(M1));
    expect(les('utvalg/ssu/index.html')).toContain('<a class="ds-link" href="2025/index.html">Møter i 2025</a>');
    expect(les('index.html')).toContain(`<a class="ds-link" href="${M1}/index.html">Møte torsdag 22. mai 2025</a>`);
  });

  it('every page links the feed and the calendar in <head>', () => {
    expect(les(`${M1}/index.html`)).toContain(
      '<link rel="alternate" type="application/atom+xml" href="../utvalg/ssu/feed.xml" title="Nye dokumenter fra Strategisk samarbeidsutvalg">',
    );
    expect(les(`${M1}/sak-02-25.html`)).toContain('<link rel="alternate" type="text/calendar" href="../utvalg/ssu/kalender.ics"');
    expect(les('index.html')).toContain('<link rel="alternate" type="application/atom+xml" href="feed.xml"');
  });
});

describe('feeds and calendars', () => {
  it('the Atom feed parses and has one entry per public document, with ids that stay', async () => {
    const page = await browser.newPage();
    await page.goto(`${adresse}/index.html`);
    type Entry = { id: string; updated: string; href: string; lang: string };
    // The browser's own XML parser, strict: a feed that is not well-formed XML gives undefined.
    const lesStrom = (xml: string) =>
      page.evaluate(`(() => {
        const doc = new DOMParser().parseFromString(${JSON.stringify(xml)}, 'application/xml');
        if (doc.querySelector('parsererror')) return undefined;
        const ns = 'http://www.w3.org/2005/Atom';
        return [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
          id: e.getElementsByTagNameNS(ns, 'id')[0].textContent,
          updated: e.getElementsByTagNameNS(ns, 'updated')[0].textContent,
          href: e.getElementsByTagNameNS(ns, 'link')[0].getAttribute('href'),
          lang: e.getAttribute('xml:lang'),
        }));
      })()`) as Promise<Entry[] | undefined>;
    const entries = (await lesStrom(les('feed.xml')))!;
    expect(entries).toBeDefined();
    const pdfer = [...forste.keys()].filter((f) => /^\d{4}-.*\.pdf$/.test(f)).sort();
    expect(entries.map((e) => e.href).sort()).toEqual(pdfer);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const e of entries) expect(e.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(entries.find((e) => e.href === `${M2}/innkalling.pdf`)?.lang).toBe('nn');
    const register = JSON.parse(readFileSync(join(ut, '.hurtigbuffer', 'nettsted-versjoner.json'), 'utf8'));
    for (const e of entries) expect(e.updated).toBe(`${register[e.href].publisert}T00:00:00Z`);
    // The committee's own feed: the same entries, the same ids, links relative to where it lies.
    const egne = (await lesStrom(les('utvalg/ssu/feed.xml')))!;
    expect(egne.map((e) => [e.id, e.href])).toEqual(entries.map((e) => [e.id, `../../${e.href}`]));
    // Another build from the same sources, in another folder, gives the entries the same ids
    // (with the documents already printed: the ids do not come from the printing).
    const annen = utmappe();
    medBufferFra(ut, annen);
    await publishMoter([prosjekt], { out: annen });
    const igjen = (await lesStrom(readFileSync(join(annen, 'nettsted', 'feed.xml'), 'utf8')))!;
    expect(igjen.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    await page.close();
  }, 180_000);

  it('the committee calendar has every meeting, with the UIDs of each meeting’s own file', () => {
    const kalender = new ICAL.Component(ICAL.parse(les('utvalg/ssu/kalender.ics')));
    const events = kalender.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toString().slice(0, 10))).toEqual(['2025-05-22', '2025-09-18']);
    for (const [mote, event] of [
      [M1, events[0]!],
      [M2, events[1]!],
    ] as const) {
      const egen = new ICAL.Event(new ICAL.Component(ICAL.parse(les(`${mote}/mote.ics`))).getFirstSubcomponent('vevent')!);
      expect(event.uid).toBe(egen.uid);
      expect(event.summary).toBe(egen.summary);
    }
  });
});

describe('the site in the meeting’s language', () => {
  it('a Nynorsk meeting’s pages have lang="nn" and Nynorsk phrases; its search records are Nynorsk', () => {
    const side = les(`${M2}/index.html`);
    expect(side).toContain('<html lang="nn">');
    expect(side).toContain('<h2 class="ds-heading" data-size="md">Sakliste</h2>');
    expect(side).toContain('<h2 class="ds-heading" data-size="md">Dokument</h2>');
    expect(side).toContain('<dt>Stad</dt> <dd>Valdres</dd>');
    expect(side).toContain('<a class="ds-skip-link" href="#innhold">Hopp til hovudinnhaldet</a>');
    expect(les(`${M2}/sak-06-25.html`)).toContain('<h2 class="ds-heading" data-size="md">Saka er nemnd i</h2>');
    expect(les(`${M1}/index.html`)).toContain('<html lang="nb">');
    const nn = JSON.parse(les('pagefind-nn/pagefind-entry.json'));
    const nb = JSON.parse(les('pagefind/pagefind-entry.json'));
    expect(Object.keys(nn.languages)).toEqual(['nn']);
    expect(Object.keys(nb.languages)).toEqual(['nb']);
  });
});

describe('the index does not churn', () => {
  it('publishing again from the same sources changes no file on the site', async () => {
    const result = await publishMoter([prosjekt], { out: ut });
    expect(result.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    const andre = innholdUnder(nettsted);
    expect([...andre.keys()].sort()).toEqual([...forste.keys()].sort());
    expect([...andre].filter(([fil, bytes]) => !bytes.equals(forste.get(fil)!)).map(([fil]) => fil)).toEqual([]);
  }, 120_000);

  it('a changed sak gives new index files, and the old ones are removed', async () => {
    writeFileSync(
      join(prosjekt, M2, '10-tenester.md'),
      sak('tittel: Tenesteutvikling i fjellbygdene\ntype: tema\nminutter: 30', '## Bakgrunn\n\nSaka gjeld Lisleheimløftet.\n'),
    );
    await publishMoter([prosjekt], { out: ut });
    const fragmenter = readdirSync(join(nettsted, 'pagefind-nn', 'fragment'));
    const { languages } = JSON.parse(les('pagefind-nn/pagefind-entry.json'));
    expect(fragmenter).toHaveLength(languages.nn.page_count);
    const for_ = [...forste.keys()].filter((f) => f.startsWith('pagefind-nn/fragment/'));
    expect(for_.filter((f) => existsSync(join(nettsted, f)))).not.toEqual(for_);
    // Nothing but the site's own files is removed: the meeting of the other language keeps all of its index.
    expect([...forste.keys()].filter((f) => f.startsWith('pagefind/fragment/') && !existsSync(join(nettsted, f)))).toEqual([]);
  }, 120_000);
});
