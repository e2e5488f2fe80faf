/**
 * How deep YAML nests and how many values it holds, counted from the text before it is parsed:
 * the yaml library parses nested collections recursively, so a few thousand `[` (or `{`, or
 * `- - - …`) overflow its stack or take minutes, and it needs microseconds and up to a kilobyte
 * of memory per value. One pass over the characters: an indented line and each compact indicator
 * (`- `, `? `, `: ` where a node starts) open a block level, every `[` and `{` opens one more,
 * and so does a key and value inside `[…]`. Each line, indicator, bracket, comma and key counts
 * as a value. Quoted scalars, comments and block scalars (`|`, `>`) are skipped, so brackets
 * inside text never count; a long text is one value, however long.
 */
export interface YamlLimits {
  /** Levels of collections inside each other. */
  nivaer: number;
  /** Values: keys, items, collections. */
  verdier: number;
}

/** Where a limit is passed: the offset of the indicator, bracket or line that goes one too far. */
export interface YamlLimitPassed {
  offset: number;
  grense: keyof YamlLimits;
}

interface State {
  text: string;
  limits: YamlLimits;
  /** The columns where the open block levels begin. */
  blocks: number[];
  /** Open `[` and `{` (and keys inside `[`). */
  flow: number;
  values: number;
  /** Inside a block scalar: its lines are those indented further than this (or blank). */
  blockScalar?: number;
  /** After a plain scalar: the lines indented further than this continue it. */
  plain?: number;
  passed?: YamlLimitPassed;
}

const isBlank = (c: string | undefined) => c === undefined || c === ' ' || c === '\n' || c === '\t' || c === '\r';

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

/** Counts one value at `offset` (which may have opened a level); true when that passes a limit, recorded in the state. */
function count(s: State, offset: number): boolean {
  s.values++;
  if (s.blocks.length + s.flow > s.limits.nivaer) s.passed = { offset, grense: 'nivaer' };
  else if (s.values > s.limits.verdier) s.passed = { offset, grense: 'verdier' };
  return s.passed !== undefined;
}

/** The offset just past the quoted scalar that opens at `start` (it may run over several lines). */
function skipQuoted(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return text.length;
}

/** A `:` that makes a key and value (`a: b`, `"a":b`), not one inside a plain scalar (`http://x`). */
function isValueIndicator(text: string, i: number): boolean {
  const next = text[i + 1];
  return isBlank(next) || next === ',' || '[]{}'.includes(next!) || text[i - 1] === '"' || text[i - 1] === "'";
}

/**
 * A flow collection from its `[` or `{` at `start`, over as many lines as it takes; returns the
 * offset after it, or undefined when a limit is passed. A key and value inside `[…]` (`[a: b]`)
 * is a map of its own, one level more, until the next `,` or `]`.
 */
function scanFlow(s: State, start: number): number | undefined {
  const open: string[] = [];
  const push = (kind: string, at: number) => {
    open.push(kind);
    s.flow++;
    return count(s, at);
  };
  const closePair = () => {
    if (open[open.length - 1] === ':') [open.length, s.flow] = [open.length - 1, s.flow - 1];
  };
  let nodeStart = true;
  for (let i = start; i < s.text.length; i++) {
    const c = s.text[i]!;
    if (c === '[' || c === '{') {
      if (push(c, i)) return undefined;
      nodeStart = true;
    } else if (c === ']' || c === '}') {
      closePair();
      [open.length, s.flow] = [Math.max(0, open.length - 1), Math.max(0, s.flow - 1)];
      if (open.length === 0) return i + 1;
      nodeStart = false;
    } else if ((c === '"' || c === "'") && nodeStart) {
      i = skipQuoted(s.text, i) - 1;
      nodeStart = false;
    } else if (c === '#' && isBlank(s.text[i - 1])) {
      i = lineEnd(s.text, i) - 1;
    } else if (((c === ':' && isValueIndicator(s.text, i)) || (c === '?' && isBlank(s.text[i + 1]))) && open.at(-1) === '[') {
      if (push(':', i)) return undefined;
      nodeStart = true;
    } else if (c === ',' || c === ':') {
      if (c === ',') closePair();
      if (count(s, i)) return undefined;
      nodeStart = true;
    } else if (!isBlank(c)) {
      nodeStart = false;
    }
  }
  return s.text.length;
}

