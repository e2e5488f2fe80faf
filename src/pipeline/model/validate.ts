import type { z } from 'zod';
import type { Diagnostics } from '../../domain/diagnostics.js';
import type { YamlPath, YamlSource } from '../../domain/sources.js';
import { listWords, meantSuffix } from '../../util/suggest.js';
import { TILLATT } from './schema.js';

type Issue = z.core.$ZodIssue;

function fieldName(path: YamlPath): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

/** `«minutter»`, `«fil» i vedlegg nr. 2`, `«navn» i medlemmer nr. 3 i utvalg «ssu»`. */
export function describePath(path: YamlPath): string {
  if (path.length === 0) return 'filen';
  const parts: string[] = [];
  for (let i = path.length - 1; i >= 0; i--) {
    const here = path[i]!;
    if (typeof here === 'number') {
      const list = path[i - 1];
      parts.push(`${typeof list === 'string' ? `${list} ` : ''}nr. ${here + 1}`);
      i--;
    } else if (path[i - 1] === 'utvalg') {
      parts.push(`utvalg «${here}»`);
      i--;
    } else {
      parts.push(`«${here}»`);
    }
  }
  return parts.length === 1 ? parts[0]! : `${parts[0]} i ${parts.slice(1).join(' i ')}`;
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let here: unknown = data;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string | number, unknown>)[key];
  }
  return here;
}

function kind(value: unknown): string {
  if (value === null) return 'tom';
  if (Array.isArray(value)) return 'en liste';
  if (typeof value === 'object') return 'nøkler og verdier';
  if (typeof value === 'number') return `tallet ${value}`;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `«${String(value)}»`;
}

function allowed(path: YamlPath): string {
  const field = fieldName(path);
  return field && TILLATT[field] ? ` Tillatt: ${TILLATT[field]}.` : '';
}

function sub(issues: readonly Issue[], prefix: YamlPath): Issue[] {
  return issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }) as Issue);
}

interface Context {
  source: YamlSource;
  schema: z.ZodType;
  diags: Diagnostics;
}

/** Never quotes the value: it may be a megabyte long. */
function tooBigMessage(field: string, value: unknown, maximum: number | bigint, path: YamlPath): string {
  if (typeof value === 'string') {
    return `${field} er for lang (${value.trim().length} tegn); høyst ${maximum} tegn er tillatt. Skriv en kortere tekst.`;
  }
  return `${field} er for stor; høyst ${maximum} er tillatt.${allowed(path)}`;
}

function report(ctx: Context, issue: Issue): void {
  const { source, diags } = ctx;
  const path = issue.path as YamlPath;
  const value = valueAt(source.data, path);
  const at = source.locate(path);
  const field = describePath(path);
  switch (issue.code) {
    case 'unrecognized_keys':
      reportUnknownKeys(ctx, path, issue.keys);
      return;
    case 'invalid_type':
      diags.error(source.file, at, wrongTypeMessage(path, value, issue.expected));
      return;
    case 'invalid_value': {
      const options = issue.values.map(String);
      if (value === undefined) {
        diags.error(source.file, at, `mangler feltet ${field}; skriv ${options.length > 1 ? 'én av: ' : ''}${listWords(options)}.`);
        return;
      }
      diags.error(
        source.file,
        at,
        `${field} er ${kind(value)}, men må være ${options.length > 1 ? 'én av: ' : ''}${listWords(options)}.${meantSuffix(String(value), options)}`,
      );
      return;
    }
    case 'too_small':
      if (typeof value === 'string' || value === null) diags.error(source.file, at, `${field} er tom.${allowed(path)}`);
      else if (Array.isArray(value)) diags.error(source.file, at, `${field} er en tom liste.${allowed(path)}`);
      else diags.error(source.file, at, `${field} må være større enn 0, men er ${kind(value)}.${allowed(path)}`);
      return;
    case 'too_big':
      diags.error(source.file, at, tooBigMessage(field, value, issue.maximum, path));
      return;
    case 'invalid_format':
      diags.error(source.file, at, `${field} er ${kind(value)}, som ikke er gyldig.${allowed(path)}`);
      return;
    case 'invalid_union':
      reportUnion(ctx, issue, path, value);
      return;
    case 'invalid_key':
      diags.error(source.file, source.locate(path, 'key'), `nøkkelen ${field} er ikke gyldig.${allowed(['utvalg'])}`);
      return;
    default:
      diags.error(source.file, at, issue.code === 'custom' ? `${field}: ${issue.message}.` : `${field} er ikke gyldig.${allowed(path)}`);
  }
}

