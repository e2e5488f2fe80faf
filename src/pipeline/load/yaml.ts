import YAML, { type Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node } from 'yaml';
import type { Diagnostics, Position } from '../../domain/diagnostics.js';
import type { YamlPath, YamlSource } from '../../domain/sources.js';
import { MAX_NESTING } from '../../util/nesting.js';
import { describeChar, findForbiddenChar, findOnlyInvisible, kodepunkt } from '../../util/visible.js';
import { findYamlLimit } from './yaml-depth.js';

/** Keys whose values are numbers or yes/no; every other scalar is kept as the text the user wrote. */
// Numbers and yes/no under these keys stay numbers; the journal's (format, nr, fast, rettelser, sekvens, utsendelse) are machine-written.
const NON_TEXT_KEYS = new Set([
  'minutter',
  'forste_saksnummer',
  'faste_saker',
  'skjul_andre',
  'format',
  'nr',
  'fast',
  'rettelser',
  'sekvens',
  'utsendelse',
]);

const MESSAGES: Record<string, string> = {
  TAB_AS_INDENT: 'tabulator brukt som innrykk; YAML tillater bare mellomrom. Bytt tabulatoren ut med mellomrom.',
  DUPLICATE_KEY: 'denne nøkkelen står to ganger; hver nøkkel kan bare stå én gang.',
  BAD_INDENT: 'feil innrykk; nøkler på samme nivå må stå rett under hverandre, med mellomrom (ikke tabulator).',
  MULTILINE_IMPLICIT_KEY:
    'en nøkkel kan ikke gå over flere linjer; mangler det kolon etter nøkkelen her, eller står linjen under med feil innrykk?',
  BLOCK_AS_IMPLICIT_KEY: 'ugyldig nøkkel; mangler det et kolon, eller står linjen med feil innrykk?',
  MISSING_CHAR: 'et tegn mangler (ofte et avsluttende anførselstegn eller en parentes).',
  BAD_SCALAR_START: 'verdien kan ikke starte med dette tegnet; sett anførselstegn rundt teksten ("…").',
  UNEXPECTED_TOKEN: 'uventet tegn; sett anførselstegn rundt tekst som inneholder kolon eller #.',
  BAD_DQ_ESCAPE: "ugyldig \\-sekvens i tekst med doble anførselstegn; bruk enkle anførselstegn ('…').",
  BAD_ALIAS: 'ugyldig alias (*…).',
  MISSING_ANCHOR: 'aliaset viser til et anker (&…) som ikke finnes.',
};

/**
 * How large a file's data may become with every alias (*…) replaced by what its anchor (&…)
 * holds: a few lines of aliases of aliases ("billion laughs") otherwise expand to gigabytes.
 */
export const MAX_EXPANDED_NODES = 100_000;

/**
 * How many values one YAML text (a frontmatter, mote.yaml, organisasjon.yaml) may hold: keys,
 * list items, collections. The yaml library needs microseconds and up to a kilobyte of memory
 * for each; a real file has a few hundred, and a long text is one value however long it is.
 */
export const MAX_YAML_VALUES = 20_000;
export const MAX_EXPANDED_CHARS = 10 * 1024 * 1024;

interface Size {
  nodes: number;
  chars: number;
}

/** The size of a node with its aliases expanded; each node is measured once, so measuring is never itself exponential. */
function expandedSize(doc: Document.Parsed, node: unknown, memo: Map<unknown, Size>): Size {
  const known = memo.get(node);
  if (known) return known;
  // An alias inside its own anchor counts as nothing more while it is being measured.
  memo.set(node, { nodes: 0, chars: 0 });
  const size: Size = { nodes: 1, chars: 0 };
  const add = (child: unknown) => {
    const s = expandedSize(doc, child, memo);
    size.nodes += s.nodes;
    size.chars += s.chars;
  };
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (target) add(target);
  } else if (isScalar(node)) size.chars += String(node.value ?? '').length;
  else if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      if (isPair(item)) [item.key, item.value].forEach(add);
      else add(item);
    }
  }
  memo.set(node, size);
  return size;
}

/** 100000 as «100 000», with an ordinary space (toLocaleString would put a no-break space in the message). */
export function tusener(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ' ');
}

/** The first alias (in the order written) at which the expanded data passes the limits, if it does. */
function overExpanded(doc: Document.Parsed): Node | undefined {
  const memo = new Map<unknown, Size>();
  const total: Size = { nodes: 0, chars: 0 };
  let found: Node | undefined;
  YAML.visit(doc, (_key, node) => {
    if (!isAlias(node) && !isScalar(node) && !isMap(node) && !isSeq(node)) return undefined;
    const s = isAlias(node) ? expandedSize(doc, node, memo) : { nodes: 1, chars: isScalar(node) ? String(node.value ?? '').length : 0 };
    total.nodes += s.nodes;
    total.chars += s.chars;
    if (total.nodes <= MAX_EXPANDED_NODES && total.chars <= MAX_EXPANDED_CHARS) return undefined;
    found = node as Node;
    return YAML.visit.BREAK;
  });
  return found;
}

