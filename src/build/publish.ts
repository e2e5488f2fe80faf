import { basename, join, resolve, sep } from 'node:path';
import type { BuildOptions, BuildResult } from '../domain/documents.js';
import { findMotemapper, findProjectRoot } from '../pipeline/load/project.js';
import { publishedMotemapper, writeSite } from '../publish/site.js';
import { buildMoter } from './build.js';
import { resolveMotemapper } from './load.js';

export interface PublishResult extends BuildResult {
  nettsted?: string;
  /** Meetings not asked for that were on the site and whose public files changed: published again. */
  ogsaPublisert?: string[];
}

/**
 * The meeting folders of the projects asked for that already have pages on the site, and were not
 * asked for. They are built and published again with the others: a sak made exempt after its
 * meeting was published must not stay on the site because another meeting was published next.
 */
function alreadyPublished(paths: readonly string[], cwd: string, outDir: string): string[] {
  if (paths.length === 0) return [];
  const publisert = publishedMotemapper(outDir);
  if (publisert.size === 0) return [];
  const asked = new Set(resolveMotemapper(paths, cwd));
  const roots = new Set([...asked].map((folder) => findProjectRoot(folder)).filter((root): root is string => !!root));
  return [...roots].flatMap((root) => findMotemapper(root)).filter((dir) => !asked.has(dir) && publisert.has(basename(dir)));
}

/** When a meeting that is on the site has errors, nothing is published: says why its errors stop a publish of others. */
function whyStopped(result: BuildResult, igjen: readonly string[]): PublishResult {
  const errors = result.diagnostics.filter((d) => d.severity === 'feil');
  const stopper = igjen.filter((dir) => errors.some((d) => d.file.startsWith(dir + sep)));
  return {
    ...result,
    diagnostics: [
      ...result.diagnostics,
      ...stopper.map((dir) => ({
        severity: 'feil' as const,
        file: join(dir, 'mote.yaml'),
        message: `møtet ${basename(dir)} ligger på nettstedet og publiseres på nytt hver gang et annet møte publiseres, så det som ligger ute følger kildene; det har feil (over), og da publiseres ingenting. Rett feilene, og publiser igjen.`,
      })),
    ],
  };
}

/**
 * `motedok publish`: builds the meetings, and every meeting already on the site, then writes the
 * static website of their public versions. Nothing is published from a build with errors.
 */
export async function publishMoter(paths: readonly string[] = [], options: BuildOptions = {}): Promise<PublishResult> {
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.out ?? 'output');
  const igjen = alreadyPublished(paths, cwd, outDir);
  const result = await buildMoter([...paths, ...igjen], { ...options, out: outDir });
  if (result.diagnostics.some((d) => d.severity === 'feil')) return whyStopped(result, igjen);
  const nettsted = await writeSite(result, outDir);
  const endret = new Set(result.dokumenter.filter((d) => !d.fraBuffer).map((d) => d.mote));
  const ogsaPublisert = igjen.map((dir) => basename(dir)).filter((folder) => endret.has(folder));
  return { ...result, ...(nettsted ? { nettsted } : {}), ...(ogsaPublisert.length ? { ogsaPublisert } : {}) };
}
