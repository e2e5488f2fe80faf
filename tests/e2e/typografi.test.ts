import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { degrees, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMoter } from '../../src/build/build.js';
import { markdownToHtml } from '../../src/pipeline/render/markdown.js';
import { keepTogether } from '../../src/pipeline/render/typografi.js';
import { taggetPdf } from '../helpers/pdf.js';
import { pdfInfo, pdfTekst } from '../helpers/pdftekst.js';
import { flatten, lblTexts, pdfuaFindings, structTree } from '../helpers/pdfua.js';
import { makeProject, sak, utmappe } from '../helpers/prosjekt.js';

/**
 * Typesetting as the reader sees it: one page numbering per document (a case paper counts its
 * attachments, the bundle counts from its contents page to its last page), attachment pages under
 * the running header, and the Norwegian rules for what may not break across lines.
 */

const M = '2025-05-22-ssu';

/** An untagged attachment of two pages: a landscape one and one stored rotated (as scanners write them). */
async function brettetVedlegg(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const liggende = doc.addPage([842, 595]);
  liggende.drawText('Liggende tabellside', { x: 60, y: 500, size: 14, font });
  const rotert = doc.addPage([595, 842]);
  rotert.setRotation(degrees(90));
  rotert.drawText('Rotert skannet side', { x: 60, y: 700, size: 14, font });
  return doc.save();
}

/** A paragraph written over several lines (soft line breaks), long enough to wrap several times. */
const AVSNITT = [
  'Strategisk samarbeidsutvalg ber om at mandatet for faglig',
  'samarbeidsutvalg gode pasientforløp legges fram på nytt, med en plan for',
  'hvordan programområdene og kommunene deltar i det videre arbeidet med',
  'felles tjenesteutvikling og utredninger i perioden som kommer.',
];

/** A table of narrow columns: every cell wraps, and each amount, date and sak number must stay on one line. */
const CELLE = 'Tilskudd kr 1 500 000 i sak 15.24 fra 24. mai 2025';
const SMAL_TABELL = `| A | B | C | D | E | F | G |\n|---|---|---|---|---|---|---|\n| ${Array(7).fill(CELLE).join(' | ')} |`;

/** A table with a line break in a cell and a sum row. */
const SUMTABELL = '| Post | Beløp |\n|---|---:|\n| Drift<br>og vedlikehold | 100 000 |\n| Lønn | 200 000 |\n| Totalt | 300 000 |';
/** Seed 001's three levels: 1. / a) / i. */
const TRE_NIVAER =
  '1. Utvalget vedtar planen:\n   a) for kommunene\n      i. første år\n      ii. andre år\n   b) for sykehuset\n2. Saken følges opp.';
/** An 8×4 PNG, blue. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAECAIAAAA8r+mnAAAAEUlEQVR4nGOQj1+PFTFQTwIASA0loTi8PvYAAAAASUVORK5CYII=';

/** A table over pages, its sum row last: as many rows as fill the pages exactly, so that the sum row would be alone at the top of the next page. */
const ANTALL_RADER = 57;
const SUM = ((ANTALL_RADER * (ANTALL_RADER + 1)) / 2) * 1000;
const SUMTEKST = String(SUM).replace(/\B(?=(\d{3})+$)/g, ' ');
const LANG_TABELL = `| Post | Beløp |\n|---|---:|\n${Array.from({ length: ANTALL_RADER }, (_, i) => `| Rad ${i + 1} | ${(i + 1) * 1000} |`).join('\n')}\n| Sum | ${SUMTEKST} |`;

/**
 * Exempt saker whose red «Unntatt offentlighet» label comes near the end of the title's line: the
 * first is the example's sak 31.25, whose label wrapped onto two lines; the others move the label on.
 */
const UNNTATTE = [
  'Forhandlinger om avtale for digitalt avvikssystem',
  'Forhandlinger om avtale for digitalt avvikssystem nå',
  'Forhandlinger om avtale for digitalt avvikssystem for alle',
];