function keyName(node: unknown): string | undefined {
  return isScalar(node) ? String(node.value) : undefined;
}

/** An attachment's `nr` («2a», «1», «3.10») is a label, kept as written; the journal's `nr` is a number. */
function underVedlegg(path: readonly unknown[]): boolean {
  return path.some((node) => isPair(node) && keyName(node.key) === 'vedlegg');
}

/** Turns numbers and yes/no the user wrote into the text they typed, except in numeric fields. */
function keepWrittenText(doc: Document.Parsed): void {
  YAML.visit(doc, {
    Scalar(_key, node, path) {
      if (typeof node.value !== 'number' && typeof node.value !== 'boolean') return;
      const parent = path[path.length - 1];
      const field = isPair(parent) ? keyName(parent.key) : undefined;
      const numeric = field !== undefined && NON_TEXT_KEYS.has(field) && !(field === 'nr' && underVedlegg(path));
      if (numeric && parent && isPair(parent) && parent.value === node) return;
      if (node.source !== undefined) node.value = node.source;
    },
  });
}

/**
 * The yaml library reports `tittel: Sak: oppfølging` and a line indented under a finished value
 * as the same thing («nested mappings are not allowed»); these are the two mistakes people make.
 */
function nestedMappingMessage(
  text: string,
  offset: number,
  position: (offset: number) => Position,
): { at: Position; message: string } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
  const value = text.slice(offset, lineEnd).trimEnd();
  const key = /^\s*(?:-\s+)?([^:#]+):\s/.exec(text.slice(lineStart, offset))?.[1]?.trim();
  if (/:\s/.test(value) && key) {
    return {
      at: position(offset),
      message:
        `teksten «${value}» inneholder kolon og mellomrom; sett anførselstegn rundt den: ${key}: "${value.replace(/"/g, '\\"')}"` + '.',
    };
  }
  const next = text.slice(lineEnd + 1).split('\n')[0] ?? '';
  const indent = (line: string) => /^ */.exec(line)![0].length;
  if (lineEnd < text.length && indent(next) > indent(text.slice(lineStart, lineEnd)) && next.includes(':')) {
    return {
      at: position(lineEnd + 1),
      message:
        'feil innrykk: linjen står lenger inn enn linjen over, som allerede har en verdi. Nøkler på samme nivå må stå rett under hverandre.',
    };
  }
  return undefined;
}

/** Offset of the first quote (after a key or list dash) that is not closed on its line. */
function unclosedQuote(text: string): number | undefined {
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = /^\s*(?:-\s+)?(?:[^:#"']+:\s+)?(["'])/.exec(line);
    if (m) {
      const start = m[0].length - 1;
      const rest = line.slice(start + 1);
      const closed = m[1] === '"' ? /(^|[^\\])"/.test(rest) || rest.startsWith('"') : rest.includes("'");
      if (!closed) return offset + start;
    }
    offset += line.length + 1;
  }
  return undefined;
}

function offsetOf(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

/** Reports the library's syntax errors in Norwegian, one message per place. */
function reportSyntaxErrors(
  file: string,
  text: string,
  doc: Document.Parsed,
  position: (offset: number) => Position,
  diags: Diagnostics,
): void {
  // One message per place: the library often reports one mistake twice, in different words.
  const reported = new Set<number>();
  for (const error of doc.errors) {
    if (reported.has(error.pos[0])) continue;
    reported.add(error.pos[0]);
    let message = MESSAGES[error.code] ?? 'ugyldig YAML; sjekk innrykk, kolon etter hver nøkkel og anførselstegn rundt tekst med kolon.';
    let at = position(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      const key = /^[^:\n]*/.exec(text.slice(error.pos[0]))?.[0].trim();
      if (key) message = `nøkkelen «${key}» står to ganger; hver nøkkel kan bare stå én gang.`;
    }
    if (error.code === 'MISSING_CHAR') {
      // The library notices a missing closing quote only where the text ends; point at the opening one.
      const quote = unclosedQuote(text.slice(0, error.pos[0]));
      if (quote !== undefined) {
        at = position(quote);
        message = `anførselstegnet (${text[quote]}) her blir aldri avsluttet; sett det samme tegnet til slutt i teksten, på samme linje.`;
      }
    }
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY') {
      const nested = nestedMappingMessage(text, error.pos[0], position);
      if (nested) ({ at, message } = nested);
    }
    diags.error(file, at, message);
  }
}

/** The document as plain data, numbers and yes/no kept as written; undefined (reported) when an alias cannot be resolved. */
function toData(
  file: string,
  text: string,
  doc: Document.Parsed,
  position: (offset: number) => Position,
  diags: Diagnostics,
): { data: unknown } | undefined {
  keepWrittenText(doc);
  const tooLarge = overExpanded(doc);
  if (tooLarge) {
    diags.error(
      file,
      position(tooLarge.range?.[0] ?? 0),
      `med aliasene (*…) skrevet ut blir innholdet for stort her; høyst ${tusener(MAX_EXPANDED_NODES)} verdier og ${MAX_EXPANDED_CHARS / 1024 / 1024} MB tekst er tillatt. Skriv verdiene ut i stedet for å la alias vise til andre alias.`,
    );
    return undefined;
  }
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    // `tittel: *Viktig*` (Markdown emphasis) is an alias in YAML, to an anchor that does not exist.
    let alias: Node | undefined;
    YAML.visit(doc, {
      Alias: (_key, node) => {
        alias ??= node;
      },
    });
    if (/Unresolved alias/.test((error as Error).message) && alias) {
      const written = text.slice(alias.range![0], alias.range![1]).trim();
      diags.error(
        file,
        position(alias.range![0]),
        `«${written}» leses som et YAML-alias (en henvisning til et anker &…) som ikke finnes; sett anførselstegn rundt tekst som begynner med *.`,
      );
    } else {
      diags.error(file, position(alias?.range?.[0] ?? 0), 'filen bruker for mange YAML-alias (*…); skriv verdiene ut i stedet.');
    }
    return undefined;
  }
}

/** A text value or key with a character no document may hold (see util/visible.ts), reported where it was written. */
function reportForbiddenChars(file: string, doc: Document.Parsed, position: (offset: number) => Position, diags: Diagnostics): void {
  YAML.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      const usynlig = findOnlyInvisible(node.value);
      if (usynlig !== undefined) {
        diags.error(
          file,
          position(node.range?.[0] ?? 0),
          `teksten består bare av usynlige tegn (som ${kodepunkt(usynlig)}) og ser tom ut; skriv synlig tekst, eller fjern feltet.`,
        );
        return;
      }
      const tegn = findForbiddenChar(node.value);
      if (tegn === undefined) return;
      diags.error(
        file,
        position(node.range?.[0] ?? 0),
        `teksten inneholder ${describeChar(tegn)} (${kodepunkt(tegn)}), som ikke kan stå i et dokument; fjern det.`,
      );
    },
  });
}

