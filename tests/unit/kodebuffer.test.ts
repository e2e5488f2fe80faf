import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, motedok } from '../helpers/kommando.js';

const DIST = join(dirname(BIN), '..', 'dist');

/** The code cache bin/motedok.js keeps for `--version` and the other short commands, if there is one. */
const shortCache = () => readdirSync(DIST).find((f) => /^cli\.annet\.\d+-\d+\.v8cache$/.test(f));

describe("the command line's code cache", () => {
  it('a damaged cache does not change what the command says, and is made again', () => {
    const first = motedok(['--version']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^motedok \d+\.\d+\.\d+\n$/);
    const cache = shortCache();
    expect(cache).toBeDefined();
    writeFileSync(join(DIST, cache!), 'ikke en kodebuffer');

    const second = motedok(['--version']);
    expect(second).toEqual(first);
    // V8 refused the damaged one; the run wrote what it compiled in its place.
    expect(readFileSync(join(DIST, cache!), 'latin1')).not.toBe('ikke en kodebuffer');
    expect(readdirSync(DIST).filter((f) => /\.v8cache\.\d+$/.test(f))).toEqual([]);
  });
});
