import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { publishMoter } from '../../src/build/publish.js';
import { EKSEMPEL } from './prosjekt.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The document cache of a publish of every example meeting (tests/helpers/tilstand.ts, medEksempelbuffer). */
    eksempelbuffer: string;
  }
}

/**
 * Global set-up of the end-to-end tier: publishes the example meetings once, so that the files
 * that build all of them (bygg, pdfua, nettsted, tilgjengelig-nettsted) can start from its
 * document cache instead of each printing the same documents.
 */
export default async function setup(project: TestProject) {
  const ut = mkdtempSync(join(tmpdir(), 'motedok-eksempelbygg-'));
  const result = await publishMoter([EKSEMPEL], { out: ut });
  const feil = result.diagnostics.filter((d) => d.severity === 'feil');
  if (feil.length > 0) throw new Error(`eksempelmøtene har feil: ${JSON.stringify(feil)}`);
  project.provide('eksempelbuffer', join(ut, '.hurtigbuffer'));
  return () => rmSync(ut, { recursive: true, force: true });
}