/** Where a path's key or value was written; the nearest enclosing node that has a place when it has none. */
function locator(doc: Document.Parsed, position: (offset: number) => Position, lineOffset: number) {
  return (path: YamlPath, what: 'key' | 'value' = 'value'): Position => {
    for (let depth = path.length; depth >= 0; depth--) {
      const here = path.slice(0, depth);
      if (what === 'key' && depth === path.length && depth > 0) {
        const parent = here.length > 1 ? doc.getIn(here.slice(0, -1), true) : doc.contents;
        if (isMap(parent)) {
          const pair = parent.items.find((p) => keyName(p.key) === String(here[here.length - 1]));
          const offset = offsetOf(pair?.key as Node | undefined);
          if (offset !== undefined) return position(offset);
        }
      }
      const node = depth === 0 ? doc.contents : doc.getIn(here, true);
      const offset = offsetOf(node as Node | undefined);
      if (offset !== undefined && (isMap(node) || isSeq(node) || isScalar(node))) return position(offset);
    }
    return { line: lineOffset + 1, column: 1 };
  };
}

/** Line and column of `offset`, counted the way LineCounter does, for a text not parsed. */
function positionIn(text: string, offset: number, lineOffset: number): Position {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: lineOffset + before.split('\n').length, column: offset - lineStart + 1 };
}

/** Text the parser must not be given: nested deeper than it can recurse, or too many values. Reported where the limit is passed. */
function beyondLimits(file: string, text: string, diags: Diagnostics, lineOffset: number): boolean {
  const passed = findYamlLimit(text, { nivaer: MAX_NESTING, verdier: MAX_YAML_VALUES });
  if (!passed) return false;
  diags.error(
    file,
    positionIn(text, passed.offset, lineOffset),
    passed.grense === 'nivaer'
      ? `verdiene ligger her mer enn ${MAX_NESTING} nivåer inn i hverandre (lister med [ ] eller «- », oppslag med { } og innrykk); høyst ${MAX_NESTING} nivåer er tillatt. Bruk færre nivåer.`
      : `for mange YAML-verdier (nøkler, listepunkter, [ ] og { }): grensen på ${tusener(MAX_YAML_VALUES)} passeres her. Så lange lister hører ikke hjemme i YAML; skriv dem i Markdown-teksten, eller legg dem ved som tabellfil eller PDF.`,
  );
  return true;
}

/**
 * Parses YAML with positions. `lineOffset` is the number of lines before the YAML text in its
 * file (frontmatter starts after the opening `---`). Syntax errors are reported in Norwegian.
 */
export function parseYaml(file: string, text: string, diags: Diagnostics, lineOffset = 0): YamlSource | undefined {
  if (beyondLimits(file, text, diags, lineOffset)) return undefined;
  const lineCounter = new LineCounter();
  // logLevel: warnings (such as `tittel: {{x}}`, a map as a key) would go to stderr as Node warnings; the schema reports them.
  const doc = YAML.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  if (doc.errors.length > 0) {
    reportSyntaxErrors(file, text, doc, position, diags);
    return undefined;
  }
  reportForbiddenChars(file, doc, position, diags);
  const result = toData(file, text, doc, position, diags);
  if (!result) return undefined;
  return { file, data: result.data, locate: locator(doc, position, lineOffset) };
}
