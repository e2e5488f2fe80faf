#!/usr/bin/env node
import { isAscii } from 'node:buffer';
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const bundle = join(dist, 'cli.cjs');
if (!existsSync(bundle)) {
  console.error('motedok er ikke bygget ennå. Kjør «npm start» (eller «npm run motedok -- …») i prosjektmappen først.');
  process.exit(2);
}

// A run is short: V8 optimises a function later than it would in a server, so that less of the
// run goes to compiling code that is used a few times (measured: an edit of one sak 0.14 s faster).
v8.setFlagsFromString('--interrupt-budget=400000');

/**
 * The bundle is compiled with V8's code cache: what the first run of a command compiled is kept
 * beside the bundle, one file per kind of command, named for the bundle's size and time (a new
 * bundle gets new files; set-up replaces dist/ whole). A build that printed keeps its own, larger
 * cache ("build"); one that found nothing changed only makes one when there is none.
 */
const command = process.argv[2];
const kind = command === 'build' || command === 'publish' ? 'build' : command === 'check' ? 'check' : 'annet';
const { size, mtimeMs } = statSync(bundle);
const cacheFile = (navn) => join(dist, `cli.${navn}.${size}-${Math.round(mtimeMs)}.v8cache`);
const candidates = kind === 'build' ? ['build', 'build-kort'] : [kind];
const read = (navn) => {
  try {
    return { navn, data: readFileSync(cacheFile(navn)) };
  } catch {
    return undefined;
  }
};
const cached = candidates.map(read).find(Boolean);
// Set-up escapes every character outside ASCII (scripts/oppsett.mjs): read so, it needs no UTF-8 decoding.
const bytes = readFileSync(bundle);
const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData: cached?.data });

/** Written on the way out, when this run compiled what no cache holds; never an error to report. */
function saveCache() {
  const navn = kind === 'build' && !globalThis.motedokPrinted ? 'build-kort' : kind;
  const usable = cached && !script.cachedDataRejected;
  if (usable && (cached.navn === navn || cached.navn === 'build')) return;
  const temp = `${cacheFile(navn)}.${process.pid}`;
  let fd;
  try {
    // Opened before the cache is made: where nothing can be written, no run spends time making it.
    fd = openSync(temp, 'w');
    writeSync(fd, script.createCachedData());
    closeSync(fd);
    fd = undefined;
    renameSync(temp, cacheFile(navn));
  } catch {
    // A read-only installation runs without the cache.
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(temp, { force: true });
    } catch {
      // Nothing of it is left that matters.
    }
  }
}
process.once('exit', saveCache);

const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(bundle), cli, bundle, dist);
// The bundle loads the packages it leaves out (src/util/external.ts) with this module's loader.
globalThis.motedokImport = (name) => import(name);
process.exitCode = await cli.exports.main(process.argv.slice(2));
