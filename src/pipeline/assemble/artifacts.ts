import { deflateSync, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFDict, type PDFDocument, PDFName, type PDFPage, PDFRawStream, type PDFRef } from 'pdf-lib';

/**
 * Marks what Chromium paints outside the structure tree as /Artifact (PDF/UA 01-005): the
 * running header and footer and the page numbers (CSS @page margin boxes), the UTKAST mark,
 * backgrounds, rules and borders. Chromium wraps every piece of content that belongs to an
 * element in `/Tag <</MCID n>> BDC … EMC` and leaves the rest bare; here each bare run that
 * paints something gets `/Artifact BMC … EMC` around it. A run never crosses BT/ET, q/Q or
 * another marked-content operator, so the nesting of text objects, graphics states and marked
 * content stays as it was.
 */

/** Byte classes, looked up per byte: 1 whitespace, 2 delimiter, 0 regular. */
const CLASS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;
const isWhitespace = (c: number) => CLASS[c] === 1;
/** An operator (at most three letters) as a number: its bytes, first byte lowest. */
const code = (name: string) => [...name].reduce((n, c, i) => n | (c.charCodeAt(0) << (8 * i)), 0);
const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'EI'].map(code));
/** Operators a run does not cross: text objects, graphics state, marked content. */
const BREAKS = new Set(['BT', 'ET', 'q', 'Q', 'BMC', 'BDC', 'EMC'].map(code));
const [BMC, BDC, EMC, ID] = ['BMC', 'BDC', 'EMC', 'ID'].map(code);

const isRegular = (c: number) => CLASS[c] === 0;

/** The end of a literal string starting at `i` (its opening parenthesis), with nesting and escapes. */
function endOfString(data: Uint8Array, i: number): number {
  let depth = 0;
  for (; i < data.length; i++) {
    const c = data[i]!;
    if (c === 0x5c) i++;
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return i + 1;
  }
  return data.length;
}

/** After `ID`: the inline image's data runs to an `EI` between whitespace. */
function endOfInlineImage(data: Uint8Array, i: number): number {
  for (let j = i + 1; j + 2 < data.length; j++) {
    if (data[j] === 0x45 && data[j + 1] === 0x49 && isWhitespace(data[j - 1]!) && (j + 2 === data.length || !isRegular(data[j + 2]!)))
      return j;
  }
  return data.length;
}

/** The end of the token at `i` (not whitespace), and whether it is a bare word (an operator or a number, true, false, null). */
function tokenAt(data: Uint8Array, i: number): { end: number; word: boolean } {
  const c = data[i]!;
  if (c === 0x25) {
    let j = i;
    while (j < data.length && data[j] !== 10 && data[j] !== 13) j++;
    return { end: j, word: false };
  }
  if (c === 0x28) return { end: endOfString(data, i), word: false };
  if (c === 0x3c && data[i + 1] !== 0x3c) return { end: data.indexOf(0x3e, i) + 1 || data.length, word: false };
  if ((c === 0x3c || c === 0x3e) && data[i + 1] === c) return { end: i + 2, word: false };
  if (CLASS[c] === 2 && c !== 0x2f) return { end: i + 1, word: false };
  let j = i + 1;
  while (j < data.length && isRegular(data[j]!)) j++;
  return { end: j, word: c !== 0x2f };
}

/** Number-like words start with a digit, a sign or a point. */
const isNumberStart = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
/** true, false and null are operands; every operator worth knowing here has at most three letters. */
const KEYWORDS = new Set(['true', 'false', 'null']);
const LONG = -1;

function wordAt(data: Uint8Array, i: number, end: number): string {
  let text = '';
  for (let j = i; j < end; j++) text += String.fromCharCode(data[j]!);
  return text;
}

/** The operator's code, LONG for a longer operator, undefined for an operand. */
function operatorCode(data: Uint8Array, i: number, end: number): number | undefined {
  if (isNumberStart(data[i]!)) return undefined;
  if (end - i > 3) return KEYWORDS.has(wordAt(data, i, end)) ? undefined : LONG;
  let n = 0;
  for (let j = i; j < end; j++) n |= data[j]! << (8 * (j - i));
  return n;
}

