import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { makeProject } from '../../helpers/prosjekt.js';
import { TILFELLER } from './tilfeller.js';

/** Anything that looks like a stack trace or an internal error name. */
const STAKK = /\n\s+at |\bat .*\.(?:js|ts):\d+|\b(?:TypeError|ReferenceError|RangeError|SyntaxError|Error):/;

/**
 * Runs the command line in this process (it is the same `main` the installed command runs, and a
 * few hundred checks this way take a second, not a minute), from the project folder.
 */
async function motedok(args: string[], cwd: string) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void stdout.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(a.join(' ')));
  const signaler = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const her = process.cwd();
  process.chdir(cwd);
  try {
    const kode = await main(args);
    return { kode, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
  } finally {
    process.chdir(her);
    log.mockRestore();
    error.mockRestore();
    // main() installs its Ctrl-C handlers on every call; only one run's worth belongs to a process.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      for (const lytter of process.listeners(signal)) if (!signaler[signal].includes(lytter)) process.removeListener(signal, lytter);
    }
  }
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
