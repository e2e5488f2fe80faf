import { existsSync, lstatSync, readdirSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Bilde, BildeStatus } from '../../domain/sources.js';
import { isInside } from '../../util/paths.js';
import type { SkrevetBilde } from './markdown-mdast.js';

function status(meetingDir: string, url: string): BildeStatus {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || isAbsolute(url)) return 'ekstern';
  let path: string;
  try {
    path = resolve(meetingDir, decodeURI(url));
  } catch {
    path = resolve(meetingDir, url);
  }
  if (!isInside(meetingDir, path)) return 'utenfor';
  if (!existsSync(path)) return 'mangler';
  return isInside(realpathSync(meetingDir), realpathSync(path)) ? 'ok' : 'utenfor';
}

/** The images written in a sak file, with where each points on disk. */
export function findBilder(meetingDir: string, skrevne: readonly SkrevetBilde[]): Bilde[] {
  return skrevne.map(({ alt, url, line, column, html }) => ({
    alt,
    url,
    position: { line, column },
    status: status(meetingDir, url),
    ...(html ? { html } : {}),
  }));
}

/**
 * Every file a page of the meeting may show: the files under the meeting folder (hidden ones
 * left out) whose real path, links resolved, is inside it, by their path relative to the folder.
 * The renderer shows an image only when it is one of these, so it never reads the disk itself.
 */
export function findMotefiler(meetingDir: string, depth = 4): Record<string, string> {
  const files: Record<string, string> = {};
  let ekteFolder: string;
  try {
    ekteFolder = realpathSync(meetingDir);
  } catch {
    return files;
  }
  const besok = (folder: string, niva: number) => {
    let name: string[];
    try {
      name = readdirSync(folder);
    } catch {
      return;
    }
    for (const n of name.filter((n) => !n.startsWith('.')).sort()) {
      const path = join(folder, n);
      try {
        const ekte = realpathSync(path);
        if (!isInside(ekteFolder, ekte)) continue;
        if (lstatSync(ekte).isDirectory()) {
          if (niva < depth) besok(path, niva + 1);
        } else {
          files[relative(meetingDir, path)] = ekte;
        }
      } catch {
        // A broken link: nothing to show.
      }
    }
  };
  besok(meetingDir, 1);
  return files;
}
