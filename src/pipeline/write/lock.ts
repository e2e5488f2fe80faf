import { type Dirent, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath, OutputError, outputError } from './atomic.js';

/** The lock file in an output folder while a build writes to it. */
export const LOCK_FILE = '.motedok-bygger';

/** Whether a process with this id is running (on this machine). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes a file if it is there; a folder that is not one (a file in its place) has nothing to remove. */
function removeFile(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // nothing to remove
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * On a disk without hard links (FAT, some network shares): create the file exclusively and write
 * it. True when the lock is someone else's (it exists); throws when the folder cannot be written.
 */
function createWithoutLink(file: string, outDir: string): boolean {
  try {
    writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
    return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return true;
    throw outputError(error, outDir);
  }
}

/**
 * Takes the output folder for this build: two builds into the same folder at once would replace
 * each other's files and clean away each other's new documents. The lock is a file with the
 * process id, put in place whole with a hard link (so it is never seen half-written). A lock
 * left by a process that no longer runs (killed, machine restarted) is taken over: it is first
 * renamed away, which only one process can do, and put back if it turned out to be a new one.
 * Returns the function that releases it; it is also released when the process exits.
 */
export function takeLock(outDir: string): () => void {
  const visning = displayPath(outDir);
  const file = join(outDir, LOCK_FILE);
  const egen = join(outDir, `${LOCK_FILE}.${process.pid}`);
  try {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(egen, `${process.pid}\n`);
  } catch (error) {
    removeFile(egen);
    throw outputError(error, outDir);
  }
  try {
    for (let forsok = 0; ; forsok++) {
      try {
        linkSync(egen, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' && !createWithoutLink(file, outDir)) break;
      }
      const pid = readPid(file);
      if (pid !== undefined && isRunning(pid)) {
        throw new OutputError(`en annen bygging til «${visning}» pågår (pid ${pid}). Vent til den er ferdig, og prøv igjen.`);
      }
      if (forsok > 2) throw new OutputError(`en annen bygging til «${visning}» startet samtidig. Vent til den er ferdig, og prøv igjen.`);
      // Left behind by a build that died: move it away and check that it was the one we read.
      const gammel = `${egen}.gammel`;
      try {
        renameSync(file, gammel);
      } catch {
        continue;
      }
      if (readPid(gammel) !== pid) {
        try {
          linkSync(gammel, file);
        } catch {
          // Someone else has made a new lock meanwhile; theirs stands.
        }
      }
      removeFile(gammel);
    }
  } finally {
    removeFile(egen);
  }
  let frigitt = false;
  const frigi = () => {
    if (frigitt) return;
    frigitt = true;
    process.removeListener('exit', frigi);
    if (readPid(file) === process.pid) removeFile(file);
  };
  process.once('exit', frigi);
  return frigi;
}

/** `.<name>.<pid>.<random>.tmp`, the temporary file writeAtomic writes beside its target. */
const TEMPFIL = /^\..+\.(\d+)\.[a-z0-9]+\.tmp$/;

/**
 * What a build that was killed (kill -9, power cut) left in the output folder: its lock and its
 * half-written temporary files, recognised by the id of a process that no longer runs. Run at
 * the start of every build, also one that finds nothing changed. Touches nothing else.
 */
export function cleanLeftovers(outDir: string): void {
  const las = join(outDir, LOCK_FILE);
  const eier = readPid(las);
  if (eier !== undefined && !isRunning(eier)) removeFile(las);
  for (const folder of [outDir, join(outDir, '.hurtigbuffer')]) removeTempFiles(folder, 0);
}

function removeTempFiles(folder: string, depth: number): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && depth < 4) removeTempFiles(path, depth + 1);
    const pid = entry.isFile() ? TEMPFIL.exec(entry.name)?.[1] : undefined;
    if (pid !== undefined && !isRunning(Number(pid))) removeFile(path);
  }
}
