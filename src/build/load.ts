import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SourceCache } from '../cache/source-cache.js';
import { type Diagnostic, Diagnostics, sortDiagnostics } from '../domain/diagnostics.js';
import type { LoadOptions } from '../domain/documents.js';
import type { Mote, Organisasjon } from '../domain/types.js';
import {
  findAktivtContentInProject,
  findProjectRoot,
  loadProjectSource,
  ORGANISASJON_FIL,
  readSkrevetInProject,
  readTabellfilerInProject,
} from '../pipeline/load/project.js';
import { useSourceStore } from '../pipeline/load/source-store.js';
import { buildModel } from '../pipeline/model/mote.js';
import type { Templates } from '../pipeline/render/templates.js';
import { checkJournal } from './journalkontroll.js';
import { resolveMotemapper } from './motemapper.js';
import { loadTemplates } from './templates.js';

export { resolveMotemapper } from './motemapper.js';

export interface LoadResult {
  organisasjon?: Organisasjon;
  /** That organisation's templates, compiled; undefined when they have errors (reported in `diagnostics`). */
  maler?: Templates;
  /** The meetings asked for, in date order; only those whose model could be built. */
  moter: Mote[];
  /** Every meeting in the projects of those asked for, in date order. */
  alleMoter: Mote[];
  /** `ssu-2025` for every committee year in which some meeting has errors (reported or not). */
  arWithErrors: Set<string>;
  /** Every problem found, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** Meeting folders that were asked for (including those that failed to build). */
  folders: string[];
}

/**
 * Loads and validates meetings: every folder named (or every meeting under ./cases), with the
 * rest of their project around them, because sak numbers continue across a committee's year.
 */
export async function loadMoter(paths: readonly string[] = [], options: LoadOptions = {}): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const folders = resolveMotemapper(paths, cwd);
  const diags = new Diagnostics();
  const byRoot = new Map<string, string[]>();
  for (const folder of folders) {
    const root = findProjectRoot(folder);
    if (!root) {
      diags.error(
        join(folder, ORGANISASJON_FIL),
        undefined,
        `fant ingen ${ORGANISASJON_FIL} i møtemappen eller mappene over den; den beskriver organisasjonen og utvalgene og ligger normalt i cases/.`,
      );
      continue;
    }
    byRoot.set(root, [...(byRoot.get(root) ?? []), folder]);
  }
  let organisasjon: Organisasjon | undefined;
  let templates: Templates | undefined;
  const moter: Mote[] = [];
  const alleMoter: Mote[] = [];
  const arWithErrors = new Set<string>();
  for (const [root, selected] of byRoot) {
    const project = await loadProjectSource(root, diags);
    await readTabellfilerInProject(project);
    await readSkrevetInProject(project);
    await findAktivtContentInProject(project);
    const model = await buildModel(project, diags, new Set(selected));
    for (const meeting of project.meetings) if (selected.includes(meeting.dir)) checkJournal(meeting, diags);
    // The templates too, so that `check` finds what `build` would stop at.
    const malene = model.organisasjon ? loadTemplates(model.organisasjon) : undefined;
    diags.addAll(malene?.diagnostics ?? []);
    if (!organisasjon) [organisasjon, templates] = [model.organisasjon, malene?.maler];
    moter.push(...model.moter);
    alleMoter.push(...model.alleMoter);
    for (const ar of model.arWithErrors) arWithErrors.add(ar);
  }
  return { organisasjon, maler: templates, moter, alleMoter, arWithErrors, diagnostics: sortDiagnostics(diags.items), folders };
}

export const loadMote = async (folder: string, options: LoadOptions = {}): Promise<LoadResult> => loadMoter([folder], options);

/**
 * loadMoter for `check`: with the source cache a build keeps in its output folder (`output/`,
 * or `--out`), so that files read before are not parsed again; it gives the same diagnostics.
 * What was read anew is saved there for the next run. Without a build's cache folder, nothing is
 * read or written there; a cache that cannot be written costs only speed.
 */
export async function loadMoterForCheck(paths: readonly string[], options: LoadOptions & { out?: string } = {}): Promise<LoadResult> {
  const folder = join(resolve(options.cwd ?? process.cwd(), options.out ?? 'output'), '.hurtigbuffer');
  const cache = isFolder(folder) ? new SourceCache(folder) : undefined;
  useSourceStore(cache);
  try {
    return await loadMoter(paths, options);
  } finally {
    useSourceStore(undefined);
    try {
      cache?.save();
    } catch {
      // A read-only or full disk: the next check parses again.
    }
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
