import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMoter } from '../../src/build/build.js';
import type { BuildResult } from '../../src/domain/documents.js';
import { innholdUnder } from '../helpers/filer.js';
import { forsteUtenforRekkefolge, pdfFonter, pdfInfo, pdfStruktur, pdfTekst } from '../helpers/pdftekst.js';
import { EKSEMPEL, utmappe } from '../helpers/prosjekt.js';
import { medBufferFra, medEksempelbuffer } from '../helpers/tilstand.js';

const cases = EKSEMPEL;
const M = '2025-05-22-ssu';

let ut: string;
let resultat: BuildResult;

beforeAll(async () => {
  ut = mkdtempSync(join(tmpdir(), 'motedok-bygg-'));
  // What this file reads is what a build writes; that printing gives the same bytes every time is
  // tested below by a build into an empty folder.
  await medEksempelbuffer(ut);
  resultat = await buildMoter([cases], { out: ut });
}, 120_000);

describe('motedok build of the example meetings', () => {
  it('writes innkalling, saksliste and a case paper per sak with content or attachments', () => {
    expect(resultat.diagnostics).toEqual([]);
    expect([...innholdUnder(join(ut, M)).keys()].filter((f) => !f.startsWith('offentlig/')).sort()).toEqual([
      'innkalling.pdf',
      'mote.ics',
      'referat.pdf',
      'saksdokumenter.pdf',
      'saksliste.pdf',
      'vedlegg/sak-13-25.pdf',
      'vedlegg/sak-14-25.pdf',
      'vedlegg/sak-17-25.pdf',
    ]);
    expect([...innholdUnder(join(ut, '2025-11-13-ssu')).keys()].sort()).toContain('vedlegg/sak-31-25.pdf');
  });

  it('the innkalling reads in order: header, saksliste with clock times and breaks, attachments, every forslag til vedtak', () => {
    // -layout keeps each table row on one line, in the order a reader sees the page.
    const tekst = pdfTekst(join(ut, M, 'innkalling.pdf'), '-layout');
    expect(
      forsteUtenforRekkefolge(tekst, [
        'Helsefellesskap Innlandet',
        'Innkalling til møte i Strategisk samarbeidsutvalg',
        'Dato',
        'Torsdag 22. mai 2025',
        'Tid',
        'kl. 09.00–14.00',
        'Sted',
        'Fylkeshuset Lillehammer, Kirkegata 76',
        'Saksliste',
        '11.25',
        'Godkjenning av innkalling og saksliste',
        '09.00–09.02',
        '2',
        '12.25',
        'Godkjenning av referat fra SSU-møtet 20.02.25',
        '09.02–09.05',
        '3',
        'Beslutningssaker',
        '13.25',
        'Strategisamling SSU 11.–12. mars 2025 – oppfølging',
        '09.05–10.05',
        '60',
        '14.25',
        'Videreføre gode pasientforløp og etablere faglig',
        '10.05–11.05',
        '60',
        'Pause og lunsj',
        '11.05–11.35',
        '30',
        'Temasaker',
        '15.25',
        'Beregning av gevinst og evt. fordeling',
        '11.35–12.05',
        '16.25',
        'Rekrutterings- og samhandlingsmidler 2025',
        '12.05–13.20',
        '17.25',
        'Strategiske prosesser hos partnerne',
        '13.20–13.50',
        'Referatsaker',
        '18.25',
        'Handlingsdelen 2024–2025 – status',
        '13.50–13.55',
        'Eventuelt',
        '13.55–14.00',
        'Vedlegg til innkallingen',
        'Sak 13.25',
        'Oppsummering fra strategisamling',
        'Saksgrunnlag',
        'Sak 11.25 Godkjenning av innkalling og saksliste',
        'Forslag til vedtak:',
        'Innkalling og saksliste godkjennes.',
        'Sak 12.25',
        'Referat fra Strategisk samarbeidsutvalg 20.02.25 godkjennes.',
        'Sak 13.25',
        'Forslag til vedtak:',
        '1.',
        'Strategisk samarbeidsutvalg gjennomfører egenevaluering',
        'Sak 14.25',
        'a)',
        'Mandat for programstyrene',
        'b)',
        'Mandat for Faglig samarbeidsutvalg',
        'd)',
        'Mandat for Strategisk samarbeidsutvalg',
        'Sak 15.25',
        'Sak 16.25',
        'Sak 17.25',
        'tar til etterretning',
        'Sak 18.25',
        'Strategisk samarbeidsutvalg tar referatsaken til orientering.',
      ]),
    ).toBeUndefined();
  });

  it('the saksliste alone is set tight enough to fit the 22 May agenda on one page', () => {
    expect(pdfInfo(join(ut, M, 'saksliste.pdf')).Pages).toBe('1');
  });

  it('every page says «Side X av Y»', () => {
    const info = pdfInfo(join(ut, M, 'innkalling.pdf'));
    const sider = Number(info.Pages);
    expect(sider).toBeGreaterThan(1);
    const tekst = pdfTekst(join(ut, M, 'innkalling.pdf'));
    for (let side = 1; side <= sider; side++) expect(tekst).toContain(`Side ${side} av ${sider}`);
  });

  it('PDFs are accessible: title, author, language nb, tagged, fonts embedded, bookmarks from headings', async () => {
    const fil = join(ut, M, 'innkalling.pdf');
    const info = pdfInfo(fil);
    expect(info).toMatchObject({
      Title: 'Innkalling til møte i Strategisk samarbeidsutvalg 22. mai 2025',
      Author: 'Helsefellesskap Innlandet',
      Tagged: 'yes',
    });
    const fonter = pdfFonter(fil);
    expect(fonter.length).toBeGreaterThan(0);
    expect(fonter.every((f) => f.innebygd && f.navn.includes('SourceSans3'))).toBe(true);
    const { bokmerker, lang } = await pdfStruktur(fil);
    expect(lang).toBe('nb-NO');
    expect(bokmerker).toEqual(
      expect.arrayContaining([
        'Innkalling til møte i Strategisk samarbeidsutvalg',
        '  Saksliste',
        '  Vedlegg til innkallingen',
        '  Saksgrunnlag',
      ]),
    );
    expect(bokmerker.some((b) => b.includes('Sak 14.25 Videreføre gode pasientforløp'))).toBe(true);
  });

  it("a case paper has its title, body, proposal, and the sak's external PDF inside, with a bookmark", async () => {
    const fil = join(ut, M, 'vedlegg', 'sak-13-25.pdf');
    const tekst = pdfTekst(fil);
    expect(
      forsteUtenforRekkefolge(tekst, [
        'Vedlegg til sak 13.25',
        'Strategisamling SSU 11.–12. mars 2025 – oppfølging',
        'Bakgrunn',
        'Vurdering',
        'Forslag til vedtak',
        'gjennomfører egenevaluering',
        'Oppsummering fra strategisamling 11.-12. mars 2025',
        'Kjernemappe for Strategisk samarbeidsutvalg.',
      ]),
    ).toBeUndefined();
    expect(pdfInfo(fil).Pages).toBe('2');
    const { bokmerker } = await pdfStruktur(fil);
    expect(bokmerker).toEqual([
      'Strategisamling SSU 11.–12. mars 2025 – oppfølging',
      '  Bakgrunn',
      '  Vurdering',
      '  Forslag til vedtak',
      '  Vedlegg',
      'Vedlegg: Oppsummering fra strategisamling 11.–12. mars 2025 («kjernemappe»)',
    ]);
  });

  it('budget tables keep their numbers right-aligned and in order', () => {
    const tekst = pdfTekst(join(ut, '2025-09-18-ssu', 'vedlegg', 'sak-22-25.pdf'), '-layout');
    const sum = tekst.split('\n').find((l) => l.trim().startsWith('Sum'))!;
    expect(sum.trim().split(/\s{2,}/)).toEqual(['Sum', '8 720 000', '13 745 000', '11 345 000']);
  });

  it("saksdokumenter: the contents' page numbers point at the pages where each document really starts", () => {
    const fil = join(ut, M, 'saksdokumenter.pdf');
    const innhold = pdfTekst(fil, '-f', '1', '-l', '1', '-layout')
      .split('\n')
      .map((l) => /^\s*(.+?)\s{2,}(\d+)\s*$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null && m[1] !== 'Dokument')
      .map((m) => [m[1]!.trim(), Number(m[2])] as const);
    expect(innhold).toEqual([
      ['Innkalling med saksliste og forslag til vedtak', 2],
      ['Sak 13.25 Strategisamling SSU 11.–12. mars 2025 – oppfølging', 6],
      ['Vedlegg: Oppsummering fra strategisamling 11.–12. mars 2025 («kjernemappe»)', 7],
      ['Sak 14.25 Videreføre gode pasientforløp og etablere faglig samarbeidsutvalg', 8],
      ['Vedlegg: Rapport prosjekt videreføre gode pasientforløp og utredning av fagutvalg', 9],
      ['Sak 17.25 Strategiske prosesser hos partnerne', 10],
      ['Vedlegg: Debatthefte KS 2025', 11],
    ]);
    const side = (n: number) => pdfTekst(fil, '-f', String(n), '-l', String(n));
    expect(side(2)).toContain('Innkalling til møte i Strategisk samarbeidsutvalg');
    expect(side(6)).toContain('Vedlegg til sak 13.25');
    expect(side(7)).toContain('Oppsummering fra strategisamling 11.-12. mars 2025');
    expect(side(8)).toContain('Vedlegg til sak 14.25');
    expect(side(9)).toContain('Rapport: Videreføre gode pasientforløp');
    expect(side(10)).toContain('Vedlegg til sak 17.25');
    expect(side(11)).toContain('Debatthefte KS 2025');
    expect(pdfInfo(fil)).toMatchObject({
      Pages: '11',
      Tagged: 'yes',
      Title: 'Saksdokumenter – møte i Strategisk samarbeidsutvalg 22. mai 2025',
    });
  });

  it("saksdokumenter keeps the tags of every part: a screen reader reads the case papers' text from the structure tree", () => {
    // A date or amount kept on one line is a text of its own (render/mellomrom.ts): the texts of one element are read as one.
    const struktur = spawnSync('pdfinfo', ['-struct-text', join(ut, M, 'saksdokumenter.pdf')], { encoding: 'utf8' }).stdout.replace(
      /"\n\s*"/g,
      '',
    );
    expect(struktur.split('\n').filter((l) => l.trim() === 'Part')).toHaveLength(4);
    expect(struktur).toContain('Strategisk samarbeidsutvalg (SSU) gjennomførte strategisamling 11. og 12. mars 2025');
    expect(struktur).toContain('Strategisk samarbeidsutvalg gjennomfører egenevaluering i forbindelse med hvert møte.');
  });

  it('saksdokumenter: one bookmark per document, its headings and attachments nested below, named as written', async () => {
    const { bokmerker, lang } = await pdfStruktur(join(ut, M, 'saksdokumenter.pdf'));
    expect(lang).toBe('nb-NO');
    expect(bokmerker.filter((b) => !b.startsWith('  '))).toEqual([
      'Saksdokumenter – møte i Strategisk samarbeidsutvalg',
      'Innkalling med saksliste og forslag til vedtak',
      'Sak 13.25 Strategisamling SSU 11.–12. mars 2025 – oppfølging',
      'Sak 14.25 Videreføre gode pasientforløp og etablere faglig samarbeidsutvalg',
      'Sak 17.25 Strategiske prosesser hos partnerne',
    ]);
    const sak13 = bokmerker.indexOf('Sak 13.25 Strategisamling SSU 11.–12. mars 2025 – oppfølging');
    expect(bokmerker.slice(sak13 + 1, sak13 + 6)).toEqual([
      '  Bakgrunn',
      '  Vurdering',
      '  Forslag til vedtak',
      '  Vedlegg',
      '  Vedlegg: Oppsummering fra strategisamling 11.–12. mars 2025 («kjernemappe»)',
    ]);
    expect(bokmerker).toContain('    Temasaker');
  });

  it('a table marked <!-- liggende --> is printed on a landscape page, with its heading', () => {
    const fil = join(ut, '2025-09-18-ssu', 'vedlegg', 'sak-22-25.pdf');
    const info = spawnSync('pdfinfo', ['-f', '1', '-l', '9', fil], { encoding: 'utf8' }).stdout;
    const storrelser = [...info.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)].map((m) =>
      Number(m[2]) > Number(m[3]) ? 'liggende' : 'stående',
    );
    expect(storrelser).toEqual(['stående', 'stående', 'liggende', 'stående']);
    const side3 = pdfTekst(fil, '-f', '3', '-l', '3', '-layout');
    expect(side3).toContain('Vedlegg 1: Rekrutterings- og samhandlingsmidler 2024–2025 per satsning');
    expect(side3).toMatch(/Sum\s+5 995 000\s+5 995 000\s+5 995 000\s+11 245 000/);
  });

  it('the same input gives byte-identical PDFs', async () => {
    const igjen = mkdtempSync(join(tmpdir(), 'motedok-bygg-'));
    await buildMoter([join(cases, M)], { out: igjen });
    const forste = innholdUnder(join(ut, M));
    const andre = innholdUnder(join(igjen, M));
    expect([...andre.keys()].sort()).toEqual([...forste.keys()].sort());
    for (const [fil, bytes] of forste) expect(andre.get(fil)?.equals(bytes), fil).toBe(true);
  }, 60_000);
});

