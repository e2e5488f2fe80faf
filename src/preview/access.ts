import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { isInside } from '../util/paths.js';

/**
 * Who may ask the preview for what. A page on another site can make the browser send requests
 * to 127.0.0.1 under its own host name once its DNS points there (DNS rebinding); checking the
 * Host header is what stops it, since that name is the attacker's, never localhost.
 */
const LOKALE_VERTER = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/;

export function isLocalHost(host: string | undefined): boolean {
  return host !== undefined && LOKALE_VERTER.test(host.toLowerCase());
}

/** The real paths (links resolved) of the folders and files pages may load from; those that do not exist are left out. */
export function realRoots(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    try {
      return [realpathSync(path)];
    } catch {
      return [];
    }
  });
}

/**
 * A file's content when its real path is inside one of `roots` (real paths), else undefined:
 * a link in the meeting folder to /etc/passwd, or to a folder outside, is not served.
 */
export function readAllowedFile(file: string, roots: readonly string[]): Buffer | undefined {
  if (!isAbsolute(file)) return undefined;
  try {
    const real = realpathSync(file);
    if (!roots.some((root) => isInside(root, real)) || !statSync(real).isFile()) return undefined;
    return readFileSync(real);
  } catch {
    return undefined;
  }
}
