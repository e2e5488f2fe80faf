import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

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
