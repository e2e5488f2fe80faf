import { resolve } from 'node:path';
import type { BuildOptions, BuildResult } from '../domain/documents.js';
import { writeSite } from '../publish/site.js';
import { buildMeetings } from './build.js';

export interface PublishResult extends BuildResult {
  nettsted?: string;
}

/**
 * `motedok publish`: builds the meetings, then writes the static website of their public
 * versions. Nothing is published from a build with errors.
 */
export async function publishMeetings(paths: readonly string[] = [], options: BuildOptions = {}): Promise<PublishResult> {
  const ut = resolve(options.cwd ?? process.cwd(), options.out ?? 'output');
  const result = await buildMeetings(paths, { ...options, out: ut });
  if (result.diagnostics.some((d) => d.severity === 'feil')) return result;
  const nettsted = await writeSite(result, ut);
  return nettsted ? { ...result, nettsted } : result;
}