/** Seed 001's «Vedlegg 1», «2a», «2b»: labels the author gives, with a file under a part. */
const NUMMERERTE = [
  '  - { tittel: Budsjett, nr: 1, fil: vedlegg/budsjett.pdf }',
  '  - tittel: Strategiplan',
  '    nr: 2',
  '    deler:',
  '      - { tittel: Visjon og verdier, nr: 2a, fil: vedlegg/visjon.pdf }',
  '      - { tittel: Satsninger, nr: 2.10 }',
].join('\n');
/** Seed 004's «Vedlegg til innkallingen»: items listed under an attachment. */
const MED_DELER = [
  '  - tittel: Rapport om pasientforløp',
  '    deler: [Forslag til mandater, Forslag til prinsipper]',
  '  - Debatthefte',
].join('\n');

/** Seed 001's budget table: a category written once over its rows, a list in a cell, a subtotal. */
const GRUPPERT = [
  '| Område | Tiltak | Beløp |',
  '|---|---|---:|',
  '| Bo trygt hjemme | - Legevaktbil<br>- Trygghetspatrulje | 1 000 000 |',
  '| | Kunnskap | 250 000 |',
  '| | Kompetanse og samtrening | 250 000 |',
  '| Sum Bo trygt hjemme | | 1 500 000 |',
  '| Barn og unge | Autisme | 200 000 |',
  '| Totalt | | 1 700 000 |',
].join('\n');

let ut: string;
const sider = (fil: string) => Number(pdfInfo(join(ut, M, fil)).Pages);
/** The text of one page, spaces collapsed. */
const side = (fil: string, n: number) =>
  pdfTekst(join(ut, M, fil), '-f', String(n), '-l', String(n), '-layout')
    .replace(/\s+/g, ' ')
    .trim();

