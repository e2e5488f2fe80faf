import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildMoter, unchangedSinceLast } from '../../src/build/build.js';
import { PROSJEKTMAPPE } from '../../src/domain/prosjekt.js';
import { EKSEMPEL, utmappe } from '../helpers/prosjekt.js';
import { lagreTilstand } from '../helpers/tilstand.js';

const cases = EKSEMPEL;
const M = '2025-05-22-ssu';

let prosjekt: string;
let ut: string;

async function bygg(force = false) {
  const result = await buildMoter([join(prosjekt, M)], { out: ut, force });
  expect(result.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
  const nye = result.dokumenter
    .filter((d) => !d.fraBuffer)
    .map((d) => relative(ut, d.fil))
    .sort();
  return { result, nye };
}

function endre(fil: string, fra: string, til: string) {
  const sti = join(prosjekt, fil);
  const tekst = readFileSync(sti, 'utf8');
  expect(tekst).toContain(fra);
  writeFileSync(sti, tekst.replace(fra, til));
}

/**
 * The example meeting cut down to what the cache is tested on, so that each full print costs a
 * third of the whole meeting's: the organisation with its logo, and the meeting with one sak with
 * a PDF attachment (sak 13.25, whose proposal the approved referat quotes), its fixed saker and
 * its referat; and the November meeting with its one sak, a meeting of the project besides it.
 */
function eksempelUtdrag(mappe: string): void {
  mkdirSync(join(mappe, M, 'vedlegg'), { recursive: true });
  for (const fil of [
    'organisasjon.yaml',
    'logo.svg',
    `${M}/13-strategisamling.md`,
    `${M}/vedlegg/Oppsummering strategisamling mars 2025.pdf`,
  ])
    cpSync(join(cases, fil), join(mappe, fil));
  // Saker 14.25–18.25 are left out: the break after 14.25, and their sections in the referat.
  const mote = readFileSync(join(cases, M, 'mote.yaml'), 'utf8');
  expect(mote).toMatch(/\npauser:\n[\s\S]*$/);
  writeFileSync(join(mappe, M, 'mote.yaml'), mote.replace(/\npauser:\n[\s\S]*$/, '\n'));
  const referat = readFileSync(join(cases, M, 'referat.md'), 'utf8');
  expect(referat).toMatch(/\n## Sak 14\.25 [\s\S]*\n## Eventuelt\n/);
  writeFileSync(join(mappe, M, 'referat.md'), referat.replace(/\n## Sak 14\.25 [\s\S]*\n(## Eventuelt\n)/, '\n$1'));
  const N = '2025-11-13-ssu';
  mkdirSync(join(mappe, N));
  cpSync(join(cases, N, '32-handlingsdelen-status.md'), join(mappe, N, '32-handlingsdelen-status.md'));
  const november = readFileSync(join(cases, N, 'mote.yaml'), 'utf8');
  expect(november).toMatch(/\npauser:\n[\s\S]*$/);
  writeFileSync(join(mappe, N, 'mote.yaml'), november.replace(/\npauser:\n[\s\S]*$/, '\n'));
}

// The example meeting (cut down, see eksempelUtdrag) is built cold once; every test starts from that built project and output
// folder, put back in the same paths, and pays only for its own rebuild.
let forste: Awaited<ReturnType<typeof bygg>>;
let bygd: ReturnType<typeof lagreTilstand>;

beforeAll(async () => {
  prosjekt = mkdtempSync(join(tmpdir(), 'motedok-buffer-'));
  eksempelUtdrag(prosjekt);
  ut = utmappe();
  forste = await bygg();
  expect(forste.nye.length).toBeGreaterThan(10);
  bygd = lagreTilstand(prosjekt, ut);
}, 120_000);

beforeEach(() => bygd.gjenopprett());

describe('the document cache', () => {
  it('a rebuild with nothing changed prints nothing and touches no file', async () => {
    const tider = new Map(forste.result.dokumenter.map((d) => [d.fil, statSync(d.fil).mtimeMs]));
    const andre = await bygg();
    expect(andre.nye).toEqual([]);
    for (const [fil, tid] of tider) expect(statSync(fil).mtimeMs, fil).toBe(tid);
  }, 120_000);

  it("editing a case paper's body re-prints only that case paper and saksdokumenter", async () => {
    endre(`${M}/13-strategisamling.md`, 'Noen av innspillene fra samlingen er:', 'Noen av de viktigste innspillene fra samlingen er:');
    expect((await bygg()).nye).toEqual([
      `${M}/offentlig/saksdokumenter.pdf`,
      `${M}/offentlig/vedlegg/sak-13-25.pdf`,
      `${M}/saksdokumenter.pdf`,
      `${M}/vedlegg/sak-13-25.pdf`,
    ]);
  }, 120_000);

  it('editing a proposal also re-prints the innkalling, the referat that quotes it and the vedtaksliste', async () => {
    endre(
      `${M}/13-strategisamling.md`,
      'gjennomfører egenevaluering i forbindelse med hvert møte',
      'gjennomfører egenevaluering etter hvert møte',
    );
    const { nye } = await bygg();
    expect(nye.filter((f) => !f.includes('offentlig'))).toEqual([
      `${M}/innkalling.pdf`,
      `${M}/referat.pdf`,
      `${M}/saksdokumenter.pdf`,
      `${M}/vedlegg/sak-13-25.pdf`,
      'ssu-2025-vedtak.pdf',
    ]);
  }, 120_000);

  it('replacing an image file (here the logo) under the same name re-prints the documents that show it', async () => {
    endre('logo.svg', '#3aa6a0', '#c0392b');
    const { nye } = await bygg();
    expect(nye).toEqual(
      expect.arrayContaining([
        `${M}/innkalling.pdf`,
        `${M}/saksliste.pdf`,
        `${M}/vedlegg/sak-13-25.pdf`,
        `${M}/saksdokumenter.pdf`,
        'ssu-2025-vedtak.pdf',
      ]),
    );
  }, 120_000);

  it('a template change re-prints everything', async () => {
    const css = join(prosjekt, 'egne-maler', 'print.css');
    cpSync(resolve(import.meta.dirname, '../../templates/print.css'), css, { recursive: true });
    writeFileSync(css, `${readFileSync(css, 'utf8')}\nh1 { letter-spacing: 0.01em; }\n`);
    writeFileSync(join(prosjekt, 'organisasjon.yaml'), `${readFileSync(join(prosjekt, 'organisasjon.yaml'), 'utf8')}maler: egne-maler\n`);
    expect((await bygg()).nye.length).toBe(forste.nye.length);
  }, 120_000);

  it('a damaged cache is thrown away and the documents printed again, with the same bytes', async () => {
    const innkalling = readFileSync(join(ut, M, 'innkalling.pdf'));
    const buffer = join(ut, '.hurtigbuffer');
    for (const fil of readdirSync(buffer).filter((f) => f.endsWith('.pdf'))) writeFileSync(join(buffer, fil), 'ødelagt');
    writeFileSync(join(buffer, 'register.json'), '{"versjon": 1, "moter": ');
    const { nye } = await bygg();
    expect(nye).toEqual(forste.nye);
    expect(readFileSync(join(ut, M, 'innkalling.pdf')).equals(innkalling)).toBe(true);
    // --force prints everything again, also what an identical document in the same run could have shared.
    expect((await bygg(true)).nye).toEqual(expect.arrayContaining(forste.nye));
  }, 120_000);
});

describe('the build register', () => {
  it('a rebuild with nothing changed is answered from the register without loading; any change to an input or output is seen', async () => {
    const sammendrag = unchangedSinceLast([join(prosjekt, M)], { out: ut });
    expect(sammendrag?.dokumenter.map((d) => d.fil).sort()).toEqual(forste.result.dokumenter.map((d) => d.fil).sort());
    // Saved again with the same text: still unchanged.
    const sak = join(prosjekt, M, '13-strategisamling.md');
    writeFileSync(sak, readFileSync(sak));
    expect(unchangedSinceLast([join(prosjekt, M)], { out: ut })).toBeDefined();
    expect(unchangedSinceLast([join(prosjekt, M)], { out: ut, html: true })).toBeUndefined();
    expect(unchangedSinceLast([join(prosjekt, M)], { out: ut, force: true })).toBeUndefined();
    // A new file in a meeting folder (it may be an image a sak is about to show).
    writeFileSync(join(prosjekt, '2025-11-13-ssu', 'notat.txt'), 'nytt');
    expect(unchangedSinceLast([join(prosjekt, M)], { out: ut })).toBeUndefined();
    await bygg();
    expect(unchangedSinceLast([join(prosjekt, M)], { out: ut })).toBeDefined();
    // An output file changed by hand.
    writeFileSync(join(ut, M, 'saksliste.pdf'), 'endret for hånd');
    expect(unchangedSinceLast([join(prosjekt, M)], { out: ut })).toBeUndefined();
  }, 120_000);

  it('a link in the project that leads round in a circle is not followed', async () => {
    symlinkSync('..', join(prosjekt, M, 'vedlegg', 'sirkel'));
    await bygg();
    expect(unchangedSinceLast([join(prosjekt, M)], { out: ut })).toBeDefined();
  }, 120_000);

  it('an output file that was deleted or changed by hand is made again, even though its meeting did not change', async () => {
    const saksliste = readFileSync(join(ut, M, 'saksliste.pdf'));
    rmSync(join(ut, M, 'saksliste.pdf'));
    writeFileSync(join(ut, M, 'offentlig', 'innkalling.pdf'), 'endret for hånd');
    const { result } = await bygg();
    expect(readFileSync(join(ut, M, 'saksliste.pdf')).equals(saksliste)).toBe(true);
    expect(readFileSync(join(ut, M, 'offentlig', 'innkalling.pdf')).equals(readFileSync(join(ut, M, 'innkalling.pdf')))).toBe(true);
    expect(result.dokumenter.length).toBe(forste.result.dokumenter.length);
  }, 120_000);

  it('removes cache entries that no current document is made of, after a build of every meeting', async () => {
    const buffer = join(ut, '.hurtigbuffer');
    const oppforinger = () =>
      readdirSync(buffer)
        .filter((f) => /^[0-9a-f]{64}\.pdf$/.test(f))
        .sort();
    const kopi = join(prosjekt, PROSJEKTMAPPE);
    eksempelUtdrag(kopi);
    const byggAlt = async () =>
      expect((await buildMoter([], { cwd: prosjekt, out: ut })).diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    await byggAlt();
    const forste = oppforinger();
    const sak = join(kopi, M, '13-strategisamling.md');
    writeFileSync(sak, readFileSync(sak, 'utf8').replace('Noen av innspillene fra samlingen er:', 'Noen av de viktigste innspillene er:'));
    await byggAlt();
    const andre = oppforinger();
    // The old case paper (as printed, with its attachment under the running header, numbered) and
    // saksdokumenter (joined and numbered in one) are gone (the public ones are the same entries), their replacements are there.
    expect(andre.length).toBe(forste.length);
    expect(forste.filter((f) => !andre.includes(f))).toHaveLength(4);
    // A build of one meeting removes nothing.
    writeFileSync(sak, readFileSync(sak, 'utf8').replace('Noen av de viktigste innspillene er:', 'Noen av innspillene fra samlingen er:'));
    expect((await buildMoter([join(kopi, M)], { out: ut })).diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    expect(oppforinger()).toEqual(expect.arrayContaining(andre));
  }, 240_000);
});
