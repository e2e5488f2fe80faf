import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { type Fraser, SPRAK, type Sprak } from '../../domain/sprak.js';
import { SPRAK_DIR } from '../../util/package.js';

let read: Record<Sprak, Fraser> | undefined;

/** Both phrase files, read once per process. */
export function loadFraser(): Record<Sprak, Fraser> {
  read ??= Object.fromEntries(SPRAK.map((s) => [s, YAML.parse(readFileSync(join(SPRAK_DIR, `${s}.yaml`), 'utf8')) as Fraser])) as Record<
    Sprak,
    Fraser
  >;
  return read;
}