describe('the referat', () => {
  it('an approved referat: attendance, every sak with its decision in agenda order, and when and where it was approved', () => {
    const tekst = pdfTekst(join(ut, M, 'referat.pdf'), '-layout');
    expect(
      forsteUtenforRekkefolge(tekst, [
        'Referat fra møte i Strategisk samarbeidsutvalg',
        'Torsdag 22. mai 2025',
        'kl. 09.00–14.00',
        'Godkjent 18. september 2025 i sak 20.25.',
        'Til stede',
        'Av utvalgets 8 medlemmer møtte 7.',
        'Navn',
        'Rolle',
        'Representerer',
        'Kari Nordmann',
        'leder',
        'Sykehuset Innlandet HF',
        'Forfall',
        'Anne Lie',
        'medlem',
        'Helseregion Valdres',
        'Andre til stede',
        'Marte Sekretær, sekretariatet',
        'Referent: Marte Sekretær',
        'Sak 11.25 Godkjenning av innkalling og saksliste',
        'Vedtak:',
        'Innkalling og saksliste godkjennes.',
        'Sak 12.25',
        'Sak 13.25',
        'Leder oppsummerte strategisamlingen.',
        'Vedtak (som foreslått):',
        'gjennomfører egenevaluering',
        'Sak 14.25',
        'Vedtak:',
        'c)',
        'Mandat for Operativt samarbeidsutvalg, med tydeliggjort forhold til helseregionene',
        'Sak 15.25',
        'Sak 16.25',
        'Sak 17.25',
        'Sak 18.25',
        'Vedtak (som foreslått):',
        'tar referatsaken til orientering.',
        'Eventuelt',
        'Ingen saker under eventuelt.',
      ]),
    ).toBeUndefined();
    expect(tekst).not.toContain('UTKAST');
  });

  it('a draft carries UTKAST on every page and records the alternative chosen', () => {
    const fil = join(ut, '2025-09-18-ssu', 'referat.pdf');
    const sider = Number(pdfInfo(fil).Pages);
    for (let side = 1; side <= sider; side++) expect(pdfTekst(fil, '-f', String(side), '-l', String(side))).toContain('UTKAST');
    expect(
      forsteUtenforRekkefolge(pdfTekst(fil), [
        'Sak 21.25',
        'Vedtak:',
        'Vedtatt med 5 mot 1 stemmer.',
        'Anne Lie stemte mot',
        'Sak 22.25',
        'Vedtak:',
        'implementering av nye samhandlingsløsninger tilsvarende kr 500 000 (Alt. 2).',
        'Enstemmig vedtatt.',
        'Protokolltilførsel:',
        'Ola Hansen ba om at det protokolleres',
        'Sak 23.25',
        'Liv Dahl (medlem) var inhabil og fratrådte under behandlingen: leder programstyret',
        'Vedtak (som foreslått):',
      ]),
    ).toBeUndefined();
  });
});

