import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  type PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';

/**
 * The machine-checkable PDF/UA-1 (Matterhorn) checkpoints the tests hold every PDF to, read
 * with pdf-lib on their own, without the code under test (a clone has no ../shared checker).
 * Each finding names its checkpoint, like ../shared/tools/pdfua/pdfua_check.py does.
 */

const N = (name: string) => PDFName.of(name);
const STANDARD = new Set(
  `Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody
  Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure
  Formula Form`.split(/\s+/),
);

const text = (v: PDFObject | undefined) => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined);

export interface Elem {
  type: string;
  /** The type after the RoleMap. */
  role: string;
  ref?: PDFRef;
  dict: PDFDict;
  kids: Elem[];
  /** Marked content this element owns directly: page object and MCID. */
  mcids: { page?: PDFObject; mcid: number }[];
}

function kids(doc: PDFDocument, dict: PDFDict): PDFObject[] {
  const k = dict.get(N('K'));
  const v = k instanceof PDFRef ? doc.context.lookup(k) : k;
  return v instanceof PDFArray ? v.asArray() : k ? [k] : [];
}

function pageOf(dict: PDFDict): PDFObject | undefined {
  for (let d: PDFDict | undefined = dict, i = 0; d && i < 100; i++, d = d.lookupMaybe(N('P'), PDFDict)) {
    if (d.get(N('Pg'))) return d.get(N('Pg'));
  }
  return undefined;
}

/** The structure tree below the root, roles resolved through the RoleMap. */
export function structTree(doc: PDFDocument): Elem[] {
  const root = doc.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  if (!root) return [];
  const roleMap = root.lookupMaybe(N('RoleMap'), PDFDict);
  const resolve = (type: string) => {
    let role = type;
    for (let i = 0; i < 10 && !STANDARD.has(role); i++) {
      const mapped = roleMap?.get(N(role));
      if (!(mapped instanceof PDFName)) break;
      role = mapped.decodeText();
    }
    return role;
  };
  const build = (kid: PDFObject, seen: Set<PDFDict>): Elem | undefined => {
    const dict = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
    if (!(dict instanceof PDFDict) || !(dict.get(N('S')) instanceof PDFName) || seen.has(dict)) return undefined;
    seen.add(dict);
    const type = (dict.get(N('S')) as PDFName).decodeText();
    const elem: Elem = { type, role: resolve(type), ref: kid instanceof PDFRef ? kid : undefined, dict, kids: [], mcids: [] };
    for (const k of kids(doc, dict)) {
      const v = k instanceof PDFRef ? doc.context.lookup(k) : k;
      if (v instanceof PDFNumber) elem.mcids.push({ page: pageOf(dict), mcid: v.asNumber() });
      else if (v instanceof PDFDict && v.get(N('Type')) === N('MCR'))
        elem.mcids.push({ page: v.get(N('Pg')) ?? pageOf(dict), mcid: (v.get(N('MCID')) as PDFNumber).asNumber() });
      else {
        const child = build(k, seen);
        if (child) elem.kids.push(child);
      }
    }
    return elem;
  };
  const seen = new Set<PDFDict>();
  return kids(doc, root)
    .map((k) => build(k, seen))
    .filter((e): e is Elem => e !== undefined);
}

export function flatten(elems: readonly Elem[]): Elem[] {
  return elems.flatMap((e) => [e, ...flatten(e.kids)]);
}

function xmpFindings(doc: PDFDocument): string[] {
  const stream = doc.catalog.lookupMaybe(N('Metadata'), PDFStream);
  if (!stream) return ['06-001 no XMP metadata'];
  const xmp = new TextDecoder().decode(stream.getContents());
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  const unescapeXml = (v: string) => v.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => entities[e]!);
  const tag = (name: string) => {
    const value = new RegExp(`<${name}>(?:<rdf:\\w+>)?(?:<rdf:li[^>]*>)?([^<]*)<`).exec(xmp)?.[1];
    return value === undefined ? undefined : unescapeXml(value);
  };
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  const infoDate = (key: string) => text(info.get(N(key)))?.replace(/^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z');
  const findings: string[] = [];
  if (tag('pdfuaid:part') !== '1') findings.push('06-002 no pdfuaid:part=1');
  if (tag('dc:title') === undefined) findings.push('06-003 no dc:title');
  else if (tag('dc:title') !== text(info.get(N('Title')))) findings.push('dc:title is not the Info /Title');
  if (tag('dc:language') !== text(doc.catalog.get(N('Lang')))) findings.push('dc:language is not the catalog /Lang');
  if (tag('dc:creator') !== text(info.get(N('Author')))) findings.push('dc:creator is not the Info /Author');
  if (tag('xmp:CreateDate') !== infoDate('CreationDate')) findings.push('xmp:CreateDate is not the Info /CreationDate');
  if (tag('xmp:ModifyDate') !== infoDate('ModDate')) findings.push('xmp:ModifyDate is not the Info /ModDate');
  return findings;
}

