import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/pipeline/render/markdown.js';
import { motedok, motedokHer } from '../helpers/kommando.js';
import { check, makeProject, sak } from '../helpers/prosjekt.js';

const M = '2025-05-22-ssu';
const TEMA = 'tittel: Budsjett\ntype: tema\nminutter: 10';
const NBSP = '\u00A0';

/** A project with one tema sak whose body is `body` (the directive on line 9 when it is the third line), and extra files in the meeting folder. */
function prosjekt(body: string, filer: Record<string, string | Uint8Array> = {}): string {
  return makeProject({
    [`${M}/10-budsjett.md`]: sak(TEMA, body),
    ...Object.fromEntries(
      Object.entries(filer).map(([navn, innhold]) => [navn.startsWith('../') ? navn.slice(3) : `${M}/${navn}`, innhold]),
    ),
  });
}

async function lastHtml(root: string) {
  const result = await check(root);
  const budsjett = result.moter[0]!.saker.find((s) => s.tittel === 'Budsjett')!;
  return { lines: result.lines, html: markdownToHtml(budsjett.saksfremlegg, { baseDir: join(root, M) }) };
}

const avkod = (s: string) =>
  s
    .replace(/&#x3C;/g, '<')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x26;/g, '&')
    .replace(/&amp;/g, '&')
    .replace(/&#x22;/g, '"')
    .replace(/&quot;/g, '"');

/** The cells of every table in the HTML, row by row, as text. */
function celler(html: string): string[][] {
  return [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((rad) =>
    [...rad[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => avkod(c[1]!.replace(/<[^>]+>/g, '')).trim()),
  );
}

const CSV =
  '\uFEFFTiltak;Beløp 2025;Kommentar\n"Digital sårbehandling; fase 2";1250000;Videreføres\nVIP;750000,5;"Ny ""pilot"""\nKompetanse;-20000;\n';

async function xlsx(): Promise<Buffer> {
  const bok = new ExcelJS.Workbook();
  bok.addWorksheet('Notater').addRow(['Ikke denne']);
  const ark = bok.addWorksheet('Budsjett 2025');
  ark.addRow(['Budsjett for samhandlingsmidler 2025']);
  ark.addRow([]);
  ark.addRow(['Post', 'Budsjett', 'Regnskap', 'Utenfor området']);
  ark.addRow(['Lønn', 1250000, 1180000.25, 'x']);
  ark.addRow(['Reise', 80000, 92000, 'x']);
  ark.addRow(['Husleie', 240000, { formula: 'B6', result: 240000 }, 'x']);
  ark.addRow(['Ikke med heller', 1, 1, 'x']);
  return Buffer.from(await bok.xlsx.writeBuffer());
}

describe('tables from CSV files', () => {
  it('a Norwegian Excel export (; and decimal comma, BOM, quoted fields) becomes a table with the cells in order, amounts grouped and right-aligned', async () => {
    const root = prosjekt('## Tall\n\n<!-- tabell: tall.csv -->\n\nTeksten etter.\n', { 'tall.csv': CSV });
    const { lines, html } = await lastHtml(root);
    expect(lines).toEqual([]);
    expect(celler(html)).toEqual([
      ['Tiltak', 'Beløp 2025', 'Kommentar'],
      ['Digital sårbehandling; fase 2', `1${NBSP}250${NBSP}000`, 'Videreføres'],
      ['VIP', `750${NBSP}000,50`, 'Ny "pilot"'],
      ['Kompetanse', `-20${NBSP}000`, ''],
    ]);
    expect(html).toMatch(/<td align="right">1\u00A0250\u00A0000<\/td>/);
    expect(html).toContain('<p>Teksten etter.</p>');
  });

  it('sum appends a «Sum» row with the sums of the amount columns', async () => {
    const root = prosjekt('<!-- liggende -->\n<!-- tabell: tall.csv sum -->\n', { 'tall.csv': CSV });
    const { lines, html } = await lastHtml(root);
    expect(lines).toEqual([]);
    expect(celler(html).at(-1)).toEqual(['Sum', `1${NBSP}980${NBSP}000,50`, '']);
    expect(html).toContain('<table class="liggende">');
  });

  it('a comma-separated file with decimal points is read too', async () => {
    const root = prosjekt('<!-- tabell: "tall med mellomrom.csv" sum -->\n', {
      'tall med mellomrom.csv': 'Post,Beløp\nA,1000.5\nB,2 000\n',
    });
    const { html } = await lastHtml(root);
    expect(celler(html)).toEqual([
      ['Post', 'Beløp'],
      ['A', `1${NBSP}000,50`],
      // As written, but set with a no-break space like every amount (render/typografi.ts).
      ['B', `2${NBSP}000`],
      ['Sum', `3${NBSP}000,50`],
    ]);
  });

  it('a cell with HTML or Markdown is printed as the text it is', async () => {
    const root = prosjekt('<!-- tabell: farlig.csv -->\n', {
      'farlig.csv':
        'Navn;Beløp\n<script>alert(1)</script>;100\n*ikke uthevet* [lenke](http://x.no) | rør;200\n<img src=x onerror=alert(1)>;300\n',
    });
    const { html } = await lastHtml(root);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<em>');
    expect(celler(html).map((rad) => rad[0])).toEqual([
      'Navn',
      '<script>alert(1)</script>',
      '*ikke uthevet* [lenke](http://x.no) | rør',
      '<img src=x onerror=alert(1)>',
    ]);
  });

  it('a written sum row in the file that does not add up is a warning at the directive', async () => {
    const root = prosjekt('## Tall\n\n<!-- tabell: tall.csv -->\n', { 'tall.csv': 'Post;Beløp\nA;1000\nB;2000\nSum;3500\n' });
    const { lines } = await check(root);
    expect(lines).toEqual([
      `${M}/10-budsjett.md:9:1: advarsel: summen stemmer ikke i tabellen fra «tall.csv», kolonne «Beløp», rad «Sum»: det står 3 500, men radene over blir 3 000 (500 for mye). Rett summen eller tallene over; en rad «Sum …» foran flere rader regnes som delsum.`,
    ]);
  });
});

describe('tables from Excel files', () => {
  it('the named sheet and range are rendered, formulas with their results', async () => {
    const root = prosjekt('## Budsjett\n\n<!-- tabell: budsjett.xlsx ark="Budsjett 2025" område="A3:C6" sum -->\n', {
      'budsjett.xlsx': await xlsx(),
    });
    const { lines, html } = await lastHtml(root);
    expect(lines).toEqual([]);
    expect(celler(html)).toEqual([
      ['Post', 'Budsjett', 'Regnskap'],
      ['Lønn', `1${NBSP}250${NBSP}000`, `1${NBSP}180${NBSP}000,25`],
      ['Reise', `80${NBSP}000`, `92${NBSP}000`],
      ['Husleie', `240${NBSP}000`, `240${NBSP}000`],
      ['Sum', `1${NBSP}570${NBSP}000`, `1${NBSP}512${NBSP}000,25`],
    ]);
  });
});

describe('errors a secretariat can make', () => {
  const feil = async (body: string, filer: Record<string, string | Uint8Array>) => {
    const root = prosjekt(body, filer);
    const result = await motedokHer(['check', '.'], root);
    return { status: result.code, stderr: result.stderr };
  };

  it('a missing file', async () => {
    const r = await feil('## Tall\n\n<!-- tabell: mangler.csv sum -->\n', {});
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `${M}/10-budsjett.md:9:1: feil: tabellfilen «mangler.csv» finnes ikke; legg filen i møtemappen og skriv stien relativt til saken (store og små bokstaver teller).\n`,
    );
  });

  it('an unknown sheet names the sheets there are', async () => {
    // The installed command: its bundle loads exceljs from node_modules only when a sak has an Excel table.
    const r = motedok(
      ['check', '.'],
      prosjekt('## Tall\n\n<!-- tabell: budsjett.xlsx ark="Budsjett 2026" -->\n', { 'budsjett.xlsx': await xlsx() }),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `${M}/10-budsjett.md:9:1: feil: arket «Budsjett 2026» finnes ikke i «budsjett.xlsx»; arkene er: «Notater», «Budsjett 2025».\n`,
    );
  });

  it('a file outside the meeting folder', async () => {
    const r = await feil('## Tall\n\n<!-- tabell: ../hemmelig.csv -->\n', { '../hemmelig.csv': 'A;B\n1;2\n' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `${M}/10-budsjett.md:9:1: feil: tabellfilen «../hemmelig.csv» ligger utenfor møtemappen; legg filen i møtemappen og skriv stien relativt til saken.\n`,
    );
  });

  it('a bad range, an unknown option and a file that is not a spreadsheet', async () => {
    const r = await feil(
      '<!-- tabell: budsjett.xlsx område="A1-D" -->\n<!-- tabell: tall.csv summer -->\n<!-- tabell: budsjett.ods -->\n<!-- tabell: skadet.xlsx -->\n',
      {
        'budsjett.xlsx': await xlsx(),
        'tall.csv': 'A;B\n',
        'budsjett.ods': 'x',
        'skadet.xlsx': 'ikke en zip',
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `${M}/10-budsjett.md:7:1: feil: området «A1-D» er ikke et gyldig celleområde; skriv første og siste celle med kolon, for eksempel område="A1:D12".`,
      `${M}/10-budsjett.md:8:1: feil: ukjent valg «summer» i tabell-direktivet; tillatt er ark="…" (bare for .xlsx), område="A1:D12" og sum.`,
      `${M}/10-budsjett.md:9:1: feil: tabellfilen «budsjett.ods» kan ikke leses: bare .csv og .xlsx støttes. Lagre regnearket som «Excel-arbeidsbok (.xlsx)» eller «CSV (semikolondelt)».`,
      `${M}/10-budsjett.md:10:1: feil: tabellfilen «skadet.xlsx» kan ikke leses som Excel-fil (.xlsx); åpne den i Excel og lagre den på nytt som «Excel-arbeidsbok (.xlsx)».`,
    ]);
  });
});
