import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFRef, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMoter } from '../../src/build/build.js';
import { findSakReferanser } from '../../src/pipeline/model/referanser.js';
import { moteLenker, referanserTilHtml } from '../../src/pipeline/render/referanser.js';
import { pdfTekst } from '../helpers/pdftekst.js';
import { pdfuaFindings } from '../helpers/pdfua.js';
import { check, makeProject, sak, utmappe } from '../helpers/prosjekt.js';

const SSU = [{ kortnavn: 'SSU', navn: 'Strategisk samarbeidsutvalg' }];
const found = (text: string) => findSakReferanser(text, { utvalg: SSU }).map((r) => `${r.tekst}|${r.utvalg ?? ''}`);

describe('recognising sak references in what the seeds write', () => {
  it.each([
    ['I sak 15.24 den 24.05.24 jobbet SSU i fellesskap', ['sak 15.24|']],
    ['I sak 32.24 fra SSU 14.11.24, ble følgende kriterier besluttet', ['sak 32.24|SSU']],
    ['I tillegg ble det i sak 23.24 og 32.24 lagt frem', ['sak 23.24|', '32.24|']],
    ['SSU jobbet med dette i sak 14.24 og sak 23.25.', ['sak 14.24|', 'sak 23.25|']],
    ['Vedlegg til sak 22/25', ['sak 22/25|']],
    ['(sak 03.25 SSU 20.2.25) Handlingsdel 2025', ['sak 03.25|SSU']],
    ['Vedlegg 4: Sak 22.24 i SSU 19.09.2024 med oppsummering', ['Sak 22.24|SSU']],
    ['Sak. 11.25 Godkjenning av innkalling og saksliste', ['Sak. 11.25|']],
    ['SSU prioriterte bruk av disse i sak 04.25 den 20.2.25.', ['sak 04.25|']],
    ['behandles i saker 12.25, 13.25 og 14.25 i Strategisk samarbeidsutvalg', ['saker 12.25|SSU', '13.25|SSU', '14.25|SSU']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'Godkjenning av referat fra SSU-møtet 20.02.25',
    'Prosjektet fikk kr 15.250 og 1.250.000 i 2025.',
    'sak 22.05.25 var en dato, sak 0.25 finnes ikke, og forsak 12.25 er et annet ord',
    'Se `sak 15.25` og [sak 16.25](https://example.org/sak 17.25) og <a href="https://x.no">sak 18.25</a>.',
    'Adressen https://example.org/sak/19.25 og <!-- sak 20.25 --> teller ikke.',
    '```\nsak 21.25\n```',
  ])('no reference in «%s»', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('positions are line and column in the file, after the frontmatter', () => {
    const text = '---\ntittel: x\n---\n\nFørste linje.\nDette følger opp\nsak 15.25 og saker 3.25 og 4.25.\n';
    const refs = findSakReferanser(text, { from: text.indexOf('\n\n') + 1 });
    expect(refs.map((r) => [r.tekst, r.position.line, r.position.column])).toEqual([
      ['sak 15.25', 7, 1],
      ['saker 3.25', 7, 14],
      ['4.25', 7, 28],
    ]);
    expect(findSakReferanser('---\nsaksnummer: sak 12.25\n---\nTekst.', { from: 29 })).toEqual([]);
  });

  // Prose from words that are not keywords, with references put in between.
  const ord = fc.constantFrom(
    'Utvalget',
    'behandlet',
    'kr',
    '15.250',
    '22.05.25',
    '20.2.25',
    'den',
    'og',
    'SSU',
    'i',
    '1.250.000',
    'møtet',
    '(',
    ')',
    ',',
  );
  const nummer = fc.record({ nr: fc.integer({ min: 1, max: 999 }), ar: fc.integer({ min: 0, max: 99 }), slash: fc.boolean() });
  const stykke = fc.oneof(
    ord.map((w) => ({ tekst: w, ref: undefined })),
    nummer.map(({ nr, ar, slash }) => {
      const tall = `${String(nr).padStart(2, '0')}${slash ? '/' : '.'}${String(ar).padStart(2, '0')}`;
      return { tekst: `sak ${tall}`, ref: { lopenummer: nr, ar: 2000 + ar } };
    }),
  );
  const tekster = fc.array(stykke, { minLength: 1, maxLength: 30 });

  it('finds exactly the references put into random prose, each where it was put', () => {
    fc.assert(
      fc.property(tekster, fc.constantFrom(' ', '\n'), (stykker, mellom) => {
        const text = stykker.map((s) => s.tekst).join(mellom);
        const refs = findSakReferanser(text);
        const lines = text.split('\n');
        expect(refs.map((r) => r.saksnummer)).toEqual(stykker.flatMap((s) => (s.ref ? [s.ref] : [])));
        for (const r of refs) expect(lines[r.position.line - 1]!.slice(r.position.column - 1).startsWith(r.tekst)).toBe(true);
      }),
      { seed: 1425, numRuns: 300 },
    );
  });

  it('a reference inside code or a link is never one, wherever it stands', () => {
    const innpakket = fc.constantFrom(
      (s: string) => `\`${s}\``,
      (s: string) => `[${s}](https://example.org)`,
      (s: string) => `<!-- ${s} -->`,
    );
    fc.assert(
      fc.property(tekster, innpakket, (stykker, pakk) => {
        const text = stykker.map((s) => (s.ref ? pakk(s.tekst) : s.tekst)).join(' ');
        expect(findSakReferanser(text)).toEqual([]);
      }),
      { seed: 1426, numRuns: 200 },
    );
  });

  it('the render helper links the references a resolver knows, and escapes the rest', () => {
    const lenke = moteLenker(new Map([['15.25', '/sak/15-25/']]), 'SSU');
    expect(referanserTilHtml('I sak 15.25 & sak 16.25 <b>', lenke)).toBe('I <a href="/sak/15-25/">sak 15.25</a> &amp; sak 16.25 &lt;b&gt;');
    // A sak of another committee with the same number is not this committee's sak.
    expect(referanserTilHtml('sak 15.25 fra HSU', lenke, [{ kortnavn: 'HSU', navn: 'Helse' }])).toBe('sak 15.25 fra HSU');
  });
});

const A = sak(
  'tittel: Oppfølging av strategien\ntype: beslutning\nminutter: 30',
  `## Bakgrunn

Dette bygger på sak 03.25 og tidligere sak 15.24 fra SSU, og på sak 01.25. Se også \`sak 04.25\` i koden.

## Forslag til vedtak

1. Utvalget viser til saker 03.25 og 04.25.
`,
);
const B = sak('tittel: Budsjett for samhandling\ntype: tema\nminutter: 20', '## Bakgrunn\n\nBudsjettet for 2025.\n');
const C = sak('tittel: Orienteringssak\ntype: referat\nminutter: 5', '## Bakgrunn\n\nJf. sak 09.25, som ikke finnes.\n');

describe('check', () => {
  it('warns where a reference names a sak the committee year does not have, not for a year the project does not cover', async () => {
    const root = makeProject({ '2025-05-22-ssu/10-a.md': A, '2025-05-22-ssu/11-b.md': B, '2025-05-22-ssu/12-c.md': C });
    const { lines } = await check(root);
    const advarsler = lines.filter((l) => l.includes('viser til'));
    expect(advarsler).toEqual([
      '2025-05-22-ssu/12-c.md:9:5: advarsel: «sak 09.25» viser til sak 09.25 i SSU, som ikke finnes: SSU har sak 01.25–04.25 i 2025 (møtet 22. mai 2025 i cases/). Rett nummeret.',
    ]);
  });

  it('warns about a reference in the referat notes too', async () => {
    const referat = `---\ntil_stede: [kari, ola, per]\nforfall: []\nreferent: Marte\nstatus: utkast\n---\n\n## Sak 01.25 Godkjenning av innkalling og saksliste\n\n## Sak 02.25 Oppfølging av strategien\n\nSe sak 07.25.\n\n## Sak 03.25 Budsjett for samhandling\n\n## Sak 04.25 Orienteringssak\n`;
    const root = makeProject({
      '2025-05-22-ssu/10-a.md': A,
      '2025-05-22-ssu/11-b.md': B,
      '2025-05-22-ssu/12-c.md': C,
      '2025-05-22-ssu/referat.md': referat,
    });
    const { lines } = await check(root);
    expect(lines.filter((l) => l.includes('referat.md') && l.includes('viser til'))).toEqual([
      expect.stringMatching(/^2025-05-22-ssu\/referat\.md:12:4: advarsel: «sak 07\.25» viser til sak 07\.25 i SSU, som ikke finnes/),
    ]);
  });
});

const N = (name: string) => PDFName.of(name);
const tekst = (v: unknown) => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined);

interface Lenke {
  side: number;
  til: number | undefined;
  contents: string | undefined;
  ref: PDFRef;
}

function linkAnnotations(doc: PDFDocument): Lenke[] {
  const pages = doc.getPages();
  const index = new Map(pages.map((p, i) => [p.ref, i]));
  return pages.flatMap((page, side) =>
    (page.node.lookupMaybe(N('Annots'), PDFArray)?.asArray() ?? []).flatMap((ref) => {
      const annot = doc.context.lookup(ref, PDFDict);
      if (annot.get(N('Subtype')) !== N('Link')) return [];
      // Within one printed document Chromium names the place (/Dests in the catalog).
      const named = annot.get(N('Dest'));
      const dest =
        named instanceof PDFName ? doc.catalog.lookup(N('Dests'), PDFDict).lookup(named, PDFArray) : annot.lookupMaybe(N('Dest'), PDFArray);
      return [
        { side, til: dest ? index.get(dest.get(0) as PDFRef) : undefined, contents: tekst(annot.get(N('Contents'))), ref: ref as PDFRef },
      ];
    }),
  );
}

/** The first page (0-based) whose text starts a case paper «Vedlegg til sak …». */
function forsteSide(fil: string, antall: number, nummer: string): number {
  for (let side = 1; side <= antall; side++) {
    if (pdfTekst(fil, '-f', String(side), '-l', String(side)).includes(`Vedlegg til sak ${nummer}`)) return side - 1;
  }
  throw new Error(`fant ikke sak ${nummer}`);
}

describe('references in the PDFs', () => {
  let root: string;
  let ut: string;
  let bundle: string;
  beforeAll(async () => {
    root = makeProject({ '2025-05-22-ssu/10-a.md': A, '2025-05-22-ssu/11-b.md': B, '2025-05-22-ssu/12-c.md': C });
    ut = utmappe();
    const result = await buildMoter([root], { out: ut, cwd: root });
    expect(result.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    bundle = join(ut, '2025-05-22-ssu', 'saksdokumenter.pdf');
  }, 120_000);

  it('in saksdokumenter.pdf a reference to a sak in it is a link to its first page, described and tagged', async () => {
    const doc = await PDFDocument.load(readFileSync(bundle));
    const b = forsteSide(bundle, doc.getPageCount(), '03.25');
    const a = forsteSide(bundle, doc.getPageCount(), '02.25');
    const lenker = linkAnnotations(doc).filter((l) => l.side >= a && l.side < b);
    const c = forsteSide(bundle, doc.getPageCount(), '04.25');
    // «sak 03.25» in the text, «saker 03.25» and «04.25» in the proposal; sak 01.25 has no case paper, sak 15.24 is not in the file.
    expect(lenker.map((l) => [l.til, l.contents])).toEqual([
      [b, 'Gå til sak 03.25 Budsjett for samhandling'],
      [b, 'Gå til sak 03.25 Budsjett for samhandling'],
      [c, 'Gå til sak 04.25 Orienteringssak'],
    ]);
    const { findings, elems } = await pdfuaFindings(bundle);
    expect(findings).toEqual([]);
    const objr = elems
      .filter((e) => e.role === 'Link')
      .flatMap((e) =>
        (e.dict.lookupMaybe(N('K'), PDFArray)?.asArray() ?? [])
          .map((k) => doc.context.lookup(k))
          .filter((k): k is PDFDict => k instanceof PDFDict && k.get(N('Type')) === N('OBJR'))
          .map((k) => k.get(N('Obj'))),
      );
    for (const l of lenker) expect(objr).toContainEqual(l.ref);
  });

  it('the case paper alone has the words, and no link to a sak it does not hold', async () => {
    const fil = join(ut, '2025-05-22-ssu', 'vedlegg', 'sak-02-25.pdf');
    const doc = await PDFDocument.load(readFileSync(fil));
    expect(linkAnnotations(doc)).toEqual([]);
    const { findings, elems } = await pdfuaFindings(fil);
    expect(findings).toEqual([]);
    expect(elems.filter((e) => e.role === 'Link')).toEqual([]);
    expect(pdfTekst(fil).replace(/\s+/g, ' ')).toContain('Dette bygger på sak 03.25 og tidligere sak 15.24 fra SSU, og på sak 01.25.');
  });

  it('in the innkalling a reference to a sak in its saksgrunnlag leads there', async () => {
    const fil = join(ut, '2025-05-22-ssu', 'innkalling.pdf');
    const doc = await PDFDocument.load(readFileSync(fil));
    const lenker = linkAnnotations(doc);
    expect(lenker.length).toBe(2);
    for (const l of lenker) {
      expect(pdfTekst(fil, '-f', String(l.til! + 1), '-l', String(l.til! + 1))).toMatch(/Sak 0[34]\.25/);
      expect(l.contents).toMatch(/^Lenke til side \d+$/);
    }
  });

  it('the same files from a second build', async () => {
    const root = makeProject({ '2025-05-22-ssu/10-a.md': A, '2025-05-22-ssu/11-b.md': B, '2025-05-22-ssu/12-c.md': C });
    const igjen = utmappe();
    await buildMoter([root], { out: igjen, cwd: root });
    for (const fil of ['saksdokumenter.pdf', 'vedlegg/sak-02-25.pdf', 'innkalling.pdf', 'offentlig/saksdokumenter.pdf']) {
      expect(readFileSync(join(igjen, '2025-05-22-ssu', fil)).equals(readFileSync(join(ut, '2025-05-22-ssu', fil)))).toBe(true);
    }
  }, 120_000);

  // Runs last: it changes the project and output folder the tests above read.
  it('a case paper taken from the cache still gets its links, to the sak as it is called now', async () => {
    const out = ut;
    writeFileSync(join(root, '2025-05-22-ssu/12-c.md'), C.replace('tittel: Orienteringssak', 'tittel: Orientering om status'));
    const igjen = await buildMoter([root], { out, cwd: root });
    const a = igjen.dokumenter.find((d) => d.fil === join(out, '2025-05-22-ssu', 'vedlegg', 'sak-02-25.pdf'));
    expect(a?.fraBuffer).toBe(true);
    const doc = await PDFDocument.load(readFileSync(join(out, '2025-05-22-ssu', 'saksdokumenter.pdf')));
    expect(linkAnnotations(doc).map((l) => l.contents)).toContain('Gå til sak 04.25 Orientering om status');
  }, 120_000);
});
