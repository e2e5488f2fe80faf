import { UsageError } from '../domain/errors.js';
import { countErrors, plural, printDiagnostics, seconds, shownPath } from './format.js';
import { ARSPLAN_HELP } from './help.js';

/** `motedok arsplan <år>`: the year's plan as PDF and calendar file. */
export async function runArsplan(args: string[], out: string | undefined): Promise<number> {
  if (args.length !== 1 || !/^\d{4}$/.test(args[0]!))
    throw new UsageError(`oppgi året som fire sifre, for eksempel: motedok arsplan 2026\n\n${ARSPLAN_HELP}`);
  const started = performance.now();
  const { buildArsplan } = await import('../build/arsplan.js');
  const result = await buildArsplan(Number(args[0]), { out });
  printDiagnostics(result.diagnostics);
  const errors = countErrors(result.diagnostics);
  if (errors > 0) {
    console.error(`motedok arsplan: ${plural(errors, 'feil', 'feil')}; årsplanen ble ikke laget.`);
    return 1;
  }
  for (const file of result.files) console.log(`  skrev ${shownPath(file)}`);
  console.log(`motedok arsplan: ${plural(result.moter, 'møte', 'møter')} i ${args[0]} på ${seconds(performance.now() - started)} s.`);
  return 0;
}
