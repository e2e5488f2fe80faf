import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LoadResult } from '../build/load.js';
import { sortDiagnostics } from '../domain/diagnostics.js';
import type { Mote } from '../domain/types.js';
import { visible } from '../util/visible.js';
import { countErrors, plural, printDiagnostics, seconds, shownPath } from './format.js';

/** `motedok check`: every planned saksliste on stdout, the problems on stderr. */
export async function runCheck(paths: string[], out?: string): Promise<number> {
  const started = performance.now();
  const result = await loadWithArsplaner(paths, out);
  // Loaded here, not with the program: every other command (a build with nothing changed) starts without them.
  const { sakslisteAsText } = await import('../pipeline/render/saksliste-tekst.js');
  for (const mote of result.moter) printSaksliste(mote, sakslisteAsText);
  printDiagnostics(result.diagnostics);
  const errors = countErrors(result.diagnostics);
  const warnings = result.diagnostics.length - errors;
  const saker = result.moter.reduce((n, m) => n + m.saker.length, 0);
  const summary = `${errors === 0 ? 'ingen feil' : plural(errors, 'feil', 'feil')}, ${plural(warnings, 'advarsel', 'advarsler')}`;
  console.log(
    `motedok check: ${plural(result.folders.length, 'møte', 'møter')} og ${plural(saker, 'sak', 'saker')} kontrollert på ${seconds(performance.now() - started)} s – ${summary}.`,
  );
  return errors > 0 ? 1 : 0;
}

/** Checking the whole project (no folders, or the folder with organisasjon.yaml) checks the annual plan files too. */
async function loadWithArsplaner(paths: string[], out: string | undefined): Promise<LoadResult> {
  const [{ loadMoterForCheck }, { checkArsplaner }] = await Promise.all([import('../build/load.js'), import('../build/check-arsplan.js')]);
  const lastet = await loadMoterForCheck(paths, { out });
  const helt = paths.length === 0 || paths.some((p) => existsSync(join(resolve(p), 'organisasjon.yaml')));
  if (!helt) return lastet;
  const diagnostics = sortDiagnostics([...lastet.diagnostics, ...checkArsplaner(lastet.organisasjon, lastet.alleMoter)]);
  return { ...lastet, diagnostics };
}

function printSaksliste(mote: Mote, sakslisteAsText: (mote: Mote) => string): void {
  console.log(visible(`${shownPath(mote.dir) || '.'}`));
  console.log(sakslisteAsText(mote).split('\n').map(visible).join('\n'));
  console.log('');
}
