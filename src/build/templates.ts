import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../domain/diagnostics.js';
import type { Organisasjon } from '../domain/types.js';
import { readTemplateFiles } from '../pipeline/load/templates.js';
import { compileTemplates, TemplateError, type Templates } from '../pipeline/render/templates.js';

/** The templates of an organisation, or why they cannot be used. */
export type LoadedTemplates = { maler: Templates; diagnostics: [] } | { maler?: undefined; diagnostics: Diagnostic[] };

/**
 * The templates for an organisation: the built-in ones with its own folder (`maler:` in
 * organisasjon.yaml) in front, read and compiled. A missing folder or a template that does not
 * parse is a diagnostic with the file (and line), never an exception.
 */
export function loadTemplates(organisasjon: Pick<Organisasjon, 'file' | 'maler'>): LoadedTemplates {
  const egne = organisasjon.maler ? resolve(dirname(organisasjon.file), organisasjon.maler) : undefined;
  if (egne && !existsSync(egne)) {
    return {
      diagnostics: [{ severity: 'feil', file: organisasjon.file, message: `malmappen «${organisasjon.maler}» finnes ikke.` }],
    };
  }
  try {
    return { maler: compileTemplates(readTemplateFiles(egne)), diagnostics: [] };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    const position = error.line ? { line: error.line, column: error.column ?? 1 } : undefined;
    return { diagnostics: [{ severity: 'feil', file: error.file, position, message: error.message }] };
  }
}
