import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceCache } from '../../src/cache/source-cache.js';
import { Diagnostics } from '../../src/domain/diagnostics.js';
import { readMarkdownSource, useSourceStore } from '../../src/pipeline/load/source-store.js';

const SAK =
  '---\ntittel: Budsjett 2026\nminutter: 20\nvedlegg:\n  - tittel: Rapport\n    fil: vedlegg/rapport.pdf\n---\n\n## Bakgrunn\n\nTekst.\n';

/** Reads `text` as sak.md through a cache kept in `folder`, as two builds in a row would. */
function read(folder: string, text: string) {
  const cache = new SourceCache(folder);
  useSourceStore(cache);
  const diags = new Diagnostics();
  const source = readMarkdownSource(join(folder, 'sak.md'), text, diags);
  useSourceStore(undefined);
  cache.save();
  return { source, meldinger: diags.items.map((d) => `${d.position?.line}:${d.position?.column}: ${d.message}`) };
}

describe('Markdown files read before (kilder.json)', () => {
  let folder = '';
  afterEach(() => {
    useSourceStore(undefined);
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('gives the same data, body and positions the second time, without parsing the file again', () => {
    folder = mkdtempSync(join(tmpdir(), 'motedok-kilder-'));
    const first = read(folder, SAK).source;
    expect(readFileSync(join(folder, 'kilder.json'), 'utf8')).toContain('Budsjett 2026');
    const second = read(folder, SAK).source;
    expect(second.frontmatter?.data).toEqual(first.frontmatter?.data);
    expect([second.frontmatterStatus, second.bodyStart, second.bodyLine]).toEqual([
      first.frontmatterStatus,
      first.bodyStart,
      first.bodyLine,
    ]);
    expect(second.frontmatter?.locate(['vedlegg', 0, 'fil'])).toEqual({ line: 6, column: 10 });
    expect(second.frontmatter?.locate(['minutter'])).toEqual(first.frontmatter?.locate(['minutter']));
  });

  it('reports a file with a problem again on the next run, and reads a changed text anew', () => {
    folder = mkdtempSync(join(tmpdir(), 'motedok-kilder-'));
    const feil = SAK.replace('minutter: 20\n', 'minutter: 20\ntittel: To ganger\n');
    const melding = ['4:1: nøkkelen «tittel» står to ganger; hver nøkkel kan bare stå én gang.'];
    expect(read(folder, feil).meldinger).toEqual(melding);
    expect(read(folder, feil).meldinger).toEqual(melding);
    read(folder, SAK);
    expect(read(folder, SAK.replace('Budsjett 2026', 'Budsjett 2027')).source.frontmatter?.data).toMatchObject({ tittel: 'Budsjett 2027' });
  });
});
