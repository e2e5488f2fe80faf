import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { type Fraser, SPRAK, type Sprak } from '../../domain/sprak.js';

/** `templates/sprak/` of the package, found from src/ and dist/ alike. */
export const SPRAKMAPPE = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'templates', 'sprak', 'nb.yaml')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'templates', 'sprak');
})();

let lest: Record<Sprak, Fraser> | undefined;

/** Both phrase files, read once per process. */
export function lastFraser(): Record<Sprak, Fraser> {
  lest ??= Object.fromEntries(SPRAK.map((s) => [s, YAML.parse(readFileSync(join(SPRAKMAPPE, `${s}.yaml`), 'utf8')) as Fraser])) as Record<
    Sprak,
    Fraser
  >;
  return lest;
}
