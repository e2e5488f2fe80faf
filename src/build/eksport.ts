import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../domain/diagnostics.js';
import type { BuildOptions } from '../domain/documents.js';
import { JOURNAL_FILE, type Journal } from '../domain/journal.js';
import type { Mote } from '../domain/types.js';
import { type Moetemappe, moetemappeSchema } from '../pipeline/model/einnsyn-format.js';
import { moteSystemId, naboMoter, renderEinnsyn } from '../pipeline/render/einnsyn.js';
import { writeAtomic } from '../pipeline/write/atomic.js';
import { buildMoter } from './build.js';

export const EINNSYN_FILE = 'einnsyn.json';

export type EksportOptions = Pick<BuildOptions, 'cwd' | 'out' | 'underveis'>;

export interface EksportertMote {
  mote: Mote;
  /** The file written, `<out>/<møtemappe>/einnsyn.json`. */
  file: string;
  moetemappe: Moetemappe;
}

export interface EksportResult {
  diagnostics: Diagnostic[];
  /** The meetings written; a meeting with nothing final yet is not among them (a warning says so). */
  eksportert: EksportertMote[];
}

/** journal.json as `send` wrote it; the load has already checked it (a broken one is an error there). */
function readJournal(mote: Mote): Journal | undefined {
  const file = join(mote.dir, JOURNAL_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Journal) : undefined;
}

/** SHA-256 of every file of the meeting's public version, by path relative to the meeting's output folder. */
function sjekksummer(moteUt: string): Map<string, string> {
  const offentlig = join(moteUt, 'offentlig');
  if (!existsSync(offentlig)) return new Map();
  return new Map(
    readdirSync(offentlig, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && f.name.endsWith('.pdf'))
      .map((f) => {
        const file = join(f.parentPath, f.name);
        return [
          file
            .slice(moteUt.length + 1)
            .split('\\')
            .join('/'),
          createHash('sha256').update(readFileSync(file)).digest('hex'),
        ];
      }),
  );
}

/**
 * `motedok eksport`: builds the meetings (so the PDFs whose checksums go in are current), then
 * writes each meeting's records as eInnsyn's Moetemappe to `<out>/<møtemappe>/einnsyn.json`.
 * Nothing is written when the build has errors. What is not yet final is left out, with a warning.
 */
export async function eksportMoter(paths: readonly string[] = [], options: EksportOptions = {}): Promise<EksportResult> {
  const built = await buildMoter(paths, options);
  const diagnostics = [...built.diagnostics];
  if (diagnostics.some((d) => d.severity === 'feil')) return { diagnostics, eksportert: [] };
  const outDir = resolve(options.cwd ?? process.cwd(), options.out ?? 'output');
  const eksportert: EksportertMote[] = [];
  for (const mote of built.moter) {
    const journal = readJournal(mote);
    const { forrige, neste, moetenummer } = naboMoter(mote, built.alleMoter);
    const id = (m: Mote | undefined) => m && moteSystemId(m, readJournal(m));
    const moteUt = join(outDir, mote.mappe);
    const { moetemappe, utelatt } = renderEinnsyn({
      mote,
      journal,
      moetenummer,
      forrige: id(forrige),
      neste: id(neste),
      sjekksummer: sjekksummer(moteUt),
    });
    for (const u of utelatt) diagnostics.push({ severity: 'advarsel', file: join(mote.dir, u.fil), message: `eksport: ${u.melding}` });
    if (!moetemappe) continue;
    // The conversion is typed by the same schema; checking it here catches what types cannot (patterns, lengths).
    const gyldig = moetemappeSchema.parse(moetemappe);
    const file = join(moteUt, EINNSYN_FILE);
    writeAtomic(file, `${JSON.stringify(gyldig, null, 2)}\n`);
    eksportert.push({ mote, file, moetemappe: gyldig });
  }
  return { diagnostics, eksportert };
}
