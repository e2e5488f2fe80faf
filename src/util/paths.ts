import { isAbsolute, relative, sep } from 'node:path';

/** Whether `path` is `folder` or inside it (compare real paths when symlinks matter). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Whether `path` lies inside `folder`, not being `folder` itself. */
export function isStrictlyInside(folder: string, path: string): boolean {
  return isInside(folder, path) && relative(folder, path) !== '';
}