beforeAll(async () => {
  const prosjekt = makeProject({
    [`${M}/01-innledning.md`]: sak('tittel: Innledende sak\ntype: beslutning\nminutter: 10'),
    [`${M}/02-rapport.md`]: sak(
      'tittel: Rapport med vedlegg\ntype: tema\nminutter: 30\nvedlegg:\n  - { tittel: Notat, fil: vedlegg/notat.pdf }\n  - { tittel: Tabeller, fil: vedlegg/tabeller.pdf }',
      `## Bakgrunn\n\n${AVSNITT.join('\n')}\n\nSe vedleggene.\n\n- Et kulepunkt\n- Et til\n\n## Forslag til vedtak\n\n1. Utvalget vedtar:\n   a) det første\n   b) det andre\n2. Utvalget ber om en sak til neste møte.\n`,
    ),
    [`${M}/03-budsjett.md`]: sak(
      'tittel: Budsjett\ntype: tema\nminutter: 20',
      `## Bakgrunn\n\n${SMAL_TABELL}\n\n## Forslag til vedtak\n\nBudsjettet vedtas.\n`,
    ),
    [`${M}/04-tiltak.md`]: sak(
      'tittel: Tiltak og figurer\ntype: tema\nminutter: 20',
      `## Bakgrunn\n\n![Handlingsplan for 2025 med tre satsinger](plan.png)\n\n${SUMTABELL}\n\n## Forslag til vedtak\n\n${TRE_NIVAER}\n`,
    ),
    [`${M}/05-lang.md`]: sak('tittel: Lang tabell\ntype: tema\nminutter: 10', `## Poster\n\n${LANG_TABELL}\n`),
    ...Object.fromEntries(
      UNNTATTE.map((tittel, i) => [
        `${M}/0${6 + i}-unntatt.md`,
        sak(`tittel: ${tittel}\ntype: tema\nminutter: 10\nunntatt_offentlighet: offl. § 23 første ledd\noffentlig_tittel: Forhandlinger`),
      ]),
    ),
    [`${M}/10-nummererte-vedlegg.md`]: sak(`tittel: Nummererte vedlegg\ntype: tema\nminutter: 10\nvedlegg:\n${NUMMERERTE}`),
    [`${M}/11-vedlegg-med-deler.md`]: sak(`tittel: Vedlegg med deler\ntype: tema\nminutter: 10\nvedlegg:\n${MED_DELER}`),
    [`${M}/12-grupperte-tabeller.md`]: sak('tittel: Grupperte tabeller\ntype: tema\nminutter: 10', `## Midler\n\n${GRUPPERT}\n`),
    [`${M}/vedlegg/budsjett.pdf`]: taggetPdf('Budsjettvedlegget'),
    [`${M}/vedlegg/visjon.pdf`]: taggetPdf('Visjonsvedlegget'),
    [`${M}/plan.png`]: Buffer.from(PNG, 'base64'),
    [`${M}/vedlegg/notat.pdf`]: taggetPdf('Notat om saken', ['Første avsnitt.']),
    [`${M}/vedlegg/tabeller.pdf`]: await brettetVedlegg(),
  });
  ut = utmappe();
  const bygget = await buildMoter([prosjekt], { out: ut });
  expect(bygget.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
}, 120_000);

describe('one page numbering per document', () => {
  it('a case paper counts its attachment pages: «Side n av N» on every page, N its whole length', () => {
    const fil = 'vedlegg/sak-03-25.pdf';
    const n = sider(fil);
    expect(n).toBe(4);
    for (let i = 1; i <= n; i++) expect(side(fil, i)).toContain(`Side ${i} av ${n}`);
  });

  it('attachment pages carry the running header, landscape and rotated ones too, and keep their own text', () => {
    const fil = 'vedlegg/sak-03-25.pdf';
    expect(side(fil, 2)).toContain('Notat om saken');
    expect(side(fil, 3)).toContain('Liggende tabellside');
    expect(side(fil, 4)).toContain('Rotert skannet side');
    for (const i of [2, 3, 4]) {
      expect(side(fil, i)).toContain('Helsefellesskap Test');
      expect(side(fil, i)).toMatch(/Vedlegg til sak 03\.25/);
    }
  });

  it('the bundle numbers 1..N over all its parts, and its contents page gives the pages the parts start on', () => {
    const fil = 'saksdokumenter.pdf';
    const n = sider(fil);
    for (let i = 1; i <= n; i++) {
      const tekst = side(fil, i);
      expect(tekst).toContain(`Side ${i} av ${n}`);
      expect(tekst.match(/Side \d+ av \d+/g)).toHaveLength(1);
    }
    const innhold = side(fil, 1);
    const startside = (tittel: RegExp) => Number(new RegExp(`${tittel.source} (\\d+)`).exec(innhold)?.[1]);
    const sak03 = startside(/Sak 03\.25 Rapport med vedlegg/);
    expect(side(fil, sak03)).toMatch(/^Helsefellesskap Test Vedlegg til sak 03\.25 Rapport med vedlegg/);
    expect(side(fil, startside(/Vedlegg: Notat/))).toContain('Notat om saken');
    expect(side(fil, startside(/Vedlegg: Tabeller/))).toContain('Liggende tabellside');
    // The two pages of Tabeller, then the next case paper.
    const sak04 = startside(/Sak 04\.25 Budsjett/);
    expect(startside(/Vedlegg: Tabeller/)).toBe(sak04 - 2);
    expect(side(fil, sak04)).toMatch(/^Helsefellesskap Test Vedlegg til sak 04\.25 Budsjett/);
  });
});

describe('tagged text', () => {
  it('keeps the space at every line break, written (soft break) or made by wrapping: the paragraph reads as written', () => {
    const struktur = spawnSync('pdfinfo', ['-struct-text', join(ut, M, 'vedlegg/sak-03-25.pdf')], { encoding: 'utf8' }).stdout;
    const avsnitt = AVSNITT.join(' ');
    // Wrapped more than once in the PDF, so a lost space would show.
    expect(side('vedlegg/sak-03-25.pdf', 1)).toContain(avsnitt);
    expect(
      pdfTekst(join(ut, M, 'vedlegg/sak-03-25.pdf'), '-f', '1', '-l', '1')
        .split(/\n/)
        .filter((l) => AVSNITT.join(' ').includes(l.trim()) && l.trim().length > 10).length,
    ).toBeGreaterThan(2);
    expect(struktur).toContain(`"${avsnitt}"`);
  });
});

describe('lists in the structure tree', () => {
  it('every L says how it is numbered (ListNumbering), as its labels show: 1. Decimal, a) LowerAlpha, bullets Disc', () => {
    const linjer = spawnSync('pdfinfo', ['-struct-text', join(ut, M, 'vedlegg/sak-03-25.pdf')], { encoding: 'utf8' }).stdout.split('\n');
    const lister = linjer.flatMap((linje, i) => {
      if (!/^\s*L\b/.test(linje)) return [];
      const nummerering = /\/ListNumbering \/(\w+)/.exec(linjer[i + 1] ?? '')?.[1];
      const lbl = linjer.slice(i).findIndex((l) => /^\s*Lbl\b/.test(l));
      return [`${nummerering} ${/"(.*)"/.exec(linjer[i + lbl + 1] ?? '')?.[1]?.trim()}`];
    });
    // The last is the list of the sak's attachments.
    expect(lister).toEqual(['Disc ', 'Decimal 1.', 'LowerAlpha a)', 'Decimal 1.']);
  });
});

describe('numbered and nested attachment lists', () => {
  const saksnummer = () => /(\d\d\.25) Nummererte vedlegg/.exec(pdfTekst(join(ut, M, 'innkalling.pdf')))![1]!;
  const sakfil = (nummer: string) => `vedlegg/sak-${nummer.replace('.', '-')}.pdf`;

  it('a case paper lists the labels the author gave, «2a» and «2.10» as written, as the real Lbl of each item, parts nested', async () => {
    const fil = sakfil(saksnummer());
    expect(side(fil, 1)).toMatch(/Vedlegg 1 Budsjett 2 Strategiplan 2a Visjon og verdier 2\.10 Satsninger/);
    expect(lblTexts(join(ut, M, fil)).map((l) => l.trim())).toEqual(['1', '2', '2a', '2.10']);
    const { findings, elems } = await pdfuaFindings(join(ut, M, fil));
    expect(findings).toEqual([]);
    // The parts' list is inside the LBody of «2»; no numbering scheme makes «2a», so ListNumbering is None.
    expect(elems.filter((e) => e.type === 'LBody' && e.kids.some((k) => k.type === 'L'))).toHaveLength(1);
    const struktur = spawnSync('pdfinfo', ['-struct-text', join(ut, M, fil)], { encoding: 'utf8' }).stdout;
    expect(struktur.match(/\/ListNumbering \/\w+/g)).toEqual(['/ListNumbering /None', '/ListNumbering /None']);
  });

  it("a part's PDF is appended after its attachment's, and the bundle's contents name it with its label", () => {
    const nummer = saksnummer();
    const fil = sakfil(nummer);
    expect(sider(fil)).toBe(3);
    expect(side(fil, 2)).toContain('Budsjettvedlegget');
    expect(side(fil, 3)).toContain('Visjonsvedlegget');
    const innhold = side('saksdokumenter.pdf', 1);
    const start = Number(/Vedlegg 2a: Visjon og verdier (\d+)/.exec(innhold)?.[1]);
    expect(side('saksdokumenter.pdf', start)).toContain('Visjonsvedlegget');
    expect(innhold).toMatch(/Vedlegg 1: Budsjett \d+/);
  });

  it('«Vedlegg til innkallingen» nests the parts under their attachment, and names numbered ones «Vedlegg 2»', async () => {
    const tekst = [1, 2, 3].map((n) => side('innkalling.pdf', n)).join(' ');
    const nummer = saksnummer();
    expect(tekst).toContain(`Sak ${nummer} Vedlegg 1: Budsjett Sak ${nummer} Vedlegg 2: Strategiplan 2a Visjon og verdier 2.10 Satsninger`);
    expect(tekst).toMatch(/Sak \d\d\.25 Rapport om pasientforløp Forslag til mandater Forslag til prinsipper Sak \d\d\.25 Debatthefte/);
    expect((await pdfuaFindings(join(ut, M, 'innkalling.pdf'))).findings).toEqual([]);
  });
});

describe('tables as Word sets them', () => {
  const fil = () => {
    const nummer = /(\d\d\.25) Grupperte tabeller/.exec(pdfTekst(join(ut, M, 'innkalling.pdf')))![1]!;
    return join(ut, M, `vedlegg/sak-${nummer.replace('.', '-')}.pdf`);
  };

  it("a category written once spans its rows (RowSpan in the structure), and a cell's «- …<br>- …» is a list in its TD", async () => {
    const struktur = spawnSync('pdfinfo', ['-struct-text', fil()], { encoding: 'utf8' }).stdout;
    expect(struktur).toMatch(/TD:\n(?:\s+\/.*\n)*?\s+\/RowSpan 3\n(?:\s+\/.*\n)*\s+"Bo trygt hjemme"/);
    expect(struktur.match(/\/RowSpan [2-9]/g)).toEqual(['/RowSpan 3']);
    const { findings, elems } = await pdfuaFindings(fil());
    expect(findings).toEqual([]);
    const celle = elems.find((e) => e.type === 'TD' && e.kids.some((k) => k.type === 'L'));
    expect(celle?.kids.find((k) => k.type === 'L')?.kids.map((li) => li.kids.map((k) => k.type).join('+'))).toEqual([
      'Lbl+LBody',
      'Lbl+LBody',
    ]);
  });

  it('the text reads row by row: the category once beside its first row, each list item on its own line', () => {
    const tekst = pdfTekst(fil(), '-layout')
      .replace(/[ \t\u00a0]+/g, ' ')
      .replace(/\n\s*\n/g, '\n');
    expect(tekst).toContain(
      'Bo trygt hjemme Legevaktbil 1 000 000\n Trygghetspatrulje\n Kunnskap 250 000\n Kompetanse og samtrening 250 000\n',
    );
    expect(tekst).toContain(' Sum Bo trygt hjemme 1 500 000\n Barn og unge Autisme 200 000\n');
  });
});

describe('structure types', () => {
  it('no NonStruct is left: text sits in its paragraph, heading or cell, <div> and <main> are Div', () => {
    const struktur = spawnSync('pdfinfo', ['-struct-text', join(ut, M, 'saksdokumenter.pdf')], { encoding: 'utf8' }).stdout;
    expect(struktur).not.toMatch(/NonStruct/);
    expect(struktur).toMatch(/\n(\s*)H1 \(block\)\n\1 {2}"Rapport med vedlegg"/);
    expect(struktur).toMatch(/\n(\s*)P \(block\)\n\1 {2}"Se vedleggene\."/);
    // The tagged attachment's text is still read, inside the bundle.
    expect(struktur).toContain('"Notat om saken"');
  });
});

describe('what does not break across lines', () => {
  it('no-break spaces inside amounts, between kr and the amount, in sak numbers, clock times and dates; other spaces stay', () => {
    const nb = (s: string) => s.replaceAll('_', '\u00a0');
    expect(keepTogether('kr 1 500 000 og NOK 250 000')).toBe(nb('kr_1_500_000 og NOK_250_000'));
    expect(keepTogether('i sak 15.24 og Sak 03.26, kl. 09.00 – 10.00')).toBe(nb('i sak_15.24 og Sak_03.26, kl._09.00_– 10.00'));
    expect(keepTogether('den 24. mai 2025, 10,7 mill. og 12 %')).toBe(nb('den 24._mai_2025, 10,7_mill. og 12_%'));
    expect(keepTogether('2 av 4 medlemmer, side 12 og 345 deltakere')).toBe('2 av 4 medlemmer, side 12 og 345 deltakere');
  });

  it('in a column so narrow that every cell wraps, «kr 1 500 000», «sak 15.24» and «24. mai 2025» each stay on one line', () => {
    const fil = join(ut, M, 'vedlegg/sak-04-25.pdf');
    const html = spawnSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', fil, '-'], { encoding: 'utf8' }).stdout;
    const ord = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      tekst: m[3]!,
    }));
    const grupper = [
      ['kr', '1', '500', '000'],
      ['sak', '15.24'],
      ['24.', 'mai', '2025'],
    ];
    let funnet = 0;
    ord.forEach((o, i) => {
      for (const gruppe of grupper) {
        if (o.tekst !== gruppe[0] || ord[i + 1]?.tekst !== gruppe[1]) continue;
        funnet++;
        const linjer = new Set(gruppe.map((_, j) => Math.round(ord[i + j]!.y)));
        expect(linjer.size, gruppe.join(' ')).toBe(1);
      }
    });
    expect(funnet).toBe(21);
    // The cells did wrap: the words of one cell are on several lines.
    const tilskudd = ord.filter((o) => o.tekst === 'Tilskudd').map((o) => Math.round(o.y));
    const fra = ord.filter((o) => o.tekst === 'fra').map((o) => Math.round(o.y));
    expect(fra[0]).toBeGreaterThan(tilskudd[0]!);
  });
});

