import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Diagnostic, Diagnostics } from '../domain/diagnostics.js';
import type { Organisasjon } from '../domain/types.js';
import { readTemplateFiles } from '../pipeline/load/templates.js';
import { checkOwnTemplates, compileTemplates, TemplateError, type Templates } from '../pipeline/render/templates.js';

/** The templates of an organisation, or why they cannot be used. */
export type LoadedTemplates = { maler: Templates; diagnostics: [] } | { maler?: undefined; diagnostics: Diagnostic[] };

/** Why the `maler:` folder cannot be used at all: it does not exist, or is not a folder. */
function folderProblem(organisasjon: Pick<Organisasjon, 'file' | 'maler'>, egne: string): Diagnostic | undefined {
  const at = { severity: 'feil' as const, file: organisasjon.file };
  if (!existsSync(egne)) return { ...at, message: `malmappen «${organisasjon.maler}» finnes ikke.` };
  if (!statSync(egne).isDirectory())
    return { ...at, message: `malmappen «${organisasjon.maler}» er ikke en mappe; «maler:» skal vise til en mappe med maler.` };
  return undefined;
}

/**
 * The templates for an organisation: the built-in ones with its own folder (`maler:` in
 * organisasjon.yaml) in front, read and compiled. What its files may not be or do (a link out of
 * the folder, a frame, a missing partial, a template that does not parse) is a diagnostic with
 * the file and line, every one of them, never an exception.
 */
export function loadTemplates(organisasjon: Pick<Organisasjon, 'file' | 'maler'>): LoadedTemplates {
  const egne = organisasjon.maler ? resolve(dirname(organisasjon.file), organisasjon.maler) : undefined;
  const mappefeil = egne && folderProblem(organisasjon, egne);
  if (mappefeil) return { diagnostics: [mappefeil] };
  const diags = new Diagnostics();
  const files = readTemplateFiles(egne, diags);
  diags.addAll(checkOwnTemplates(files));
  if (diags.items.length > 0) return { diagnostics: diags.items };
  try {
    return { maler: compileTemplates(files), diagnostics: [] };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    const position = error.line ? { line: error.line, column: error.column ?? 1 } : undefined;
    return { diagnostics: [{ severity: 'feil', file: error.file, position, message: error.message }] };
  }
}
