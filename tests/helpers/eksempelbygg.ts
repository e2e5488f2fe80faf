import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the first test file that asks for it publishes the example meetings once for all (tests/helpers/tilstand.ts, medEksempelbuffer). */
    eksempelbygg: string;
  }
}

/**
 * Global set-up of the end-to-end tier: a folder for a publish of every example meeting, so that
 * the files that build all of them (bygg, pdfua, nettsted, tilgjengelig-nettsted, kalender) can
 * start from its document cache instead of each printing the same documents.
 *
 * The publish itself runs in the worker of the first file that needs it (medEksempelbuffer), not
 * here: here it kept both workers waiting, and vitest's main process, which serves the workers
 * their modules, busy.
 */
export default function setup(project: TestProject) {
  const mappe = mkdtempSync(join(tmpdir(), 'motedok-eksempelbygg-'));
  project.provide('eksempelbygg', mappe);
  return () => rmSync(mappe, { recursive: true, force: true });
}
