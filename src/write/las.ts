import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UtdataFeil, utdataFeil, vis } from './atomisk.js';

/** The lock file in an output folder while a build writes to it. */
export const LASFIL = '.motedok-bygger';

/** Whether a process with this id is running (on this machine). */
function lever(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lesPid(fil: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(fil, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the output folder for this build: two builds into the same folder at once would replace
 * each other's files and clean away each other's new documents. The lock is a file with the
 * process id; a lock left by a process that no longer runs (killed, machine restarted) is taken
 * over. Returns the function that releases it; it is also released when the process exits.
 */
export function taLas(ut: string): () => void {
  const visning = vis(ut);
  try {
    mkdirSync(ut, { recursive: true });
  } catch (error) {
    throw utdataFeil(error, ut);
  }
  const fil = join(ut, LASFIL);
  for (let forsok = 0; ; forsok++) {
    let fd: number;
    try {
      fd = openSync(fil, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw utdataFeil(error, ut);
      const pid = lesPid(fil);
      if (pid !== undefined && pid !== process.pid && lever(pid)) {
        throw new UtdataFeil(`en annen bygging til «${visning}» pågår (pid ${pid}). Vent til den er ferdig, og prøv igjen.`);
      }
      // Left behind by a build that died, or still being written by one that just started: retry once.
      if (forsok > 0) throw new UtdataFeil(`en annen bygging til «${visning}» startet samtidig. Vent til den er ferdig, og prøv igjen.`);
      if (pid !== undefined) rmSync(fil, { force: true });
      continue;
    }
    try {
      writeSync(fd, `${process.pid}\n`);
    } catch (error) {
      closeSync(fd);
      rmSync(fil, { force: true });
      throw utdataFeil(error, ut);
    }
    closeSync(fd);
    break;
  }
  let frigitt = false;
  const frigi = () => {
    if (frigitt) return;
    frigitt = true;
    process.removeListener('exit', frigi);
    if (lesPid(fil) === process.pid) rmSync(fil, { force: true });
  };
  process.once('exit', frigi);
  return frigi;
}
