import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArsplan } from '../../src/build/arsplan.js';
import { buildMoter } from '../../src/build/build.js';
import { publishMoter } from '../../src/build/publish.js';
import { sendMote } from '../../src/build/send.js';
import { filerUnder, innholdUnder, lesbarTekst } from '../helpers/filer.js';
import { minimalPdf } from '../helpers/pdf.js';
import { pdfInfo, pdfStruktur, pdfTekst } from '../helpers/pdftekst.js';
import { MOTE, makeProject, ORGANISASJON, sak, utmappe } from '../helpers/prosjekt.js';
import { medBufferFra } from '../helpers/tilstand.js';

const M = '2025-05-22-ssu';
/** A string that must never reach a public file; each place it is written gets its own suffix. */
const HEMMELIG = 'HEMMELIGX7Q';
/** Text of an open Eventuelt item, which both versions show. */
const APEN = 'APENZ3K';
const OFFENTLIG_TITTEL = 'Klagesak';
const OFFENTLIG_EVENTUELT = 'Orientering om en henvendelse';

let ut: string;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'motedok-offentlig-'));
  const skriv = (fil: string, innhold: string | Buffer) => {
    mkdirSync(join(root, fil, '..'), { recursive: true });
    writeFileSync(join(root, fil), innhold);
  };
  skriv('organisasjon.yaml', `${ORGANISASJON}offentlig:\n  skjul_andre: true\n`);
  skriv(`${M}/mote.yaml`, 'utvalg: ssu\ndato: 2025-05-22\nstart: "09:00"\nslutt: "12:00"\nsted: Hamar\n');
  skriv(
    `${M}/13-apen.md`,
    '---\ntittel: Åpen sak\ntype: beslutning\nminutter: 30\n---\n\n## Bakgrunn\n\nÅpen tekst.\n\n## Forslag til vedtak\n\nÅpent vedtak.\n',
  );
  skriv(
    `${M}/14-lukket.md`,
    `---
tittel: Personalsak
type: beslutning
minutter: 20
beskrivelse: Beskrivelse ${HEMMELIG}-beskrivelse
saksbehandler: Saksbehandler ${HEMMELIG}-saksbehandler
unntatt_offentlighet: offl. § 13 jf. fvl. § 13
vedlegg:
  - tittel: Vedlegg ${HEMMELIG}-vedleggstittel
    fil: vedlegg/${HEMMELIG}-filnavn.pdf
  - Tittel ${HEMMELIG}-tittelvedlegg
---

## Bakgrunn

Brødtekst ${HEMMELIG}-brodtekst.

## Forslag til vedtak

1. Forslag ${HEMMELIG}-forslag.
`,
  );
  skriv(`${M}/vedlegg/${HEMMELIG}-filnavn.pdf`, minimalPdf(`Vedlegg ${HEMMELIG}-pdf`, [`Innhold ${HEMMELIG}-pdfinnhold`]));
  // An exempt sak whose title is itself confidential: the public versions use its public title.
  // Its file name has the marker too: no public file may be named after it.
  skriv(
    `${M}/15-${HEMMELIG}-filnavnsak.md`,
    `---
tittel: Klage fra ${HEMMELIG}-sakstittel
type: tema
minutter: 10
beskrivelse: Om ${HEMMELIG}-tittelbeskrivelse
unntatt_offentlighet: offl. § 13 jf. fvl. § 13 første ledd nr. 1
offentlig_tittel: ${OFFENTLIG_TITTEL}
---

Brødtekst ${HEMMELIG}-tittelbrodtekst.
`,
  );
  // Eventuelt: one item open, with description, text and a PDF; one exempt, with all of it secret.
  skriv(
    `${M}/98-apen-eventuelt.md`,
    `---
tittel: Samhandlingskonferansen
type: eventuelt
minutter: 5
beskrivelse: Dato for ${APEN}-beskrivelse
vedlegg:
  - { tittel: Program, fil: vedlegg/program.pdf }
---

Tekst ${APEN}-tekst.
`,
  );
  skriv(`${M}/vedlegg/program.pdf`, minimalPdf('Program', [`Innhold ${APEN}-pdf`]));
  skriv(
    `${M}/99-${HEMMELIG}-eventuelt.md`,
    `---
tittel: Eventuelt ${HEMMELIG}-evtittel
type: eventuelt
minutter: 5
beskrivelse: Beskrivelse ${HEMMELIG}-evbeskrivelse
unntatt_offentlighet: offl. § 13 jf. fvl. § 13
offentlig_tittel: ${OFFENTLIG_EVENTUELT}
vedlegg:
  - tittel: Vedlegg ${HEMMELIG}-evvedleggstittel
    fil: vedlegg/${HEMMELIG}-evfil.pdf
---

Tekst ${HEMMELIG}-evtekst.

## Forslag til vedtak

Forslag ${HEMMELIG}-evforslag.
`,
  );
  skriv(`${M}/vedlegg/${HEMMELIG}-evfil.pdf`, minimalPdf(`Vedlegg ${HEMMELIG}-evpdf`, [`Innhold ${HEMMELIG}-evpdfinnhold`]));
  skriv(
    `${M}/referat.md`,
    `---
til_stede: [kari, ola, per]
andre:
  - Privatperson ${HEMMELIG}-andre
referent: Marte
status: utkast
---

## Sak 01.25 Godkjenning

## Sak 02.25 Åpen sak

Åpne notater.

## Sak 03.25 Personalsak

Notater ${HEMMELIG}-notater.

### Vedtak

Vedtak ${HEMMELIG}-vedtak.

### Habilitet

- per: Grunn ${HEMMELIG}-habilitet

### Votering

2 for, 0 mot

Tekst ${HEMMELIG}-votering.

### Protokolltilførsel

Protokoll ${HEMMELIG}-protokoll.

## Sak 04.25

Notater ${HEMMELIG}-tittelnotater.

## Eventuelt

Notater ${HEMMELIG}-evnotater.
`,
  );
  ut = utmappe();
  const result = await publishMoter([join(root, M)], { out: ut, html: true });
  expect(result.diagnostics.filter((d) => d.severity === 'feil').map((d) => d.message)).toEqual([]);
}, 120_000);