/** After a key or a scalar ending at `from`: where a `: ` on the same line starts the value, unless a comment comes first. */
function valueStart(text: string, from: number): number | undefined {
  const end = lineEnd(text, from);
  for (let i = from; i < end; i++) {
    if (text[i] === '#' && isBlank(text[i - 1])) return undefined;
    if (text[i] === ':' && isBlank(text[i + 1])) return i + 1;
  }
  return undefined;
}

/** Past what a node starting at `i` holds (a flow collection, a quoted or plain scalar); `i` itself for a block scalar, comment or nothing; undefined when a limit is passed. */
function skipValue(s: State, i: number, indent: number): { after: number; plain: boolean } | undefined {
  const c = s.text[i];
  if (c === '[' || c === '{') {
    const after = scanFlow(s, i);
    return after === undefined ? undefined : { after, plain: false };
  }
  if (c === '"' || c === "'") return { after: skipQuoted(s.text, i), plain: false };
  if (c === '|' || c === '>') s.blockScalar = indent;
  return { after: i, plain: !(c === '|' || c === '>' || c === '#' || c === '\n' || c === undefined) };
}

/** A block line from the node that starts at `start`: its compact indicators, its value, a value after `: `; returns the line's end. */
function scanNode(s: State, start: number, indent: number): number | undefined {
  const { text } = s;
  let i = start;
  for (;;) {
    while (text[i] === ' ') i++;
    const c = text[i];
    if ((c === '-' || c === '?' || c === ':') && isBlank(text[i + 1])) {
      s.blocks.push(i + 2);
      if (count(s, i)) return undefined;
      i++;
      continue;
    }
    if (c === '&' || c === '!') {
      while (i < text.length && !isBlank(text[i])) i++;
      continue;
    }
    const value = skipValue(s, i, indent);
    if (value === undefined) return undefined;
    const next = value.plain || value.after > i ? valueStart(text, value.after) : undefined;
    if (next === undefined) {
      // A plain scalar may go on over the lines below it; they are text, not nodes.
      if (value.plain) s.plain = indent;
      return lineEnd(text, value.after);
    }
    if (count(s, next - 1)) return undefined;
    i = next;
  }
}

/** One line from its start: indentation closes and opens block levels; lines of a block scalar or plain scalar are passed over. */
function scanLine(s: State, start: number): number | undefined {
  const { text } = s;
  let i = start;
  while (text[i] === ' ') i++;
  const indent = i - start;
  const empty = text[i] === '\n' || text[i] === '#' || i >= text.length;
  const end = lineEnd(text, i);
  const continues = (under: number | undefined) => under !== undefined && (empty || indent > under);
  // A plain scalar cannot hold `: `; a line with one is a node however far in it stands.
  if (continues(s.blockScalar) || (continues(s.plain) && valueStart(text, i) === undefined)) return end;
  s.blockScalar = undefined;
  s.plain = undefined;
  if (empty) return end;
  while (s.blocks.length > 0 && s.blocks[s.blocks.length - 1]! >= indent) s.blocks.pop();
  s.blocks.push(indent);
  if (count(s, i)) return undefined;
  return scanNode(s, i, indent);
}

/** The first place where YAML passes one of the limits, in the order written; undefined when it keeps within both. */
export function findYamlLimit(text: string, limits: YamlLimits): YamlLimitPassed | undefined {
  const s: State = { text, limits, blocks: [], flow: 0, values: 0 };
  for (let offset = 0; offset < text.length; ) {
    const end = scanLine(s, offset);
    if (end === undefined) return s.passed;
    offset = end + 1;
  }
  return undefined;
}
