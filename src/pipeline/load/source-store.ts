import { createHash } from 'node:crypto';
import { Diagnostics, type Position } from '../../domain/diagnostics.js';
import type { FrontmatterStatus, MarkdownSource, YamlPath, YamlSource } from '../../domain/sources.js';
import { warnUncoveredChars } from './fonts.js';
import { parseMarkdown } from './frontmatter.js';
import { parseYaml } from './yaml.js';

/**
 * What reading a file gave, for a file read before with nothing to report: for Markdown, its
 * frontmatter's data and where the body starts; for YAML, its data; and the positions asked for
 * so far (`positions`, by path). Parsing a year's frontmatter with the yaml library is a third of
 * a rebuild after one edit, and most of a `check`; a file whose text is unchanged is taken from
 * here instead (cache/source-cache.ts keeps these between runs, by a hash of the file's path,
 * its text and the program). Other readings of a file's bytes (an attachment's tags) are kept
 * the same way, by the hash of the bytes.
 */
export interface KnownSource {
  frontmatterStatus?: FrontmatterStatus;
  bodyStart?: number;
  bodyLine?: number;
  data?: unknown;
  positions?: Record<string, Position>;
}

export interface SourceStore {
  get(file: string, text: string): KnownSource | undefined;
  set(file: string, text: string, known: KnownSource): void;
}

let store: SourceStore | undefined;

/** The store for this run (a build or a check sets it, and unsets it when done); without one, every file is parsed. */
export function useSourceStore(next: SourceStore | undefined): void {
  store = next;
}

/** True for what JSON gives back exactly as it was: plain objects, arrays, text, finite numbers, booleans and null. */
export function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every((v) => v !== undefined && isJsonValue(v));
}

/**
 * A locate that answers from the positions asked for in earlier runs, and parses the text again
 * (once) only for a position not asked for before; that one is kept for the next run.
 */
function knownLocate(file: string, text: string, known: KnownSource, parse: () => YamlSource | undefined): YamlSource['locate'] {
  let parsed: YamlSource | undefined;
  return (path: YamlPath, what?: 'key' | 'value') => {
    const key = JSON.stringify(what === undefined ? [path] : [path, what]);
    const seen = known.positions?.[key];
    if (seen) return { ...seen };
    parsed ??= parse();
    const position = parsed!.locate(path, what);
    known.positions = { ...known.positions, [key]: { ...position } };
    store?.set(file, text, known);
    return position;
  };
}

/** A source rebuilt from what is known; positions (for messages, attachments' places) come from knownLocate. */
function markdownFromKnown(file: string, text: string, known: KnownSource): MarkdownSource {
  const { frontmatterStatus, bodyStart, bodyLine, data } = known;
  const base: MarkdownSource = { file, text, frontmatterStatus: frontmatterStatus!, bodyStart: bodyStart!, bodyLine: bodyLine! };
  if (data === undefined) return base;
  const locate = knownLocate(file, text, known, () => parseMarkdown(file, text, new Diagnostics()).frontmatter);
  return { ...base, frontmatter: { file, data, locate } };
}

/** A Markdown file's text split into frontmatter and body, with what there is to report about it; from the store when known. */
export function readMarkdownSource(file: string, text: string, diags: Diagnostics): MarkdownSource {
  const known = store?.get(file, text);
  if (known?.bodyStart !== undefined) return markdownFromKnown(file, text, known);
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

/** A YAML file (mote.yaml, organisasjon.yaml) parsed, with what there is to report about it; from the store when known. */
export function readYamlSource(file: string, text: string, diags: Diagnostics): YamlSource | undefined {
  const known = store?.get(file, text);
  if (known && known.bodyStart === undefined && known.data !== undefined) {
    return { file, data: known.data, locate: knownLocate(file, text, known, () => parseYaml(file, text, new Diagnostics())) };
  }
  const own = new Diagnostics();
  warnUncoveredChars(file, text, own);
  const source = parseYaml(file, text, own);
  diags.addAll(own.items);
  if (store && source && own.items.length === 0 && source.data !== undefined && isJsonValue(source.data))
    store.set(file, text, { data: source.data });
  return source;
}

/**
 * What `read` finds in a file's bytes or text (`kind` names the reading), from the store when the
 * same contents were read before (by their hash); `read` must depend on nothing but the contents.
 */
export async function readKnownContents<T>(file: string, contents: Uint8Array | string, kind: string, read: () => Promise<T>): Promise<T> {
  if (!store) return read();
  const hash = `${kind}\u0000${createHash('sha256').update(contents).digest('hex')}`;
  const known = store.get(file, hash);
  if (known && known.data !== undefined) return known.data as T;
  const value = await read();
  if (isJsonValue(value)) store.set(file, hash, { data: value });
  return value;
}

/** Data parsed from a file that is part of the program (the phrase tables); from the store when its text is known. */
export function readKnownData<T>(file: string, text: string, parse: () => T): T {
  const known = store?.get(file, text);
  if (known && known.data !== undefined) return known.data as T;
  const value = parse();
  if (store && isJsonValue(value)) store.set(file, text, { data: value });
  return value;
}
