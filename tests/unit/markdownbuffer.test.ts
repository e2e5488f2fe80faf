import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentCache } from '../../src/cache/document-cache.js';

/** One build's use of the Markdown conversions kept in `folder`: the texts it converts, then the save. */
function run(folder: string, texts: string[], limit: number): { gjenbrukt: string[] } {
  const cache = new DocumentCache(folder, 'verktøy');
  const gjenbrukt = texts.filter((text) => {
    if (cache.markdown.get(text) !== undefined) return true;
    cache.markdown.set(text, `<p>${text}</p>`);
    return false;
  });
  cache.saveMarkdown(limit);
  return { gjenbrukt };
}

const saved = (folder: string) => Object.values(JSON.parse(readFileSync(join(folder, 'markdown.json'), 'utf8')) as Record<string, string>);

describe('the Markdown conversions kept between builds (markdown.json)', () => {
  let folder = '';
  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('are used again, and a sak saved over and over does not make the file grow past its limit', () => {
    folder = mkdtempSync(join(tmpdir(), 'motedok-mdbuffer-'));
    expect(run(folder, ['sak 1', 'sak 2', 'sak 3'], 5).gjenbrukt).toEqual([]);
    expect(run(folder, ['sak 1', 'sak 2', 'sak 3'], 5).gjenbrukt).toEqual(['sak 1', 'sak 2', 'sak 3']);
    // An afternoon of saving sak 3: each version is converted once, and only the latest ones stay.
    for (let i = 1; i <= 20; i++) expect(run(folder, [`sak 3, versjon ${i}`], 5).gjenbrukt).toEqual([]);
    const kept = saved(folder);
    expect(kept).toHaveLength(5);
    expect(kept.at(-1)).toBe('<p>sak 3, versjon 20</p>');
    expect(kept).not.toContain('<p>sak 3, versjon 1</p>');
  });

  it('keep every text the build used, and the most recently used of the others, even when the limit is small', () => {
    folder = mkdtempSync(join(tmpdir(), 'motedok-mdbuffer-'));
    run(folder, ['a', 'b', 'c', 'd'], 10);
    // Using «a» again makes it more recent than b, c and d.
    expect(run(folder, ['a', 'e'], 10).gjenbrukt).toEqual(['a']);
    run(folder, ['f'], 3);
    expect(saved(folder)).toEqual(['<p>a</p>', '<p>e</p>', '<p>f</p>']);
    run(folder, ['x', 'y', 'z', 'w'], 2);
    expect(saved(folder)).toEqual(['<p>x</p>', '<p>y</p>', '<p>z</p>', '<p>w</p>']);
  });
});
