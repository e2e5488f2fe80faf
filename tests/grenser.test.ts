import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML, { isMap, isPair, isSeq } from 'yaml';
import { BuildRegister } from '../src/cache/register.js';
import { findYamlLimit } from '../src/pipeline/load/yaml-depth.js';
import { SealedBrowser } from '../src/pipeline/print/browser.js';
import { pdfTekst } from './helpers/pdftekst.js';
import { makeProject, sak } from './helpers/prosjekt.js';

const tooDeepYaml = (text: string, nivaer: number) => findYamlLimit(text, { nivaer, verdier: Number.POSITIVE_INFINITY })?.offset;

describe('the build register fingerprints a meeting folder without reading what it must not', () => {
  it('a FIFO is never opened, a file of 3 GB is never read, an ordinary file is hashed', () => {
    const root = mkdtempSync(join(tmpdir(), 'motedok-grenser-'));
    const mappe = join(root, '2025-05-22-ssu');
    mkdirSync(mappe);
    writeFileSync(join(mappe, '13-a.md'), 'tekst');
    execFileSync('mkfifo', [join(mappe, 'ror')]);
    // Sparse: three gigabytes on paper, nothing on disk.
    const fd = openSync(join(mappe, 'opptak.mp4'), 'w');
    writeSync(fd, 'x', 3 * 1024 ** 3);
    closeSync(fd);
    const register = new BuildRegister<{ fil: string }, unknown>(join(root, 'ut', 'register.json'), join(root, 'ut'));
    const start = Date.now();
    const inndata = register.inndata([mappe]);
    expect(Date.now() - start).toBeLessThan(2000);
    expect(inndata[join(mappe, 'ror')]?.sha256).toBe('ikke-en-fil');
    expect(inndata[join(mappe, 'opptak.mp4')]?.sha256).toMatch(/^stor:3221225473:/);
    expect(inndata[join(mappe, '13-a.md')]?.sha256).toBe(createHash('sha256').update('tekst').digest('hex'));
  });
});

/** How deep the yaml library nests what it parsed: maps and sequences inside each other. */
function parsedDepth(node: unknown): number {
  if (!isMap(node) && !isSeq(node)) return 0;
  const items = (node.items as unknown[]).flatMap((item) => (isPair(item) ? [item.key, item.value] : [item]));
  return 1 + Math.max(0, ...items.map(parsedDepth));
}

