import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import { skrivAtomisk } from '../pipeline/write/atomic.js';

/** A file as a build last saw it: enough to tell, without reading it, that it is unchanged. */
interface Fingeravtrykk {
  storrelse: number;
  endret: number;
  /** Hash of the contents, for input files: a file saved again with the same text is unchanged. */
  sha256?: string;
}

/** What one meeting's documents were built from, the files written, and the cache entries they use. */
export interface MoteOppforing<D> {
  nokkel: string;
  utdata: Record<string, Fingeravtrykk>;
  dokumenter: D[];
  nokler: string[];
}

/** A whole run: its inputs and outputs, and what it reported. */
export interface KjoringOppforing<R> {
  nokkel: string;
  inndata: Inndata;
  utdata: Record<string, Fingeravtrykk>;
  resultat: R;
}

interface Innhold<D, R> {
  versjon: 1;
  moter: Record<string, MoteOppforing<D>>;
  kjoringer: Record<string, KjoringOppforing<R>>;
}

function avtrykk(fil: string, medInnhold = false): Fingeravtrykk | undefined {
  try {
    const stat = statSync(fil);
    if (!stat.isFile()) return undefined;
    return {
      storrelse: stat.size,
      endret: stat.mtimeMs,
      ...(medInnhold ? { sha256: createHash('sha256').update(readFileSync(fil)).digest('hex') } : {}),
    };
  } catch {
    return undefined;
  }
}

/** True when every file is where it was, with the same size and modification time. */
function urort(filer: Record<string, Fingeravtrykk>): boolean {
  return Object.entries(filer).every(([fil, forrige]) => {
    const na = avtrykk(fil);
    return na !== undefined && na.storrelse === forrige.storrelse && na.endret === forrige.endret;
  });
}

/** The fingerprints of a run's inputs: every file under the folders and files named. */
export type Inndata = Record<string, Fingeravtrykk>;

/**
 * Every file under the paths (folders or single files), with its fingerprint: hidden files,
 * node_modules and the output folder left out. A file whose size and time match `forrige` keeps
 * its recorded hash; any other is read and hashed, so a file saved again unchanged is unchanged.
 */
function lesInndata(stier: readonly string[], utelat: string, forrige: Inndata): Inndata {
  const filer: Inndata = {};
  const besok = (sti: string) => {
    if (sti === utelat) return;
    let stat: Stats;
    try {
      // A link to a folder is not followed (it may lead round in a circle, or to the whole disk);
      // a link to a file counts with the file's contents.
      stat = lstatSync(sti);
      if (stat.isSymbolicLink()) {
        stat = statSync(sti);
        if (stat.isDirectory()) {
          filer[sti] = { storrelse: 0, endret: 0, sha256: `mappe:${readlinkSync(sti)}` };
          return;
        }
      }
    } catch {
      filer[sti] = { storrelse: -1, endret: 0, sha256: 'mangler' };
      return;
    }
    if (stat.isDirectory()) {
      for (const navn of readdirSync(sti).sort()) if (!navn.startsWith('.') && navn !== 'node_modules') besok(join(sti, navn));
      return;
    }
    const kjent = forrige[sti];
    filer[sti] = kjent?.sha256 && kjent.storrelse === stat.size && kjent.endret === stat.mtimeMs ? kjent : avtrykk(sti, true)!;
  };
  for (const sti of stier) besok(sti);
  return filer;
}

function sammeInndata(a: Inndata, b: Inndata): boolean {
  const filer = Object.keys(a);
  return filer.length === Object.keys(b).length && filer.every((fil) => b[fil]?.sha256 !== undefined && b[fil]!.sha256 === a[fil]!.sha256);
}

/**
 * What earlier builds into this output folder made, kept next to the document cache: a rebuild
 * uses it to skip meetings whose inputs did not change, and a run whose inputs did not change at
 * all. A register that cannot be read, or is of another version, counts as empty.
 */
export class Byggeregister<D extends { fil: string }, R> {
  private innhold: Innhold<D, R>;

  constructor(
    private readonly fil: string,
    private readonly ut: string,
  ) {
    this.innhold = { versjon: 1, moter: {}, kjoringer: {} };
    try {
      const lest = JSON.parse(readFileSync(fil, 'utf8')) as Innhold<D, R>;
      if (lest.versjon === 1 && typeof lest.moter === 'object' && typeof lest.kjoringer === 'object') this.innhold = lest;
    } catch {
      // No register yet, or a damaged one: build as if for the first time.
    }
  }

  /** The meeting's last build, when it was made from the same inputs and its files are untouched. */
  mote(mappe: string, nokkel: string): MoteOppforing<D> | undefined {
    const oppforing = this.innhold.moter[mappe];
    if (!oppforing || oppforing.nokkel !== nokkel || !urort(oppforing.utdata)) return undefined;
    return oppforing;
  }

  /** The files the meeting's last recorded build wrote, whatever its inputs were. */
  tidligereUtdata(mappe: string): string[] {
    return Object.keys(this.innhold.moter[mappe]?.utdata ?? {});
  }

  husk(mappe: string, nokkel: string, dokumenter: D[], filer: Iterable<string>, nokler: string[]): void {
    const utdata = Object.fromEntries([...filer].map((fil) => [fil, avtrykk(fil)!]).filter(([, a]) => a));
    this.innhold.moter[mappe] = { nokkel, utdata, dokumenter, nokler };
  }

  /** Cache entries still needed by the meetings recorded here. */
  nokler(): Set<string> {
    return new Set(Object.values(this.innhold.moter).flatMap((m) => m.nokler));
  }

  forrigeKjoring(foresporsel: string): KjoringOppforing<R> | undefined {
    return this.innhold.kjoringer[foresporsel];
  }

  /** Read before building, so that a file saved while the build runs counts as changed next time. */
  inndata(stier: readonly string[]): Inndata {
    const kjente = Object.assign({}, ...Object.values(this.innhold.kjoringer).map((k) => k.inndata)) as Inndata;
    return lesInndata(stier, this.ut, kjente);
  }

  /** The last run of the same request, when nothing it read or wrote has changed since. */
  kjoring(foresporsel: string, nokkel: string, inndata: Inndata): KjoringOppforing<R> | undefined {
    const oppforing = this.innhold.kjoringer[foresporsel];
    if (!oppforing || oppforing.nokkel !== nokkel || !sammeInndata(inndata, oppforing.inndata) || !urort(oppforing.utdata))
      return undefined;
    return oppforing;
  }

  huskKjoring(foresporsel: string, nokkel: string, inndata: Inndata, utdata: Iterable<string>, resultat: R): void {
    const filer = Object.fromEntries([...utdata].map((fil) => [fil, avtrykk(fil)!]).filter(([, a]) => a));
    this.innhold.kjoringer[foresporsel] = { nokkel, inndata, utdata: filer, resultat };
  }

  lagre(): void {
    skrivAtomisk(this.fil, JSON.stringify(this.innhold));
  }
}
