import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes a file so that readers see either the old or the new content, never half of it. */
export function skrivAtomisk(fil: string, data: Uint8Array | string): void {
  mkdirSync(dirname(fil), { recursive: true });
  const temp = join(dirname(fil), `.${basename(fil)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, fil);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
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
  const skrevet = new Set<string>();
  for (const [fil, data] of filer) {
    if (sammeInnhold(fil, data)) continue;
    skrivAtomisk(fil, data);
    skrevet.add(fil);
  }
  return skrevet;
}

/**
 * Removes every file under `mappe` that is not in `beholdes`: a document that is no longer made
 * (a sak removed, or made exempt so its public HTML must go) does not linger next to the new ones.
 */
export function fjernUtdaterte(mappe: string, beholdes: ReadonlySet<string>): void {
  if (!existsSync(mappe)) return;
  for (const navn of readdirSync(mappe)) {
    const sti = join(mappe, navn);
    if (statSync(sti).isDirectory()) {
      fjernUtdaterte(sti, beholdes);
      if (readdirSync(sti).length === 0) rmdirSync(sti);
    } else if (!beholdes.has(sti)) {
      rmSync(sti, { force: true });
    }
  }
}
