import { relative } from 'node:path';
import type { SendResult } from '../build/send.js';
import { UsageError } from '../domain/errors.js';
import type { Mote } from '../domain/types.js';
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
  const { mote, utsendelse, journalFile, epost } = result;
  if (mote && epost && !utsendelse) {
    const hva = epost.slag === 'avlysning' ? 'avlysningen av' : 'endret tid eller sted for';
    console.log(`motedok send: e-post med ${hva} ${mote.utvalg.kortnavn}-møtet ${mote.dato} er laget.`);
    printEpost(epost);
    return 0;
  }
  if (!mote || !utsendelse || !journalFile) {
    console.log(`motedok send: ingenting nytt å sende; ${whyNothing(mote)}`);
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
  if (epost) printEpost(epost);
  return 0;
}

function whyNothing(mote: Mote | undefined): string {
  const sist = mote?.utsendelser.at(-1);
  if (mote?.avlyst)
    return sist
      ? 'møtet er avlyst, og avlysningen er laget før.'
      : 'møtet er avlyst, og innkallingen ble aldri sendt; ingen har fått noe som må avlyses.';
  if (sist) return `innkallingen ble registrert sendt ${sist.dato}, og ingen saker, tid eller sted er endret siden.`;
  return 'møtet har ingen saker.';
}

function printEpost(epost: NonNullable<SendResult['epost']>): void {
  const invitasjon = epost.invitasjon
    ? `med møteinvitasjon (${epost.invitasjon.metode === 'CANCEL' ? 'avlysning' : 'forespørsel'}, sekvens ${epost.invitasjon.sekvens})`
    : 'uten møteinvitasjon';
  console.log(
    `  e-post: ${shownPath(epost.file)}, til ${plural(epost.mottakere.length, 'medlem', 'medlemmer')}, ${invitasjon}. Åpne den i Outlook eller Thunderbird, les den over og send den.`,
  );
  if (epost.forStore.length > 0)
    console.log(
      `  ${epost.forStore.join(' og ')} er ikke lagt ved fordi vedleggene ville blitt større enn 10 MB; legg dokumentene der medlemmene kan hente dem, og sett lenken inn i e-posten der det står «[sett inn lenken før du sender]».`,
    );
}
