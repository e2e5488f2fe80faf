/**
 * The programmatic interface the CLI and the tests use: load and check meetings, build their
 * documents, publish the site. Each function is the same one the command of that name runs.
 */

export {
  EINNSYN_FILE as EINNSYN_FIL,
  type EksportertMote,
  type EksportOptions,
  type EksportResult,
  eksportMoter,
} from './build/eksport.js';
export { type LoadResult, loadMote, loadMoter, resolveMotemapper } from './build/load.js';
export type { BuildOptions, BuildResult, BuiltDocument, LoadOptions } from './domain/documents.js';
export { UsageError } from './domain/errors.js';
