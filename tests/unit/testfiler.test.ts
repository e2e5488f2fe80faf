import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const tests = resolve(import.meta.dirname, '..');

function testFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(folder, e.name)) : e.name.endsWith('.test.ts') ? [relative(tests, join(folder, e.name))] : [],
  );
}

describe('the test tiers', () => {
  it('every test file is in tests/unit/ or tests/e2e/, so vitest runs it in one of the tiers', () => {
    const files = testFiles(tests);
    expect(files.length).toBeGreaterThan(40);
    expect(files.filter((f) => !f.startsWith('unit/') && !f.startsWith('e2e/'))).toEqual([]);
  });

  it('a unit test that starts Chromium gets a script that refuses, not a browser', () => {
    expect(process.env.MOTEDOK_CHROMIUM).toBe(resolve(tests, 'helpers', 'ingen-nettleser.sh'));
  });
});
