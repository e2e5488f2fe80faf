import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { type Fraser, SPRAK, type Sprak } from '../../domain/sprak.js';
import { SPRAKMAPPE } from '../../util/package.js';

let lest: Record<Sprak, Fraser> | undefined;

/** Both phrase files, read once per process. */
export function lastFraser(): Record<Sprak, Fraser> {
  lest ??= Object.fromEntries(SPRAK.map((s) => [s, YAML.parse(readFileSync(join(SPRAKMAPPE, `${s}.yaml`), 'utf8')) as Fraser])) as Record<
    Sprak,
    Fraser
  >;
  return lest;
}
