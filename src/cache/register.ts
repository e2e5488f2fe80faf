import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  type Stats,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from '../pipeline/write/atomic.js';

/** A file as a build last saw it: enough to tell, without reading it, that it is unchanged. */
interface Fingerprint {
  storrelse: number;
  endret: number;
  /** Hash of the contents, for input files: a file saved again with the same text is unchanged. */
  sha256?: string;
}

/** What one meeting's documents were built from, the files written, and the cache entries they use. */
export interface MoteEntry<D> {
  nokkel: string;
  utdata: Record<string, Fingerprint>;
  dokumenter: D[];
  nokler: string[];
}

/** A whole run: its inputs and outputs, and what it reported. */
export interface RunEntry<R> {
  nokkel: string;
  inndata: Inputs;
  utdata: Record<string, Fingerprint>;
  resultat: R;
}

interface Contents<D, R> {
  versjon: 1;
  moter: Record<string, MoteEntry<D>>;
  kjoringer: Record<string, RunEntry<R>>;
}

/**
 * Files larger than this (a recording, a video someone put in the meeting folder) are never read
 * to fingerprint them: their size and modification time stand for their contents.
 */
export const MAX_HASHED_BYTES = 64 * 1024 * 1024;
const CHUNK = 1024 * 1024;

/**
 * The hash of a regular file's contents, read a megabyte at a time. Opened without blocking and
 * checked again once open, so a FIFO or device put in place of the file is never waited on.
 */
function hashFile(file: string): string | undefined {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    if (stat.size > MAX_HASHED_BYTES) return `stor:${stat.size}:${stat.mtimeMs}`;
    const hash = createHash('sha256');
    const cache = Buffer.allocUnsafe(CHUNK);
    for (let read = readSync(fd, cache, 0, CHUNK, null); read > 0; read = readSync(fd, cache, 0, CHUNK, null)) {
      hash.update(cache.subarray(0, read));
    }
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}

function fingerprint(file: string, withContent = false): Fingerprint | undefined {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return undefined;
    const sha256 = withContent ? hashFile(file) : undefined;
    if (withContent && sha256 === undefined) return undefined;
    return { storrelse: stat.size, endret: stat.mtimeMs, ...(sha256 ? { sha256 } : {}) };
  } catch {
    return undefined;
  }
}

/** True when every file is where it was, with the same size and modification time. */
function untouched(files: Record<string, Fingerprint>): boolean {
  return Object.entries(files).every(([file, forrige]) => {
    const na = fingerprint(file);
    return na !== undefined && na.storrelse === forrige.storrelse && na.endret === forrige.endret;
  });
}

/** The fingerprints of a run's inputs: every file under the folders and files named. */
export type Inputs = Record<string, Fingerprint>;

/**
 * Every file under the paths (folders or single files), with its fingerprint: hidden files,
 * node_modules and the output folder left out. A file whose size and time match `forrige` keeps
 * its recorded hash; any other is read and hashed, so a file saved again unchanged is unchanged.
 */
function readInputs(paths: readonly string[], utelat: string, previous: Inputs): Inputs {
  const files: Inputs = {};
  const besok = (path: string) => {
    if (path === utelat) return;
    let stat: Stats;
    try {
      // A link to a folder is not followed (it may lead round in a circle, or to the whole disk);
      // a link to a file counts with the file's contents.
      stat = lstatSync(path);
      if (stat.isSymbolicLink()) {
        stat = statSync(path);
        if (stat.isDirectory()) {
          files[path] = { storrelse: 0, endret: 0, sha256: `mappe:${readlinkSync(path)}` };
          return;
        }
      }
    } catch {
      files[path] = { storrelse: -1, endret: 0, sha256: 'mangler' };
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!name.startsWith('.') && name !== 'node_modules') besok(join(path, name));
      return;
    }
    if (!stat.isFile()) {
      // A FIFO, socket or device is never opened (reading a FIFO waits for a writer forever).
      files[path] = { storrelse: 0, endret: 0, sha256: 'ikke-en-fil' };
      return;
    }
    const kjent = previous[path];
    files[path] = (kjent?.sha256 && kjent.storrelse === stat.size && kjent.endret === stat.mtimeMs ? kjent : fingerprint(path, true)) ?? {
      storrelse: -1,
      endret: 0,
      sha256: 'uleselig',
    };
  };
  for (const path of paths) besok(path);
  return files;
}

