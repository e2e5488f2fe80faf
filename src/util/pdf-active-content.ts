import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFObject, PDFRef, PDFStream, PDFString } from 'pdf-lib';
import { nameText } from './pdf-names.js';

/**
 * Active content in a PDF: what a reader runs, launches or opens by itself or on a click, rather
 * than shows. Attachments are written by others and published by us, so it is taken out of them
 * before their pages are appended; pages, text, images and ordinary links stay. The same function
 * runs in `check` (on a copy that is thrown away), so what check warns about is what build removes.
 * It lives in util/ because both load (check) and assemble (build) use it.
 */
export interface ActiveContent {
  kind: 'javascript-tree' | 'open-action' | 'additional-actions' | 'embedded-files' | 'xfa' | 'file-attachment' | 'action';
  /** What carries it. */
  on: 'document' | 'page' | 'link' | 'field' | 'annotation';
  /** 1-based page number; absent for the document. */
  page?: number;
  /** For `action`: the action type (Launch, JavaScript, GoToR, URI, SubmitForm …). */
  action?: string;
  /** For a URI action: the URI. */
  uri?: string;
  /** For a form field: its name, when it has one. */
  field?: string;
}

const N = (name: string) => PDFName.of(name);
/** Actions that only move within the document or open a web page or an e-mail (URI is checked on its own). */
const SAFE_ACTIONS = new Set(['GoTo', 'Named', 'URI']);
const SAFE_URI = /^(?:https?|mailto):/i;

