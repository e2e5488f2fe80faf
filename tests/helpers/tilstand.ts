import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { inject } from 'vitest';
import { EKSEMPEL } from './prosjekt.js';

/**
 * Keeps a copy of folders (a built project and its output folder) so that each test can start
 * from the same built state instead of building it again: `gjenopprett()` puts the copies back in
 * the same paths, so the build register and document cache (which key on absolute paths, sizes
 * and modification times) take them for the folders they were.
 *
 * Copied with `cp -a`, not `cpSync(…, { preserveTimestamps: true })`: Node sets times to whole
 * milliseconds, and the register compares `mtimeMs` exactly, so every output would count as
 * changed by hand after a restore.
 */
export function lagreTilstand(...mapper: string[]): { gjenopprett(): void } {
  const lager = mkdtempSync(join(tmpdir(), 'motedok-tilstand-'));
  const kopier = mapper.map((mappe, i) => {
    const kopi = join(lager, `${i}-${basename(mappe)}`);
    execFileSync('cp', ['-a', mappe, kopi]);
    return [mappe, kopi] as const;
  });
  return {
    gjenopprett() {
      for (const [mappe, kopi] of kopier) {
        rmSync(mappe, { recursive: true, force: true });
        execFileSync('cp', ['-a', kopi, mappe]);
      }
    },
  };
}

/**
 * Gives an output folder the document cache of a publish of every example meeting, made once per
 * run: a key is a hash of everything that goes into a PDF, so a build of the examples into it
 * prints nothing it would print the same. Its register is not copied, so nothing counts as built
 * before. Only for tests that read what a build makes, never for tests of printing or of the cache
 * itself.
 *
 * The first file to ask publishes (the folder it makes first is the claim, tests/helpers/eksempelbygg.ts);
 * the others, in this worker or the other, wait for the file that says it has ended, and fail
 * with its errors if it had any.
 */
export async function medEksempelbuffer(ut: string): Promise<void> {
  const bygget = await eksempelPublisert();
  cpSync(join(bygget, '.hurtigbuffer'), join(ut, '.hurtigbuffer'), { recursive: true, filter: (f) => !f.endsWith('register.json') });
}

/**
 * The output folder of that publish of every example meeting (its site in nettsted/), for files
 * that only read what `motedok publish` of the examples makes. Shared by every such file:
 * nothing may write in it.
 */
export async function eksempelPublisert(): Promise<string> {
  const mappe = inject('eksempelbygg');
  const bygget = join(mappe, 'ut');
  const ferdig = join(mappe, 'ferdig.json');
  let forst = false;
  try {
    mkdirSync(join(mappe, 'krav'));
    forst = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (forst) {
    let feil: string[];
    try {
      const { publishMoter } = await import('../../src/build/publish.js');
      const result = await publishMoter([EKSEMPEL], { out: bygget });
      feil = result.diagnostics.filter((d) => d.severity === 'feil').map((d) => JSON.stringify(d));
    } catch (error) {
      feil = [String((error as Error)?.stack ?? error)];
    }
    writeFileSync(`${ferdig}.tmp`, JSON.stringify({ feil }));
    renameSync(`${ferdig}.tmp`, ferdig);
  } else if (!existsSync(ferdig)) {
    await new Promise<void>((ok) => {
      const vakt = watch(mappe, () => {
        if (!existsSync(ferdig)) return;
        vakt.close();
        ok();
      });
      // Written between the check above and the watch.
      if (existsSync(ferdig)) {
        vakt.close();
        ok();
      }
    });
  }
  const { feil } = JSON.parse(readFileSync(ferdig, 'utf8')) as { feil: string[] };
  if (feil.length > 0) throw new Error(`eksempelmøtene har feil: ${feil.join('\n')}`);
  return bygget;
}

/**
 * Gives an output folder the document cache of another one (without its register, so nothing
 * counts as built before): a build into it prints only what the other's builds did not. For tests
 * that read what a build makes from inputs an earlier test already built.
 */
export function medBufferFra(fra: string, ut: string): void {
  cpSync(join(fra, '.hurtigbuffer'), join(ut, '.hurtigbuffer'), { recursive: true, filter: (f) => !f.endsWith('register.json') });
}
