import { basename } from 'node:path';
import type { Mote } from '../../src/domain/types.js';
import { saksnummer } from '../../src/pipeline/model/tid.js';
import { sakSjekksummer } from '../../src/pipeline/model/utsendelse.js';

/** journal.json as `motedok send` would write it for a meeting as check sees it now (no PDFs: dokumenter empty). */
export function journalFor(mote: Mote, dato: string): string {
  const faste = mote.saker.filter((s) => s.fast);
  const saker = mote.saker
    .filter((s) => s.nummer)
    .map((s) => ({
      saksnummer: saksnummer(s.nummer!),
      ...(s.fast ? { fast: faste.indexOf(s) + 1 } : { fil: basename(s.source.file) }),
      tittel: s.tittel,
      type: s.type,
      minutter: s.minutter,
      sha256: sakSjekksummer(s),
    }));
  return JSON.stringify({ format: 1, mote: mote.mappe, utsendelser: [{ nr: 1, type: 'innkalling', dato, saker, dokumenter: [] }] });
}
