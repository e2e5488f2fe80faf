import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from '../pipeline/write/atomic.js';

/**
 * A published document never changes silently: when a publish replaces a public PDF with other
 * bytes, the one that was on the site stays beside it under `tidligere/`, dated, and the meeting's
 * page lists it. Except when a sak has been made exempt since: then no earlier version that
 * showed it as public may stay, and they are all taken down (offentleglova over the record).
 */

export interface Versjon {
  /** Path on the site, relative to it: `2025-05-22-ssu/tidligere/2026-11-30-innkalling.pdf`. */
  fil: string;
  sha256: string;
  publisert: string;
  /** Sak numbers that were exempt in the meeting when it was published. */
  unntatt: string[];
}

export interface Dokumentversjoner {
  sha256: string;
  publisert: string;
  unntatt: string[];
  /** Earlier versions, newest first. */
  tidligere: Versjon[];
}

export type Versjonsregister = Record<string, Dokumentversjoner>;

const recordFile = (outDir: string) => join(outDir, '.hurtigbuffer', 'nettsted-versjoner.json');
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

export function readVersjoner(outDir: string): Versjonsregister {
  try {
    const read: unknown = JSON.parse(readFileSync(recordFile(outDir), 'utf8'));
    return read && typeof read === 'object' ? (read as Versjonsregister) : {};
  } catch {
    return {};
  }
}

export function saveVersjoner(outDir: string, register: Versjonsregister): void {
  writeAtomic(recordFile(outDir), `${JSON.stringify(register, null, 1)}\n`);
}

/** True when the version showed as public no sak that is exempt now. */
const stillPublic = (v: { unntatt: readonly string[] }, unntattNa: readonly string[]) => unntattNa.every((n) => v.unntatt.includes(n));

/**
 * The versions of one public document (`rel`, relative to the site) about to be written with
 * `bytes`. Puts the bytes of a replaced version into `files` under tidligere/, and returns the
 * document's new entry; the caller keeps every `tidligere` file it names.
 */
export function nextVersions(
  register: Versjonsregister,
  nettsted: string,
  rel: string,
  bytes: Uint8Array,
  unntatt: string[],
  idag: string,
  files: Map<string, Uint8Array | string>,
): Dokumentversjoner {
  const hash = sha256(bytes);
  const prev = register[rel];
  const tidligere = (prev?.tidligere ?? []).filter((v) => stillPublic(v, unntatt));
  if (!prev || prev.sha256 === hash) return { sha256: hash, publisert: prev?.publisert ?? idag, unntatt, tidligere };
  const current = join(nettsted, rel);
  if (existsSync(current) && stillPublic(prev, unntatt)) {
    const old = readFileSync(current);
    if (sha256(old) === prev.sha256) {
      const base = `${rel.split('/')[0]}/tidligere/${prev.publisert}-${rel.split('/').slice(1).join('-')}`;
      let name = base;
      for (let n = 2; tidligere.some((v) => v.fil === name); n++) name = base.replace(/\.pdf$/, `-${n}.pdf`);
      files.set(join(nettsted, name), old);
      tidligere.unshift({ fil: name, sha256: prev.sha256, publisert: prev.publisert, unntatt: prev.unntatt });
    }
  }
  return { sha256: hash, publisert: idag, unntatt, tidligere };
}
