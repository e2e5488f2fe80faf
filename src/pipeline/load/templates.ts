import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOKUMENTMALER, type Malfil, type Malfiler } from '../../domain/sources.js';
import { INNEBYGDE_MALER, SPRAKMAPPE } from '../../util/package.js';
import { lastFraser } from './sprak.js';

/**
 * Reads the built-in templates, and the organisation's own folder (`maler:` in organisasjon.yaml)
 * in front of them: a file there replaces the built-in one of the same name.
 */
export function readMalfiler(egenMappe?: string): Malfiler {
  const mapper = egenMappe && existsSync(egenMappe) ? [INNEBYGDE_MALER, egenMappe] : [INNEBYGDE_MALER];
  const finn = (relativ: string): string => {
    for (const mappe of [...mapper].reverse()) {
      const fil = join(mappe, relativ);
      if (existsSync(fil)) return fil;
    }
    throw new Error(`malen ${relativ} mangler i ${mapper.join(' og ')}`);
  };
  const filer = new Map<string, Malfil>();
  const les = (relativ: string) => {
    const fil = finn(relativ);
    filer.set(relativ, { fil, tekst: readFileSync(fil, 'utf8') });
  };
  const partials = [
    ...new Set(
      mapper.flatMap((mappe) =>
        (existsSync(join(mappe, 'partials')) ? readdirSync(join(mappe, 'partials')) : []).filter((f) => f.endsWith('.hbs')),
      ),
    ),
  ].map((f) => join('partials', f));
  for (const partial of partials) les(partial);
  les(join('nettsted', 'ramme.hbs'));
  les('print.css');
  for (const mal of DOKUMENTMALER) les(`${mal}.hbs`);
  les(join('nettsted', 'nettsted.css'));
  const sprakTekst = (['nb', 'nn'] as const)
    .map((sprak) => `\nsprak/${sprak}.yaml\n${readFileSync(join(SPRAKMAPPE, `${sprak}.yaml`), 'utf8')}`)
    .join('');
  return { mapper, filer, partials, fraser: lastFraser(), sprakTekst };
}
