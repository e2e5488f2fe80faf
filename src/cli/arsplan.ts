import { UsageError } from '../domain/errors.js';
import { countErrors, plural, printDiagnostics, seconds, shownPath } from './format.js';
import { ARSPLAN_HJELP } from './help.js';

/** `motedok arsplan <år>`: the year's plan as PDF and calendar file. */
export async function runArsplan(args: string[], out: string | undefined): Promise<number> {
  if (args.length !== 1 || !/^\d{4}$/.test(args[0]!))
    throw new UsageError(`oppgi året som fire sifre, for eksempel: motedok arsplan 2026\n\n${ARSPLAN_HJELP}`);
  const started = performance.now();
  const { byggArsplan } = await import('../build/arsplan.js');
  const resultat = await byggArsplan(Number(args[0]), { out });
  printDiagnostics(resultat.diagnostics);
  const errors = countErrors(resultat.diagnostics);
  if (errors > 0) {
    console.error(`motedok arsplan: ${plural(errors, 'feil', 'feil')}; årsplanen ble ikke laget.`);
    return 1;
  }
  for (const fil of resultat.filer) console.log(`  skrev ${shownPath(fil)}`);
  console.log(`motedok arsplan: ${plural(resultat.moter, 'møte', 'møter')} i ${args[0]} på ${seconds(performance.now() - started)} s.`);
  return 0;
}
