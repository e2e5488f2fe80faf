import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { OutputError, writeAll } from '../../src/pipeline/write/atomic.js';
import { LOCK_FILE, takeLock } from '../../src/pipeline/write/lock.js';
import { innholdUnder } from '../helpers/filer.js';
import { makeProject, sak, utmappe } from '../helpers/prosjekt.js';

const repo = resolve(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'motedok.js');
const M = '2025-05-22-ssu';
const STAKK = /\n\s+at |\bat .*\.(?:js|ts):\d+/;

function bygg(prosjekt: string, ut: string, mappe = join(prosjekt, M)) {
  return spawnSync(process.execPath, [bin, 'build', mappe, '--out', ut], { cwd: prosjekt, encoding: 'utf8' });
}

/**
 * Every document under the folder has the bytes it had before, no document was added, and no
 * temporary file is left anywhere. (The cache may keep a PDF whose index entry could not be
 * written; an entry without both files is never used.)
 */
function urort(ut: string, før: Map<string, Buffer>): void {
  const etter = innholdUnder(ut);
  expect([...etter.keys()].filter((f) => f.endsWith('.tmp') || f.endsWith(LOCK_FILE))).toEqual([]);
  const dokumenter = (filer: Map<string, Buffer>) => [...filer.keys()].filter((f) => !f.startsWith('.hurtigbuffer/')).sort();
  expect(dokumenter(etter)).toEqual(dokumenter(før));
  for (const fil of dokumenter(før)) expect(etter.get(fil)!.equals(før.get(fil)!), fil).toBe(true);
}

const ENKELT = {
  [`${M}/13-a.md`]: sak(
    'tittel: En sak\ntype: beslutning\nminutter: 30',
    '## Bakgrunn\n\nTekst.\n\n## Forslag til vedtak\n\nSaken godkjennes.\n',
  ),
};

describe('the output folder cannot be written', () => {
  it('a file where the output folder should be: a clear message, exit 1, the file untouched', () => {
    const prosjekt = makeProject(ENKELT);
    const ut = join(utmappe(), 'ut');
    writeFileSync(ut, 'en fil, ikke en mappe');
    const result = bygg(prosjekt, ut);
    expect(result.stderr).toBe(
      `motedok: kunne ikke skrive «${ut}»: en fil står der en mappe skulle vært. Flytt eller slett filen, eller velg en annen utmappe med --out.\n`,
    );
    expect(result.status).toBe(1);
    expect(readFileSync(ut, 'utf8')).toBe('en fil, ikke en mappe');
  });

  // As root (which the tests run as) chmod does not stop a write; a small RAM disk that is full,
  // or mounted read-only, does. Each test mounts its own and unmounts it however it ends.
  const kanMontere = (() => {
    const prove = mkdtempSync(join(tmpdir(), 'motedok-montering-'));
    const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', prove]).status === 0;
    if (ok) spawnSync('umount', [prove]);
    rmSync(prove, { recursive: true, force: true });
    return ok;
  })();
  if (!kanMontere)
    console.warn(`Hopper over testene av full disk og skrivebeskyttet disk: kunne ikke montere en tmpfs i ${tmpdir()} (krever root).`);
  function medRamdisk(test: (disk: string) => void): void {
    const disk = mkdtempSync(join(tmpdir(), 'motedok-ramdisk-'));
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', disk]).status).toBe(0);
    try {
      test(disk);
    } finally {
      spawnSync('umount', [disk]);
      rmSync(disk, { recursive: true, force: true });
    }
  }

  it.skipIf(!kanMontere)(
    'a read-only output disk: a clear message, exit 1, the earlier documents untouched',
    () =>
      medRamdisk((lesedisk) => {
        const prosjekt = makeProject(ENKELT);
        const ut = join(lesedisk, 'ut');
        expect(bygg(prosjekt, ut).status).toBe(0);
        const før = innholdUnder(ut);
        expect(spawnSync('mount', ['-o', 'remount,ro', lesedisk]).status).toBe(0);
        writeFileSync(join(prosjekt, M, '13-a.md'), ENKELT[`${M}/13-a.md`].replace('Tekst.', 'Endret tekst.'));
        const result = bygg(prosjekt, ut);
        expect(result.stderr).toBe(`motedok: kunne ikke skrive «${ut}»: disken kan bare leses. Velg en annen utmappe med --out.\n`);
        expect(result.status).toBe(1);
        urort(ut, før);
      }),
    120_000,
  );

  it.skipIf(!kanMontere)(
    'disk full in the middle of a build: a clear message, exit 1, the earlier documents untouched, no temporary files',
    () =>
      medRamdisk((disk) => {
        const prosjekt = makeProject(ENKELT);
        const ut = join(disk, 'ut');
        const forste = bygg(prosjekt, ut);
        expect(forste.stderr).toBe('');
        expect(forste.status).toBe(0);
        const før = innholdUnder(ut);

        // Fill the disk, then give back 16 KB: room for the lock file, not for a PDF.
        const fyll = openSync(join(disk, 'fyll'), 'w');
        const blokk = Buffer.alloc(64 * 1024, 1);
        try {
          for (;;) writeSync(fyll, blokk);
        } catch (error) {
          expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
        }
        ftruncateSync(fyll, Math.max(0, fstatSync(fyll).size - 16 * 1024));
        closeSync(fyll);

        writeFileSync(
          join(prosjekt, M, '13-a.md'),
          ENKELT[`${M}/13-a.md`].replace('Tekst.', 'Endret tekst, så saken må skrives ut på nytt.'),
        );
        const full = bygg(prosjekt, ut);
        expect(full.stderr).toMatch(
          /^motedok: disken er full; kunne ikke skrive «[^»]+»\. Dokumentene som var der fra før, er ikke endret \(møter som var ferdige før feilen, er skrevet\)\. Frigjør plass, og prøv igjen\.\n$/,
        );
        expect(full.stderr).not.toMatch(STAKK);
        expect(full.status).toBe(1);
        rmSync(join(disk, 'fyll'));
        urort(ut, før);
      }),
    120_000,
  );
});

