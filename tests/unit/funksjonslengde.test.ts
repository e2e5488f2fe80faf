import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

/** The code rule of README «For utviklere»: no function in src/ is longer than 60 lines. */
const SRC = resolve(import.meta.dirname, '..', '..', 'src');
const GRENSE = 60;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? tsFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

function longFunctions(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (last - first + 1 > GRENSE) found.push(`${relative(SRC, file)}:${first + 1} (${last - first + 1} linjer)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

it(`no function in src/ is longer than ${GRENSE} lines`, () => {
  const files = tsFiles(SRC);
  expect(files.length).toBeGreaterThan(100);
  expect(files.flatMap(longFunctions)).toEqual([]);
});
