import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { Diagnostics } from '../../domain/diagnostics.js';
import { DOCUMENT_TEMPLATES, type TemplateFile, type TemplateFiles } from '../../domain/sources.js';
import { BUILTIN_TEMPLATES_DIR, SPRAK_DIR } from '../../util/package.js';
import { isInside } from '../../util/paths.js';
import { loadFraser } from './sprak.js';
import { checkTemplateText } from './template-check.js';
import { readText } from './text.js';

/** The organisation's template folder: as written, and with links followed. */
interface OwnFolder {
  dir: string;
  real: string;
}

const exists = (path: string) => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

/**
 * A file of the organisation's folder, read under the rule for sak files: a regular file whose
 * real path (links followed) is inside the folder, UTF-8, under the size limit; and checked for
 * what it may show and load (see template-check.ts). Undefined (and reported) when refused.
 */
function readOwnFile(own: OwnFolder, file: string, diags: Diagnostics): string | undefined {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    diags.error(file, undefined, 'malfilen kan ikke leses (en snarvei som peker til en fil som ikke finnes?).');
    return undefined;
  }
  if (!isInside(own.real, real)) {
    diags.error(
      file,
      undefined,
      `malfilen er en snarvei til «${real}», som ligger utenfor malmappen; bare vanlige filer inne i malmappen kan brukes. Kopier filen inn i malmappen i stedet.`,
    );
    return undefined;
  }
  const text = readText(file, diags);
  if (text !== undefined) checkTemplateText(file, text, own.real, diags);
  return text;
}

/** The partials (`partials/x.hbs`) of both folders, the organisation's replacing the built-in ones of the same name. */
function partialNames(own: OwnFolder | undefined): string[] {
  const names = (folder: string) => {
    try {
      return readdirSync(join(folder, 'partials')).filter((f) => f.endsWith('.hbs'));
    } catch {
      return [];
    }
  };
  return [...new Set([...names(BUILTIN_TEMPLATES_DIR), ...(own ? names(own.dir) : [])])].map((f) => join('partials', f));
}

/**
 * Reads the built-in templates, and the organisation's own folder (`maler:` in organisasjon.yaml)
 * in front of them: a file there replaces the built-in one of the same name. A file of the
 * organisation that is refused (see readOwnFile) is reported in `diags` and not used.
 */
export function readTemplateFiles(ownFolder?: string, diags = new Diagnostics()): TemplateFiles {
  const own = ownFolder && existsSync(ownFolder) ? { dir: ownFolder, real: realpathSync(ownFolder) } : undefined;
  const files = new Map<string, TemplateFile>();
  const read = (relativePath: string) => {
    const ownFile = own && join(own.dir, relativePath);
    const text = ownFile && exists(ownFile) ? readOwnFile(own, ownFile, diags) : undefined;
    if (ownFile && text !== undefined) files.set(relativePath, { file: ownFile, text });
    else if (existsSync(join(BUILTIN_TEMPLATES_DIR, relativePath))) {
      files.set(relativePath, {
        file: join(BUILTIN_TEMPLATES_DIR, relativePath),
        text: readFileSync(join(BUILTIN_TEMPLATES_DIR, relativePath), 'utf8'),
      });
    }
  };
  const partials = partialNames(own);
  for (const partial of partials) read(partial);
  read(join('nettsted', 'ramme.hbs'));
  read('print.css');
  for (const mal of DOCUMENT_TEMPLATES) read(`${mal}.hbs`);
  read(join('nettsted', 'nettsted.css'));
  const sprakText = (['nb', 'nn'] as const)
    .map((sprak) => `\nsprak/${sprak}.yaml\n${readFileSync(join(SPRAK_DIR, `${sprak}.yaml`), 'utf8')}`)
    .join('');
  const folders = own ? [BUILTIN_TEMPLATES_DIR, own.dir] : [BUILTIN_TEMPLATES_DIR];
  return { folders, files, partials: partials.filter((p) => files.has(p)), fraser: loadFraser(), sprakText };
}
