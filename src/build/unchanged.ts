import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { browserFingerprint, programFiles } from '../cache/document-cache.js';
import { BuildRegister } from '../cache/register.js';
import type { Diagnostic } from '../domain/diagnostics.js';
import type { BuildOptions, BuiltDocument } from '../domain/documents.js';
import { findMotemapper, findProjectRoot } from '../pipeline/load/mapper.js';
import { findPrinter } from '../pipeline/print/chromium.mjs';
import { cleanLeftovers } from '../pipeline/write/lock.js';
import { BUILTIN_TEMPLATES_DIR, FONT_DIR } from '../util/package.js';
import { resolveMotemapper } from './motemapper.js';
import { checkOutputFolder } from './output-folder.js';

// Kept apart from the build itself: answering «nothing changed» must not load the browser
// library, pdf-lib or the Markdown parser.

/** What a run reports, kept so that a run with nothing changed can report it again without loading anything. */
export interface BuildSummary {
  moter: number;
  dokumenter: BuiltDocument[];
  diagnostics: Diagnostic[];
  /** Files read outside the project folders (a logo, the organisation's templates). */
  ekstra: string[];
}

export type Register = BuildRegister<BuiltDocument, BuildSummary>;

/**
 * A run is the same as an earlier one when it asks for the same meetings into the same folder,
 * with the same options, browser and code, and every file it reads is unchanged: the project
 * folders, the templates, the fonts and this program.
 */
export function describeRun(paths: readonly string[], options: BuildOptions) {
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.out ?? 'output');
  const folders = resolveMotemapper(paths, cwd);
  const rotmapper = [...new Set(folders.map((f) => findProjectRoot(f) ?? f))];
  checkOutputFolder(outDir, [...rotmapper, ...folders]);
  cleanLeftovers(outDir);
  const register: Register = new BuildRegister(join(outDir, '.hurtigbuffer', 'register.json'), outDir);
  const foresporsel = createHash('sha256')
    .update(JSON.stringify([folders, outDir]))
    .digest('hex');
  const key = createHash('sha256')
    .update(JSON.stringify([options.html ?? false, browserFingerprint(findPrinter()?.path)]))
    .digest('hex');
  const stier = (ekstra: readonly string[]) => [...rotmapper, BUILTIN_TEMPLATES_DIR, FONT_DIR, ...programFiles(), ...ekstra];
  const alleMoter = rotmapper.every((root) => findMotemapper(root).every((f) => folders.includes(f)));
  return { ut: outDir, register, foresporsel, nokkel: key, stier, alleMoter };
}

/**
 * The report of the last build, when this one would change nothing: no input, template, font,
 * browser or output file has changed since. Loads no meeting and starts no browser.
 */
export function unchangedSinceLast(paths: readonly string[] = [], options: BuildOptions = {}): BuildSummary | undefined {
  if (options.force) return undefined;
  const { register, foresporsel, nokkel: key, stier } = describeRun(paths, options);
  const previous = register.previousRun(foresporsel);
  if (!previous) return undefined;
  return register.matchingRun(foresporsel, key, register.inndata(stier(previous.resultat.ekstra)))?.resultat;
}
