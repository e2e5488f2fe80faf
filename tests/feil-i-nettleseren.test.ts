import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../src/pipeline/print/browser.js';
import { innholdUnder } from './helpers/filer.js';
import { EKSEMPEL, utmappe } from './helpers/prosjekt.js';

const repo = resolve(import.meta.dirname, '..');
const bin = join(repo, 'bin', 'motedok.js');
const M = '2025-05-22-ssu';

/** Chromium processes started for this output folder's build (their command line names our wrapper's marker). */
function chromiumMed(merke: string): string[] {
  return spawnSync('pgrep', ['-f', merke], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
}

function prosjektMedUtdata() {
  const prosjekt = mkdtempSync(join(tmpdir(), 'motedok-feil-'));
  cpSync(EKSEMPEL, join(prosjekt, 'cases'), { recursive: true });
  const ut = utmappe();
  const forste = spawnSync(process.execPath, [bin, 'build', join(prosjekt, 'cases', M), '--out', ut], { encoding: 'utf8' });
  expect(forste.status).toBe(0);
  // A change to every sak, so the next build has to print again and cannot take documents from the cache.
  for (const fil of readdirSync(join(prosjekt, 'cases', M)).filter((f) => /^\d.*\.md$/.test(f))) {
    const sti = join(prosjekt, 'cases', M, fil);
    writeFileSync(sti, readFileSync(sti, 'utf8').replace(/\n## Forslag til vedtak/, '\nEndret.\n\n## Forslag til vedtak'));
  }
  return { prosjekt, ut, for: innholdUnder(join(ut, M)) };
}

describe('faults in the browser and the process', () => {
  it('Chromium killed mid-build: a clear message, exit 1, no browser left, earlier output intact', () => {
    const { prosjekt, ut, for: før } = prosjektMedUtdata();
    const merke = `motedok-drept-${Date.now()}`;
    const innpakning = join(prosjekt, 'chromium-som-dor');
    // Starts the real Chromium, then kills it after a second: the build is in the middle of printing.
    writeFileSync(innpakning, `#!/bin/sh\n"${findChromium()}" --${merke} "$@" &\npid=$!\n(sleep 1; kill -9 $pid) &\nwait $pid\n`);
    chmodSync(innpakning, 0o755);
    const result = spawnSync(process.execPath, [bin, 'build', join(prosjekt, 'cases', M), '--out', ut], {
      encoding: 'utf8',
      env: { ...process.env, MOTEDOK_CHROMIUM: innpakning },
      timeout: 60_000,
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

  it('Chromium hanging mid-build: after the time limit a clear message, exit 1, the browser killed, earlier output intact', () => {
    const { prosjekt, ut, for: før } = prosjektMedUtdata();
    const merke = `motedok-hengt-${Date.now()}`;
    const innpakning = join(prosjekt, 'chromium-som-henger');
    // Becomes the real Chromium (exec keeps the pid), which is stopped (SIGSTOP) after two seconds: it hangs, it does not die.
    writeFileSync(innpakning, `#!/bin/sh\n(sleep 2; kill -STOP $$) &\nexec "${findChromium()}" --${merke} "$@"\n`);
    chmodSync(innpakning, 0o755);
    const result = spawnSync(process.execPath, [bin, 'build', join(prosjekt, 'cases', M), '--out', ut], {
      encoding: 'utf8',
      env: { ...process.env, MOTEDOK_CHROMIUM: innpakning, MOTEDOK_TIDSGRENSE: '4' },
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    // Stopped while printing (the usual case), or, on a slow machine, while starting.
    expect(result.stderr).toMatch(
      /^motedok: (Chromium klarte ikke å skrive ut et dokument \(nettleseren svarte ikke; tidsgrensen er 4 sekunder\)|Chromium startet, men kunne ikke åpne en side \(nettleseren svarte ikke|kunne ikke starte \S+: nettleseren svarte ikke)/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(chromiumMed(merke)).toEqual([]);
    const etter = innholdUnder(join(ut, M));
    expect([...etter.keys()]).toEqual([...før.keys()]);
    for (const [fil, bytes] of før) expect(etter.get(fil)!.equals(bytes), fil).toBe(true);
  }, 90_000);

  it('Ctrl-C: exit 130, browser closed, no temporary files, earlier output intact', async () => {
    const { prosjekt, ut, for: før } = prosjektMedUtdata();
    const barn = spawn(process.execPath, [bin, 'build', join(prosjekt, 'cases', M), '--out', ut], {
      env: { ...process.env, TMPDIR: prosjekt },
    });
    await new Promise((ok) => setTimeout(ok, 1500));
    barn.kill('SIGINT');
    const kode = await new Promise<number | null>((ok) => barn.on('exit', (code) => ok(code)));
    expect(kode).toBe(130);
    expect(readdirSync(prosjekt).filter((f) => f.startsWith('motedok-html-'))).toEqual([]);
    expect(spawnSync('pgrep', ['-f', `--user-data-dir=${prosjekt}`], { encoding: 'utf8' }).stdout).toBe('');
    const etter = innholdUnder(join(ut, M));
    expect([...etter.keys()].filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const [fil, bytes] of før) expect(existsSync(join(ut, M, fil)) && etter.get(fil)!.equals(bytes), fil).toBe(true);
  }, 90_000);
});
