import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../domain/diagnostics.js';
import type { Organisasjon } from '../domain/types.js';
import { readMalfiler } from '../pipeline/load/templates.js';
import { compileMaler, type Maler, MalFeil } from '../pipeline/render/templates.js';

/** The templates of an organisation, or why they cannot be used. */
export type LastedeMaler = { maler: Maler; diagnostics: [] } | { maler?: undefined; diagnostics: Diagnostic[] };

/**
 * The templates for an organisation: the built-in ones with its own folder (`maler:` in
 * organisasjon.yaml) in front, read and compiled. A missing folder or a template that does not
 * parse is a diagnostic with the file (and line), never an exception.
 */
export function loadMaler(organisasjon: Pick<Organisasjon, 'file' | 'maler'>): LastedeMaler {
  const egne = organisasjon.maler ? resolve(dirname(organisasjon.file), organisasjon.maler) : undefined;
  if (egne && !existsSync(egne)) {
    return {
      diagnostics: [{ severity: 'feil', file: organisasjon.file, message: `malmappen «${organisasjon.maler}» finnes ikke.` }],
    };
  }
  try {
    return { maler: compileMaler(readMalfiler(egne)), diagnostics: [] };
  } catch (error) {
    if (!(error instanceof MalFeil)) throw error;
    const position = error.linje ? { line: error.linje, column: 1 } : undefined;
    return { diagnostics: [{ severity: 'feil', file: error.fil, position, message: error.message }] };
  }
}
