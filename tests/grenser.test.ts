import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildRegister } from '../src/cache/register.js';

describe('the build register fingerprints a meeting folder without reading what it must not', () => {
  it('a FIFO is never opened, a file of 3 GB is never read, an ordinary file is hashed', () => {
    const root = mkdtempSync(join(tmpdir(), 'motedok-grenser-'));
    const mappe = join(root, '2025-05-22-ssu');
    mkdirSync(mappe);
    writeFileSync(join(mappe, '13-a.md'), 'tekst');
    execFileSync('mkfifo', [join(mappe, 'ror')]);
    // Sparse: three gigabytes on paper, nothing on disk.
    const fd = openSync(join(mappe, 'opptak.mp4'), 'w');
    writeSync(fd, 'x', 3 * 1024 ** 3);
    closeSync(fd);
    const register = new BuildRegister<{ fil: string }, unknown>(join(root, 'ut', 'register.json'), join(root, 'ut'));
    const start = Date.now();
    const inndata = register.inndata([mappe]);
    expect(Date.now() - start).toBeLessThan(2000);
    expect(inndata[join(mappe, 'ror')]?.sha256).toBe('ikke-en-fil');
    expect(inndata[join(mappe, 'opptak.mp4')]?.sha256).toMatch(/^stor:3221225473:/);
    expect(inndata[join(mappe, '13-a.md')]?.sha256).toBe(createHash('sha256').update('tekst').digest('hex'));
  });
});
