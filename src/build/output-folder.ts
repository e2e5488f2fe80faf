import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../domain/errors.js';
import { displayPath } from '../pipeline/write/atomic.js';
import { isInside } from '../util/paths.js';

/**
 * The path with every link resolved, also when its last parts do not exist yet: an output folder
 * named through a link is where the link leads.
 */
export function realPath(path: string): string {
  const full = resolve(path);
  try {
    return realpathSync(full);
  } catch {
    const over = dirname(full);
    return over === full ? full : join(realPath(over), basename(full));
  }
}

/**
 * Refuses an output folder that is, contains or lies inside a folder of sources (a project folder
 * with organisasjon.yaml, or a meeting folder): removing outdated outputs there could reach the
 * secretariat's own files. Links are resolved on both sides.
 */
export function checkOutputFolder(outDir: string, kildemapper: readonly string[]): void {
  const ekteUt = realPath(outDir);
  for (const folder of kildemapper) {
    const ekteFolder = realPath(folder);
    if (isInside(ekteFolder, ekteUt) || isInside(ekteUt, ekteFolder)) {
      const hvordan = ekteUt === ekteFolder ? 'er' : isInside(ekteFolder, ekteUt) ? 'ligger inne i' : 'inneholder';
      throw new UsageError(
        `utmappen «${displayPath(outDir)}» ${hvordan} kildemappen «${displayPath(folder)}»; motedok skriver aldri blant sakene. ` +
          'Velg en utmappe utenfor prosjektmappen med --out, for eksempel «output» ved siden av «cases».',
      );
    }
  }
}
