import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PROSJEKTMAPPE } from '../../domain/prosjekt.js';
import { fileOrder } from '../../domain/saksliste.js';

// Finding the folders only, apart from reading them (project.ts): a build with nothing changed
// needs these and must not load the YAML, Markdown and model code.

export const ORGANISASJON_FILE = 'organisasjon.yaml';
export const MOTE_FILE = 'mote.yaml';

/** Looks upward from `start` for organisasjon.yaml, like git looks for .git. */
export function findProjectRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, ORGANISASJON_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The project root for a command run in `cwd`: under ./cases when that holds one, else here or above. */
export function findProjectRootFromCwd(cwd: string): string | undefined {
  for (const start of [join(cwd, PROSJEKTMAPPE), cwd]) {
    const root = existsSync(start) ? findProjectRoot(start) : undefined;
    if (root) return root;
  }
  return undefined;
}

export function isMotemappe(dir: string): boolean {
  return existsSync(join(dir, MOTE_FILE));
}

const SKIP_FOLDERS = new Set(['node_modules', 'vedlegg', 'output']);

/** Meeting folders (those with mote.yaml) at most three levels below `dir`, sorted by name. */
export function findMotemapper(dir: string, depth = 3): string[] {
  if (isMotemappe(dir)) return [dir];
  if (depth === 0) return [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries
    .filter((name) => !name.startsWith('.') && !SKIP_FOLDERS.has(name))
    .sort(fileOrder.compare)
    .flatMap((name) => {
      const path = join(dir, name);
      try {
        if (!statSync(path).isDirectory()) return [];
      } catch {
        return [];
      }
      return findMotemapper(path, depth - 1);
    });
}
