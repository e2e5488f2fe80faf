import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type PDFHexString, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMoter } from '../../src/build/build.js';
import { filerUnder } from '../helpers/filer.js';
import { minimalPdf } from '../helpers/pdf.js';
import { type Findings, headingLevels, lblTexts, pdfuaFindings } from '../helpers/pdfua.js';
import { check, EKSEMPEL, makeProject, sak, utmappe } from '../helpers/prosjekt.js';
import { medEksempelbuffer } from '../helpers/tilstand.js';

/**
 * Every PDF a build of the example writes, held to the machine-checkable PDF/UA-1 (Matterhorn)
 * checkpoints with the test suite's own reader (tests/helpers/pdfua.ts).
 */

let ut: string;
const resultater = new Map<string, Findings>();

beforeAll(async () => {
  ut = mkdtempSync(join(tmpdir(), 'motedok-pdfua-'));
  await medEksempelbuffer(ut);
  const bygget = await buildMoter([EKSEMPEL], { out: ut });
  expect(bygget.diagnostics).toEqual([]);
  const pdfer = filerUnder(ut).filter((f) => f.endsWith('.pdf') && !relative(ut, f).startsWith('.'));
  for (const fil of pdfer) resultater.set(relative(ut, fil), await pdfuaFindings(fil));
}, 180_000);

/** Findings per file, leaving out what `utenom` says is expected. */
function funn(utenom: (funn: string, r: Findings) => boolean = () => false): Record<string, string[]> {
  const ut: Record<string, string[]> = {};
  for (const [fil, r] of resultater) {
    const egne = r.findings.filter((f) => !utenom(f, r));
    if (egne.length > 0) ut[fil] = egne;
  }
  return ut;
}

describe('PDF/UA-1 checkpoints in every PDF of the example', () => {
  it('builds the 46 documents', () => {
    expect(resultater.size).toBe(46);
  });

  it('XMP metadata: dc:title, dc:language, dc:creator and dates as in the Info dictionary; DisplayDocTitle, Marked (06-001, 06-003, 07-001)', () => {
    expect(funn((f) => !/^(06-001|06-003|07-|01-001|11-|dc:|xmp:)/.test(f))).toEqual({});
  });

  it('every document claims PDF/UA (pdfuaid:part=1), and every page is in its structure tree (06-002)', () => {
    // The example's attachments are tagged; an untagged one is tested below.
    expect(funn((f) => !f.startsWith('06-002'))).toEqual({});
    expect([...resultater].filter(([, r]) => !r.fullyTagged).map(([fil]) => fil)).toEqual([]);
  });

  it('everything painted is tagged or an artifact: headers, footers, page numbers, rules, the UTKAST mark (01-003, 01-004, 01-005)', () => {
    expect(funn((f) => !f.startsWith('01-00'))).toEqual({});
  });

  it('every structure type is standard or mapped to one in the RoleMap (02-001, 02-004)', () => {
    expect(funn((f) => !f.startsWith('02-'))).toEqual({});
  });

  it('every list item is Lbl + LBody, and the parent tree still points every MCID at its element (09-005)', () => {
    expect(funn((f) => !f.startsWith('09-005') && !f.startsWith('parent tree'))).toEqual({});
    const lbody = [...resultater.values()].flatMap((r) => r.elems.filter((e) => e.role === 'LBody'));
    expect(lbody.length).toBeGreaterThan(500);
  });

  it('lettered decision items are read with their letter: the Lbl holds «a) », not «) »', () => {
    const etiketter = lblTexts(join(ut, '2025-05-22-ssu', 'innkalling.pdf'));
    expect(etiketter).toContain('a) ');
    expect(etiketter).toContain('d) ');
    expect(etiketter.filter((t) => t.trim() === ')')).toEqual([]);
  });

  it('the meeting info (date, time, place) is a table of row headers and values, not NonStruct', () => {
    const radtabell = (fil: string) =>
      resultater
        .get(fil)!
        .elems.filter((e) => e.role === 'Table')
        .some((t) => t.kids.length >= 2 && t.kids.every((tr) => tr.role === 'TR' && tr.kids.map((k) => k.role).join() === 'TH,TD'));
    const filer = ['innkalling.pdf', 'saksliste.pdf', 'referat.pdf', 'saksdokumenter.pdf', 'vedlegg/sak-14-25.pdf'];
    expect(filer.filter((f) => !radtabell(`2025-05-22-ssu/${f}`))).toEqual([]);
  });

  it("a tagged attachment's text is in the structure tree of its case paper and of the bundle", () => {
    const struktur = (fil: string) => spawnSync('pdfinfo', ['-struct-text', join(ut, fil)], { encoding: 'utf8' }).stdout;
    expect(struktur('2025-05-22-ssu/vedlegg/sak-17-25.pdf')).toContain('Satsningsområder for kommunesektoren.');
    expect(struktur('2025-05-22-ssu/saksdokumenter.pdf')).toContain('Satsningsområder for kommunesektoren.');
    expect(struktur('2025-09-18-ssu/offentlig/saksdokumenter.pdf')).toContain(
      'Modell for beregning av gevinst og fordeling mellom partnerne.',
    );
  });

  it('headings never skip a level, and every document starts with H1 (14-002, 14-003)', () => {
    expect(funn((f) => !f.startsWith('14-'))).toEqual({});
    for (const r of resultater.values()) expect(headingLevels(r.elems)[0]).toBe(1);
  });
});

