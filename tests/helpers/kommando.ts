import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { EKSEMPELPROSJEKT } from './prosjekt.js';

/** The command as set-up builds it. */
export const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'motedok.js');

/** Runs the real command line, as built by the set-up (`npm test` compiles before running vitest), by default in the example project. */
export function motedok(args: string[], cwd = EKSEMPELPROSJEKT, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
