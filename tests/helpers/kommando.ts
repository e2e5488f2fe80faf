import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { format } from 'node:util';
import { vi } from 'vitest';
import { EKSEMPELPROSJEKT } from './prosjekt.js';

/** The command as set-up builds it. */
export const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'motedok.js');

/** Runs the real command line, as built by the set-up (`npm test` compiles before running vitest), by default in the example project. */
export function motedok(args: string[], cwd = EKSEMPELPROSJEKT, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the command line in this process: the same `main` that bin/motedok.js runs, from the
 * project folder, with what it prints captured as a spawned command's stdout and stderr would be
 * (each line ending in a newline). A few dozen commands this way take a second, where starting
 * Node for each takes several; `motedok` above keeps the real command in the tests that need it.
 * `env` is laid over process.env for the run.
 */
export async function motedokHer(args: string[], cwd = EKSEMPELPROSJEKT, env: Record<string, string | undefined> = {}) {
  const { main } = await import('../../src/cli/main.js');
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void stdout.push(`${format(...a)}\n`));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(`${format(...a)}\n`));
  const signaler = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const miljo = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const her = process.cwd();
  process.chdir(cwd);
  for (const [k, v] of Object.entries(env)) settMiljo(k, v);
  try {
    const code = await main(args);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    for (const [k, v] of Object.entries(miljo)) settMiljo(k, v);
    process.chdir(her);
    log.mockRestore();
    error.mockRestore();
    // main() installs its Ctrl-C handlers on every call; only one run's worth belongs to a process.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      for (const lytter of process.listeners(signal)) if (!signaler[signal].includes(lytter)) process.removeListener(signal, lytter);
    }
  }
}

function settMiljo(navn: string, verdi: string | undefined): void {
  if (verdi === undefined) delete process.env[navn];
  else process.env[navn] = verdi;
}
