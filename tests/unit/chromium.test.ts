import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPrinter } from '../../src/pipeline/print/chromium.mjs';

/** A folder with executables of these names, for PATH. */
function bin(...navn: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'motedok-bin-'));
  mkdirSync(dir, { recursive: true });
  for (const n of navn) {
    writeFileSync(join(dir, n), '#!/bin/sh\n');
    chmodSync(join(dir, n), 0o755);
  }
  return dir;
}

describe('which browser prints', () => {
  it('prefers chromium-headless-shell, started as the old headless mode', () => {
    const dir = bin('chromium', 'chromium-headless-shell');
    expect(findPrinter({ PATH: dir }, [])).toEqual({ path: join(dir, 'chromium-headless-shell'), shell: true });
  });

  it('falls back to chromium without the shell', () => {
    const dir = bin('chromium');
    expect(findPrinter({ PATH: dir }, [])).toEqual({ path: join(dir, 'chromium'), shell: false });
  });

  it('takes the browser named by MOTEDOK_CHROMIUM over both, as a shell only when it is one', () => {
    const dir = bin('chromium', 'chromium-headless-shell', 'min-chrome');
    expect(findPrinter({ PATH: dir, MOTEDOK_CHROMIUM: join(dir, 'min-chrome') }, [])).toEqual({
      path: join(dir, 'min-chrome'),
      shell: false,
    });
    expect(findPrinter({ PATH: '', MOTEDOK_CHROMIUM: join(dir, 'chromium-headless-shell') }, [])).toEqual({
      path: join(dir, 'chromium-headless-shell'),
      shell: true,
    });
  });
});