describe('public versions', () => {
  it('every document has a public version with the same file name', () => {
    const intern = filerUnder(join(ut, M))
      .filter((f) => !f.includes('/offentlig/'))
      .map((f) => f.slice(join(ut, M).length));
    const offentlig = filerUnder(join(ut, M, 'offentlig')).map((f) => f.slice(join(ut, M, 'offentlig').length));
    expect(offentlig.sort()).toEqual(intern.sort());
    expect(offentlig).toContain('/vedlegg/sak-03-25.pdf');
    expect(offentlig).toContain('/vedlegg/sak-04-25.pdf');
  });

  it('no public file contains anything of the exempt sak: not in PDF text, HTML or file names', () => {
    const filer = filerUnder(join(ut, M, 'offentlig'));
    expect(filer.length).toBeGreaterThan(10);
    for (const fil of filer) {
      expect(fil).not.toContain(HEMMELIG);
      const innhold = fil.endsWith('.pdf') ? pdfTekst(fil) : readFileSync(fil, 'utf8');
      expect(innhold, fil).not.toContain(HEMMELIG);
      if (fil.endsWith('.pdf')) expect(readFileSync(fil).toString('latin1'), fil).not.toContain(HEMMELIG);
    }
  });

  it("nor in any public PDF's bookmarks, title or subject", async () => {
    for (const fil of filerUnder(join(ut, M, 'offentlig')).filter((f) => f.endsWith('.pdf'))) {
      const { bokmerker } = await pdfStruktur(fil);
      expect(bokmerker.join('\n'), fil).not.toContain(HEMMELIG);
      const info = pdfInfo(fil);
      expect(`${info.Title} ${info.Subject} ${info.Author}`, fil).not.toContain(HEMMELIG);
    }
    // The members' case paper has the marker in its bookmarks, so the check above can fail.
    expect((await pdfStruktur(join(ut, M, 'vedlegg', 'sak-03-25.pdf'))).bokmerker.join('\n')).toContain(`${HEMMELIG}-vedleggstittel`);
  });

  it("the members' version has all of it, so the test above could fail", () => {
    const tekst = ['innkalling.pdf', 'vedlegg/sak-03-25.pdf', 'vedlegg/sak-04-25.pdf', 'referat.pdf', 'mote.ics']
      .map((f) => (f.endsWith('.pdf') ? pdfTekst(join(ut, M, f)) : readFileSync(join(ut, M, f), 'utf8')))
      .join('\n');
    for (const sted of [
      'sakstittel',
      'tittelbeskrivelse',
      'tittelbrodtekst',
      'tittelnotater',
      'evtittel',
      'evbeskrivelse',
      'evtekst',
      'evforslag',
      'evvedleggstittel',
      'evpdfinnhold',
      'evnotater',
      'beskrivelse',
      'forslag',
      'brodtekst',
      'vedleggstittel',
      'pdfinnhold',
      'notater',
      'vedtak',
      'andre',
      'habilitet',
      'votering',
      'protokoll',
    ]) {
      expect(tekst.replace(/\s+/g, ''), sted).toContain(`${HEMMELIG}-${sted}`);
    }
  });

  it('the published website contains nothing of it either, in any file: pages, feeds, calendars and the search index', () => {
    const filer = filerUnder(join(ut, 'nettsted'));
    const rel = filer.map((f) => relative(join(ut, 'nettsted'), f));
    for (const skal of [`${M}/index.html`, 'feed.xml', 'utvalg/ssu/feed.xml', 'utvalg/ssu/kalender.ics', 'pagefind/pagefind-entry.json'])
      expect(rel, skal).toContain(skal);
    const sok: string[] = [];
    for (const fil of filer) {
      expect(fil).not.toContain(HEMMELIG);
      // The search index is compressed and lower-cased: it is unpacked and compared without case.
      const innhold = fil.endsWith('.pdf') ? pdfTekst(fil) : lesbarTekst(fil);
      expect(innhold.toLowerCase(), fil).not.toContain(HEMMELIG.toLowerCase());
      if (/\/pagefind\/(fragment|index)\//.test(fil)) sok.push(innhold);
    }
    // The search index holds the public text of the pages and PDFs, so the loop above could fail.
    expect(sok.join('\n')).toContain('Åpne notater.');
    expect(sok.join('\n').toLowerCase()).toContain('klagesak');
    expect(readFileSync(join(ut, 'nettsted', M, 'index.html'), 'utf8')).toContain('Unntatt offentlighet, offl. § 13 jf. fvl. § 13');
  });

  it('the exempt sak keeps its number and title, and says why', () => {
    const innkalling = pdfTekst(join(ut, M, 'offentlig', 'innkalling.pdf'));
    expect(innkalling).toContain('Personalsak');
    expect(innkalling).toContain('Unntatt offentlighet, offl. § 13 jf. fvl. § 13');
    const referat = pdfTekst(join(ut, M, 'offentlig', 'referat.pdf'));
    expect(referat).toContain('Sak 03.25 Personalsak');
    expect(referat).toContain('Unntatt offentlighet, offl. § 13 jf. fvl. § 13');
    expect(referat).toContain('Åpne notater.');
  });
  it('an exempt sak with a public title is shown under it everywhere the public sees it', () => {
    const html = (f: string) => readFileSync(join(ut, M, 'offentlig', f), 'utf8');
    expect(html('saksliste.html')).toContain(
      `<div class="tittel">${OFFENTLIG_TITTEL} <span class="merke">Unntatt offentlighet</span></div>`,
    );
    expect(html('innkalling.html')).toContain(`<h4 class="sakstittel">Sak 04.25 ${OFFENTLIG_TITTEL}</h4>`);
    expect(html('vedlegg/sak-04-25.html')).toContain(`<title>Vedlegg til sak 04.25: ${OFFENTLIG_TITTEL}</title>`);
    expect(pdfInfo(join(ut, M, 'offentlig', 'vedlegg', 'sak-04-25.pdf')).Title).toBe(`Vedlegg til sak 04.25: ${OFFENTLIG_TITTEL}`);
    expect(pdfTekst(join(ut, M, 'offentlig', 'referat.pdf'))).toContain(`Sak 04.25 ${OFFENTLIG_TITTEL}`);
    expect(readFileSync(join(ut, M, 'offentlig', 'mote.ics'), 'utf8')).toContain(`Sak 04.25  09.52–10.02  ${OFFENTLIG_TITTEL}`);
    const side = readFileSync(join(ut, 'nettsted', M, 'index.html'), 'utf8');
    expect(side).toContain(
      `<td>${OFFENTLIG_TITTEL}<br><span class="unntatt">Unntatt offentlighet, offl. § 13 jf. fvl. § 13 første ledd nr. 1</span>`,
    );
    // The members' documents keep the real title.
    expect(readFileSync(join(ut, M, 'innkalling.html'), 'utf8')).toContain(
      `<h4 class="sakstittel">Sak 04.25 Klage fra ${HEMMELIG}-sakstittel</h4>`,
    );
  });

  it('Eventuelt items show their description, text and PDF; an exempt one is marked and withheld like every exempt sak', () => {
    const intern = readFileSync(join(ut, M, 'innkalling.html'), 'utf8');
    const offentlig = readFileSync(join(ut, M, 'offentlig', 'innkalling.html'), 'utf8');
    for (const html of [intern, offentlig]) {
      expect(html).toContain(
        `<div class="tittel">Samhandlingskonferansen</div><div class="beskrivelse"><p>Dato for ${APEN}-beskrivelse</p></div>`,
      );
      expect(html).toContain(`<h3>Eventuelt</h3>`);
      expect(html).toContain(`<h4 class="sakstittel">Samhandlingskonferansen</h4>`);
      expect(html).toContain(`<div class="saksfremlegg"><p>Tekst ${APEN}-tekst.</p></div>`);
      expect(html).toContain('<li><span class="nr">Eventuelt</span>Program</li>');
    }
    for (const fil of [
      join(ut, M, 'innkalling.pdf'),
      join(ut, M, 'offentlig', 'innkalling.pdf'),
      join(ut, M, 'offentlig', 'saksdokumenter.pdf'),
    ]) {
      expect(pdfTekst(fil), fil).toContain(`Innhold ${APEN}-pdf`);
    }
    // The exempt item: its public title, the mark on the agenda, and its legal basis, exactly as for a numbered sak.
    expect(offentlig).toContain(`<div class="tittel">${OFFENTLIG_EVENTUELT} <span class="merke">Unntatt offentlighet</span></div></td>`);
    expect(offentlig).toContain(
      `<h4 class="sakstittel">${OFFENTLIG_EVENTUELT}</h4>\n  <p class="unntatt">Unntatt offentlighet, offl. § 13 jf. fvl. § 13</p>\n`,
    );
    expect(readFileSync(join(ut, M, 'offentlig', 'saksliste.html'), 'utf8')).toContain(
      `<div class="tittel">${OFFENTLIG_EVENTUELT} <span class="merke">Unntatt offentlighet</span></div></td>`,
    );
    const referat = readFileSync(join(ut, M, 'offentlig', 'referat.html'), 'utf8');
    expect(referat).toContain(`<h3>Samhandlingskonferansen</h3>`);
    expect(referat).toContain(`<h3>${OFFENTLIG_EVENTUELT}</h3>\n  <p class="unntatt">Unntatt offentlighet, offl. § 13 jf. fvl. § 13</p>`);
    expect(readFileSync(join(ut, 'nettsted', M, 'index.html'), 'utf8')).toContain(
      `<td>Eventuelt</td>\n      <td>${OFFENTLIG_EVENTUELT}<br><span class="unntatt">Unntatt offentlighet, offl. § 13 jf. fvl. § 13</span></td>`,
    );
    // The members get all of it.
    expect(intern).toContain(`<div class="saksfremlegg"><p>Tekst ${HEMMELIG}-evtekst.</p></div>`);
    expect(pdfTekst(join(ut, M, 'innkalling.pdf'))).toContain(`Innhold ${HEMMELIG}-evpdfinnhold`);
  });

  it('the årsplan, which is public, names an exempt sak by its public title', async () => {
    const arsplan = utmappe();
    const result = await buildArsplan(2025, { cwd: root, out: arsplan });
    expect(result.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    for (const fil of filerUnder(arsplan)) {
      const innhold = fil.endsWith('.pdf') ? pdfTekst(fil) : readFileSync(fil, 'utf8');
      expect(innhold, fil).not.toContain(HEMMELIG);
      if (fil.endsWith('.pdf')) expect(innhold).toContain(OFFENTLIG_TITTEL);
    }
  }, 60_000);

  // Runs last: it changes the project the tests above read.
  it('a sak made exempt after an earlier build leaves no old public file behind (HTML included)', async () => {
    const apen = join(root, M, '13-apen.md');
    writeFileSync(apen, readFileSync(apen, 'utf8').replace('Åpen tekst.', `Åpen tekst ${HEMMELIG}-senere.`));
    await publishMoter([join(root, M)], { out: ut, html: true });
    expect(readFileSync(join(ut, M, 'offentlig', 'vedlegg', 'sak-02-25.html'), 'utf8')).toContain(`${HEMMELIG}-senere`);
    writeFileSync(apen, readFileSync(apen, 'utf8').replace('minutter: 30', 'minutter: 30\nunntatt_offentlighet: offl. § 23'));
    const result = await publishMoter([join(root, M)], { out: ut });
    expect(result.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    for (const fil of [...filerUnder(join(ut, M, 'offentlig')), ...filerUnder(join(ut, 'nettsted'))]) {
      const innhold = fil.endsWith('.pdf') ? pdfTekst(fil) : readFileSync(fil, 'utf8');
      expect(innhold, fil).not.toContain(`${HEMMELIG}-senere`);
    }
    expect(existsSync(join(ut, M, 'offentlig', 'innkalling.html'))).toBe(false);
  }, 120_000);
});

/**
 * Issue 15: a sak made exempt after its meeting was published, then `publish` of the next meeting
 * only. The site must not keep the old public files: every meeting on the site is published
 * again from its sources, or, when one has errors, nothing is published and the message says which.
 */
describe('publishing one meeting leaves nothing on the site that the sources would not make', () => {
  const M1 = '2025-05-22-ssu';
  const M2 = '2025-09-18-ssu';
  const SENERE = 'SENEREV9P';
  let prosjekt: string;
  let utSted: string;
  const skriv = (fil: string, innhold: string) => {
    mkdirSync(join(prosjekt, fil, '..'), { recursive: true });
    writeFileSync(join(prosjekt, fil), innhold);
  };
  const apenSak = (ekstra = '') =>
    `---\ntittel: Ansettelse av ${SENERE}-tittel\ntype: beslutning\nminutter: 30\nbeskrivelse: Om ${SENERE}-beskrivelse\n${ekstra}---\n\nBrødtekst ${SENERE}-brodtekst.\n\n## Forslag til vedtak\n\nForslag ${SENERE}-forslag.\n`;
  /** Every file on the site with its bytes, by path relative to the site. */
  const nettstedet = (ut: string) => innholdUnder(join(ut, 'nettsted'));
  const sporAv = (ut: string) =>
    [...filerUnder(join(ut, 'nettsted')), ...filerUnder(join(ut, M1, 'offentlig')), join(ut, 'offentlig', 'ssu-2025-vedtak.pdf')]
      .filter((fil) => fil.includes(SENERE) || (fil.endsWith('.pdf') ? pdfTekst(fil) : readFileSync(fil, 'utf8')).includes(SENERE))
      .map((fil) => relative(ut, fil));

  beforeAll(async () => {
    prosjekt = mkdtempSync(join(tmpdir(), 'motedok-publiser-'));
    skriv('organisasjon.yaml', ORGANISASJON);
    skriv(`${M1}/mote.yaml`, 'utvalg: ssu\ndato: 2025-05-22\nstart: "09:00"\nslutt: "12:00"\nsted: Hamar\n');
    skriv(`${M1}/13-ansettelse.md`, apenSak());
    skriv(
      `${M1}/referat.md`,
      `---\ntil_stede: [kari, ola]\nreferent: Marte\nstatus: godkjent\n---\n\n## Sak 01.25\n\n## Sak 02.25\n\nNotater ${SENERE}-notater.\n\n### Vedtak\n\nVedtak ${SENERE}-vedtak.\n\n## Eventuelt\n`,
    );
    skriv(`${M2}/mote.yaml`, 'utvalg: ssu\ndato: 2025-09-18\nstart: "09:00"\nslutt: "12:00"\nsted: Gjøvik\n');
    skriv(`${M2}/10-neste.md`, '---\ntittel: Neste sak\ntype: tema\nminutter: 30\n---\n\nTekst.\n');
    utSted = utmappe();
    const forste = await publishMoter([join(prosjekt, M1)], { out: utSted });
    expect(forste.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    // The sak is public: its text, proposal, notes and decision are on the site (the check below can fail).
    expect(sporAv(utSted)).toEqual(
      expect.arrayContaining([`nettsted/${M1}/index.html`, `nettsted/${M1}/vedlegg/sak-02-25.pdf`, 'nettsted/ssu-2025-vedtak.pdf']),
    );
  }, 120_000);

  it('the sak is made exempt, then only the next meeting is published: the earlier meeting is published again', async () => {
    skriv(`${M1}/13-ansettelse.md`, apenSak('unntatt_offentlighet: offl. § 13 jf. fvl. § 13\noffentlig_tittel: Personalsak\n'));
    const result = await publishMoter([join(prosjekt, M2)], { out: utSted });
    expect(result.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    expect(result.ogsaPublisert).toEqual([M1]);
    expect(sporAv(utSted)).toEqual([]);
    const side = readFileSync(join(utSted, 'nettsted', M1, 'index.html'), 'utf8');
    expect(side).toContain('<td>Personalsak<br><span class="unntatt">Unntatt offentlighet, offl. § 13 jf. fvl. § 13</span>');
    expect(existsSync(join(utSted, 'nettsted', M2, 'index.html'))).toBe(true);
  }, 120_000);

  it('the site is then exactly what a publish of every meeting from the sources makes, file for file', async () => {
    // From the sources, with the documents this file already printed from them: the site is what is compared.
    const fersk = utmappe();
    medBufferFra(utSted, fersk);
    const result = await publishMoter([prosjekt], { out: fersk });
    expect(result.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    const na = nettstedet(utSted);
    const ny = nettstedet(fersk);
    expect([...na.keys()].sort()).toEqual([...ny.keys()].sort());
    for (const [fil, bytes] of ny) expect(na.get(fil)!.equals(bytes), fil).toBe(true);
  }, 120_000);

  it('a meeting on the site with errors stops the publish of another, says which, and leaves the site as it was', async () => {
    const for_ = nettstedet(utSted);
    skriv(`${M1}/13-ansettelse.md`, apenSak('unntatt_offentlighet: ja\n'));
    const result = await publishMoter([join(prosjekt, M2)], { out: utSted });
    expect(result.diagnostics.filter((d) => d.severity === 'feil').map((d) => `${relative(prosjekt, d.file)}: ${d.message}`)).toEqual([
      expect.stringMatching(new RegExp(`^${M1}/13-ansettelse\\.md: «unntatt_offentlighet»: «ja» er ikke en hjemmel`)),
      // The sak could not be read, so the referat's section for it has no sak.
      `${M1}/referat.md: sak 02.25 står ikke på sakslisten til møtet ${M1}; sakene er 01.25.`,
      `${M1}/mote.yaml: møtet ${M1} ligger på nettstedet og publiseres på nytt hver gang et annet møte publiseres, så det som ligger ute følger kildene; det har feil (over), og da publiseres ingenting. Rett feilene, og publiser igjen.`,
    ]);
    const etter = nettstedet(utSted);
    expect([...etter.keys()]).toEqual([...for_.keys()]);
    for (const [fil, bytes] of for_) expect(etter.get(fil)!.equals(bytes), fil).toBe(true);
  }, 120_000);

  it('a meeting deleted from cases/ is taken off the site by the next publish', async () => {
    rmSync(join(prosjekt, M1), { recursive: true });
    const result = await publishMoter([join(prosjekt, M2)], { out: utSted });
    expect(result.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    expect(existsSync(join(utSted, 'nettsted', M1))).toBe(false);
    expect(readFileSync(join(utSted, 'nettsted', 'index.html'), 'utf8')).not.toContain(M1);
    expect(readFileSync(join(utSted, '.hurtigbuffer', 'nettsted.json'), 'utf8')).not.toContain(M1);
    expect(existsSync(join(utSted, 'nettsted', M2, 'index.html'))).toBe(true);
  }, 120_000);
});

describe('a sent exempt sak, withdrawn after its file was removed, is still published under its public title', () => {
  it('the journal keeps the public title, and no public file has the real one', async () => {
    const prosjekt = makeProject({
      [`${M}/13-a.md`]: sak(
        `tittel: Klage fra ${HEMMELIG}-sendt\ntype: tema\nminutter: 20\nunntatt_offentlighet: offl. § 13 jf. fvl. § 13\noffentlig_tittel: ${OFFENTLIG_TITTEL}`,
        'Tekst.\n',
      ),
    });
    const ut = utmappe();
    const sendt = await sendMote(join(prosjekt, M), { cwd: prosjekt, out: ut, dato: '2025-05-08' });
    expect(sendt.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    rmSync(join(prosjekt, M, '13-a.md'));
    writeFileSync(join(prosjekt, M, 'mote.yaml'), `${MOTE}trukket:\n  - { sak: "02.25", grunn: Trukket av sekretariatet }\n`);
    const result = await buildMoter([join(prosjekt, M)], { cwd: prosjekt, out: ut });
    expect(result.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    const offentlige = filerUnder(join(ut, M, 'offentlig'));
    for (const fil of offentlige) {
      expect(fil).not.toContain(HEMMELIG);
      const innhold = fil.endsWith('.pdf') ? pdfTekst(fil) : readFileSync(fil, 'utf8');
      expect(innhold, fil).not.toContain(HEMMELIG);
    }
    expect(pdfTekst(join(ut, M, 'offentlig', 'innkalling.pdf'))).toContain(OFFENTLIG_TITTEL);
    expect(pdfTekst(join(ut, M, 'innkalling.pdf'))).toContain(`${HEMMELIG}-sendt`);
  }, 120_000);
});
