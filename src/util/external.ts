/**
 * Loads a package that is kept out of the bundle (exceljs, pagefind, pdfjs-dist: see
 * scripts/oppsett.mjs). The bundle is compiled by bin/motedok.js as a script with a code cache,
 * where `import()` has no module loader behind it: the command line gives it its own, as
 * `globalThis.motedokImport`. From src/ (the tests) it is this module's import().
 */
export function importExternal<T>(name: string): Promise<T> {
  const load = (globalThis as { motedokImport?: (name: string) => Promise<unknown> }).motedokImport;
  return (load ? load(name) : import(name)) as Promise<T>;
}