function text(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

function lookupDict(doc: PDFDocument, value: PDFObject | undefined): PDFDict | undefined {
  const found = value instanceof PDFRef ? doc.context.lookup(value) : value;
  if (found instanceof PDFDict) return found;
  return found instanceof PDFStream ? found.dict : undefined;
}

function nameOf(dict: PDFDict, key: string): string | undefined {
  const value = dict.get(N(key));
  return value instanceof PDFName ? nameText(value) : undefined;
}

/** The first action in an action chain (`/Next` included) that is not safe, or undefined. */
function unsafeAction(
  doc: PDFDocument,
  value: PDFObject | undefined,
  seen = new Set<PDFDict>(),
): Pick<ActiveContent, 'action' | 'uri'> | undefined {
  const items = value instanceof PDFArray ? value.asArray() : [value];
  for (const item of items) {
    const action = lookupDict(doc, item);
    if (!action || seen.has(action)) continue;
    seen.add(action);
    const type = nameOf(action, 'S') ?? 'ukjent';
    if (action.has(N('JS'))) return { action: 'JavaScript' };
    if (!SAFE_ACTIONS.has(type)) return { action: type };
    const uri = type === 'URI' ? (text(action.lookup(N('URI'))) ?? '') : undefined;
    if (uri !== undefined && !SAFE_URI.test(uri.trim())) return { action: type, uri };
    const next = unsafeAction(doc, action.get(N('Next')), seen);
    if (next) return next;
  }
  return undefined;
}

function cleanCatalog(doc: PDFDocument, found: ActiveContent[]): void {
  const catalog = doc.catalog;
  const open = catalog.get(N('OpenAction'));
  if (open) {
    catalog.delete(N('OpenAction'));
    // A destination (open at page 1) is harmless and not worth a warning; an action is not.
    if (lookupDict(doc, open)) found.push({ kind: 'open-action', on: 'document' });
  }
  if (catalog.has(N('AA'))) {
    catalog.delete(N('AA'));
    found.push({ kind: 'additional-actions', on: 'document' });
  }
  const names = lookupDict(doc, catalog.get(N('Names')));
  for (const [key, kind] of [
    ['JavaScript', 'javascript-tree'],
    ['EmbeddedFiles', 'embedded-files'],
  ] as const) {
    if (names?.has(N(key))) {
      names.delete(N(key));
      found.push({ kind, on: 'document' });
    }
  }
  const form = lookupDict(doc, catalog.get(N('AcroForm')));
  if (form?.has(N('XFA'))) {
    form.delete(N('XFA'));
    found.push({ kind: 'xfa', on: 'document' });
  }
}

/** The full name of a form field (its `/T` and those of its parents, joined by dots). */
function fieldName(doc: PDFDocument, widget: PDFDict): string | undefined {
  const parts: string[] = [];
  let dict: PDFDict | undefined = widget;
  for (let depth = 0; dict && depth < 32; depth++) {
    const t = text(dict.lookup(N('T')));
    if (t) parts.unshift(t);
    dict = lookupDict(doc, dict.get(N('Parent')));
  }
  return parts.length > 0 ? parts.join('.') : undefined;
}

interface Where {
  doc: PDFDocument;
  page: number;
  found: ActiveContent[];
  /** Dictionaries already cleaned (a form field is the parent of several widgets). */
  seen: Set<PDFDict>;
}

/** Removes `/AA` and unsafe `/A` from one dictionary (an annotation or a form field). */
function cleanActions(dict: PDFDict, on: ActiveContent['on'], where: Where, field?: string): boolean {
  if (where.seen.has(dict)) return false;
  where.seen.add(dict);
  const base = { on, page: where.page, ...(field ? { field } : {}) };
  if (dict.has(N('AA'))) {
    dict.delete(N('AA'));
    where.found.push({ kind: 'additional-actions', ...base });
  }
  const unsafe = unsafeAction(where.doc, dict.get(N('A')));
  if (!unsafe) return false;
  dict.delete(N('A'));
  where.found.push({ kind: 'action', ...base, ...unsafe });
  return true;
}

/** Cleans one annotation; true when it is to be removed from the page altogether. */
function cleanAnnotation(annot: PDFDict, where: Where): boolean {
  const subtype = nameOf(annot, 'Subtype');
  if (subtype === 'FileAttachment') {
    where.found.push({ kind: 'file-attachment', on: 'annotation', page: where.page });
    return true;
  }
  if (subtype === 'Widget') {
    const field = fieldName(where.doc, annot);
    cleanActions(annot, 'field', where, field);
    let parent = lookupDict(where.doc, annot.get(N('Parent')));
    for (let depth = 0; parent && depth < 32; depth++) {
      cleanActions(parent, 'field', where, field);
      parent = lookupDict(where.doc, parent.get(N('Parent')));
    }
    return false;
  }
  // A link whose action was unsafe does nothing once the action is gone: the link goes too.
  return cleanActions(annot, subtype === 'Link' ? 'link' : 'annotation', where) && subtype === 'Link';
}

function cleanPage(page: PDFDict, where: Where): void {
  if (page.has(N('AA'))) {
    page.delete(N('AA'));
    where.found.push({ kind: 'additional-actions', on: 'page', page: where.page });
  }
  const value = page.get(N('Annots'));
  const annots = value instanceof PDFRef ? where.doc.context.lookup(value) : value;
  if (!(annots instanceof PDFArray)) return;
  // In page order, so the warnings follow the page; removed from the end, so the indices hold.
  const remove = annots.asArray().flatMap((value, i) => {
    const annot = lookupDict(where.doc, value);
    return annot && cleanAnnotation(annot, where) ? [i] : [];
  });
  for (const i of remove.reverse()) annots.remove(i);
}

/** Last line of defence: any `/AA`, `/JS` or unsafe `/A` left anywhere below the pages (in widgets not on a page, say). */
function cleanReachable(doc: PDFDocument, pages: PDFDict[], found: ActiveContent[]): void {
  const seen = new Set<PDFObject>();
  const stack: { value: PDFObject; page: number }[] = pages.map((value, i) => ({ value, page: i + 1 }));
  while (stack.length > 0) {
    const { value, page } = stack.pop()!;
    const object = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (!object || seen.has(object)) continue;
    seen.add(object);
    const dict = object instanceof PDFStream ? object.dict : object;
    if (dict instanceof PDFDict) {
      for (const key of ['AA', 'JS']) {
        if (dict.has(N(key))) {
          dict.delete(N(key));
          found.push({
            kind: key === 'AA' ? 'additional-actions' : 'action',
            on: 'annotation',
            page,
            ...(key === 'JS' ? { action: 'JavaScript' } : {}),
          });
        }
      }
      const unsafe = unsafeAction(doc, dict.get(N('A')));
      if (unsafe) {
        dict.delete(N('A'));
        found.push({ kind: 'action', on: 'annotation', page, ...unsafe });
      }
      for (const [, child] of dict.entries()) stack.push({ value: child, page });
    } else if (object instanceof PDFArray) {
      for (const child of object.asArray()) stack.push({ value: child, page });
    }
  }
}

/**
 * Removes active content from a document, in place, and returns what was removed: at document
 * level the `/JavaScript` and `/EmbeddedFiles` name trees, `/OpenAction`, `/AA` and XFA; on the
 * pages `/AA`, FileAttachment annotations, links whose action is not GoTo, a named action or a
 * http(s)/mailto URI, and `/AA` and such actions on form fields.
 */
export function removeActiveContent(doc: PDFDocument): ActiveContent[] {
  const found: ActiveContent[] = [];
  cleanCatalog(doc, found);
  const seen = new Set<PDFDict>();
  const pages = doc.getPages().map((page) => page.node);
  for (const [i, page] of pages.entries()) cleanPage(page, { doc, page: i + 1, found, seen });
  cleanReachable(doc, pages, found);
  return found;
}
