import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JOURNAL_FILE, type Journal, SENDT_FOLDER } from '../domain/journal.js';
import type { Mote } from '../domain/types.js';
import { journalReferat } from '../pipeline/model/godkjenning.js';
import { writeAtomic } from '../pipeline/write/atomic.js';
import { today } from '../util/today.js';

/**
 * After a build: a sent meeting's approved referat goes into its journal with its checksum, and
 * a copy of the referat as approved (or as corrected, beside the earlier one) is kept in
 * sendt/referat/. From then on, an edit without a new correction is an error.
 */
export function recordGodkjentReferat(mote: Mote, outDir: string): void {
  const referat = mote.referat;
  const journalFile = join(mote.dir, JOURNAL_FILE);
  if (referat?.status !== 'godkjent' || !existsSync(journalFile)) return;
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
  if (journal.utsendelser.length === 0 || journal.referat?.sha256 === referat.sha256) return;
  const pdf = join(outDir, mote.mappe, 'referat.pdf');
  if (!existsSync(pdf)) return;
  const n = referat.rettelser.length;
  writeAtomic(join(mote.dir, SENDT_FOLDER, 'referat', n === 0 ? 'referat.pdf' : `referat-rettelse-${n}.pdf`), readFileSync(pdf));
  journal.referat = journalReferat(referat, today());
  writeAtomic(journalFile, `${JSON.stringify(journal, null, 2)}\n`);
}
