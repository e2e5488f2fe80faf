import type { Diagnostic } from '../domain/diagnostics.js';
import { UsageError } from '../domain/errors.js';
import type { Preview } from '../preview/watch.js';
import { countErrors, hasErrors, plural, printDiagnostics } from './format.js';

/** `motedok watch <møtemappe>`: serves the preview until Ctrl-C; the returned promise never settles. */
export async function runWatch(args: string[], port: string | undefined): Promise<number> {
  if (args.length !== 1) throw new UsageError('oppgi én møtemappe, for eksempel: motedok watch cases/2025-05-22-ssu');
  if (port !== undefined && !/^\d{1,5}$/.test(port)) throw new UsageError(`--port må være et tall, for eksempel 8080, men er «${port}».`);
  const folder = args[0]!;
  const buildPdf = await createPdfQueue(folder);
  const visning = await startPreview(folder, port, (diagnostics) => {
    printUpdate(diagnostics);
    if (!hasErrors(diagnostics)) buildPdf();
  });
  printDiagnostics(visning.diagnostics);
  console.log(`motedok watch: åpne ${visning.url} i nettleseren. Siden oppdateres når du lagrer en fil i møtemappen. Avslutt med Ctrl-C.`);
  if (!hasErrors(visning.diagnostics)) buildPdf();
  return new Promise<number>(() => undefined);
}

async function startPreview(folder: string, port: string | undefined, underveis: (d: Diagnostic[]) => void): Promise<Preview> {
  const { startPreview } = await import('../preview/watch.js');
  try {
    return await startPreview(folder, {
      port: port === undefined ? 8080 : Number(port),
      underveis: ({ diagnostics }) => underveis(diagnostics),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new UsageError(`porten ${port ?? 8080} er i bruk; velg en annen med --port, for eksempel --port 8081.`);
    throw error;
  }
}

function printUpdate(diagnostics: readonly Diagnostic[]): void {
  printDiagnostics(diagnostics);
  const error = countErrors(diagnostics);
  console.log(`${new Date().toLocaleTimeString('nb-NO')} ${error ? `${plural(error, 'feil', 'feil')}; siden viser dem` : 'oppdatert'}`);
}

/**
 * The PDFs are rebuilt in the background after each change without errors, one build at a time:
 * a change during a build asks for one more build after it.
 */
async function createPdfQueue(folder: string): Promise<() => void> {
  const { buildMoter } = await import('../build/build.js');
  let running: Promise<void> | undefined;
  let again = false;
  const buildPdf = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = buildMoter([folder])
      .then(
        (r) => {
          const skrevet = r.dokumenter.filter((d) => !d.fraBuffer).length;
          if (!hasErrors(r.diagnostics))
            console.log(`  PDF-ene i output/ er oppdatert (${plural(skrevet, 'dokument', 'dokumenter')} skrevet på nytt).`);
        },
        (error: Error) => console.error(`motedok: PDF-ene ble ikke laget: ${error.message.split('\n')[0]}`),
      )
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          buildPdf();
        }
      });
  };
  return buildPdf;
}