/**
 * Gives an output folder the document cache of the build of every meeting: a key is a hash of
 * everything that goes into a PDF, so a build into it prints only what that build did not. Its
 * register is not copied, so nothing counts as built before.
 */
const medDokumenterFraForste = (out: string) => medBufferFra(ut, out);

describe('the vedtaksliste', () => {
  it("lists every decision of the committee's year with sak number and meeting, from all its meetings", async () => {
    // Built for one meeting only, the list still covers the whole year in cases/.
    const egen = mkdtempSync(join(tmpdir(), 'motedok-vedtak-'));
    medDokumenterFraForste(egen);
    await buildMoter([join(cases, '2025-11-13-ssu')], { out: egen });
    const tekst = pdfTekst(join(egen, 'ssu-2025-vedtak.pdf'), '-layout');
    expect(
      forsteUtenforRekkefolge(tekst, [
        'Vedtaksliste – Strategisk samarbeidsutvalg 2025',
        'Møte 22. mai 2025',
        '11.25',
        'Godkjenning av innkalling og saksliste',
        'Innkalling og saksliste godkjennes.',
        '14.25',
        'Mandat for Operativt samarbeidsutvalg, med tydeliggjort forhold til helseregionene',
        '18.25',
        'Møte 18. september 2025',
        'referatet er ikke godkjent',
        '22.25',
        'Rekrutterings- og samhandlingsmidler 2025',
        'kr 500 000 (Alt. 2)',
        '26.25',
      ]),
    ).toBeUndefined();
    expect(tekst).not.toContain('Møte 13. november 2025');
    // The public list has only decisions from approved minutes, like the website.
    const offentlig = pdfTekst(join(egen, 'offentlig', 'ssu-2025-vedtak.pdf'));
    expect(offentlig).toContain('Møte 22. mai 2025');
    expect(offentlig).not.toContain('Møte 18. september 2025');
  }, 60_000);

  it('is not made when a meeting of the year has errors, even one that was not built', async () => {
    const prosjekt = mkdtempSync(join(tmpdir(), 'motedok-prosjekt-'));
    cpSync(cases, prosjekt, { recursive: true });
    const sak = join(prosjekt, '2025-09-18-ssu', '22-rekrutterings-og-samhandlingsmidler-2025.md');
    writeFileSync(sak, readFileSync(sak, 'utf8').replace('minutter: 60', 'minutter: 6O'));
    const out = utmappe();
    medDokumenterFraForste(out);
    const result = await buildMoter([join(prosjekt, M)], { out });
    expect(result.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      'advarsel: vedtakslisten ssu-2025-vedtak.pdf ble ikke laget fordi et møte i SSU 2025 har feil; kjør «motedok check» for hele cases/.',
    ]);
    expect(existsSync(join(out, 'ssu-2025-vedtak.pdf'))).toBe(false);
    expect(existsSync(join(out, 'offentlig', 'ssu-2025-vedtak.pdf'))).toBe(false);
  }, 60_000);
});

