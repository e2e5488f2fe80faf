import type { BuiltDocument } from '../domain/documents.js';
import { plural, shownPath } from './format.js';

/**
 * Progress while building: on a terminal one line that is rewritten (documents written, current
 * meeting); elsewhere (CI, a log file) one plain line per document written.
 */
export function createProgress(): (d: BuiltDocument) => void {
  let count = 0;
  return (d) => {
    count++;
    if (process.stdout.isTTY) {
      const line = `\r\x1b[K  ${plural(count, 'dokument', 'dokumenter')} skrevet · ${d.mote} · ${shownPath(d.fil)}`;
      process.stdout.write(line.slice(0, (process.stdout.columns || 100) - 1));
    } else {
      console.log(`  skrev ${shownPath(d.fil)} (${plural(d.sider, 'side', 'sider')})`);
    }
  };
}

/** Clears the progress line, so what follows starts on a clean line. */
export function endProgress(): void {
  if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');
}