describe("writing a meeting's set of files", () => {
  it('is all or nothing: when one file cannot be written, none is replaced and no temporary file is left', async () => {
    const ut = mkdtempSync(join(tmpdir(), 'motedok-sett-'));
    writeFileSync(join(ut, 'a.pdf'), 'gammel a');
    writeFileSync(join(ut, 'b.pdf'), 'gammel b');
    writeFileSync(join(ut, 'vedlegg'), 'en fil der mappen vedlegg/ skulle vært');
    const før = innholdUnder(ut);
    const filer = new Map([
      [join(ut, 'a.pdf'), 'ny a'],
      [join(ut, 'b.pdf'), 'ny b'],
      [join(ut, 'vedlegg', 'sak-02-25.pdf'), 'ny sak'],
    ]);
    await expect(writeAll(filer)).rejects.toThrow(OutputError);
    urort(ut, før);
  });
});

describe('two builds into the same output folder', () => {
  it("the second stops at once with the first one's pid, and the first writes complete, valid PDFs", async () => {
    const prosjekt = makeProject({
      ...ENKELT,
      [`${M}/referat.md`]:
        '---\ntil_stede: [kari, ola, per]\nreferent: Marte\nstatus: utkast\n---\n\n## Sak 01.25\n\n## Sak 02.25\n\nDrøftet.\n',
    });
    const ut = join(utmappe(), 'ut');
    const forste = spawn(process.execPath, [bin, 'build', join(prosjekt, M), '--out', ut], { cwd: prosjekt });
    let avsluttet = false;
    const ferdig = new Promise<number | null>((ok) =>
      forste.on('exit', (kode) => {
        avsluttet = true;
        ok(kode);
      }),
    );
    const las = join(ut, LOCK_FILE);
    while (!existsSync(las) && !avsluttet) await new Promise((ok) => setTimeout(ok, 20));
    expect(avsluttet, 'the first build ended before it took the lock').toBe(false);

    // Held still while the second one runs, so it still holds the lock however quickly it prints.
    forste.kill('SIGSTOP');
    const andre = bygg(prosjekt, ut);
    forste.kill('SIGCONT');
    expect(andre.stderr).toBe(`motedok: en annen bygging til «${ut}» pågår (pid ${forste.pid}). Vent til den er ferdig, og prøv igjen.\n`);
    expect(andre.status).toBe(1);

    expect(await ferdig).toBe(0);
    expect(existsSync(las)).toBe(false);
    const filer = [...innholdUnder(join(ut, M)).entries()];
    expect(filer.map(([f]) => f)).toEqual(
      expect.arrayContaining(['innkalling.pdf', 'saksliste.pdf', 'saksdokumenter.pdf', 'referat.pdf', 'offentlig/innkalling.pdf']),
    );
    for (const [fil, bytes] of filer) {
      expect(fil.endsWith('.tmp'), fil).toBe(false);
      if (!fil.endsWith('.pdf')) continue;
      const pdf = await PDFDocument.load(bytes);
      expect(pdf.getPageCount(), fil).toBeGreaterThan(0);
    }
  }, 120_000);

  it('a lock left by a build that died (its process is gone) is taken over, and removed afterwards', () => {
    const prosjekt = makeProject(ENKELT);
    const ut = join(utmappe(), 'ut');
    const dod = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    mkdirSync(ut);
    writeFileSync(join(ut, LOCK_FILE), `${dod.stdout}\n`);
    const result = bygg(prosjekt, ut);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(join(ut, M, 'innkalling.pdf'))).toBe(true);
    expect(readdirSync(ut).filter((f) => f.startsWith(LOCK_FILE))).toEqual([]);
  }, 60_000);

  it('in one process: the lock is taken once, refused while held, and free again when released', () => {
    const ut = mkdtempSync(join(tmpdir(), 'motedok-las-'));
    writeFileSync(join(ut, LOCK_FILE), 'ikke en prosess-id\n');
    const frigi = takeLock(ut);
    expect(readFileSync(join(ut, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    expect(() => takeLock(ut)).toThrow(`en annen bygging til «${ut}» pågår (pid ${process.pid}). Vent til den er ferdig, og prøv igjen.`);
    frigi();
    expect(readdirSync(ut)).toEqual([]);
    takeLock(ut)();
    expect(readdirSync(ut)).toEqual([]);
  });
});