function catalogFindings(doc: PDFDocument): string[] {
  const findings: string[] = [];
  const marked = doc.catalog.lookupMaybe(N('MarkInfo'), PDFDict)?.get(N('Marked'));
  if (marked?.toString() !== 'true') findings.push('01-001 MarkInfo /Marked is not true');
  const display = doc.catalog.lookupMaybe(N('ViewerPreferences'), PDFDict)?.get(N('DisplayDocTitle'));
  if (display?.toString() !== 'true') findings.push('07-001 ViewerPreferences /DisplayDocTitle is not true');
  if (!text(doc.catalog.get(N('Lang')))) findings.push('11-006 no /Lang');
  return findings;
}

function roleFindings(doc: PDFDocument, elems: readonly Elem[]): string[] {
  const roleMap = doc.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict)?.lookupMaybe(N('RoleMap'), PDFDict);
  const findings = new Set<string>();
  for (const e of elems) if (!STANDARD.has(e.role)) findings.add(`02-001 ${e.type} is not mapped to a standard type`);
  for (const key of roleMap?.keys() ?? [])
    if (STANDARD.has(key.decodeText())) findings.add(`02-004 standard type ${key.decodeText()} is remapped`);
  return [...findings];
}

function listFindings(elems: readonly Elem[]): string[] {
  const findings = new Map<string, number>();
  const add = (f: string) => findings.set(f, (findings.get(f) ?? 0) + 1);
  for (const e of elems) {
    if (e.role !== 'LI') continue;
    const roles = e.kids.map((k) => k.role);
    if (!roles.includes('LBody')) add('09-005 LI without LBody');
    const other = [...new Set(roles.filter((r) => r !== 'Lbl' && r !== 'LBody'))].sort();
    if (other.length > 0) add(`09-005 LI has child ${other.join(',')}`);
    if (e.mcids.length > 0) add('09-005 LI has content outside Lbl and LBody');
  }
  for (const e of elems)
    for (const k of e.kids) if ((k.role === 'LBody' || k.role === 'Lbl') && e.role !== 'LI') add(`09-005 ${k.role} under ${e.role}`);
  return [...findings].map(([f, n]) => `${f} (${n})`);
}

/** Heading levels in document order: the first is H1, and none is more than one below the one before. */
export function headingLevels(elems: readonly Elem[]): number[] {
  return elems.filter((e) => /^H[1-6]$/.test(e.role)).map((e) => Number(e.role[1]));
}

function headingFindings(elems: readonly Elem[]): string[] {
  const levels = headingLevels(elems);
  const findings: string[] = [];
  if (levels.length > 0 && levels[0] !== 1) findings.push(`14-002 the first heading is H${levels[0]}`);
  levels.forEach((level, i) => {
    if (i > 0 && level > levels[i - 1]! + 1) findings.push(`14-003 H${levels[i - 1]} -> H${level} (heading ${i + 1})`);
  });
  return findings;
}

/** Every MCID an element owns is, in the parent tree of its page, that element (else a reader finds the wrong tag). */
function parentTreeFindings(doc: PDFDocument, elems: readonly Elem[]): string[] {
  const tree = doc.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict)?.lookupMaybe(N('ParentTree'), PDFDict);
  const entries = new Map<number, PDFObject>();
  const read = (node: PDFDict | undefined) => {
    const nums = node?.lookupMaybe(N('Nums'), PDFArray);
    for (let i = 0; nums && i + 1 < nums.size(); i += 2) entries.set((nums.get(i) as PDFNumber).asNumber(), nums.get(i + 1));
    for (const kid of node?.lookupMaybe(N('Kids'), PDFArray)?.asArray() ?? []) read(doc.context.lookup(kid) as PDFDict);
  };
  read(tree);
  let wrong = 0;
  for (const e of elems) {
    for (const { page, mcid } of e.mcids) {
      const pageDict = page ? doc.context.lookup(page) : undefined;
      const key = pageDict instanceof PDFDict ? pageDict.get(N('StructParents')) : undefined;
      const entry = key instanceof PDFNumber ? entries.get(key.asNumber()) : undefined;
      const marks = entry ? doc.context.lookup(entry) : undefined;
      if (!(marks instanceof PDFArray) || marks.get(mcid) !== e.ref) wrong++;
    }
  }
  return wrong > 0 ? [`parent tree: ${wrong} MCIDs do not point at the element that owns them`] : [];
}

