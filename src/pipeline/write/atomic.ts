import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';

/**
 * Writing the output failed for a reason of the machine (disk full, a read-only disk, a file
 * where a folder should be): a message for the user, without a stack trace. Nothing of the
 * meeting being written was changed.
 */
export class UtdataFeil extends Error {}

/** A path as the user would write it: relative to the working folder when inside it. */
export function vis(sti: string): string {
  const rel = relative(process.cwd(), sti);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? sti : rel;
}

/** An error from the file system as a message the secretariat can act on. */
export function utdataFeil(error: unknown, sti: string): Error {
  if (error instanceof UtdataFeil) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const hvor = `«${vis(sti)}»`;
  const urort = 'Dokumentene som var der fra før, er ikke endret (møter som var ferdige før feilen, er skrevet).';
  switch (code) {
    case 'ENOSPC':
      return new UtdataFeil(`disken er full; kunne ikke skrive ${hvor}. ${urort} Frigjør plass, og prøv igjen.`);
    case 'EDQUOT':
      return new UtdataFeil(`diskkvoten din er brukt opp; kunne ikke skrive ${hvor}. ${urort} Frigjør plass, og prøv igjen.`);
    case 'EROFS':
      return new UtdataFeil(`kunne ikke skrive ${hvor}: disken kan bare leses. Velg en annen utmappe med --out.`);
    case 'EACCES':
    case 'EPERM':
      return new UtdataFeil(
        `har ikke lov til å skrive ${hvor}. ${urort} Velg en annen utmappe med --out, eller gi skrivetilgang til mappen.`,
      );
    case 'ENOTDIR':
    case 'EEXIST':
      return new UtdataFeil(
        `kunne ikke skrive ${hvor}: en fil står der en mappe skulle vært. Flytt eller slett filen, eller velg en annen utmappe med --out.`,
      );
    default:
      return new UtdataFeil(`kunne ikke skrive ${hvor} (${code ?? (error as Error).message}). ${urort}`);
  }
}

/** Writes the data to a new temporary file beside `fil` and returns its name; nothing is left behind on failure. */
function skrivTemp(fil: string, data: Uint8Array | string): string {
  try {
    mkdirSync(dirname(fil), { recursive: true });
  } catch (error) {
    throw utdataFeil(error, dirname(fil));
  }
  const temp = join(dirname(fil), `.${basename(fil)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    throw utdataFeil(error, fil);
  }
  return temp;
}

function byttInn(temp: string, fil: string): void {
  try {
    renameSync(temp, fil);
  } catch (error) {
    rmSync(temp, { force: true });
    throw utdataFeil(error, fil);
  }
}

/** Writes a file so that readers see either the old or the new content, never half of it. */
export function skrivAtomisk(fil: string, data: Uint8Array | string): void {
  byttInn(skrivTemp(fil, data), fil);
}

function sammeInnhold(fil: string, data: Uint8Array | string): boolean {
  try {
    return readFileSync(fil).equals(typeof data === 'string' ? Buffer.from(data) : data);
  } catch {
    return false;
  }
}

/**
 * Writes a set of files only after all of them are ready: a failed build writes nothing. A file
 * whose content is unchanged is left alone, so a rebuild that changes nothing touches no file.
 */
export function skrivAlle(filer: ReadonlyMap<string, Uint8Array | string>): Set<string> {
  // Every new file is written in full before the first is renamed into place: when the disk
  // fills up halfway, the temporary files are removed and the old set stays as it was.
  const klare = new Map<string, string>();
  try {
    for (const [fil, data] of filer) {
      if (!sammeInnhold(fil, data)) klare.set(fil, skrivTemp(fil, data));
    }
  } catch (error) {
    for (const temp of klare.values()) rmSync(temp, { force: true });
    throw error;
  }
  for (const [fil, temp] of klare) byttInn(temp, fil);
  return new Set(klare.keys());
}

/**
 * Removes the files an earlier build wrote (`tidligere`) that this build did not make again: a
 * document that is no longer made (a sak removed, or made exempt so its public HTML must go)
 * does not linger next to the new ones. Only recorded outputs inside `ut` are ever removed, never
 * a file the build did not write itself, and never through a link; folders left empty go too.
 */
export function fjernUtdaterte(ut: string, tidligere: Iterable<string>, beholdes: ReadonlySet<string>): void {
  const ekteUt = ekteMappe(ut);
  if (!ekteUt) return;
  for (const fil of tidligere) {
    if (beholdes.has(fil) || !innenfor(fil, ut)) continue;
    const mappe = ekteMappe(dirname(fil));
    if (!mappe || !innenfor(mappe, ekteUt)) continue;
    try {
      if (!lstatSync(fil).isFile()) continue;
      rmSync(fil);
      fjernTommeMapper(dirname(fil), ut);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw utdataFeil(error, fil);
    }
  }
}

function ekteMappe(mappe: string): string | undefined {
  try {
    return realpathSync(mappe);
  } catch {
    return undefined;
  }
}

/** True when `sti` lies strictly under `mappe`. */
function innenfor(sti: string, mappe: string): boolean {
  const rel = relative(mappe, sti);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function fjernTommeMapper(mappe: string, ut: string): void {
  while (innenfor(mappe, ut) && readdirSync(mappe).length === 0) {
    rmdirSync(mappe);
    mappe = dirname(mappe);
  }
}
