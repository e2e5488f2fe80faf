import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { motedokHer } from '../../helpers/kommando.js';
import { makeProject } from '../../helpers/prosjekt.js';
import { TILFELLER } from './tilfeller.js';

/** Anything that looks like a stack trace or an internal error name. */
const STAKK = /\n\s+at |\bat .*\.(?:js|ts):\d+|\b(?:TypeError|ReferenceError|RangeError|SyntaxError|Error):/;

/** The command line in this process, with each stream's last newline taken off. */
async function motedok(args: string[], cwd: string) {
  const { code, stdout, stderr } = await motedokHer(args, cwd);
  return { kode: code, stdout: stdout.replace(/\n$/, ''), stderr: stderr.replace(/\n$/, '') };
}

describe('the corpus of broken input: exact message, position and exit code', () => {
  it('has at least 40 cases, each with its own name', () => {
    expect(TILFELLER.length).toBeGreaterThanOrEqual(40);
    expect(new Set(TILFELLER.map((t) => t.navn)).size).toBe(TILFELLER.length);
  });

  it.each(TILFELLER.map((t) => [t.navn, t] as const))(
    '%s',
    async (_navn, tilfelle) => {
      const root = makeProject(tilfelle.filer, !tilfelle.utenStandard);
      tilfelle.lag?.(root);
      const { kode, stdout, stderr } = await motedok(tilfelle.args ?? ['check', '.'], root);
      const meldinger = typeof tilfelle.meldinger === 'function' ? tilfelle.meldinger(root) : tilfelle.meldinger;
      expect(stderr === '' ? [] : stderr.split('\n')).toEqual(meldinger);
      expect(kode).toBe(tilfelle.kode);
      expect(`${stdout}\n${stderr}`).not.toMatch(STAKK);
      if (kode !== 2 && (tilfelle.args?.[0] ?? 'check') === 'check') {
        // check's summary counts what was printed above it.
        const feil = meldinger.filter((m) => m.includes(': feil: ')).length;
        const advarsler = meldinger.filter((m) => m.includes(': advarsel: ')).length;
        expect(
          stdout.endsWith(`– ${feil === 0 ? 'ingen feil' : `${feil} feil`}, ${advarsler} ${advarsler === 1 ? 'advarsel' : 'advarsler'}.`),
          stdout.slice(-80),
        ).toBe(true);
      }
      for (const linje of tilfelle.utskrift ?? []) expect(stdout.split('\n')).toContain(linje);
    },
    30_000,
  );
});

/** The check cases, run as a user would after a build: beside an output folder with the build's cache. */
const CHECKS = TILFELLER.filter((t) => (t.args ?? ['check'])[0] === 'check' && t.kode !== 2);

describe('the corpus again, with what an earlier check left in the cache (output/.hurtigbuffer)', () => {
  it('has most of the corpus, and the cache is written', async () => {
    expect(CHECKS.length).toBeGreaterThanOrEqual(40);
    const root = makeProject({});
    const out = mkdtempSync(join(tmpdir(), 'motedok-korpus-ut-'));
    mkdirSync(join(out, '.hurtigbuffer'));
    expect((await motedok(['check', '.', '--out', out], root)).kode).toBe(0);
    expect(readFileSync(join(out, '.hurtigbuffer', 'kilder.json'), 'utf8')).toContain('Strategisk samarbeidsutvalg');
  });

  it.each(CHECKS.map((t) => [t.navn, t] as const))(
    '%s',
    async (_navn, tilfelle) => {
      const root = makeProject(tilfelle.filer, !tilfelle.utenStandard);
      tilfelle.lag?.(root);
      const out = mkdtempSync(join(tmpdir(), 'motedok-korpus-ut-'));
      mkdirSync(join(out, '.hurtigbuffer'));
      const args = [...(tilfelle.args ?? ['check', '.']), '--out', out];
      const meldinger = typeof tilfelle.meldinger === 'function' ? tilfelle.meldinger(root) : tilfelle.meldinger;
      // The second run takes unchanged files from the cache and parses them again for positions; the third has those positions too.
      for (const run of ['first', 'second', 'third']) {
        const { kode, stderr } = await motedok(args, root);
        expect(stderr === '' ? [] : stderr.split('\n'), run).toEqual(meldinger);
        expect(kode, run).toBe(tilfelle.kode);
      }
    },
    30_000,
  );
});
