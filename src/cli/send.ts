import { relative } from 'node:path';
import { UsageError } from '../domain/errors.js';
import { countErrors, plural, printDiagnostics, shownPath } from './format.js';

/** `motedok send <møtemappe> [--dato ÅÅÅÅ-MM-DD]`: records the innkalling (or a tilleggsinnkalling) as sent. */
export async function runSend(args: string[], flags: { out?: string; dato?: string }): Promise<number> {
  if (args.length !== 1) throw new UsageError('oppgi møtemappen som skal sendes, for eksempel: motedok send cases/2026-02-12-ssu');
  const { sendMote } = await import('../build/send.js');
  const result = await sendMote(args[0]!, flags);
  printDiagnostics(result.diagnostics);
  const errors = countErrors(result.diagnostics);
  if (errors > 0) {
    console.error(
      `motedok send: ${plural(errors, 'feil', 'feil')}; ingenting er sendt eller registrert. Rett feilene og kjør «motedok send» igjen.`,
    );
    return 1;
  }
  const { mote, utsendelse, journalFile } = result;
  if (!mote || !utsendelse || !journalFile) {
    const sist = mote?.utsendelser.at(-1);
    console.log(
      `motedok send: ingenting nytt å sende; ${sist ? `innkallingen ble registrert sendt ${sist.dato}, og ingen saker er lagt til siden.` : 'møtet har ingen saker.'}`,
    );
    return 0;
  }
  const hva = utsendelse.type === 'innkalling' ? 'innkallingen' : `tilleggsinnkalling nr. ${utsendelse.nr - 1}`;
  const numre = utsendelse.saker.flatMap((s) => (s.saksnummer ? [s.saksnummer] : []));
  console.log(
    `motedok send: ${hva} til ${mote.utvalg.kortnavn}-møtet ${mote.dato} er registrert som sendt ${utsendelse.dato}, med ${plural(numre.length, 'sak', 'saker')} (${numre.join(', ')}).`,
  );
  console.log(
    `  kopi av det som ble sendt: ${shownPath(mote.dir)}/sendt/${utsendelse.nr}/ (${utsendelse.dokumenter.map((d) => d.fil).join(', ')})`,
  );
  console.log(
    `  journal: ${relative(process.cwd(), journalFile) || journalFile}; legg den og sendt/ inn i versjonskontrollen sammen med sakene. Sakene beholder nå numrene sine.`,
  );
  return 0;
}
