import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, sak, utmappe } from '../helpers/prosjekt.js';

const repo = resolve(import.meta.dirname, '..', '..');

describe('what is not summed', () => {
  it('a wrong sum is a warning, not an error: check and build exit 0 and name file, line and column', () => {
    const root = makeProject({
      '2025-05-22-ssu/10-budsjett.md': sak(
        'tittel: Budsjett\ntype: tema\nminutter: 10',
        '## Budsjett 2026\n\n| Tiltak | 2026 |\n|---|---:|\n| Digital sårbehandling | 1 500 000 |\n| VIP | 1 250 000 |\n| Sum | 2 570 000 |\n',
      ),
    });
    const bin = resolve(repo, 'bin/motedok.js');
    const result = spawnSync(process.execPath, [bin, 'check', '.'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      '2025-05-22-ssu/10-budsjett.md:13:9: advarsel: summen stemmer ikke i tabell 1 (under «Budsjett 2026»), kolonne «2026», rad «Sum»: det står 2 570 000, men radene over blir 2 750 000 (180 000 for lite). Rett summen eller tallene over; en rad «Sum …» foran flere rader regnes som delsum.\n',
    );
    expect(result.stdout).toContain('ingen feil, 1 advarsel');
    // build shows the same warning and still makes the documents.
    const ut = utmappe();
    const bygg = spawnSync(process.execPath, [bin, 'build', '.', '--out', ut], { cwd: root, encoding: 'utf8' });
    expect(bygg.status).toBe(0);
    expect(bygg.stderr).toBe(result.stderr);
    expect(existsSync(join(ut, '2025-05-22-ssu', 'vedlegg', 'sak-02-25.pdf'))).toBe(true);
  }, 60_000);
});