describe('labels that do not wrap', () => {
  it('the red «Unntatt offentlighet» in the saksliste stays on one line, wherever its title ends', () => {
    const html = spawnSync('pdftotext', ['-bbox', join(ut, M, 'saksliste.pdf'), '-'], { encoding: 'utf8' }).stdout;
    const ord = [...html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
      y: Number(m[1]),
      tekst: m[2]!,
    }));
    const merker = ord.flatMap((o, i) => (o.tekst === 'Unntatt' ? [[o, ord[i + 1]!] as const] : []));
    expect(merker).toHaveLength(UNNTATTE.length);
    for (const [unntatt, neste] of merker) {
      expect(neste.tekst).toBe('offentlighet');
      expect(Math.round(neste.y)).toBe(Math.round(unntatt.y));
    }
  });
});

describe('tables, lists and figures as typeset', () => {
  const fil = 'vedlegg/sak-05-25.pdf';
  const struktur = () => spawnSync('pdfinfo', ['-struct-text', join(ut, M, fil)], { encoding: 'utf8' }).stdout;

  it('a <br> in a cell is a line break, and the words on either side stay two words in the tagged text', () => {
    const tekst = pdfTekst(join(ut, M, fil), '-layout');
    expect(tekst).toMatch(/Drift[^\n]*\n[^\n]*og vedlikehold/);
    // Two pieces of text in the cell, the first ending in a space: read together, «Drift og vedlikehold».
    expect(struktur()).toMatch(/"Drift "\s+"og vedlikehold"/);
  });

  it('a sum row is set in bold', () => {
    const bbox = spawnSync('pdftotext', ['-bbox-layout', join(ut, M, fil), '-'], { encoding: 'utf8' }).stdout;
    expect(bbox).toContain('Totalt');
    const fonter = spawnSync('pdffonts', [join(ut, M, fil)], { encoding: 'utf8' }).stdout;
    expect(fonter).toMatch(/SourceSans3\S*-Bold/);
  });

  it('three list levels 1. / a) / i., each its own nested list with its own label', () => {
    const linjer = struktur().split('\n');
    const etiketter = linjer.flatMap((l, i) => (/^\s*Lbl\b/.test(l) ? [/"(.*)"/.exec(linjer[i + 1] ?? '')?.[1]?.trim()] : []));
    expect(etiketter).toEqual(expect.arrayContaining(['1.', 'a)', 'i.', 'ii.', 'b)', '2.']));
    expect(struktur()).toMatch(/ListNumbering \/LowerRoman/);
    const tekst = pdfTekst(join(ut, M, fil), '-layout');
    expect(tekst).toMatch(/\n\s+i\.\s+første år\n\s+ii\.\s+andre år\n/);
    // Indented below the letter, not merged into its line.
    const innrykk = (re: RegExp) => /^(\s*)/.exec(tekst.split('\n').find((l) => re.test(l)) ?? '')![1]!.length;
    expect(innrykk(/i\.\s+første år/)).toBeGreaterThan(innrykk(/a\)\s+for kommunene/));
  });

  it('an image alone in its paragraph is a figure with its alt text as the caption «Figur. …»', () => {
    expect(pdfTekst(join(ut, M, fil))).toContain('Figur. Handlingsplan for 2025 med tre satsinger');
  });

  it('the figure is one Figure element, with the alt text, the image and its Caption (PDF/UA 13-004)', async () => {
    const doc = await PDFDocument.load(readFileSync(join(ut, M, fil)), { updateMetadata: false });
    const figurer = flatten(structTree(doc)).filter((e) => e.role === 'Figure');
    expect(figurer).toHaveLength(1);
    expect(figurer[0]!.dict.lookup(PDFName.of('Alt'), PDFString).decodeText()).toBe('Handlingsplan for 2025 med tre satsinger');
    expect(figurer[0]!.mcids.length).toBeGreaterThan(0);
    expect(figurer[0]!.kids.map((k) => k.role)).toEqual(['Caption']);
  });
});

