import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { type Fraser, SPRAK, type Sprak } from '../../domain/sprak.js';
import { SPRAK_DIR } from '../../util/package.js';
import { readKnownData } from './source-store.js';

/** Each phrase file's tables by its text, parsed once per process. */
const parsed = new Map<string, Fraser>();

/** Both phrase files; from the source store when their text is known (the yaml library takes longer to parse them than a check of a year takes). */
export function loadFraser(): Record<Sprak, Fraser> {
  const entries = SPRAK.map((sprak) => {
    const file = join(SPRAK_DIR, `${sprak}.yaml`);
    const text = readFileSync(file, 'utf8');
    const fraser = readKnownData(file, text, () => parsed.get(text) ?? (YAML.parse(text) as Fraser));
    parsed.set(text, fraser);
    return [sprak, fraser];
  });
  return Object.fromEntries(entries) as Record<Sprak, Fraser>;
}
