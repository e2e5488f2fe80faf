import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROSJEKTMAPPE } from '../../src/domain/prosjekt.js';
import { innholdUnder } from '../helpers/filer.js';
import { lagProsjektMedCases } from '../helpers/prosjekt.js';
import { lagreTilstand } from '../helpers/tilstand.js';

// Pruning outdated outputs once ran on the source folder (`cd cases && motedok build <møte> --out .`)
// and deleted every sak. These tests hold the two guards: an output folder among the sources is
// refused before anything is read or written, and pruning removes only what a build recorded as
// its own outputs, inside the output folder.

const repo = resolve(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'motedok.js');
const M = '2025-05-22-ssu';
function motedok(args: string[], cwd: string) {
  return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
}

// Built once; each test starts from that project (with its output folder inside), put back in the same path.
let base: string;
let ut: string;
let bygd: ReturnType<typeof lagreTilstand>;

beforeAll(() => {
  base = lagProsjektMedCases();
  ut = join(base, 'output');
  expect(motedok(['build', `${PROSJEKTMAPPE}/${M}`, '--out', 'output'], base).status).toBe(0);
  bygd = lagreTilstand(base);
}, 120_000);

beforeEach(() => bygd.gjenopprett());

describe('pruning removes only what an earlier build recorded as its own output', () => {
  it('a sak removed takes its case paper with it; files the secretariat put in the output folder stay', () => {
    expect(readdirSync(join(ut, M, 'vedlegg')).sort()).toEqual(['sak-02-25.pdf', 'sak-03-25.pdf']);
    const sist = join(ut, M, 'vedlegg', 'sak-03-25.pdf');
    writeFileSync(join(ut, M, 'egne-notater.txt'), 'mine notater\n');
    writeFileSync(join(ut, M, 'vedlegg', 'annet.pdf'), '%PDF-1.4 lagt her for hånd\n');
    mkdirSync(join(ut, 'arkiv'));
    writeFileSync(join(ut, 'arkiv', 'gammelt.pdf'), 'fra i fjor\n');
    rmSync(join(base, PROSJEKTMAPPE, M, '14-b.md'));

    const r = motedok(['build', `${PROSJEKTMAPPE}/${M}`, '--out', 'output'], base);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(sist)).toBe(false);
    expect(existsSync(join(ut, M, 'offentlig', 'vedlegg', 'sak-03-25.pdf'))).toBe(false);
    expect(readFileSync(join(ut, M, 'egne-notater.txt'), 'utf8')).toBe('mine notater\n');
    expect(readFileSync(join(ut, M, 'vedlegg', 'annet.pdf'), 'utf8')).toBe('%PDF-1.4 lagt her for hånd\n');
    expect(readFileSync(join(ut, 'arkiv', 'gammelt.pdf'), 'utf8')).toBe('fra i fjor\n');
  });

  it('a register that names source files (outside the output folder, or through a link in it) removes none of them', () => {
    symlinkSync(join(base, PROSJEKTMAPPE), join(ut, 'lenke'));
    const kilder = innholdUnder(join(base, PROSJEKTMAPPE));
    const registerfil = join(ut, '.hurtigbuffer', 'register.json');
    const register = JSON.parse(readFileSync(registerfil, 'utf8'));
    const avtrykk = { storrelse: 1, endret: 1 };
    register.moter[M].utdata = {
      ...register.moter[M].utdata,
      [join(base, PROSJEKTMAPPE, M, '13-a.md')]: avtrykk,
      [join(ut, '..', PROSJEKTMAPPE, M, 'mote.yaml')]: avtrykk,
      [join(ut, 'lenke', M, '14-b.md')]: avtrykk,
      [join(ut, 'lenke', 'organisasjon.yaml')]: avtrykk,
    };
    register.moter[M].nokkel = 'endret';
    writeFileSync(registerfil, JSON.stringify(register));

    expect(motedok(['build', `${PROSJEKTMAPPE}/${M}`, '--out', 'output', '--force'], base).status).toBe(0);
    const etter = innholdUnder(join(base, PROSJEKTMAPPE));
    expect([...etter.keys()].sort()).toEqual([...kilder.keys()].sort());
    for (const [fil, bytes] of kilder) expect(etter.get(fil)!.equals(bytes), fil).toBe(true);
  });
});
