import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishMoter } from '../src/build/publish.js';
import { filerUnder } from './helpers/filer.js';
import { minimalPdf } from './helpers/pdf.js';
import { pdfInfo, pdfStruktur, pdfTekst } from './helpers/pdftekst.js';
import { ORGANISASJON, utmappe } from './helpers/prosjekt.js';

const M = '2025-05-22-ssu';
/** A string that must never reach a public file; each place it is written gets its own suffix. */
const HEMMELIG = 'HEMMELIGX7Q';

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

## Eventuelt
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
    const tekst = ['innkalling.pdf', 'vedlegg/sak-03-25.pdf', 'referat.pdf'].map((f) => pdfTekst(join(ut, M, f))).join('\n');
    for (const sted of [
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

  it('the published website contains nothing of it either, in any file', () => {
    const filer = filerUnder(join(ut, 'nettsted'));
    expect(filer.some((f) => f.endsWith(`${M}/index.html`))).toBe(true);
    for (const fil of filer) {
      expect(fil).not.toContain(HEMMELIG);
      const innhold = fil.endsWith('.pdf') ? pdfTekst(fil) : readFileSync(fil, 'utf8');
      expect(innhold, fil).not.toContain(HEMMELIG);
    }
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