/** Calls `visit` for each operator of a content stream, in order, with the span of its operands and itself. */
export function visitOperators(data: Uint8Array, visit: (operator: number, start: number, end: number) => void): void {
  let start = 0;
  for (let i = 0; i < data.length; ) {
    if (isWhitespace(data[i]!)) {
      i++;
      continue;
    }
    const { end, word } = tokenAt(data, i);
    const operator = word ? operatorCode(data, i, end) : undefined;
    if (operator === undefined) {
      i = end;
      continue;
    }
    const stop = operator === ID ? endOfInlineImage(data, end) : end;
    if (operator !== ID) visit(operator, start, stop);
    start = stop;
    i = stop;
  }
}

/** Whether a BMC/BDC starts content that is already accounted for: tagged (an MCID) or an artifact. */
type IsMarked = (operands: string) => boolean;

/** The runs of bare operators that paint, as [start, end] byte offsets. */
function bareRuns(data: Uint8Array, isMarked: IsMarked): [number, number][] {
  const runs: [number, number][] = [];
  const stack: boolean[] = [];
  // The open run: where it starts and ends, and whether it paints.
  let [from, to, paints] = [-1, -1, false];
  const close = () => {
    if (paints) runs.push([from, to]);
    [from, to, paints] = [-1, -1, false];
  };
  visitOperators(data, (operator, start, end) => {
    const inMarked = stack.at(-1) ?? false;
    if (BREAKS.has(operator)) {
      close();
      if (operator === BMC || operator === BDC) stack.push(inMarked || isMarked(wordAt(data, start, end).trim()));
      else if (operator === EMC) stack.pop();
    } else if (!inMarked) {
      if (from < 0) from = start;
      to = end;
      paints ||= PAINTING.has(operator);
    }
  });
  close();
  return runs;
}

const encoder = new TextEncoder();

/** The content with `/Artifact BMC … EMC` around each bare run that paints; undefined when there is none. */
export function markArtifacts(data: Uint8Array, isMarked: IsMarked): Uint8Array | undefined {
  const runs = bareRuns(data, isMarked);
  if (runs.length === 0) return undefined;
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const [start, end] of runs) {
    parts.push(data.subarray(from, start), encoder.encode('\n/Artifact BMC\n'), data.subarray(start, end), encoder.encode('\nEMC\n'));
    from = end;
  }
  parts.push(data.subarray(from));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** BMC/BDC operands that start tagged or artifact content: an MCID, a named property list with one, or /Artifact. */
function markedIn(page: PDFPage): IsMarked {
  const properties = page.node.Resources()?.lookupMaybe(PDFName.of('Properties'), PDFDict);
  return (operands) => {
    if (/^\s*\/Artifact\b/.test(operands) || /\/MCID\b/.test(operands)) return true;
    const named = /\/[^\s/<>[\]()]+\s+\/([^\s/<>[\]()]+)\s+BDC$/.exec(operands.trim())?.[1];
    const list = named ? properties?.lookupMaybe(PDFName.of(named), PDFDict) : undefined;
    return list?.has(PDFName.of('MCID')) ?? false;
  };
}

/** Chromium's streams are Flate without parameters: node's zlib reads them many times faster than pdf-lib. */
function decode(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  if (filter === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))) return inflateSync(stream.contents);
  return decodePDFRawStream(stream).decode();
}

function contentOf(doc: PDFDocument, page: PDFPage): Uint8Array | undefined {
  const contents = page.node.get(PDFName.of('Contents'));
  const resolved = contents ? doc.context.lookup(contents) : undefined;
  const streams = resolved instanceof PDFArray ? resolved.asArray().map((ref) => doc.context.lookup(ref)) : [resolved];
  if (!streams.every((s): s is PDFRawStream => s instanceof PDFRawStream)) return undefined;
  // The streams of an array are one content stream, split anywhere between tokens.
  const decoded = streams.map(decode);
  const joined = new Uint8Array(decoded.reduce((n, d) => n + d.length + 1, 0));
  let at = 0;
  for (const d of decoded) {
    joined.set(d, at);
    joined[at + d.length] = 10;
    at += d.length + 1;
  }
  return joined;
}

/** Marks the bare content of the given pages (ours, as Chromium printed them) as artifacts. */
export function markPageArtifacts(doc: PDFDocument, pages: readonly PDFPage[]): void {
  for (const page of pages) {
    const data = contentOf(doc, page);
    const marked = data && markArtifacts(data, markedIn(page));
    if (!marked) continue;
    const ref: PDFRef = doc.context.register(doc.context.stream(deflateSync(marked), { Filter: 'FlateDecode' }));
    page.node.set(PDFName.of('Contents'), ref);
  }
}
