import { UsageError } from '../domain/errors.js';
import type { NewResult } from '../scaffold/new.js';
import { NEW_HELP } from '../scaffold/new-help.js';
import { hasErrors, printDiagnostics } from './format.js';

/** All the options given on the command line: any besides a kind's own is refused. */
export interface NewFlags {
  readonly [option: string]: string | boolean | undefined;
  sted?: string;
  start?: string;
  slutt?: string;
  type?: string;
  minutter?: string;
}

type Hva = 'mote' | 'sak' | 'referat' | 'ci';

/** For each kind: the options it takes, how many arguments, and what to say when they are wrong. */
const KINDS: Record<Hva, { flags: string[]; args: number; usage: string }> = {
  mote: { flags: ['sted', 'start', 'slutt'], args: 2, usage: 'oppgi utvalg og dato, for eksempel: motedok new mote ssu 2026-02-12' },
  sak: {
    flags: ['type', 'minutter'],
    args: 2,
    usage: 'oppgi møtemappen og tittelen i anførselstegn, for eksempel: motedok new sak cases/2026-02-12-ssu "Årsplan 2027"',
  },
  referat: { flags: [], args: 1, usage: 'oppgi møtemappen, for eksempel: motedok new referat cases/2026-02-12-ssu' },
  ci: { flags: [], args: 1, usage: 'oppgi github eller gitlab, for eksempel: motedok new ci github' },
};

/** `motedok new mote|sak|referat|ci …`: writes the file, says what it made, and shows problems found reading it back. */
export async function runNew(args: string[], flags: NewFlags): Promise<number> {
  const [hva, ...rest] = args;
  const kind = parseKind(hva);
  checkArgs(kind, rest, flags);
  const result = await writeNew(kind, rest, flags);
  for (const line of result.linjer) console.log(line);
  const vis = result.diagnostics.filter((d) => d.severity === 'feil' || d.file === result.file);
  printDiagnostics(vis);
  return hasErrors(vis) ? 1 : 0;
}

/** A mistake in calling `motedok new`, shown with its help. */
function usageError(message: string): UsageError {
  return new UsageError(`${message}\n\n${NEW_HELP}`);
}

function parseKind(hva: string | undefined): Hva {
  if (hva === undefined) throw usageError('si hva som skal lages: mote, sak, referat eller ci.');
  if (!Object.hasOwn(KINDS, hva)) throw usageError(`ukjent «${hva}»; motedok new lager mote, sak, referat eller ci.`);
  return hva as Hva;
}

function checkArgs(kind: Hva, rest: string[], flags: NewFlags): void {
  const wrong = Object.entries(flags).find(([k, v]) => v !== undefined && !KINDS[kind].flags.includes(k));
  if (wrong) throw usageError(`valget «--${wrong[0]}» gjelder ikke for «motedok new ${kind}».`);
  if (rest.length !== KINDS[kind].args) throw usageError(KINDS[kind].usage);
}

async function writeNew(kind: Hva, rest: string[], flags: NewFlags): Promise<NewResult> {
  const { newMote, newSak, newReferat, newCi } = await import('../scaffold/new.js');
  if (kind === 'ci') return newCi(rest[0]!);
  if (kind === 'mote') return newMote(rest[0]!, rest[1]!, flags);
  if (kind === 'sak') return newSak(rest[0]!, rest[1]!, flags);
  return newReferat(rest[0]!);
}
