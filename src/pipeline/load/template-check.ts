import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostics, Position } from '../../domain/diagnostics.js';
import { isInside } from '../../util/paths.js';

/**
 * What an organisation's own template may show and load. Its HTML goes into every document as it
 * is, so it obeys the rule the printer enforces, and says so at the line: no frames or embedded
 * objects (they can show a file of the machine as text), and no file outside its own folder, in
 * an attribute (`src`, `href` …), a CSS `url(…)` or an `@import`.
 */

/** Tags that show another document inside this one, or change where relative addresses lead. */
const FRAME = /<\s*(iframe|frame|frameset|object|embed|applet|portal|fencedframe|base)\b/gi;
const ATTRIBUTE =
  /\b(src|href|srcset|data|poster|background|xlink:href|action|formaction|ping|cite|longdesc|manifest|icon)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"']*?))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;
/** Addresses that name no file: the web (the printer is offline), e-mail, inline data, a place in the page. */
const NO_FILE = /^(?:https?:|mailto:|tel:|data:|#|$)/i;

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** The file an address in the template names, or undefined when it is not a file (or not one we can name). */
function fileOf(address: string, templateFile: string): string | undefined {
  const bare = address.replace(/[?#].*$/, '');
  try {
    if (/^file:/i.test(bare)) return fileURLToPath(bare);
    return isAbsolute(bare) ? bare : resolve(dirname(templateFile), decodeURI(bare));
  } catch {
    return resolve(dirname(templateFile), bare);
  }
}

/** Whether `file`, links followed, is a regular file inside `folder` (a real path). */
function isFileInside(folder: string, file: string): boolean {
  try {
    const real = realpathSync(file);
    return isInside(folder, real) && statSync(real).isFile();
  } catch {
    return false;
  }
}

/** One address in the template: an error when it names something other than the web, e-mail, data or a file in the folder. */
function checkAddress(address: string, offset: number, where: { file: string; text: string; folder: string; diags: Diagnostics }): void {
  const value = address.trim();
  // `{{…}}` is filled in by motedok (the logo, a sak's images), from files it has checked itself.
  if (value.includes('{{') || NO_FILE.test(value)) return;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
  if (scheme && scheme.toLowerCase() !== 'file') {
    where.diags.error(
      where.file,
      positionAt(where.text, offset),
      `malen bruker adressen «${value}»; i en mal er bare http, https, mailto, data og filer i malmappen tillatt.`,
    );
    return;
  }
  const file = fileOf(value, where.file);
  if (file && isFileInside(where.folder, file)) return;
  where.diags.error(
    where.file,
    positionAt(where.text, offset),
    `malen viser til «${value}», som ikke er en fil i malmappen; en mal kan bare bruke filer i sin egen mappe (etter at snarveier er fulgt).`,
  );
}

/** Reports what an organisation's template `file` (text `text`, in the real folder `folder`) may not show or load. */
export function checkTemplateText(file: string, text: string, folder: string, diags: Diagnostics): void {
  const where = { file, text, folder, diags };
  for (const m of text.matchAll(FRAME)) {
    diags.error(
      file,
      positionAt(text, m.index),
      `malen bruker <${m[1]!.toLowerCase()}>, som ikke er tillatt i en mal: rammer og innebygde objekter (iframe, frame, object, embed) og <base> kan vise filer fra maskinen i dokumentene. Skriv innholdet rett i malen.`,
    );
  }
  for (const m of text.matchAll(ATTRIBUTE)) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    const start = m.index + m[0].length - value.length - (m[4] === undefined ? 1 : 0);
    const addresses = m[1]!.toLowerCase() === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value];
    for (const address of addresses) checkAddress(address, start + Math.max(0, value.indexOf(address)), where);
  }
  for (const m of text.matchAll(CSS_URL)) {
    const value = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    checkAddress(value, m.index + Math.max(0, m[0].indexOf(value, 4)), where);
  }
}
