import { PDFArray, PDFDict, type PDFDocument, PDFName, type PDFObject, PDFRef, PDFStream } from 'pdf-lib';
import { visitDirectAnyOrder } from './canonical.js';

/**
 * Stamping (sidetall.ts) adds a few objects to a finished document and changes its pages: the
 * stamped file is the finished file's bytes as they are, with an incremental update after them
 * (ISO 32000-1, 7.5.6) holding only what is new or changed. Writing the whole document again
 * was half of what stamping cost.
 *
 * What stamping may change is the pages and what they hold near them: their /Contents array,
 * /Resources and the dictionaries in it, /Annots and the annotations, and the page tree above
 * them (an inherited /Resources). Those objects are written down before the change and compared
 * after; what else changed would be lost, so that is checked too: every dictionary and array
 * changed while watching must belong to one of them, or the document is written whole.
 */

type Container = PDFDict | PDFArray;
type Context = PDFDocument['context'];

/** The objects stamping may change, by reference: those that are not streams, as they were written. */
export interface Watched {
  before: Map<PDFRef, string>;
  /** The largest object number before: higher numbers are new. */
  largest: number;
  /** Dictionaries and arrays inside the watched objects (direct ones), and the object each is in. */
  owner: Map<Container, PDFRef>;
  /** Every dictionary and array of the document changed meanwhile. */
  changed: Set<Container>;
  stop: () => void;
}

const N = (name: string) => PDFName.of(name);

function directContainers(value: PDFObject, ref: PDFRef, owner: Map<Container, PDFRef>): void {
  if (value instanceof PDFStream) directContainers(value.dict, ref, owner);
  else if (value instanceof PDFDict) {
    owner.set(value, ref);
    for (const [, v] of value.entries()) directContainers(v, ref, owner);
  } else if (value instanceof PDFArray) {
    owner.set(value, ref);
    for (const v of value.asArray()) directContainers(v, ref, owner);
  }
}

/** The references in an object, not following them. */
function refsIn(value: PDFObject, out: PDFRef[]): void {
  visitDirectAnyOrder(value, (v) => {
    if (v instanceof PDFRef) out.push(v);
  });
}

/** Pages, the page tree above them, and what they refer to, two references deep; no streams. */
function candidates(doc: PDFDocument): PDFRef[] {
  const found = new Set<PDFRef>();
  const pages: PDFRef[] = [];
  doc.catalog.Pages().traverse((_, ref) => pages.push(ref));
  const root = doc.catalog.get(N('Pages'));
  if (root instanceof PDFRef) pages.push(root);
  let level = pages;
  for (let depth = 0; depth <= 2 && level.length > 0; depth++) {
    const next: PDFRef[] = [];
    for (const ref of level) {
      if (found.has(ref)) continue;
      const object = doc.context.lookup(ref);
      if (!object || object instanceof PDFStream) continue;
      found.add(ref);
      if (ref === root || depth < 2) refsIn(object, next);
    }
    level = next;
  }
  return [...found];
}

const MUTATORS: [typeof PDFDict | typeof PDFArray, string[]][] = [
  [PDFDict, ['set', 'delete']],
  [PDFArray, ['push', 'insert', 'set', 'remove']],
];
/** The documents being watched, by their context: what changes in one is told to its watch. */
const watching = new Map<Context, Set<Container>>();

function hookMutators(): void {
  for (const [type, names] of MUTATORS) {
    const proto = type.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of names) {
      const original = proto[name]!;
      proto[name] = function (this: Container, ...args: unknown[]) {
        // PDFArray's context is private in pdf-lib's types, not in its objects.
        if (watching.size > 0) watching.get((this as unknown as { context: Context }).context)?.add(this);
        return original.apply(this, args);
      };
    }
  }
}
let hooked = false;