describe('a table over several pages', () => {
  const fil = 'vedlegg/sak-06-25.pdf';
  it('repeats its header row on every page, and its sum row is never alone at the top of a page', () => {
    const n = sider(fil);
    expect(n).toBeGreaterThan(1);
    for (let i = 1; i <= n; i++) {
      const tekst = side(fil, i);
      if (tekst.includes('Rad ')) expect(tekst, `side ${i}`).toMatch(/Post Beløp/);
    }
    const sumside = Array.from({ length: n }, (_, i) => side(fil, i + 1)).find((t) => t.includes(`Sum ${SUMTEKST}`))!;
    expect(sumside.match(/Rad \d+/g)!.length).toBeGreaterThanOrEqual(2);
  });
});

describe('three list levels as seed 001 writes them', () => {
  it('«i.» under «a)» under «1.» is a list in the lettered item, the letters going on after it', () => {
    const html = markdownToHtml(
      '1. Strategisk samarbeidsutvalg ber sekretariatet sikre at:\na) utredet modell for beregning av gevinst\ni. tydeliggjøre konsekvenser ved implementering\nb) legge frem rutiner for tilskuddsmidler\n',
    );
    const kompakt = html.replace(/\s+</g, '<').replace(/>\s+/g, '>');
    expect(kompakt).toContain(
      '<ol type="a"><li>utredet modell for beregning av gevinst<ol type="i"><li>tydeliggjøre konsekvenser ved implementering</li></ol></li><li>legge frem rutiner for tilskuddsmidler</li></ol>',
    );
  });

  it('a letter i) after h) is still a letter', () => {
    const bokstaver = 'abcdefghi'.split('').map((b) => `${b}) punkt ${b}`);
    const html = markdownToHtml(`1. Vedtak:\n${bokstaver.join('\n')}\n`);
    expect(html).not.toContain('type="i"');
    expect(html.match(/<li>punkt/g)).toHaveLength(9);
  });
});
