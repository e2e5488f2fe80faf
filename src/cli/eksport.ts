import { countErrors, plural, printDiagnostics, shownPath } from './format.js';
import { createProgress, endProgress } from './progress.js';

/** `motedok eksport [møtemapper …] [--out MAPPE]`: each meeting's records for the archive and eInnsyn, as einnsyn.json. */
export async function runEksport(paths: string[], flags: { out?: string }): Promise<number> {
  const { eksportMoter } = await import('../build/eksport.js');
  const result = await eksportMoter(paths, { out: flags.out, underveis: createProgress() });
  endProgress();
  printDiagnostics(result.diagnostics);
  const errors = countErrors(result.diagnostics);
  if (errors > 0) {
    console.error(
      `motedok eksport: ${plural(errors, 'feil', 'feil')}; ingenting er eksportert. Rett feilene og kjør «motedok eksport» igjen.`,
    );
    return 1;
  }
  for (const { file, moetemappe } of result.eksportert)
    console.log(
      `  skrev ${shownPath(file)}: ${plural(moetemappe.moetesak.length, 'sak', 'saker')}, ${plural(moetemappe.moetedokument.length, 'møtedokument', 'møtedokumenter')}`,
    );
  console.log(
    `motedok eksport: ${plural(result.eksportert.length, 'møte', 'møter')} eksportert til eInnsyn-format${result.diagnostics.some((d) => d.message.startsWith('eksport: ')) ? '; se advarslene for det som ikke er med ennå' : ''}.`,
  );
  return 0;
}
