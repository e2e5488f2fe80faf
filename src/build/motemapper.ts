import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../domain/errors.js';
import { PROSJEKTMAPPE } from '../domain/prosjekt.js';
import { findMotemapper } from '../pipeline/load/mapper.js';

/** The folders a command works on: those given, or every meeting under ./cases. */
export function resolveMotemapper(paths: readonly string[], cwd: string): string[] {
  const asked = paths.length > 0 ? paths : [PROSJEKTMAPPE];
  const folders = asked.flatMap((path) => {
    const dir = resolve(cwd, path);
    if (!existsSync(dir)) {
      throw new UsageError(
        paths.length > 0
          ? `fant ikke mappen «${path}».`
          : 'fant ingen mappe «cases» her; kjør kommandoen fra prosjektmappen, eller oppgi møtemappene.',
      );
    }
    if (!statSync(dir).isDirectory())
      throw new UsageError(`«${path}» er ikke en mappe; oppgi en møtemappe (med mote.yaml) eller en mappe med møter.`);
    const found = findMotemapper(dir);
    if (found.length === 0) throw new UsageError(`«${path}» er ikke en møtemappe (ingen mote.yaml) og har ingen møtemapper under seg.`);
    return found;
  });
  return [...new Set(folders)];
}
