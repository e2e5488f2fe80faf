import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Diagnostic, Diagnostics } from '../domain/diagnostics.js';
import type { Mote, Organisasjon } from '../domain/types.js';
import { readText } from '../pipeline/load/text.js';
import { parseYaml } from '../pipeline/load/yaml.js';
import { makeArsplan } from '../pipeline/model/arsplan.js';

/**
 * `check` of the annual plan files next to organisasjon.yaml (`arsplan-2026.yaml` …): the same
 * errors and warnings `motedok arsplan` gives, without making the PDF.
 */
export function checkArsplaner(organisasjon: Organisasjon | undefined, alleMoter: readonly Mote[]): Diagnostic[] {
  if (!organisasjon) return [];
  const root = dirname(organisasjon.file);
  const diags = new Diagnostics();
  for (const name of readdirSync(root)
    .filter((n) => /^arsplan-\d{4}\.yaml$/.test(n))
    .sort()) {
    const file = join(root, name);
    const text = readText(file, diags);
    const source = text === undefined ? undefined : parseYaml(file, text, diags);
    if (source) makeArsplan(Number(name.slice(8, 12)), organisasjon, alleMoter, source, diags);
  }
  return diags.items;
}