describe('a failing build', () => {
  it('leaves the previous output exactly as it was, for content errors and for a broken attachment', async () => {
    const prosjekt = mkdtempSync(join(tmpdir(), 'motedok-prosjekt-'));
    cpSync(cases, prosjekt, { recursive: true });
    const out = utmappe();
    // What a failed build must leave alone is the output as built; how it was printed is tested above.
    medDokumenterFraForste(out);
    expect((await buildMoter([join(prosjekt, M)], { out })).diagnostics).toEqual([]);
    const før = innholdUnder(out);

    const sak = join(prosjekt, M, '13-strategisamling.md');
    writeFileSync(sak, readFileSync(sak, 'utf8').replace('minutter: 60', 'minutter: 0'));
    const feil = await buildMoter([join(prosjekt, M)], { out });
    expect(feil.diagnostics.map((d) => d.severity)).toContain('feil');
    expect(feil.dokumenter).toEqual([]);

    writeFileSync(sak, readFileSync(sak, 'utf8').replace('minutter: 0', 'minutter: 60').replace('Likeverdig', 'likeverdig'));
    // Looks like a whole PDF from outside (header and %%EOF, so check lets it through); only reading it shows the damage.
    writeFileSync(join(prosjekt, M, 'vedlegg', 'Debatthefte KS 2025.pdf'), '%PDF-1.7\nikke en ekte pdf\n%%EOF\n');
    const skadet = await buildMoter([join(prosjekt, M)], { out });
    expect(skadet.diagnostics).toMatchObject([
      {
        severity: 'feil',
        file: join(prosjekt, M, 'vedlegg', 'Debatthefte KS 2025.pdf'),
        message: 'vedlegget kan ikke leses som PDF (filen er skadet eller ikke en PDF); eksporter den på nytt.',
      },
    ]);
    const etter = innholdUnder(out);
    expect([...etter.keys()]).toEqual([...før.keys()]);
    for (const [fil, bytes] of før) expect(etter.get(fil)?.equals(bytes), fil).toBe(true);
  }, 60_000);
});

