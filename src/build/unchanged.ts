import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { nettleseravtrykk, programfiler } from '../cache/document-cache.js';
import { Byggeregister } from '../cache/register.js';
import type { Diagnostic } from '../domain/diagnostics.js';
import type { BuildOptions, ByggetDokument } from '../domain/documents.js';
import { findMeetingFolders, findProjectRoot } from '../pipeline/load/project.js';
import { finnChromium } from '../pipeline/print/chromium.mjs';
import { FONTMAPPE, INNEBYGDE_MALER } from '../util/package.js';
import { resolveMeetingFolders } from './load.js';
import { kontrollerUtmappe } from './output-folder.js';

// Kept apart from the build itself: answering «nothing changed» must not load the browser
// library, pdf-lib or the Markdown parser.

/** What a run reports, kept so that a run with nothing changed can report it again without loading anything. */
export interface Byggesammendrag {
  moter: number;
  dokumenter: ByggetDokument[];
  diagnostics: Diagnostic[];
  /** Files read outside the project folders (a logo, the organisation's templates). */
  ekstra: string[];
}

export type Register = Byggeregister<ByggetDokument, Byggesammendrag>;

/**
 * A run is the same as an earlier one when it asks for the same meetings into the same folder,
 * with the same options, browser and code, and every file it reads is unchanged: the project
 * folders, the templates, the fonts and this program.
 */
export function kjoring(paths: readonly string[], options: BuildOptions) {
  const cwd = options.cwd ?? process.cwd();
  const ut = resolve(cwd, options.out ?? 'output');
  const folders = resolveMeetingFolders(paths, cwd);
  const rotmapper = [...new Set(folders.map((f) => findProjectRoot(f) ?? f))];
  kontrollerUtmappe(ut, [...rotmapper, ...folders]);
  const register: Register = new Byggeregister(join(ut, '.hurtigbuffer', 'register.json'), ut);
  const foresporsel = createHash('sha256')
    .update(JSON.stringify([folders, ut]))
    .digest('hex');
  const nokkel = createHash('sha256')
    .update(JSON.stringify([options.html ?? false, nettleseravtrykk(finnChromium())]))
    .digest('hex');
  const stier = (ekstra: readonly string[]) => [...rotmapper, INNEBYGDE_MALER, FONTMAPPE, ...programfiler(), ...ekstra];
  const alleMoter = rotmapper.every((rot) => findMeetingFolders(rot).every((f) => folders.includes(f)));
  return { ut, register, foresporsel, nokkel, stier, alleMoter };
}

/**
 * The report of the last build, when this one would change nothing: no input, template, font,
 * browser or output file has changed since. Loads no meeting and starts no browser.
 */
export function uendretSidenSist(paths: readonly string[] = [], options: BuildOptions = {}): Byggesammendrag | undefined {
  if (options.force) return undefined;
  const { register, foresporsel, nokkel, stier } = kjoring(paths, options);
  const forrige = register.forrigeKjoring(foresporsel);
  if (!forrige) return undefined;
  return register.kjoring(foresporsel, nokkel, register.inndata(stier(forrige.resultat.ekstra)))?.resultat;
}
