import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML, { isMap, isPair, isSeq } from 'yaml';
import { BuildRegister } from '../../src/cache/register.js';
import { findYamlLimit } from '../../src/pipeline/load/yaml-depth.js';
import { avbrytVedLesing, storeMoter } from '../helpers/signal.js';

const tooDeepYaml = (text: string, nivaer: number) => findYamlLimit(text, { nivaer, verdier: Number.POSITIVE_INFINITY })?.offset;

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

/** How deep the yaml library nests what it parsed: maps and sequences inside each other. */
function parsedDepth(node: unknown): number {
  if (!isMap(node) && !isSeq(node)) return 0;
  const items = (node.items as unknown[]).flatMap((item) => (isPair(item) ? [item.key, item.value] : [item]));
  return 1 + Math.max(0, ...items.map(parsedDepth));
}

describe('the YAML depth count, made before parsing, bounds what the parser builds', () => {
  // The parts YAML nests with, and what hides them: quotes, comments, block scalars, anchors and tags.
  const deler = fc.constantFrom(
    '[',
    ']',
    '{',
    '}',
    '- ',
    ': ',
    '? ',
    'a',
    'b c',
    '"',
    "'",
    '\n',
    '\n  ',
    '\n    ',
    ' ',
    ',',
    '#',
    '|',
    '>',
    '&x ',
    '*x',
    '!t ',
  );

  it('any text the count lets through at 4 levels parses at most 8 deep', () => {
    // An indentation the parser forgives (a flow collection less indented than its parent) can
    // keep one level open that the count has closed; never more than one per level counted.
    fc.assert(
      fc.property(fc.array(deler, { maxLength: 80 }), (valgt) => {
        const text = valgt.join('');
        if (tooDeepYaml(text, 4) !== undefined) return;
        expect(
          parsedDepth(YAML.parseDocument(text, { logLevel: 'silent', uniqueKeys: false }).contents),
          JSON.stringify(text),
        ).toBeLessThanOrEqual(8);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts every [, {, «- » and indented line, and nothing inside quotes, comments and block scalars', () => {
    expect(tooDeepYaml(`x: ${'['.repeat(99)}${']'.repeat(99)}`, 100)).toBeUndefined();
    expect(tooDeepYaml(`x: ${'['.repeat(100)}`, 100)).toBe(102);
    expect(tooDeepYaml(`x: [${'a: ['.repeat(60)}`, 100)).toBeDefined();
    expect(
      tooDeepYaml(`x: "${'['.repeat(500)}" # ${'{'.repeat(500)}\ny: |\n  ${'- '.repeat(500)}\nz: '${'{'.repeat(500)}'`, 100),
    ).toBeUndefined();
    expect(tooDeepYaml(Array.from({ length: 101 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'), 100)).toBeDefined();
  });
});

describe('Ctrl-C and kill end a long run at the file it is reading', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    'check, %s at the fifth of 200 saker: exit %i, most saker never read, nothing left behind',
    async (signal, kode) => {
      const { root, saker } = storeMoter();
      const tmp = mkdtempSync(join(tmpdir(), 'motedok-signal-tmp-'));
      const slutt = await avbrytVedLesing(['check', '.'], root, tmp, signal, 5);
      expect(slutt.kode).toBe(kode);
      // The load lets the event loop run between files: the signal ends it at the file it came during,
      // not after all of them (a few more may be read before the signal arrives; never most).
      expect(slutt.lest).toBeLessThan(saker / 2);
      expect(readdirSync(tmp)).toEqual([]);
    },
    120_000,
  );
});
