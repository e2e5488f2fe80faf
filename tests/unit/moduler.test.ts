import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BYGGEPAKKER, loadedPackages } from '../helpers/moduler.js';
import { EKSEMPELPROSJEKT, makeProject, sak } from '../helpers/prosjekt.js';

const SAKSFREMLEGG =
  '## Bakgrunn\n\nTekst med **utheving**.\n\n| Tiltak | Kr |\n|---|---:|\n| Ett | 100 |\n\n## Forslag til vedtak\n\nSaken godkjennes.\n';

describe('what a command loads', () => {
  it('check of saker without HTML, images or attachments loads neither the browser, pdf-lib nor the Markdown parser', () => {
    const root = makeProject({
      '2025-05-22-ssu/13-a.md': sak('tittel: En sak\ntype: beslutning\nminutter: 30', SAKSFREMLEGG),
      '2025-05-22-ssu/14-b.md': sak('tittel: En annen sak\ntype: tema\nminutter: 10', SAKSFREMLEGG),
    });
    const { code, stdout, stderr, packages } = loadedPackages(['check', '.'], root);
    expect(stderr).toBe('');
    expect(stdout).toContain('ingen feil');
    expect(code).toBe(0);
    // What check needs is seen.
    expect(packages).toEqual(expect.arrayContaining(['yaml', 'zod']));
    expect(packages.filter((p) => BYGGEPAKKER.test(p))).toEqual([]);
  });

  it('check beside the cache an earlier check or build left needs neither pdf-lib nor the Markdown parser for what it read before', () => {
    // The example meetings have HTML, images and PDF attachments: the first check parses them.
    const out = mkdtempSync(join(tmpdir(), 'motedok-moduler-ut-'));
    mkdirSync(join(out, '.hurtigbuffer'));
    const first = loadedPackages(['check', '--out', out], EKSEMPELPROSJEKT);
    expect(first.packages).toEqual(expect.arrayContaining(['pdf-lib', 'micromark']));
    const second = loadedPackages(['check', '--out', out], EKSEMPELPROSJEKT);
    expect(second.stdout.replace(/på \d+,\d+ s/, '')).toBe(first.stdout.replace(/på \d+,\d+ s/, ''));
    expect(second.stderr).toBe(first.stderr);
    expect(second.packages.filter((p) => BYGGEPAKKER.test(p))).toEqual([]);
  });
});
