import { isAbsolute, relative, sep } from 'node:path';

/** Whether `path` is `folder` or inside it (compare real paths when symlinks matter). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
