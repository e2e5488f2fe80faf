import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfTekst } from '../helpers/pdftekst.js';
import { makeProject, sak } from '../helpers/prosjekt.js';

const bin = resolve(import.meta.dirname, '../../bin/motedok.js');
const M = '2025-05-22-ssu';
const TEMA = 'tittel: Budsjett\ntype: tema\nminutter: 10';

/** A project with one tema sak whose body is `body` (the directive on line 9 when it is the third line), and extra files in the meeting folder. */
function prosjekt(body: string, filer: Record<string, string | Uint8Array> = {}): string {
  return makeProject({
    [`${M}/10-budsjett.md`]: sak(TEMA, body),
    ...Object.fromEntries(
      Object.entries(filer).map(([navn, innhold]) => [navn.startsWith('../') ? navn.slice(3) : `${M}/${navn}`, innhold]),
    ),
  });
}

const CSV =
  '\uFEFFTiltak;Beløp 2025;Kommentar\n"Digital sårbehandling; fase 2";1250000;Videreføres\nVIP;750000,5;"Ny ""pilot"""\nKompetanse;-20000;\n';

describe('in the built PDF', () => {
  it('the table from the CSV file is in the case paper, with its sum', () => {
    const root = prosjekt('## Tall\n\n<!-- tabell: tall.csv sum -->\n', { 'tall.csv': CSV });
    const ut = mkdtempSync(join(tmpdir(), 'motedok-tabellfil-'));
    const bygg = spawnSync(process.execPath, [bin, 'build', '.', '--out', ut], { cwd: root, encoding: 'utf8' });
    expect(bygg.stderr).toBe('');
    expect(bygg.status).toBe(0);
    const tekst = pdfTekst(join(ut, M, 'vedlegg', 'sak-02-25.pdf')).replace(/\u00A0/g, ' ');
    expect(tekst).toContain('Digital sårbehandling; fase 2');
    expect(tekst).toContain('1 250 000');
    expect(tekst).toContain('1 980 000,50');
    expect(tekst.indexOf('Digital sårbehandling')).toBeLessThan(tekst.indexOf('Kompetanse'));
  }, 90_000);
});
