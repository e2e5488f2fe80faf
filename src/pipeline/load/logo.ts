import { realpathSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { LogoStatus } from '../../domain/sources.js';
import { isInside } from '../../util/paths.js';

/** The image formats a page shows as a logo. */
export const LOGO_FORMATS = ['.svg', '.png', '.jpg', '.jpeg'];
/** A logo is a small image; anything larger is a mistake (a scan, a video) and is not read. */
export const LOGO_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Where the logo named in organisasjon.yaml points: it obeys the rule of every file a page
 * shows, a regular image file inside the project folder after links are followed.
 */
export function checkLogo(root: string, logo: string): LogoStatus {
  const path = resolve(root, logo);
  if (!isInside(root, path)) return 'utenfor';
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return 'mangler';
  }
  if (!isInside(realpathSync(root), real)) return 'utenfor';
  const stat = statSync(real);
  if (!stat.isFile()) return 'ikke-fil';
  if (!LOGO_FORMATS.includes(extname(real).toLowerCase())) return 'ikke-bilde';
  return stat.size > LOGO_MAX_BYTES ? 'for-stor' : 'ok';
}