function sameInputs(a: Inputs, b: Inputs): boolean {
  const files = Object.keys(a);
  return (
    files.length === Object.keys(b).length && files.every((file) => b[file]?.sha256 !== undefined && b[file]!.sha256 === a[file]!.sha256)
  );
}

/**
 * What earlier builds into this output folder made, kept next to the document cache: a rebuild
 * uses it to skip meetings whose inputs did not change, and a run whose inputs did not change at
 * all. A register that cannot be read, or is of another version, counts as empty.
 */
export class BuildRegister<D extends { fil: string }, R> {
  private innhold: Contents<D, R>;

  constructor(
    private readonly file: string,
    private readonly outDir: string,
  ) {
    this.innhold = { versjon: 1, moter: {}, kjoringer: {} };
    try {
      const read = JSON.parse(readFileSync(file, 'utf8')) as Contents<D, R>;
      if (read.versjon === 1 && typeof read.moter === 'object' && typeof read.kjoringer === 'object') this.innhold = read;
    } catch {
      // No register yet, or a damaged one: build as if for the first time.
    }
  }

  /** The meeting's last build, when it was made from the same inputs and its files are untouched. */
  mote(folder: string, key: string): MoteEntry<D> | undefined {
    const oppforing = this.innhold.moter[folder];
    if (!oppforing || oppforing.nokkel !== key || !untouched(oppforing.utdata)) return undefined;
    return oppforing;
  }

  /** The files the meeting's last recorded build wrote, whatever its inputs were. */
  previousOutputs(folder: string): string[] {
    return Object.keys(this.innhold.moter[folder]?.utdata ?? {});
  }

  remember(folder: string, key: string, dokumenter: D[], files: Iterable<string>, keys: string[]): void {
    const utdata = Object.fromEntries([...files].map((file) => [file, fingerprint(file)!]).filter(([, a]) => a));
    this.innhold.moter[folder] = { nokkel: key, utdata, dokumenter, nokler: keys };
  }

  /** Cache entries still needed by the meetings recorded here. */
  usedKeys(): Set<string> {
    return new Set(Object.values(this.innhold.moter).flatMap((m) => m.nokler));
  }

  previousRun(foresporsel: string): RunEntry<R> | undefined {
    return this.innhold.kjoringer[foresporsel];
  }

  /** Read before building, so that a file saved while the build runs counts as changed next time. */
  inndata(paths: readonly string[]): Inputs {
    const kjente = Object.assign({}, ...Object.values(this.innhold.kjoringer).map((k) => k.inndata)) as Inputs;
    return readInputs(paths, this.outDir, kjente);
  }

  /** The last run of the same request, when nothing it read or wrote has changed since. */
  matchingRun(foresporsel: string, key: string, inndata: Inputs): RunEntry<R> | undefined {
    const oppforing = this.innhold.kjoringer[foresporsel];
    if (!oppforing || oppforing.nokkel !== key || !sameInputs(inndata, oppforing.inndata) || !untouched(oppforing.utdata)) return undefined;
    return oppforing;
  }

  rememberRun(foresporsel: string, key: string, inndata: Inputs, utdata: Iterable<string>, result: R): void {
    const files = Object.fromEntries([...utdata].map((file) => [file, fingerprint(file)!]).filter(([, a]) => a));
    this.innhold.kjoringer[foresporsel] = { nokkel: key, inndata, utdata: files, resultat: result };
  }

  save(): void {
    writeAtomic(this.file, JSON.stringify(this.innhold));
  }
}