function reportUnknownKeys(ctx: Context, path: YamlPath, keys: readonly string[]): void {
  const known = shapeKeys(ctx.schema, path);
  for (const key of keys) {
    const where = describePath(path);
    const tail = known.length ? ` Tillatte felt${path.length ? ` her` : ''}: ${known.join(', ')}.` : '';
    ctx.diags.error(
      ctx.source.file,
      ctx.source.locate([...path, key], 'key'),
      `ukjent felt «${key}»${path.length ? ` i ${where}` : ''}.${meantSuffix(key, known)}${tail}`,
    );
  }
}

function wrongTypeMessage(path: YamlPath, value: unknown, expected: string): string {
  const field = describePath(path);
  if (value === undefined) return `mangler ${field === 'filen' ? 'innhold' : `feltet ${field}`}.${allowed(path)}`;
  if (value === null) return `${field} er tom.${allowed(path)}`;
  if (expected === 'int') return `${field} må være et helt tall, men er ${kind(value)}.${allowed(path)}`;
  if (path.length === 0) return `filen må bestå av nøkler og verdier (for eksempel «tittel: …»), men er ${kind(value)}.`;
  // `tittel: {{pris}}` or `tittel: [utkast] Budsjett` are YAML maps and lists, not text.
  const hint = expected === 'string' && typeof value === 'object' ? ' Tekst som begynner med { eller [ må stå i anførselstegn.' : '';
  return `${field} er ${kind(value)}, som ikke er gyldig.${allowed(path)}${hint}`;
}

function reportUnion(ctx: Context, issue: Extract<Issue, { code: 'invalid_union' }>, path: YamlPath, value: unknown): void {
  // A vedlegg item is a title or an object: explain the object's own problems when it is one.
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const objectBranch = issue.errors.find((branch) => branch.every((i) => i.path.length > 0 || i.code === 'unrecognized_keys'));
    if (objectBranch) {
      for (const inner of sub(objectBranch, path)) report(ctx, inner);
      return;
    }
  }
  ctx.diags.error(ctx.source.file, ctx.source.locate(path), `${describePath(path)} er ${kind(value)}, som ikke er gyldig.${allowed(path)}`);
}

/** Field names the schema allows at `path`, for the "allowed fields" list of unknown-key errors. */
function shapeKeys(schema: z.ZodType, path: YamlPath): string[] {
  let here: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let cur = s as {
      def?: { type?: string; innerType?: unknown; in?: unknown; element?: unknown; valueType?: unknown; options?: unknown[] };
    };
    for (let guard = 0; guard < 10 && cur?.def; guard++) {
      const t = cur.def.type;
      if (t === 'optional' || t === 'default' || t === 'nullable' || t === 'prefault') cur = cur.def.innerType as typeof cur;
      else if (t === 'pipe') cur = cur.def.in as typeof cur;
      else break;
    }
    return cur;
  };
  for (const key of path) {
    const s = unwrap(here) as {
      def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown; options?: unknown[] };
    };
    if (!s?.def) return [];
    if (s.def.type === 'object' && typeof key === 'string') here = s.def.shape?.[key];
    else if (s.def.type === 'array' && typeof key === 'number') here = s.def.element;
    else if (s.def.type === 'record' && typeof key === 'string') here = s.def.valueType;
    else return [];
  }
  const final = unwrap(here) as { def?: { type?: string; shape?: Record<string, unknown>; options?: unknown[] } };
  if (final?.def?.type === 'object') return Object.keys(final.def.shape ?? {});
  if (final?.def?.type === 'union') {
    for (const option of final.def.options ?? []) {
      const o = unwrap(option) as { def?: { type?: string; shape?: Record<string, unknown> } };
      if (o?.def?.type === 'object') return Object.keys(o.def.shape ?? {});
    }
  }
  return [];
}

/**
 * Validates a YAML source against a schema and reports every problem at the position where the
 * user wrote it. A misspelt key ("titel") is reported once, as unknown with a suggestion, and not
 * again as the missing key it was meant to be.
 */
export function validate<S extends z.ZodType>(schema: S, source: YamlSource, diags: Diagnostics): z.output<S> | undefined {
  const result = schema.safeParse(source.data);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const typoTargets = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = shapeKeys(schema, issue.path as YamlPath);
    for (const key of issue.keys) {
      const meant = meantSuffix(key, known);
      if (meant) typoTargets.add(JSON.stringify([...issue.path, /«(.*)»/.exec(meant)![1]]));
    }
  }
  for (const issue of issues) {
    const missing = issue.code === 'invalid_type' && valueAt(source.data, issue.path as YamlPath) === undefined;
    if (missing && typoTargets.has(JSON.stringify(issue.path))) continue;
    report({ source, schema, diags }, issue);
  }
  return undefined;
}
