import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Every file below a folder, as absolute paths. */
export function filerUnder(mappe: string): string[] {
  return readdirSync(mappe).flatMap((navn) => {
    const fil = join(mappe, navn);
    return statSync(fil).isDirectory() ? filerUnder(fil) : [fil];
  });
}

/** Every file below a folder with its bytes, keyed by its path relative to the folder. */
export function innholdUnder(mappe: string): Map<string, Buffer> {
  return new Map(filerUnder(mappe).map((fil) => [relative(mappe, fil), readFileSync(fil)]));
}

/**
 * A file's text as anyone who downloads it can read it: a gzip-compressed file (the search
 * index's fragments and word lists) unpacked first, so a leak check can see inside it.
 */
export function lesbarTekst(fil: string): string {
  const bytes = readFileSync(fil);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}
