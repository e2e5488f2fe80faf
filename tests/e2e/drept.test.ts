import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filerUnder } from '../helpers/filer.js';
import { makeProject, sak, utmappe } from '../helpers/prosjekt.js';

// A build killed with kill -9 cannot clean up after itself: the browser must die with it (it
// talks to Chromium over a pipe), and the next run removes the lock and temporary files it left.

const repo = resolve(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'motedok.js');
const M = '2025-05-22-ssu';

/** Every process below `pid`, children first found. */
function etterkommere(pid: number): number[] {
  const barn = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map(Number);
  return barn.flatMap((b) => [b, ...etterkommere(b)]);
}

const lever = (pid: number) => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

/** Waits until `ferdig` holds, checking as the processes change; fails after `ms`. */
async function ventTil(ferdig: () => boolean, ms: number, hva: string): Promise<void> {
  const slutt = Date.now() + ms;
  while (!ferdig()) {
    if (Date.now() > slutt) throw new Error(`ventet forgjeves på ${hva}`);
    await new Promise((ok) => setImmediate(ok));
  }
}

describe('a build killed with kill -9', () => {
  it('leaves no browser process behind, and the next build cleans up its lock and temporary files', async () => {
    const saker = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `${M}/${13 + i}-sak.md`,
        sak(`tittel: Sak ${i + 1}\ntype: tema\nminutter: 10`, `## Bakgrunn\n\n${'Tekst som fyller en side. '.repeat(400)}\n`),
      ]),
    );
    const prosjekt = makeProject(saker);
    const ut = utmappe();
    const tmp = mkdtempSync(join(tmpdir(), 'motedok-drept-tmp-'));
    const env = { ...process.env, TMPDIR: tmp };
    const bygging = spawn(process.execPath, [bin, 'build', join(prosjekt, M), '--out', ut, '--force'], { stdio: 'ignore', env });
    const pid = bygging.pid!;
    let avsluttet = false;
    bygging.on('exit', () => {
      avsluttet = true;
    });
    // The signal: Chromium is up with its helper processes (browser, zygote, renderer…).
    let nettleser: number[] = [];
    await ventTil(
      () => {
        nettleser = etterkommere(pid);
        return avsluttet || nettleser.length >= 3;
      },
      60_000,
      'at Chromium startet',
    );
    expect(avsluttet, 'the build ended before it could be killed').toBe(false);
    process.kill(pid, 'SIGKILL');
    await ventTil(() => nettleser.every((p) => !lever(p)), 15_000, 'at Chromium avsluttet').catch(() => undefined);
    expect(nettleser.filter(lever).map((p) => `${p} ${readFileSync(`/proc/${p}/comm`, 'utf8').trim()}`)).toEqual([]);

    // What the killed run could not remove: Chromium's profile, named for the dead process.
    expect(readdirSync(tmp).filter((f) => f.startsWith(`motedok-html-${pid}-`))).toHaveLength(1);

    const igjen = spawnSync(process.execPath, [bin, 'build', join(prosjekt, M), '--out', ut], { encoding: 'utf8', env });
    expect(igjen.stderr).toBe('');
    expect(igjen.status).toBe(0);
    const rester = filerUnder(ut).filter((f) => f.endsWith('.tmp') || f.endsWith('.motedok-bygger'));
    expect(rester).toEqual([]);
    expect(readdirSync(join(ut, M))).toContain('innkalling.pdf');
    expect(readdirSync(tmp)).toEqual([]);
  }, 120_000);
});
