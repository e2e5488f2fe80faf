/**
 * The programmatic interface the CLI and the tests use: load and check meetings, build their
 * documents, publish the site. Each function is the same one the command of that name runs.
 */
export { UsageError } from './domain/errors.js';
export type { BuildOptions, BuildResult, ByggetDokument, LoadOptions } from './domain/documents.js';
export { loadMeeting, loadMeetings, resolveMeetingFolders, type LoadResult } from './build/load.js';
