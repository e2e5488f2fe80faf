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
import { type FileHandle, open } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { isStrictlyInside } from '../../util/paths.js';

/**
 * Writing the output failed for a reason of the machine (disk full, a read-only disk, a file
 * where a folder should be): a message for the user, without a stack trace. Nothing of the
 * meeting being written was changed.
 */
export class OutputError extends Error {}

/** A path as the user would write it: relative to the working folder when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** An error from the file system as a message the secretariat can act on. */
export function outputError(error: unknown, path: string): Error {
  if (error instanceof OutputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const hvor = `«${displayPath(path)}»`;
  const urort = 'Dokumentene som var der fra før, er ikke endret (møter som var ferdige før feilen, er skrevet).';
  switch (code) {
    case 'ENOSPC':
      return new OutputError(`disken er full; kunne ikke skrive ${hvor}. ${urort} Frigjør plass, og prøv igjen.`);
    case 'EDQUOT':
      return new OutputError(`diskkvoten din er brukt opp; kunne ikke skrive ${hvor}. ${urort} Frigjør plass, og prøv igjen.`);
    case 'EROFS':
      return new OutputError(`kunne ikke skrive ${hvor}: disken kan bare leses. Velg en annen utmappe med --out.`);
    case 'EACCES':
    case 'EPERM':
      return new OutputError(
        `har ikke lov til å skrive ${hvor}. ${urort} Velg en annen utmappe med --out, eller gi skrivetilgang til mappen.`,
      );
    case 'ENOTDIR':
    case 'EEXIST':
      return new OutputError(
        `kunne ikke skrive ${hvor}: en fil står der en mappe skulle vært. Flytt eller slett filen, eller velg en annen utmappe med --out.`,
      );
    default:
      return new OutputError(`kunne ikke skrive ${hvor} (${code ?? (error as Error).message}). ${urort}`);
  }
}

/**
 * Writes the data to a new temporary file beside `fil` and returns its name; nothing is left
 * behind on failure. `durable`: on the disk before it is renamed into place, so a power cut
 * cannot leave an empty document where the old one was.
 */
function writeTemp(file: string, data: Uint8Array | string, durable = true): string {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    throw outputError(error, dirname(file));
  }
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    throw outputError(error, file);
  }
  return temp;
}

function swapIn(temp: string, file: string): void {
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw outputError(error, file);
  }
}

/**
 * Writes a file so that readers see either the old or the new content, never half of it.
 * `durable: false` is for cache entries, which are checked when read: after a power cut one may
 * be empty and is then made again, and not waiting for the disk saves a second per cold build.
 */
export function writeAtomic(file: string, data: Uint8Array | string, { durable = true } = {}): void {
  swapIn(writeTemp(file, data, durable), file);
}

function sameContent(file: string, data: Uint8Array | string): boolean {
  try {
    return readFileSync(file).equals(typeof data === 'string' ? Buffer.from(data) : data);
  } catch {
    return false;
  }
}

/** Waits until the file's content is on the disk (fsync), in a thread of libuv's pool. */
async function onDisk(temp: string, file: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'r');
    await handle.sync();
  } catch (error) {
    throw outputError(error, file);
  } finally {
    await handle?.close();
  }
}

/**
 * Writes a set of files only after all of them are ready: a failed build writes nothing. A file
 * whose content is unchanged is left alone, so a rebuild that changes nothing touches no file.
 */
export async function writeAll(files: ReadonlyMap<string, Uint8Array | string>): Promise<Set<string>> {
  // Every new file is written in full, and on the disk, before the first is renamed into place:
  // when the disk fills up halfway, the temporary files are removed and the old set stays as it
  // was. The disk is asked for all of them at once, while this thread goes on (the next meeting).
  const klare = new Map<string, string>();
  try {
    for (const [file, data] of files) {
      if (!sameContent(file, data)) klare.set(file, writeTemp(file, data, false));
    }
    await Promise.all([...klare].map(([file, temp]) => onDisk(temp, file)));
  } catch (error) {
    for (const temp of klare.values()) rmSync(temp, { force: true });
    throw error;
  }
  for (const [file, temp] of klare) swapIn(temp, file);
  return new Set(klare.keys());
}

/**
 * Removes the files an earlier build wrote (`tidligere`) that this build did not make again: a
 * document that is no longer made (a sak removed, or made exempt so its public HTML must go)
 * does not linger next to the new ones. Only recorded outputs inside `ut` are ever removed, never
 * a file the build did not write itself, and never through a link; folders left empty go too.
 */
export function pruneOutputs(outDir: string, tidligere: Iterable<string>, beholdes: ReadonlySet<string>): void {
  const ekteUt = realFolder(outDir);
  if (!ekteUt) return;
  for (const file of tidligere) {
    if (beholdes.has(file) || !isStrictlyInside(outDir, file)) continue;
    const folder = realFolder(dirname(file));
    if (!folder || !isStrictlyInside(ekteUt, folder)) continue;
    try {
      if (!lstatSync(file).isFile()) continue;
      rmSync(file);
      removeEmptyFolders(dirname(file), outDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw outputError(error, file);
    }
  }
}

function realFolder(folder: string): string | undefined {
  try {
    return realpathSync(folder);
  } catch {
    return undefined;
  }
}

/** True when `sti` lies strictly under `mappe`. */

function removeEmptyFolders(folder: string, outDir: string): void {
  while (isStrictlyInside(outDir, folder) && readdirSync(folder).length === 0) {
    rmdirSync(folder);
    folder = dirname(folder);
  }
}
