import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isInside } from '../../util/paths.js';

/**
 * The one filter for links and images, whatever they are written as: Markdown (inline or by
 * reference) or HTML. Links go only to the web, e-mail or a place in the same document;
 * images show only files inside the meeting folder that load found there.
 */

/** A link a reader may follow: http(s), mailto, or a place in the page (`#…`, footnotes). */
export function isAllowedHref(url: string): boolean {
  return /^(https?:|mailto:|#)/i.test(url);
}

/** The file URL an image may be shown from: a file inside `baseDir` among `files`; undefined for anything else. */
export function imageFileUrl(written: string, baseDir: string | undefined, files: Readonly<Record<string, string>>): string | undefined {
  let url: string;
  try {
    url = decodeURI(written);
  } catch {
    url = written;
  }
  const local = baseDir && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/') ? resolve(baseDir, url) : undefined;
  if (local && isInside(baseDir!, local) && Object.hasOwn(files, relative(baseDir!, local))) return pathToFileURL(local).href;
  return undefined;
}

/** What an image that is not shown becomes: its description, so no text is lost. */
export function imageAltText(alt: string): string {
  return alt ? `[Bilde: ${alt}]` : '';
}
