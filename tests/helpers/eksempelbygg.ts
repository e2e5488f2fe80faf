import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { publishMoter } from '../../src/build/publish.js';
import { EKSEMPEL } from './prosjekt.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The document cache of a publish of every example meeting (tests/helpers/tilstand.ts, medEksempelbuffer). */
    eksempelbuffer: string;
    /** Written when that publish has ended: `{ "feil": … }`, empty when it had none (tests/helpers/tilstand.ts). */
    eksempelbyggFerdig: string;
  }
}

/**
 * Global set-up of the end-to-end tier: publishes the example meetings once, so that the files
 * that build all of them (bygg, pdfua, nettsted, tilgjengelig-nettsted, kalender) can start from
 * its document cache instead of each printing the same documents.
 *
 * The publish is started, not awaited: the test files start at once, and the few that need its
 * cache wait for the file that says it has ended (medEksempelbuffer). Awaiting it here kept both
 * workers idle for the whole publish.
 */
export default function setup(project: TestProject) {
  const ut = mkdtempSync(join(tmpdir(), 'motedok-eksempelbygg-'));
  const ferdig = join(ut, 'ferdig.json');
  const meld = (feil: string[]) => {
    writeFileSync(`${ferdig}.tmp`, JSON.stringify({ feil }));
    renameSync(`${ferdig}.tmp`, ferdig);
  };
  const bygg = publishMoter([EKSEMPEL], { out: ut }).then(
    (result) => meld(result.diagnostics.filter((d) => d.severity === 'feil').map((d) => JSON.stringify(d))),
    (error: unknown) => meld([String((error as Error)?.stack ?? error)]),
  );
  project.provide('eksempelbuffer', join(ut, '.hurtigbuffer'));
  project.provide('eksempelbyggFerdig', ferdig);
  return async () => {
    await bygg;
    rmSync(ut, { recursive: true, force: true });
  };
}
