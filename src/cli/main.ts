import { parseArgs } from 'node:util';
import { UsageError } from '../domain/errors.js';
import { visible } from '../util/visible.js';
import { runArsplan } from './arsplan.js';
import { runBuild, runPublish } from './build.js';
import { runCheck } from './check.js';
import { runEksport } from './eksport.js';
import { helpFor, version } from './help.js';
import { runNew } from './new.js';
import { runSend } from './send.js';
import { runWatch } from './watch.js';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  out: { type: 'string' },
  html: { type: 'boolean' },
  force: { type: 'boolean' },
  sted: { type: 'string' },
  start: { type: 'string' },
  slutt: { type: 'string' },
  type: { type: 'string' },
  minutter: { type: 'string' },
  port: { type: 'string' },
  dato: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

const NEW_OPTIONS = ['sted', 'start', 'slutt', 'type', 'minutter'] as const;

/** The command line. Returns the exit code; never throws for a user's mistake. */
export async function main(argv: string[]): Promise<number> {
  // Ctrl-C and kill: stop at once. Nothing half-written is left (files are renamed into place
  // whole), and the exit listeners close Chromium and remove temporary files.
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  try {
    return await run(argv);
  } catch (error) {
    return await exitCodeFor(error);
  }
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.version) {
    console.log(`motedok ${version()}`);
    return 0;
  }
  if (values.help || command === undefined || command === 'hjelp' || command === 'help') {
    console.log(helpFor(command));
    return command === undefined && !values.help ? 2 : 0;
  }
  const newOption = NEW_OPTIONS.find((v) => values[v] !== undefined);
  if (values.dato !== undefined && command !== 'send')
    throw new UsageError('valget «--dato» hører til «motedok send». Se «motedok --help».');
  if (newOption && command !== 'new' && command !== 'ny')
    throw new UsageError(`valget «--${newOption}» hører til «motedok new». Se «motedok --help».`);
  return dispatch(command, rest, values);
}

function parse(argv: string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    const option = /'([^']+)'/.exec((error as Error).message)?.[1];
    throw new UsageError(`ukjent valg${option ? ` «${option}»` : ''}. Se «motedok --help».`);
  }
}

function dispatch(command: string, rest: string[], values: Values): Promise<number> {
  const flags = { out: values.out, html: values.html ?? false, force: values.force ?? false };
  switch (command) {
    case 'new':
    case 'ny':
      return runNew(rest, values);
    case 'check':
    case 'sjekk':
      return runCheck(rest, values.out);
    case 'build':
    case 'bygg':
      return runBuild(rest, flags);
    case 'publish':
    case 'publiser':
      return runPublish(rest, flags);
    case 'watch':
    case 'vis':
      return runWatch(rest, values.port);
    case 'eksport':
    case 'export':
      return runEksport(rest, { out: values.out });
    case 'send':
      return runSend(rest, { out: values.out, dato: values.dato });
    case 'arsplan':
    case 'årsplan':
      return runArsplan(rest, values.out);
    default:
      throw new UsageError(
        `ukjent kommando «${command}». Kommandoene er: build, check, send, eksport, publish, new, arsplan og watch. Se «motedok --help».`,
      );
  }
}

/**
 * The one place errors become exit codes: 2 for a mistake in calling the command, 1 for what
 * stopped the work (no browser, the output cannot be written, the new file exists). Anything
 * else is a bug and is thrown on, with its stack trace.
 */
async function exitCodeFor(error: unknown): Promise<number> {
  if (error instanceof UsageError) return report(error, 2);
  if (await isWorkError(error)) return report(error as Error, 1);
  throw error;
}

function report(error: Error, code: number): number {
  console.error(visible(`motedok: ${error.message}`));
  return code;
}

/** The error classes live in the modules that throw them; loaded only now, lightest first (the browser's pulls in puppeteer). */
async function isWorkError(error: unknown): Promise<boolean> {
  const { ExistsError, RefusedError } = await import('../scaffold/new.js');
  if (error instanceof ExistsError || error instanceof RefusedError) return true;
  const { OutputError } = await import('../pipeline/write/atomic.js');
  if (error instanceof OutputError) return true;
  const { BrowserError } = await import('../pipeline/print/pdf-browser.js');
  return error instanceof BrowserError;
}
