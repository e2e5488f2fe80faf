import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROSJEKTMAPPE } from '../../src/domain/prosjekt.js';
import { findChromium } from '../../src/pipeline/print/browser.js';
import { innholdUnder } from '../helpers/filer.js';
import { EKSEMPEL, utmappe } from '../helpers/prosjekt.js';
import { lagreTilstand } from '../helpers/tilstand.js';

const repo = resolve(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'motedok.js');
const M = '2025-05-22-ssu';

/** Chromium processes started for this output folder's build (their command line names our wrapper's marker). */
function chromiumMed(merke: string): string[] {
  return spawnSync('pgrep', ['-f', merke], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
}

/** Resolves with the name of the first entry in `dir` that passes `test`, as soon as it is made. */
function appears(dir: string, test: (name: string) => boolean): Promise<string> {
  return new Promise((ok) => {
    const watcher = watch(dir, (_event, name) => {
      if (name && test(name)) {
        watcher.close();
        ok(name);
      }
    });
    const there = readdirSync(dir).find(test);
    if (there) {
      watcher.close();
      ok(there);
    }
  });
}

/**
 * The build has started printing: the browser's temporary folder (in `tmp`, the build's TMPDIR)
 * holds the first page being printed. The signal the tests wait for instead of a sleep.
 */
async function printingStarted(tmp: string): Promise<void> {
  const folder = await appears(tmp, (n) => n.startsWith('motedok-html-'));
  await appears(join(tmp, folder), (n) => n.endsWith('.html'));
}

/** Runs `motedok build` of the meeting, with `act` called once the first document is being printed. */
async function buildAndInterrupt(prosjekt: string, ut: string, env: NodeJS.ProcessEnv, act: (pid: number) => void) {
  const barn = spawn(process.execPath, [bin, 'build', join(prosjekt, PROSJEKTMAPPE, M), '--out', ut], {
    env: { ...process.env, TMPDIR: prosjekt, ...env },
  });
  let stderr = '';
  barn.stderr.on('data', (d) => {
    stderr += d;
  });
  const exit = new Promise<number | null>((ok) => barn.on('exit', (code) => ok(code)));
  await Promise.race([printingStarted(prosjekt), exit]);
  act(barn.pid!);
  return { status: await exit, stderr };
}

function prosjektMedUtdata() {
  const prosjekt = mkdtempSync(join(tmpdir(), 'motedok-feil-'));
  cpSync(EKSEMPEL, join(prosjekt, PROSJEKTMAPPE), { recursive: true });
  const ut = utmappe();
  const forste = spawnSync(process.execPath, [bin, 'build', join(prosjekt, PROSJEKTMAPPE, M), '--out', ut], { encoding: 'utf8' });
  expect(forste.status).toBe(0);
  // A change to every sak, so the next build has to print again and cannot take documents from the cache.
  for (const fil of readdirSync(join(prosjekt, PROSJEKTMAPPE, M)).filter((f) => /^\d.*\.md$/.test(f))) {
    const sti = join(prosjekt, PROSJEKTMAPPE, M, fil);
    writeFileSync(sti, readFileSync(sti, 'utf8').replace(/\n## Forslag til vedtak/, '\nEndret.\n\n## Forslag til vedtak'));
  }
  return { prosjekt, ut, for: innholdUnder(join(ut, M)) };
}

// Built (and every sak changed) once; each test starts from that project and output folder, put
// back in the same paths.
let bygd: ReturnType<typeof prosjektMedUtdata>;
let tilstand: ReturnType<typeof lagreTilstand>;

beforeAll(() => {
  bygd = prosjektMedUtdata();
  tilstand = lagreTilstand(bygd.prosjekt, bygd.ut);
}, 120_000);

beforeEach(() => tilstand.gjenopprett());

describe('faults in the browser and the process', () => {
  it('Chromium killed mid-build: a clear message, exit 1, no browser left, earlier output intact', async () => {
    const { prosjekt, ut, for: før } = bygd;
    const merke = `motedok-drept-${Date.now()}`;
    const innpakning = join(prosjekt, 'chromium-som-dor');
    // The real Chromium, with a marker to find it by; killed once the first document is being printed.
    writeFileSync(innpakning, `#!/bin/sh\nexec "${findChromium()}" --${merke} "$@"\n`);
    chmodSync(innpakning, 0o755);
    const result = await buildAndInterrupt(prosjekt, ut, { MOTEDOK_CHROMIUM: innpakning }, () => {
      spawnSync('pkill', ['-KILL', '-f', merke]);
    });
    expect(result.status).toBe(1);
    // Killed while printing (the usual case), or, on a busy machine, while starting.
    expect(result.stderr).toMatch(
      /^motedok: (Chromium (klarte ikke å skrive ut et dokument|startet, men kunne ikke åpne en side)|kunne ikke starte \S+: nettleseren ble avsluttet\.)/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(chromiumMed(merke)).toEqual([]);
    const etter = innholdUnder(join(ut, M));
    expect([...etter.keys()]).toEqual([...før.keys()]);
    for (const [fil, bytes] of før) expect(etter.get(fil)!.equals(bytes), fil).toBe(true);
  }, 90_000);

  it('Chromium hanging mid-build: after the time limit a clear message, exit 1, the browser killed, earlier output intact', async () => {
    const { prosjekt, ut, for: før } = bygd;
    const merke = `motedok-hengt-${Date.now()}`;
    const innpakning = join(prosjekt, 'chromium-som-henger');
    // The real Chromium, stopped (SIGSTOP, every process of it) once the first document is being printed: it hangs, it does not die.
    writeFileSync(innpakning, `#!/bin/sh\nexec "${findChromium()}" --${merke} "$@"\n`);
    chmodSync(innpakning, 0o755);
    const result = await buildAndInterrupt(prosjekt, ut, { MOTEDOK_CHROMIUM: innpakning, MOTEDOK_TIDSGRENSE: '2' }, () => {
      spawnSync('pkill', ['-STOP', '-f', merke]);
    });
    expect(result.status).toBe(1);
    // Stopped while printing (the usual case), or, on a slow machine, while starting.
    expect(result.stderr).toMatch(
      /^motedok: (Chromium klarte ikke å skrive ut et dokument \(nettleseren svarte ikke; tidsgrensen er 2 sekunder\)|Chromium startet, men kunne ikke åpne en side \(nettleseren svarte ikke|kunne ikke starte \S+: nettleseren svarte ikke)/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(chromiumMed(merke)).toEqual([]);
    const etter = innholdUnder(join(ut, M));
    expect([...etter.keys()]).toEqual([...før.keys()]);
    for (const [fil, bytes] of før) expect(etter.get(fil)!.equals(bytes), fil).toBe(true);
  }, 90_000);

  it('Ctrl-C: exit 130, browser closed, no temporary files, earlier output intact', async () => {
    const { prosjekt, ut, for: før } = bygd;
    const { status: kode } = await buildAndInterrupt(prosjekt, ut, {}, (pid) => process.kill(pid, 'SIGINT'));
    expect(kode).toBe(130);
    expect(readdirSync(prosjekt).filter((f) => f.startsWith('motedok-html-'))).toEqual([]);
    expect(spawnSync('pgrep', ['-f', '--', `--user-data-dir=${prosjekt}`]).status).toBe(1);
    const etter = innholdUnder(join(ut, M));
    expect([...etter.keys()].filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const [fil, bytes] of før) expect(existsSync(join(ut, M, fil)) && etter.get(fil)!.equals(bytes), fil).toBe(true);
  }, 90_000);
});
