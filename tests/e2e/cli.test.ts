import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROSJEKTMAPPE } from '../../src/domain/prosjekt.js';
import { BIN, motedok } from '../helpers/kommando.js';
import { BYGGEPAKKER, loadedPackages } from '../helpers/moduler.js';
import { EKSEMPELPROSJEKT } from '../helpers/prosjekt.js';
import { medBufferFra } from '../helpers/tilstand.js';

/** Where the commands run: a project folder holding the example meetings in cases/. */
const prosjekt = EKSEMPELPROSJEKT;
const bin = BIN;

/** The output folder of the first build below, whose documents the second test need not print again. */
let forsteUt: string | undefined;

describe('the motedok command', () => {
  it('build writes the documents and says what it wrote; with nothing changed it says so, and loads no browser, pdf-lib or Markdown', () => {
    const out = mkdtempSync(join(tmpdir(), 'motedok-cli-'));
    forsteUt = out;
    const { code, stdout, stderr } = motedok(['build', `${PROSJEKTMAPPE}/2025-11-13-ssu`, '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`skrev ${relative(prosjekt, join(out, '2025-11-13-ssu', 'innkalling.pdf'))} (`);
    expect(stdout).toMatch(/motedok build: 1 møte, 14 dokumenter( \(\d+ hentet fra hurtigbufferen\))?, \d+ sider på \d+,\d\d s\.\n$/);
    expect(stdout).toContain(`skrev ${relative(prosjekt, join(out, '2025-11-13-ssu', 'offentlig', 'innkalling.pdf'))} (`);
    expect(existsSync(join(out, '2025-11-13-ssu', 'saksdokumenter.pdf'))).toBe(true);
    const igjen = loadedPackages(['build', `${PROSJEKTMAPPE}/2025-11-13-ssu`, '--out', out], prosjekt);
    expect(igjen.code).toBe(0);
    expect(igjen.stderr).toBe('');
    expect(igjen.stdout).toMatch(
      /^motedok build: ingenting er endret siden forrige bygging; 1 møte, 14 dokumenter, \d+ sider er som før \(\d+,\d\d s\)\.\n$/,
    );
    expect(igjen.packages.filter((p) => BYGGEPAKKER.test(p))).toEqual([]);
  }, 60_000);

  it('on a terminal, progress is one line that is rewritten; the summary follows on a clean line', () => {
    const out = mkdtempSync(join(tmpdir(), 'motedok-cli-'));
    // What is tested is the progress line, not the printing.
    if (forsteUt) medBufferFra(forsteUt, out);
    const terminal = spawnSync('script', ['-qc', `${process.execPath} ${bin} build cases/2025-11-13-ssu --out ${out}`, '/dev/null'], {
      cwd: prosjekt,
      encoding: 'utf8',
    });
    expect(terminal.status).toBe(0);
    expect(terminal.stdout).toContain('\r\x1b[K  1 dokument skrevet · 2025-11-13-ssu · ');
    expect(terminal.stdout).not.toContain('  skrev ');
    expect(terminal.stdout).toMatch(/\r\x1b\[Kmotedok build: 1 møte, 14 dokumenter/);
  }, 60_000);
});
