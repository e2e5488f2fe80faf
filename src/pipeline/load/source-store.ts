import { Diagnostics } from '../../domain/diagnostics.js';
import type { FrontmatterStatus, MarkdownSource } from '../../domain/sources.js';
import { warnUncoveredChars } from './fonts.js';
import { parseMarkdown } from './frontmatter.js';

/**
 * What reading a Markdown file gave, for a file read before with nothing to report: its
 * frontmatter's data and where the body starts. Parsing a year's frontmatter with the yaml
 * library is a third of a rebuild after one edit; a file whose text is unchanged is taken from
 * here instead (cache/source-cache.ts keeps these between runs, by a hash of the file's path,
 * its text and the program).
 */
export interface KnownMarkdown {
  frontmatterStatus: FrontmatterStatus;
  bodyStart: number;
  bodyLine: number;
  data?: unknown;
}

export interface SourceStore {
  get(file: string, text: string): KnownMarkdown | undefined;
  set(file: string, text: string, known: KnownMarkdown): void;
}

let store: SourceStore | undefined;

/** The store for this run (a build sets it, and unsets it when done); without one, every file is parsed. */
export function useSourceStore(next: SourceStore | undefined): void {
  store = next;
}

/** True for what JSON gives back exactly as it was: plain objects, arrays, text, finite numbers, booleans and null. */
function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every((v) => v !== undefined && isJsonValue(v));
}

/** A source rebuilt from what is known; positions (for messages, attachments' places) are found by parsing again when first asked for. */
function fromKnown(file: string, text: string, known: KnownMarkdown): MarkdownSource {
  const { frontmatterStatus, bodyStart, bodyLine, data } = known;
  const base: MarkdownSource = { file, text, frontmatterStatus, bodyStart, bodyLine };
  if (data === undefined) return base;
  let parsed: MarkdownSource | undefined;
  const locate: NonNullable<MarkdownSource['frontmatter']>['locate'] = (path, what) => {
    parsed ??= parseMarkdown(file, text, new Diagnostics());
    return parsed.frontmatter!.locate(path, what);
  };
  return { ...base, frontmatter: { file, data, locate } };
}

/** A Markdown file's text split into frontmatter and body, with what there is to report about it; from the store when known. */
export function readMarkdownSource(file: string, text: string, diags: Diagnostics): MarkdownSource {
  const known = store?.get(file, text);
  if (known) return fromKnown(file, text, known);
  const own = new Diagnostics();
  warnUncoveredChars(file, text, own);
  const source = parseMarkdown(file, text, own);
  diags.addAll(own.items);
  const data = source.frontmatter?.data;
  if (store && own.items.length === 0 && (source.frontmatter ? data !== undefined && isJsonValue(data) : true)) {
    const { frontmatterStatus, bodyStart, bodyLine } = source;
    store.set(file, text, { frontmatterStatus, bodyStart, bodyLine, ...(data === undefined ? {} : { data }) });
  }
  return source;
}
