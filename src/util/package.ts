import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The top of the motedok package, found from src/ and from dist/'s chunks alike. */
export const PACKAGE_DIR = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'templates', 'innkalling.hbs')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

/** The templates that come with motedok. */
export const BUILTIN_TEMPLATES_DIR = join(PACKAGE_DIR, 'templates');

/** The phrase files (`nb.yaml`, `nn.yaml`) that come with motedok. */
export const SPRAK_DIR = join(BUILTIN_TEMPLATES_DIR, 'sprak');

/** Where the bundled fonts live; the only files besides the meeting folder a page may load. */
export const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('@fontsource/source-sans-3/package.json')), 'files');

/**
 * The font files the pages load (render/templates.ts writes their @font-face rules): Source Sans 3
 * in the weights and styles the style sheet uses, each in its Latin and Latin Extended subset.
 */
export const FONT_FACES = (
  [
    [400, 'normal'],
    [400, 'italic'],
    [600, 'normal'],
    [700, 'normal'],
    [700, 'italic'],
  ] as const
).flatMap(([vekt, stil]) =>
  (['latin', 'latin-ext'] as const).map((subset) => ({ vekt, stil, fil: `source-sans-3-${subset}-${vekt}-${stil}.woff2` })),
);