describe('templates and HTML', () => {
  it('--html writes the HTML each PDF was printed from, and an organisation can override a template', async () => {
    const prosjekt = mkdtempSync(join(tmpdir(), 'motedok-prosjekt-'));
    cpSync(join(cases, M), join(prosjekt, M), { recursive: true });
    writeFileSync(join(prosjekt, 'organisasjon.yaml'), `${readFileSync(join(cases, 'organisasjon.yaml'), 'utf8')}maler: egne-maler\n`);
    cpSync(join(cases, 'logo.svg'), join(prosjekt, 'logo.svg'));
    mkdirSync(join(prosjekt, 'egne-maler'));
    writeFileSync(
      join(prosjekt, 'egne-maler', 'saksliste.hbs'),
      '{{#> dokument}}<h1>Vår egen saksliste for {{mote.utvalg}}</h1>{{> saksliste}}{{/dokument}}',
    );
    const out = utmappe();
    const result = await buildMoter([join(prosjekt, M)], { out, html: true });
    expect(result.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    expect(pdfTekst(join(out, M, 'saksliste.pdf'))).toContain('Vår egen saksliste for Strategisk samarbeidsutvalg');
    expect(pdfTekst(join(out, M, 'innkalling.pdf'))).toContain('Innkalling til møte i Strategisk samarbeidsutvalg');
    const html = readFileSync(join(out, M, 'innkalling.html'), 'utf8');
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('<title>Innkalling til møte i Strategisk samarbeidsutvalg 22. mai 2025</title>');
  }, 60_000);

  it('Markdown cannot run scripts or templates: raw HTML keeps only its text and {{…}} prints as text', async () => {
    const prosjekt = mkdtempSync(join(tmpdir(), 'motedok-prosjekt-'));
    writeFileSync(join(prosjekt, 'organisasjon.yaml'), readFileSync(join(cases, 'organisasjon.yaml')));
    cpSync(join(cases, 'logo.svg'), join(prosjekt, 'logo.svg'));
    mkdirSync(join(prosjekt, M));
    writeFileSync(join(prosjekt, M, 'mote.yaml'), 'utvalg: ssu\ndato: 2025-05-22\nstart: "09:00"\nslutt: "10:00"\nsted: Hamar\n');
    writeFileSync(
      join(prosjekt, M, '13-a.md'),
      '---\ntittel: Prøve\ntype: beslutning\nminutter: 10\n---\n\nPris: {{pris}} og {{{rå}}}.\n\n<script>document.write("SKRIPT KJØRTE")</script>\n\n<img src="http://example.invalid/x.png">\n\n## Forslag til vedtak\n\nGodkjent.\n',
    );
    const out = utmappe();
    // What is left out is warned about, and nothing else.
    const { diagnostics } = await buildMoter([join(prosjekt, M)], { out, html: true });
    expect(diagnostics.map((d) => `${d.position?.line} ${d.severity}: ${d.message.split(/[,;]/)[0]}`)).toEqual([
      '9 advarsel: «<script>» tas ikke med i dokumentene',
      '11 advarsel: bildet «http://example.invalid/x.png» i HTML-en er ikke en fil i møtemappen og tas ikke med. Legg bildefilen i møtemappen og skriv ![beskrivelse](fil.png)',
    ]);
    const tekst = pdfTekst(join(out, M, 'vedlegg', 'sak-02-25.pdf'));
    expect(tekst).toContain('Pris: {{pris}} og {{{rå}}}.');
    expect(tekst).not.toContain('SKRIPT KJØRTE');
    const html = readFileSync(join(out, M, 'vedlegg', 'sak-02-25.html'), 'utf8');
    expect(html).not.toMatch(/<script|example\.invalid/);
  }, 60_000);
});
