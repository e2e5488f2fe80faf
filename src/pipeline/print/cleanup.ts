import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Chromium's temporary folder (the HTML being printed, its profile, its TMPDIR) and how to be
 * rid of it and of every Chromium using it, even on the way out of a process that is exiting.
 */

/** Removes the temporary folder; a process that dies meanwhile may still hold a file for a moment, so it tries again. Never throws: it runs on exit. */
export function removeTemp(temp: string): void {
  try {
    rmSync(temp, { recursive: true, force: true, maxRetries: 60, retryDelay: 15 });
  } catch {
    // What is left is an empty folder or two in the temporary directory, not an error to report on the way out.
  }
}

/**
 * Kills every Chromium started with its profile in `temp`, with the processes of its group (the
 * network service and the renderers do not name the profile on their command line, and would go
 * on writing to it).
 */
export function killByProfile(temp: string): void {
  const pids = spawnSync('pgrep', ['-f', '--', `--user-data-dir=${join(temp, 'profil')}`], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map(Number);
  for (const pid of pids) killGroup(pid);
}

/** Our temporary folders are named for the process that made them, so a later run knows which are left over. */
const TEMP_PREFIX = 'motedok-html-';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary folders of motedok runs that are gone (killed with kill -9), with any Chromium still using one. */
export function removeLeftovers(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const folder of names) {
    const pid = Number(/^motedok-html-(\d+)-/.exec(folder)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    endChromium(join(tmpdir(), folder));
  }
}

/**
 * Kills the Chromium using `temp` (by its process group when its id is known, by its profile on
 * the command line otherwise) and removes the folder. Never throws: it runs on exit.
 */
export function endChromium(temp: string, pid?: number): void {
  if (pid) killGroup(pid);
  else killByProfile(temp);
  removeTemp(temp);
}

/** A new temporary folder for this process's Chromium. */
export function makeTemp(): string {
  return mkdtempSync(join(tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
}

/** Kills a process and the processes of its group (Chromium is the leader of its own group). Never throws. */
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}
