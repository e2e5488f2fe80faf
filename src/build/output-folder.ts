import { realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../domain/errors.js';
import { displayPath } from '../pipeline/write/atomic.js';

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

/** True when `indre` is `ytre` or lies somewhere under it. */
export function isUnder(indre: string, ytre: string): boolean {
  const rel = relative(ytre, indre);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !rel.startsWith('/'));
}

/**
 * Refuses an output folder that is, contains or lies inside a folder of sources (a project folder
 * with organisasjon.yaml, or a meeting folder): removing outdated outputs there could reach the
 * secretariat's own files. Links are resolved on both sides.
 */
export function checkOutputFolder(outDir: string, kildemapper: readonly string[]): void {
  const ekteUt = realPath(outDir);
  for (const folder of kildemapper) {
    const ekteMappe = realPath(folder);
    if (isUnder(ekteUt, ekteMappe) || isUnder(ekteMappe, ekteUt)) {
      const hvordan = ekteUt === ekteMappe ? 'er' : isUnder(ekteUt, ekteMappe) ? 'ligger inne i' : 'inneholder';
      throw new UsageError(
        `utmappen «${displayPath(outDir)}» ${hvordan} kildemappen «${displayPath(folder)}»; motedok skriver aldri blant sakene. ` +
          'Velg en utmappe utenfor prosjektmappen med --out, for eksempel «output» ved siden av «cases».',
      );
    }
  }
}
