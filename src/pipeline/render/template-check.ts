import { basename, sep } from 'node:path';
import type { Diagnostic } from '../../domain/diagnostics.js';

/**
 * What Handlebars would only find when it renders, found in an organisation's template when the
 * meetings load, at its line and column: a partial that does not exist (`{{> mangler}}`), one
 * whose name is computed, one that needs a block used without one, partials that include each
 * other in a circle, and the built-in helpers called with the wrong number of values. Rendering
 * would otherwise stop in the middle of a build with Handlebars' own exception.
 */

type Node = { type: string; loc?: { start: { line: number; column: number } } } & Record<string, unknown>;
type PathNode = { type: string; original?: unknown };

/** Every node of a template, depth first: statements and the programs of blocks. */
function* nodes(node: unknown): Generator<Node> {
  if (Array.isArray(node)) {
    for (const child of node) yield* nodes(child);
    return;
  }
  if (!node || typeof node !== 'object' || !('type' in node)) return;
  yield node as Node;
  const n = node as Node;
  for (const key of ['body', 'program', 'inverse']) yield* nodes(n[key]);
}

const nameOf = (path: unknown): string | undefined => {
  const p = path as PathNode | undefined;
  return p?.type === 'PathExpression' && typeof p.original === 'string' ? p.original : undefined;
};

/** The partials a template text names with `{{> x}}` or `{{#> x}}`. */
function partialsUsed(program: unknown): string[] {
  return [...nodes(program)].flatMap((n) =>
    n.type === 'PartialStatement' || n.type === 'PartialBlockStatement' ? [nameOf(n.name) ?? ''] : [],
  );
}

export interface PartialInfo {
  /** Partial name → the partials it uses. */
  bruker: Map<string, string[]>;
  /** Partials that show their block with `{{> @partial-block}}`, and so must be called as a block. */
  blokk: Set<string>;
}

/** What the partials of both folders use, from their parsed texts. */
export function partialInfo(partials: ReadonlyMap<string, unknown>): PartialInfo {
  const bruker = new Map<string, string[]>();
  const blokk = new Set<string>();
  for (const [name, program] of partials) {
    const used = partialsUsed(program);
    bruker.set(
      name,
      used.filter((u) => u !== '@partial-block'),
    );
    if (used.includes('@partial-block')) blokk.add(name);
  }
  return { bruker, blokk };
}

/** The way from partial `fra` back to `til` through the partials they use, if there is one. */
function circle(info: PartialInfo, fra: string, til: string, seen = new Set<string>()): string[] | undefined {
  if (fra === til) return [til];
  if (seen.has(fra)) return undefined;
  seen.add(fra);
  for (const next of info.bruker.get(fra) ?? []) {
    const rest = circle(info, next, til, seen);
    if (rest) return [fra, ...rest];
  }
  return undefined;
}

/** The helpers that stop rendering when called with another number of values, and how they are written. */
const ARITY: Record<string, { min: number; max: number; eksempel: string }> = {
  if: { min: 1, max: 1, eksempel: '{{#if mote.sted}}' },
  unless: { min: 1, max: 1, eksempel: '{{#unless mote.sted}}' },
  with: { min: 1, max: 1, eksempel: '{{#with mote}}' },
  each: { min: 1, max: 1, eksempel: '{{#each saker}}' },
  t: { min: 1, max: 1, eksempel: '{{t "innkalling.saksliste"}}' },
};

interface Where {
  file: string;
  /** The partial this file is (`dokument` for partials/dokument.hbs), if it is one. */
  partial?: string;
  known: ReadonlySet<string>;
  info: PartialInfo;
  problems: Diagnostic[];
}

function report(where: Where, node: Node, message: string): void {
  const start = node.loc?.start;
  where.problems.push({ severity: 'feil', file: where.file, position: start && { line: start.line, column: start.column + 1 }, message });
}

/** A `{{> x}}` or `{{#> x}}` in the file. */
function checkPartial(where: Where, node: Node, inline: ReadonlySet<string>): void {
  const name = nameOf(node.name);
  if (name === undefined) {
    report(where, node, 'malen bruker en partial med et utregnet navn ({{> (…)}}); skriv navnet på partialen, så den kan kontrolleres.');
    return;
  }
  const block = node.type === 'PartialBlockStatement';
  if (name === '@partial-block') {
    if (!where.partial)
      report(
        where,
        node,
        '{{> @partial-block}} kan bare stå i en partial (i partials/ eller nettsted/ramme.hbs) som brukes som blokk, {{#> navn}} … {{/navn}}.',
      );
    return;
  }
  if (inline.has(name)) return;
  if (!where.known.has(name)) {
    // `{{#> x}}fallback{{/x}}` shows the fallback when x does not exist; `{{> x}}` stops the build.
    if (!block)
      report(where, node, `malen bruker partialen «${name}», som ikke finnes; partialene er ${[...where.known].sort().join(', ')}.`);
    return;
  }
  if (!block && where.info.blokk.has(name)) {
    report(
      where,
      node,
      `partialen «${name}» må brukes som blokk, {{#> ${name}}} … {{/${name}}}, fordi den setter inn innholdet sitt med {{> @partial-block}}.`,
    );
  }
  const rundt = where.partial ? circle(where.info, name, where.partial) : undefined;
  if (rundt)
    report(
      where,
      node,
      `partialene bruker hverandre i ring (${[where.partial, ...rundt].join(' → ')}); det ville aldri blitt ferdig. Fjern én av dem.`,
    );
}

/** A helper or block: the built-in ones with the number of values they need; decorators other than inline. */
function checkCall(where: Where, node: Node): void {
  const name = nameOf(node.path);
  if (node.type === 'Decorator' || node.type === 'DecoratorBlock') {
    if (name !== 'inline')
      report(where, node, `malen bruker dekoratøren «${name ?? '?'}», som ikke finnes; bare {{#*inline "navn"}} … {{/inline}} er tillatt.`);
    return;
  }
  // The known helpers are called even without values (`{{if}}` is the helper, not a field), and then stop the build.
  const arity = name ? ARITY[name] : undefined;
  const params = (node.params as unknown[] | undefined) ?? [];
  if (arity && (params.length < arity.min || params.length > arity.max)) {
    report(where, node, `«${name}» trenger nøyaktig én verdi, for eksempel ${arity.eksempel}.`);
  }
}

/** The problems of one of the organisation's templates, parsed as `program`; `partial` is its name when it is a partial. */
export function checkTemplateProgram(
  file: string,
  program: hbs.AST.Program,
  partial: string | undefined,
  known: ReadonlySet<string>,
  info: PartialInfo,
): Diagnostic[] {
  const where: Where = { file, partial, known, info, problems: [] };
  const all = [...nodes(program)];
  const inline = new Set(
    all.flatMap((n) =>
      n.type === 'DecoratorBlock' && nameOf(n.path) === 'inline' ? [String((n.params as { value?: unknown }[])[0]?.value)] : [],
    ),
  );
  for (const node of all) {
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') checkPartial(where, node, inline);
    else if (['MustacheStatement', 'BlockStatement', 'Decorator', 'DecoratorBlock'].includes(node.type)) checkCall(where, node);
  }
  return where.problems;
}

/** `partials/dokument.hbs` → `dokument`: the name a partial file is registered under. */
export function partialName(relativ: string): string {
  return basename(relativ.split(sep).join('/'), '.hbs');
}
