import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostics } from '../domain/diagnostics.js';
import type { MoteSource } from '../domain/sources.js';
import type { Dato } from '../domain/types.js';
import { journalSchema } from '../pipeline/model/journal.js';
import { kortDato } from '../pipeline/model/tid.js';

/**
 * What a system of record checks of its own record: journal.json belongs to the meeting folder it
 * lies in, its sendings are numbered and dated in order, and the copies of what was sent, kept in
 * sendt/, are still the bytes whose checksums the journal recorded. A journal that does not match
 * its schema is reported by the model; it is not checked further here.
 */
export function checkJournal(meeting: MoteSource, diags: Diagnostics): void {
  const source = meeting.journal;
  const parsed = source ? journalSchema.safeParse(source.data) : undefined;
  if (!source || !parsed?.success) return;
  const journal = parsed.data;
  const file = meeting.journalFile;
  if (journal.mote !== meeting.mappe)
    diags.error(
      file,
      source.locate(['mote']),
      `journal.json er journalen til møtet «${journal.mote}», men ligger i møtemappen «${meeting.mappe}». En journal hører til møtet den ble skrevet for; flytt den tilbake, eller fjern den herfra hvis dette møtet aldri er sendt.`,
    );
  let previous = '';
  journal.utsendelser.forEach((u, i) => {
    if (u.nr !== i + 1)
      diags.error(
        file,
        source.locate(['utsendelser', i, 'nr']),
        `utsendelse nr. ${u.nr} står som nr. ${i + 1} i journalen; «motedok send» nummererer utsendelsene 1, 2, 3 … i den rekkefølgen de ble sendt. Journalen er endret for hånd; sett den tilbake fra versjonskontrollen.`,
      );
    if (u.dato < previous)
      diags.error(
        file,
        source.locate(['utsendelser', i, 'dato']),
        `utsendelse nr. ${u.nr} er datert ${kortDato(u.dato as Dato)}, før utsendelsen foran den (${kortDato(previous as Dato)}); utsendelsene står i den rekkefølgen de ble sendt. Journalen er endret for hånd; sett den tilbake fra versjonskontrollen.`,
      );
    previous = u.dato > previous ? u.dato : previous;
    u.dokumenter.forEach((d, j) => {
      const problem = copyProblem(meeting.dir, d.kopi, d.sha256);
      const restore = `Kopien er det som ble sendt ut ${kortDato(u.dato as Dato)}, og lages ikke på nytt; hent den tilbake fra versjonskontrollen (git checkout -- ${d.kopi}), i møtemappen.`;
      if (problem)
        diags.error(
          file,
          source.locate(['utsendelser', i, 'dokumenter', j, 'kopi']),
          problem === 'utenfor'
            ? `«${d.kopi}» er ikke en fil i møtemappens sendt/, der «motedok send» legger kopiene; journalen er endret for hånd. Sett den tilbake fra versjonskontrollen.`
            : `${d.kopi} ${problem} ${restore}`,
        );
    });
  });
}

/** Why the copy of a sent document is not the one the journal recorded; undefined when it is. */
function copyProblem(dir: string, kopi: string, sha256: string): string | undefined {
  const path = join(dir, kopi);
  const inside = relative(dir, path);
  if (!kopi.startsWith('sendt/') || inside.startsWith('..') || inside !== kopi) return 'utenfor';
  if (!existsSync(path) || !statSync(path).isFile()) return 'finnes ikke lenger.';
  const now = createHash('sha256').update(readFileSync(path)).digest('hex');
  return now === sha256 ? undefined : 'er endret etter at den ble sendt: sjekksummen i journal.json stemmer ikke med filen.';
}