const PAINT = new Set(['Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'BI']);
/** Content tokens: hex and literal strings (without nested parentheses, which Chromium does not write), names, words. */
const TOKEN = /<<|>>|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\()])*\)|\[|\]|\/[^\s/[\]()<>{}%]*|[^\s/[\]()<>{}%]+/g;

/** Painting operators outside tagged content and artifacts (01-005), and marked content in the wrong place (01-003, 01-004). */
function contentFindings(doc: PDFDocument): string[] {
  let bare = 0;
  let nesting = 0;
  for (const page of doc.getPages()) {
    const streams = page.node.Contents();
    const list = streams instanceof PDFArray ? streams.asArray().map((r) => doc.context.lookup(r)) : [streams];
    const text = list.map((st) => Buffer.from(decodePDFRawStream(st as PDFRawStream).decode()).toString('latin1')).join('\n');
    const stack: ('tagged' | 'artifact' | 'other')[] = [];
    let operands: string[] = [];
    for (const [token] of text.matchAll(TOKEN)) {
      if (!/^[A-Za-z'"*]+$/.test(token) || ['true', 'false', 'null'].includes(token)) {
        operands.push(token);
        continue;
      }
      const state = stack.findLast((s) => s !== 'other');
      if (token === 'BMC' || token === 'BDC') {
        const kind = operands[0] === '/Artifact' ? 'artifact' : operands.join(' ').includes('/MCID') ? 'tagged' : 'other';
        if ((kind === 'tagged' && state === 'artifact') || (kind === 'artifact' && state === 'tagged')) nesting++;
        stack.push(kind);
      } else if (token === 'EMC') stack.pop();
      else if (PAINT.has(token) && state === undefined) bare++;
      operands = [];
    }
  }
  return [
    ...(bare > 0 ? [`01-005 ${bare} painting operators are neither tagged nor artifacts`] : []),
    ...(nesting > 0 ? [`01-003/01-004 ${nesting} tagged and artifact sequences inside each other`] : []),
  ];
}

/** Every link annotation has a description (28-012) and a page with annotations visits them in structure order (28-008). */
function annotationFindings(doc: PDFDocument): string[] {
  const findings = new Set<string>();
  for (const [i, page] of doc.getPages().entries()) {
    const annots = page.node.lookupMaybe(N('Annots'), PDFArray)?.asArray() ?? [];
    if (annots.length > 0 && page.node.get(N('Tabs')) !== N('S')) findings.add(`28-008 page ${i + 1} has annotations but no /Tabs /S`);
    for (const ref of annots) {
      const annot = doc.context.lookup(ref);
      if (annot instanceof PDFDict && annot.get(N('Subtype')) === N('Link') && !text(annot.get(N('Contents'))))
        findings.add('28-012 a link annotation has no /Contents');
    }
  }
  return [...findings];
}

export interface Findings {
  findings: string[];
  /** Whether every page has /StructParents, i.e. is in the structure tree. */
  fullyTagged: boolean;
  elems: Elem[];
}

export async function pdfuaFindings(fil: string): Promise<Findings> {
  const doc = await PDFDocument.load(readFileSync(fil), { updateMetadata: false });
  const elems = flatten(structTree(doc));
  const fullyTagged = doc.getPages().every((p) => p.node.has(N('StructParents')));
  const findings = [
    ...catalogFindings(doc),
    ...xmpFindings(doc),
    ...roleFindings(doc, elems),
    ...listFindings(elems),
    ...headingFindings(elems),
    ...parentTreeFindings(doc, elems),
    ...contentFindings(doc),
    ...annotationFindings(doc),
  ];
  return { findings, fullyTagged, elems };
}

/** The text of every Lbl, as poppler reads the structure tree (`pdfinfo -struct-text`). */
export function lblTexts(fil: string): string[] {
  const lines = spawnSync('pdfinfo', ['-struct-text', fil], { encoding: 'utf8' }).stdout.split('\n');
  return lines.flatMap((line, i) => (/^\s*Lbl\b/.test(line) ? [/^\s*"(.*)"$/.exec(lines[i + 1] ?? '')?.[1] ?? ''] : []));
}
