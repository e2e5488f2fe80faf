import { resolve } from 'node:path';
import type { BuildOptions, BuildResult } from '../domain/documents.js';
import { writeSite } from '../publish/site.js';
import { buildMoter } from './build.js';

export interface PublishResult extends BuildResult {
  nettsted?: string;
}

/**
 * `motedok publish`: builds the meetings, then writes the static website of their public
 * versions. Nothing is published from a build with errors.
 */
export async function publishMoter(paths: readonly string[] = [], options: BuildOptions = {}): Promise<PublishResult> {
  const outDir = resolve(options.cwd ?? process.cwd(), options.out ?? 'output');
  const result = await buildMoter(paths, { ...options, out: outDir });
  if (result.diagnostics.some((d) => d.severity === 'feil')) return result;
  const nettsted = await writeSite(result, outDir);
  return nettsted ? { ...result, nettsted } : result;
}