describe('the YAML depth count, made before parsing, bounds what the parser builds', () => {
  // The parts YAML nests with, and what hides them: quotes, comments, block scalars, anchors and tags.
  const deler = fc.constantFrom(
    '[',
    ']',
    '{',
    '}',
    '- ',
    ': ',
    '? ',
    'a',
    'b c',
    '"',
    "'",
    '\n',
    '\n  ',
    '\n    ',
    ' ',
    ',',
    '#',
    '|',
    '>',
    '&x ',
    '*x',
    '!t ',
  );

  it('any text the count lets through at 4 levels parses at most 8 deep', () => {
    // An indentation the parser forgives (a flow collection less indented than its parent) can
    // keep one level open that the count has closed; never more than one per level counted.
    fc.assert(
      fc.property(fc.array(deler, { maxLength: 80 }), (valgt) => {
        const text = valgt.join('');
        if (tooDeepYaml(text, 4) !== undefined) return;
        expect(
          parsedDepth(YAML.parseDocument(text, { logLevel: 'silent', uniqueKeys: false }).contents),
          JSON.stringify(text),
        ).toBeLessThanOrEqual(8);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts every [, {, «- » and indented line, and nothing inside quotes, comments and block scalars', () => {
    expect(tooDeepYaml(`x: ${'['.repeat(99)}${']'.repeat(99)}`, 100)).toBeUndefined();
    expect(tooDeepYaml(`x: ${'['.repeat(100)}`, 100)).toBe(102);
    expect(tooDeepYaml(`x: [${'a: ['.repeat(60)}`, 100)).toBeDefined();
    expect(
      tooDeepYaml(`x: "${'['.repeat(500)}" # ${'{'.repeat(500)}\ny: |\n  ${'- '.repeat(500)}\nz: '${'{'.repeat(500)}'`, 100),
    ).toBeUndefined();
    expect(tooDeepYaml(Array.from({ length: 101 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'), 100)).toBeDefined();
  });
});

/** Four meetings of 50 saker, each a long case paper (100 kB of ordinary text): a check that reads for seconds. */
function storeMoter(): { root: string; saker: number } {
  const avsnitt = 'Strategisk samarbeidsutvalg ber sekretariatet utrede saken videre, med vekt på økonomi og gevinster.\n';
  const tekst = `${avsnitt.repeat(4)}\n`.repeat(250);
  const filer: Record<string, string> = {
    'organisasjon.yaml': 'navn: Test\nutvalg:\n  ssu:\n    navn: Strategisk samarbeidsutvalg\n    kortnavn: SSU\n',
  };
  for (const [i, dato] of ['2025-02-20', '2025-05-22', '2025-09-18', '2025-11-27'].entries()) {
    filer[`${dato}-ssu/mote.yaml`] = `utvalg: ssu\ndato: ${dato}\nstart: "09:00"\nslutt: "23:00"\nsted: Hamar\n`;
    for (let n = 10; n < 60; n++) filer[`${dato}-ssu/${n}-sak.md`] = sak(`tittel: Sak ${i}-${n}\ntype: tema\nminutter: 5`, tekst);
  }
  return { root: makeProject(filer, false), saker: 200 };
}

/**
 * Runs motedok with a marker line on stderr for every .md file it opens, sends `signal` when the
 * `etter`-th sak file is opened, and waits for the exit. Returns the exit code and how many sak
 * files were opened in all.
 */
async function avbrytVedLesing(args: string[], cwd: string, tmp: string, signal: NodeJS.Signals, etter: number) {
  const bin = resolve(import.meta.dirname, '..', 'bin', 'motedok.js');
  const lesemerke = pathToFileURL(resolve(import.meta.dirname, 'helpers', 'lesemerke.mjs')).href;
  const barn = spawn(process.execPath, ['--import', lesemerke, bin, ...args], { cwd, env: { ...process.env, TMPDIR: tmp } });
  let lest = 0;
  let rest = '';
  barn.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    const linjer = (rest + chunk).split('\n');
    rest = linjer.pop()!;
    for (const linje of linjer) {
      if (linje.startsWith('leser ') && linje.endsWith('-sak.md') && ++lest === etter) barn.kill(signal);
    }
  });
  const kode = await new Promise<number | null>((ok) => barn.on('exit', (code) => ok(code)));
  return { kode, lest };
}

describe('Ctrl-C and kill end a long run at the file it is reading', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    'check, %s at the fifth of 200 saker: exit %i, most saker never read, nothing left behind',
    async (signal, kode) => {
      const { root, saker } = storeMoter();
      const tmp = mkdtempSync(join(tmpdir(), 'motedok-signal-tmp-'));
      const slutt = await avbrytVedLesing(['check', '.'], root, tmp, signal, 5);
      expect(slutt.kode).toBe(kode);
      // The load lets the event loop run between files: the signal ends it at the file it came during,
      // not after all of them (a few more may be read before the signal arrives; never most).
      expect(slutt.lest).toBeLessThan(saker / 2);
      expect(readdirSync(tmp)).toEqual([]);
    },
    120_000,
  );

  it('build, SIGTERM while the saker load and Chromium starts: exit 143, no browser, no temporary files, nothing written', async () => {
    const { root, saker } = storeMoter();
    const tmp = mkdtempSync(join(tmpdir(), 'motedok-signal-tmp-'));
    const ut = mkdtempSync(join(tmpdir(), 'motedok-signal-ut-'));
    // The build reads every file once to see what changed (before it loads), then loads them: the
    // signal comes a few files into the load.
    const slutt = await avbrytVedLesing(['build', '.', '--out', ut], root, tmp, 'SIGTERM', saker + 5);
    expect(slutt.kode).toBe(143);
    expect(slutt.lest).toBeLessThan(saker + saker / 2);
    expect(readdirSync(tmp)).toEqual([]);
    expect(spawnSync('pgrep', ['-f', '--', `--user-data-dir=${tmp}`]).status).toBe(1);
    expect(readdirSync(ut)).toEqual([]);
  }, 120_000);
});

describe('the printer shows only images, styles and fonts from the allowed folders, links followed', () => {
  it('refuses frames, objects, embeds and files that are links out of an allowed folder, even where a template check is bypassed', async () => {
    const mappe = mkdtempSync(join(tmpdir(), 'motedok-skriver-'));
    symlinkSync('/etc/passwd', join(mappe, 'passord.png'));
    symlinkSync('/etc/passwd', join(mappe, 'passord.css'));
    writeFileSync(join(mappe, 'ekte.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>');
    const url = (navn: string) => pathToFileURL(join(mappe, navn)).href;
    const html = `<!doctype html><html><head><link rel="stylesheet" href="${url('passord.css')}"></head><body><p>Synlig</p>
<iframe src="${url('ekte.svg')}"></iframe><iframe src="file:///etc/passwd"></iframe><object data="${url('ekte.svg')}"></object>
<embed src="${url('ekte.svg')}"><img src="${url('passord.png')}"><img src="${url('ekte.svg')}"></body></html>`;
    const nettleser = await SealedBrowser.start(1);
    let pdf: Uint8Array;
    try {
      pdf = await nettleser.pdf({ html, tillatt: [mappe] });
    } finally {
      await nettleser.close();
    }
    const fil = join(mappe, 'ut.pdf');
    writeFileSync(fil, pdf);
    const tekst = pdfTekst(fil);
    expect(tekst).toContain('Synlig');
    expect(tekst).not.toContain(readFileSync('/etc/passwd', 'utf8').split('\n')[0]!);
    const blokkert = nettleser.blokkert.map((b) => b.url);
    for (const navn of ['passord.css', 'passord.png']) expect(blokkert).toContain(url(navn));
    expect(blokkert).toContain('file:///etc/passwd');
    // The frames, the object and the embed ask for ekte.svg: each is refused; only the <img> gets it.
    expect(blokkert.filter((u) => u === url('ekte.svg')).length).toBeGreaterThanOrEqual(1);
    expect(nettleser.forespurt.filter((u) => u === url('ekte.svg')).length - blokkert.filter((u) => u === url('ekte.svg')).length).toBe(1);
  }, 60_000);
});
