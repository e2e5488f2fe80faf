#!/usr/bin/env node
// The static checks `npm test` runs before the tests: types (tsc), the direction of imports
// (dependency-cruiser) and formatting and lint (Biome). They read the same files and need
// nothing from each other, so they run at the same time; each one's output is printed whole,
// in this order, and the exit code is 1 when any of them failed.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = (name) => join(root, 'node_modules', '.bin', name);
// tsc keeps what it learnt about unchanged files here (node_modules/ is never committed): a second
// run checks only what changed, in a third of the time.
const cache = join(root, 'node_modules', '.cache', 'motedok');
mkdirSync(cache, { recursive: true });

// Their output goes through a pipe: colours only when it ends in a terminal.
const farger = process.stdout.isTTY === true;
const CHECKS = [
  [
    'tsc',
    bin('tsc'),
    ['--noEmit', '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', join(cache, `tsc-${hashOf(root)}.tsbuildinfo`)],
  ],
  ['depcruise', bin('depcruise'), ['src', '--config', '.dependency-cruiser.cjs']],
  ['biome', bin('biome'), ['ci', '--error-on-warnings', `--colors=${farger ? 'force' : 'off'}`]],
];

/** One build-info file per checkout: two clones sharing a node_modules do not overwrite each other's. */
function hashOf(text) {
  let h = 0;
  for (const c of text) h = (h * 31 + c.codePointAt(0)) >>> 0;
  return h.toString(16);
}

function run([name, command, args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ name, ok: false, output: `${error.message}\n` }));
    child.on('close', (code) => resolve({ name, ok: code === 0, output: Buffer.concat(output).toString() }));
  });
}

const start = performance.now();
const results = await Promise.all(CHECKS.map(run));
const failed = results.filter((r) => !r.ok);
for (const { name, output } of failed) process.stdout.write(`── ${name} ──\n${output}${output.endsWith('\n') ? '' : '\n'}`);
if (failed.length) {
  console.error(`kontroller: ${failed.map((r) => r.name).join(', ')} fant feil (se over).`);
  process.exit(1);
}
console.log(`kontroller: typer, avhengigheter og formatering er i orden (${((performance.now() - start) / 1000).toFixed(1)} s).`);