/** Starts watching what stamping changes. */
export function watchChanges(doc: PDFDocument): Watched {
  if (!hooked) {
    hookMutators();
    hooked = true;
  }
  const before = new Map<PDFRef, string>();
  const owner = new Map<Container, PDFRef>();
  for (const ref of candidates(doc)) {
    const object = doc.context.lookup(ref)!;
    before.set(ref, object.toString());
    directContainers(object, ref, owner);
  }
  const changed = new Set<Container>();
  // One watch per document at a time: a second would not see what the first is told.
  if (watching.has(doc.context)) throw new Error('watchChanges: the document is watched already');
  watching.set(doc.context, changed);
  return { before, largest: doc.context.largestObjectNumber, owner, changed, stop: () => watching.delete(doc.context) };
}

/** Where the last cross-reference section starts, from the file's `startxref`. */
function lastXref(bytes: Uint8Array): number | undefined {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 64))).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  return match ? Number(match[1]) : undefined;
}

/**
 * The objects to write after `bytes`: the new ones and the changed ones, by number; undefined
 * when something changed that was not watched (the document must be written whole).
 */
function updated(doc: PDFDocument, watched: Watched): PDFRef[] | undefined {
  const { context } = doc;
  const refs: PDFRef[] = [];
  // Where each changed dictionary or array is now, or was: in a watched object or a new one.
  const owner = new Map(watched.owner);
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    const was = watched.before.get(ref);
    if (ref.objectNumber > watched.largest) {
      refs.push(ref);
      directContainers(object, ref, owner);
    } else if (was !== undefined) {
      if (was !== object.toString()) refs.push(ref);
      directContainers(object, ref, owner);
    }
  }
  // Anything else changed may be in an object not watched, which would be written as it was.
  for (const container of watched.changed) if (!owner.has(container)) return undefined;
  return refs.sort((a, b) => a.objectNumber - b.objectNumber);
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** One cross-reference subsection per run of consecutive object numbers. */
function xrefTable(entries: { ref: PDFRef; offset: number }[]): string {
  let text = 'xref\n';
  for (let i = 0; i < entries.length; ) {
    let j = i;
    while (j + 1 < entries.length && entries[j + 1]!.ref.objectNumber === entries[j]!.ref.objectNumber + 1) j++;
    text += `${entries[i]!.ref.objectNumber} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const { ref, offset } = entries[k]!;
      text += `${String(offset).padStart(10, '0')} ${String(ref.generationNumber).padStart(5, '0')} n \n`;
    }
    i = j + 1;
  }
  return text;
}

/**
 * `bytes` (the document as it was when watching started) with what changed since appended as
 * an incremental update; undefined when that cannot be done safely, and the caller saves whole.
 */
export async function saveIncrement(doc: PDFDocument, bytes: Uint8Array, watched: Watched): Promise<Uint8Array | undefined> {
  watched.stop();
  await doc.flush();
  const prev = lastXref(bytes);
  const refs = prev === undefined ? undefined : updated(doc, watched);
  if (!refs) return undefined;
  const chunks: Uint8Array[] = [bytes, latin1('\n')];
  let offset = bytes.length + 1;
  const entries: { ref: PDFRef; offset: number }[] = [];
  for (const ref of refs) {
    const object = doc.context.lookup(ref)!;
    const head = latin1(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    const body = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(body, 0);
    const foot = latin1('\nendobj\n\n');
    entries.push({ ref, offset });
    chunks.push(head, body, foot);
    offset += head.length + body.length + foot.length;
  }
  const { Root, Info } = doc.context.trailerInfo;
  const trailer =
    `trailer\n<<\n/Size ${doc.context.largestObjectNumber + 1}\n/Root ${Root}\n` +
    `${Info ? `/Info ${Info}\n` : ''}/Prev ${prev}\n>>\n\nstartxref\n${offset}\n%%EOF`;
  chunks.push(latin1(xrefTable(entries) + '\n' + trailer));
  return Buffer.concat(chunks);
}
