import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_TEMPLATES, type TemplateFile, type TemplateFiles } from '../../domain/sources.js';
import { BUILTIN_TEMPLATES_DIR, SPRAK_DIR } from '../../util/package.js';
import { loadFraser } from './sprak.js';

/**
 * Reads the built-in templates, and the organisation's own folder (`maler:` in organisasjon.yaml)
 * in front of them: a file there replaces the built-in one of the same name.
 */
export function readTemplateFiles(egenMappe?: string): TemplateFiles {
  const folders = egenMappe && existsSync(egenMappe) ? [BUILTIN_TEMPLATES_DIR, egenMappe] : [BUILTIN_TEMPLATES_DIR];
  const finn = (relativ: string): string => {
    for (const folder of [...folders].reverse()) {
      const file = join(folder, relativ);
      if (existsSync(file)) return file;
    }
    throw new Error(`malen ${relativ} mangler i ${folders.join(' og ')}`);
  };
  const files = new Map<string, TemplateFile>();
  const les = (relativ: string) => {
    const file = finn(relativ);
    files.set(relativ, { fil: file, tekst: readFileSync(file, 'utf8') });
  };
  const partials = [
    ...new Set(
      folders.flatMap((folder) =>
        (existsSync(join(folder, 'partials')) ? readdirSync(join(folder, 'partials')) : []).filter((f) => f.endsWith('.hbs')),
      ),
    ),
  ].map((f) => join('partials', f));
  for (const partial of partials) les(partial);
  les(join('nettsted', 'ramme.hbs'));
  les('print.css');
  for (const mal of DOCUMENT_TEMPLATES) les(`${mal}.hbs`);
  les(join('nettsted', 'nettsted.css'));
  const sprakTekst = (['nb', 'nn'] as const)
    .map((sprak) => `\nsprak/${sprak}.yaml\n${readFileSync(join(SPRAK_DIR, `${sprak}.yaml`), 'utf8')}`)
    .join('');
  return { mapper: folders, filer: files, partials, fraser: loadFraser(), sprakTekst };
}
