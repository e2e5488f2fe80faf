import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Posisjon } from '../../domain/diagnostics.js';
import { erInnenfor } from '../../util/paths.js';

export type BildeStatus = 'ok' | 'mangler' | 'utenfor' | 'ekstern';

export interface Bilde {
  alt: string;
  url: string;
  position: Posisjon;
  status: BildeStatus;
}

function status(meetingDir: string, url: string): BildeStatus {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || isAbsolute(url)) return 'ekstern';
  let path: string;
  try {
    path = resolve(meetingDir, decodeURI(url));
  } catch {
    path = resolve(meetingDir, url);
  }
  if (!erInnenfor(meetingDir, path)) return 'utenfor';
  if (!existsSync(path)) return 'mangler';
  return erInnenfor(realpathSync(meetingDir), realpathSync(path)) ? 'ok' : 'utenfor';
}

/** Inline images (`![alt](url)`) in a Markdown body outside code, with where they point on disk. */
export function finnBilder(meetingDir: string, text: string, from: number): Bilde[] {
  const found: Bilde[] = [];
  let fence = false;
  let comment = false;
  let line = text.slice(0, from).split('\n').length;
  for (const current of text.slice(from).split('\n')) {
    if (/^ {0,3}(```|~~~)/.test(current)) fence = !fence;
    if (!fence) {
      // Code spans and HTML comments (also over several lines) are blanked out, keeping columns.
      let visible = current.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length)).replace(/<!--.*?-->/g, (c) => ' '.repeat(c.length));
      if (comment) {
        const end = visible.indexOf('-->');
        comment = end === -1;
        visible = comment ? '' : ' '.repeat(end + 3) + visible.slice(end + 3);
      }
      const start = visible.indexOf('<!--');
      if (start !== -1) [visible, comment] = [visible.slice(0, start), true];
      for (const m of visible.matchAll(/!\[([^\]]*)\]\(\s*(?:<([^>]*)>|([^)\s]*))/g)) {
        const url = m[2] ?? m[3] ?? '';
        found.push({ alt: m[1]!.trim(), url, position: { line, column: m.index + 1 }, status: status(meetingDir, url) });
      }
    }
    line++;
  }
  return found;
}