describe('heading levels when the authors skip them', () => {
  it('every template and every Markdown text (saksfremlegg, forslag, beskrivelse, referat, eventuelt, vedtak) fits the outline', async () => {
    const prosjekt = makeProject({
      '2025-05-22-ssu/13-a.md': sak(
        'tittel: En sak\ntype: beslutning\nminutter: 30\nbeskrivelse: |\n  ### Om saken\n\n  - punkt',
        '### Bakgrunn\n\nTekst.\n\n##### Detaljer\n\nMer.\n\n## Forslag til vedtak\n\n#### Hovedpunkt\n\n1. Saken godkjennes.\n',
      ),
      '2025-05-22-ssu/referat.md': `---\ntil_stede: [kari, ola, per]\nreferent: Marte\nstatus: utkast\n---\n
## Sak 01.25 Godkjenning av innkalling og saksliste\n\n## Sak 02.25 En sak\n\nNotat.\n\n##### Dypt notat\n\nTekst.\n
### Vedtak\n\n#### Punkt\n\n1. Saken godkjennes med endring.\n\n## Eventuelt\n\n#### Innspill\n\nTekst.\n`,
    });
    const out = utmappe();
    expect((await buildMoter([join(prosjekt, '2025-05-22-ssu')], { out })).diagnostics).toEqual([]);
    const nivaer: Record<string, string> = {};
    for (const fil of filerUnder(out).filter((f) => f.endsWith('.pdf') && !relative(out, f).startsWith('.'))) {
      const { findings, elems } = await pdfuaFindings(fil);
      expect(
        findings.filter((f) => f.startsWith('14-')),
        fil,
      ).toEqual([]);
      nivaer[relative(out, fil)] = headingLevels(elems).join(' ');
    }
    // Sak 01.25 has no group heading: h3 under Saksgrunnlag; Sak 02.25 is h4 under «Beslutningssaker», its forslag's heading h5.
    expect(nivaer['2025-05-22-ssu/innkalling.pdf']).toBe('1 2 2 3 3 4 5');
    expect(nivaer['2025-05-22-ssu/vedlegg/sak-02-25.pdf']).toBe('1 2 3 2 3');
    expect(nivaer['2025-05-22-ssu/referat.pdf']).toBe('1 2 2 3 3 4 4 2 3');
    expect(nivaer['2025-05-22-ssu/saksliste.pdf']).toBe('1');
    expect(nivaer['ssu-2025-vedtak.pdf']).toBe('1 2 3');
  }, 120_000);
});

describe('an attachment that is not tagged', () => {
  it('check warns at the line that names it; its case paper says so in the tree and does not claim PDF/UA', async () => {
    const tagget = readFileSync(join(EKSEMPEL, '2025-05-22-ssu', 'vedlegg', 'Debatthefte KS 2025.pdf'));
    const prosjekt = makeProject({
      '2025-05-22-ssu/13-a.md': sak(
        'tittel: En sak\ntype: tema\nminutter: 30\nvedlegg:\n  - { tittel: Skannet brev, fil: vedlegg/skannet.pdf }\n  - { tittel: Hefte, fil: vedlegg/hefte.pdf }',
      ),
      '2025-05-22-ssu/vedlegg/skannet.pdf': minimalPdf('Skannet brev', ['Tekst uten tagger']),
      '2025-05-22-ssu/vedlegg/hefte.pdf': tagget,
    });
    const { lines } = await check(prosjekt);
    expect(lines).toEqual([
      '2025-05-22-ssu/13-a.md:6:34: advarsel: vedlegget «vedlegg/skannet.pdf» er ikke tagget for skjermlesere (ikke tilgjengelighetsmerket): en skjermleser finner ikke teksten, og dokumentene det settes inn i, oppfyller ikke PDF/UA. Lagre det på nytt som tagget PDF (i Word: Lagre som → PDF → Alternativer → «Dokumentstrukturkoder for tilgjengelighet»).',
    ]);
    const out = utmappe();
    await buildMoter([join(prosjekt, '2025-05-22-ssu')], { out });
    const fil = join(out, '2025-05-22-ssu', 'vedlegg', 'sak-02-25.pdf');
    const { findings, fullyTagged, elems } = await pdfuaFindings(fil);
    expect([findings, fullyTagged]).toEqual([
      ['06-002 no pdfuaid:part=1', '01-005 2 painting operators are neither tagged nor artifacts'],
      false,
    ]);
    const alt = elems.filter((e) => e.type === 'Sect').map((e) => e.dict.get(PDFName.of('Alt')));
    expect(alt.map((a) => (a as PDFHexString | undefined)?.decodeText())).toEqual([
      'Vedlegget «Skannet brev» er ikke tilgjengelig for skjermlesere: filen er ikke tagget.',
      undefined,
    ]);
    expect(spawnSync('pdfinfo', ['-struct-text', fil], { encoding: 'utf8' }).stdout).toContain('Satsningsområder for kommunesektoren.');
  }, 120_000);
});
