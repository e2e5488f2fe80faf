import { basename, join, relative } from 'node:path';
import type { PDFDocument } from 'pdf-lib';
import type { BuiltDocument } from '../domain/documents.js';
import { frase } from '../domain/sprak.js';
import type { Mote } from '../domain/types.js';
import { type FinishedPdf, finishPdfRead, type Metadata } from '../pipeline/assemble/pdf.js';
import { harUnntak, offentligVersjon } from '../pipeline/model/offentlig.js';
import { langDato } from '../pipeline/model/tid.js';
import { calendarFiles } from '../pipeline/render/kalender.js';
import { listNumbering } from '../pipeline/render/lister.js';
import { withoutPageNumbers } from '../pipeline/render/sidetall.js';
import { renderMarkdownAhead } from '../pipeline/render/views.js';
import { type Plan, planDocuments } from './plan.js';
import { BundleParts, buildSaksdokumenter } from './saksdokumenter.js';
import { frameVedlegg, numberPages } from './sidetall.js';
import { allowedFiles, type BuildTools, getOrMake, loadedFiles, overskrifter, type Printer, printerFor } from './tools.js';

interface Printed {
  plan: Plan;
  done: FinishedPdf;
  /** What the bundle is composed of: the document without page numbers (the bundle numbers its own). */
  del: FinishedPdf;
  fraBuffer: boolean;
  html?: string;
}

/** A meeting's finished files, not yet written, and what to report about them. */
export interface DocumentSet {
  filer: Map<string, Uint8Array | string>;
  dokumenter: BuiltDocument[];
}

/**
 * Prints one set of a meeting's documents into `mappe`, and composes its saksdokumenter.
 * Documents found in `gjenbruk` (by file name, for the public set) are taken from the members'
 * set instead of being printed again.
 */
/** The metadata of the meeting's PDFs (title, author, subject, date, language), given each document's title. */
function pdfMetadata(mote: Mote): (tittel: string) => Metadata {
  return (tittel) => ({
    tittel,
    forfatter: mote.organisasjon.navn,
    emne: `${mote.utvalg.navn}, møte ${mote.dato}`,
    dato: new Date(`${mote.dato}T00:00:00Z`),
    sprak: mote.fraser.pdf_lang,
  });
}

/**
 * One document of the meeting, printed (or from the cache) and finished; a part of the bundle is
 * handed to `parts` as it will be joined (before its page numbers).
 */
async function makeDocument(plan: Plan, tools: BuildTools, write: Printer, parts: BundleParts, meta: Metadata): Promise<Printed> {
  const { maler, buffer } = tools;
  const html = maler.render(plan.mal, plan.data);
  const key = buffer.key(
    'dokument',
    html,
    JSON.stringify(meta),
    ...loadedFiles(buffer, html),
    ...plan.vedlegg.map((v) => `${v.tittel}\u0000${v.ikkeTagget}\u0000${buffer.fileHash(v.fil)}`),
  );
  // A document in the bundle or with attachments counts pages Chromium did not print: it is numbered afterwards (sidetall.ts).
  const etterpa = Boolean(plan.innhold) || plan.vedlegg.length > 0;
  const trykk = etterpa ? withoutPageNumbers(html) : html;
  // What was printed now is numbered as it was read, not read again from its bytes.
  let lest: PDFDocument | undefined;
  const trykt = await getOrMake(tools, key, async () => {
    const ferdig = await finishPdfRead(await write(trykk), meta, plan.vedlegg, overskrifter(html), listNumbering(trykk));
    if (etterpa) lest = ferdig.doc;
    return ferdig.ferdig;
  });
  const del = etterpa ? await frameVedlegg(tools, write, html, trykt) : trykt;
  if (plan.innhold) parts.add(plan, del.ferdig.bytes);
  const laget = etterpa ? await numberPages(tools, write, html, del, del === trykt ? lest : undefined) : trykt;
  return { plan, done: laget.ferdig, del: del.ferdig, fraBuffer: laget.fraBuffer, html };
}

async function buildDocumentSet(
  mote: Mote,
  planer: Plan[],
  folder: string,
  tools: BuildTools,
  gjenbruk = new Map<string, Printed>(),
): Promise<DocumentSet & { trykte: Printed[] }> {
  const { maler, options } = tools;
  const metadata = pdfMetadata(mote);
  const sett: DocumentSet = { filer: new Map(), dokumenter: [] };
  const done = (file: string, bytes: Uint8Array, pages: number, fraBuffer: boolean, html?: string) => {
    sett.filer.set(file, bytes);
    if (options.html && html) sett.filer.set(file.replace(/\.pdf$/, '.html'), html);
    sett.dokumenter.push({ mote: mote.mappe, fil: file, sider: pages, fraBuffer });
  };
  const parts = new BundleParts();
  const write = parts.watching(printerFor(tools, allowedFiles([mote], maler)));
  const trykte = await Promise.all(
    planer.map(async (plan): Promise<Printed> => {
      const tidligere = plan.likeOffentlig ? gjenbruk.get(basename(plan.file)) : undefined;
      if (tidligere) {
        done(plan.file, tidligere.done.bytes, tidligere.done.sider, tidligere.fraBuffer, tidligere.html);
        return { ...tidligere, plan };
      }
      const made = await makeDocument(plan, tools, write, parts, metadata(plan.data.tittel));
      done(plan.file, made.done.bytes, made.done.sider, made.fraBuffer, made.html);
      return made;
    }),
  );
  const deler = trykte.filter((t) => t.plan.innhold).map((t) => ({ plan: t.plan, ferdig: t.del }));
  const samlet = await buildSaksdokumenter(
    mote,
    deler,
    tools,
    write,
    metadata(frase(mote.fraser, 'saksdokumenter.tittel', { utvalg: mote.utvalg.navn, dato: langDato(mote.dato) })),
    parts,
  );
  done(join(folder, 'saksdokumenter.pdf'), samlet.ferdig.bytes, samlet.ferdig.sider, samlet.fraBuffer);
  return { ...sett, trykte };
}

/**
 * The members' documents in <ut>/<møte>/, and the public versions in <ut>/<møte>/offentlig/ with
 * the same file names (when nothing in the meeting is exempt, the public files are the members'),
 * and a calendar file for each. A meeting cancelled before its innkalling went out has no
 * documents, only the calendar files that say it is cancelled; a cancelled meeting that was sent
 * keeps its documents as sent (records), and its calendar files say it is cancelled.
 */
export async function buildMote(mote: Mote, tools: BuildTools, outDir: string): Promise<DocumentSet> {
  const aldriSendt = mote.avlyst !== undefined && mote.utsendelser.length === 0;
  const sett = aldriSendt ? { filer: new Map(), dokumenter: [] } : await buildDocuments(mote, tools, outDir);
  for (const [file, ics] of calendarFiles(mote, join(outDir, mote.mappe))) sett.filer.set(file, ics);
  return sett;
}

async function buildDocuments(mote: Mote, tools: BuildTools, outDir: string): Promise<DocumentSet> {
  const folder = join(outDir, mote.mappe);
  await renderMarkdownAhead(mote);
  const intern = await buildDocumentSet(mote, planDocuments(mote, folder), folder, tools);
  const offentligFolder = join(folder, 'offentlig');
  const tilOffentlig = (file: string) => join(offentligFolder, relative(folder, file));
  if (!harUnntak(mote)) {
    for (const [file, data] of [...intern.filer]) intern.filer.set(tilOffentlig(file), data);
    for (const d of [...intern.dokumenter]) intern.dokumenter.push({ ...d, fil: tilOffentlig(d.fil) });
    return intern;
  }
  const saksfremlegg = new Set(intern.trykte.filter((t) => t.plan.mal === 'vedlegg').map((t) => basename(t.plan.file)));
  const gjenbruk = new Map(intern.trykte.map((t) => [basename(t.plan.file), t]));
  const offentlig = offentligVersjon(mote);
  const apent = await buildDocumentSet(
    offentlig,
    planDocuments(offentlig, offentligFolder, saksfremlegg),
    offentligFolder,
    tools,
    gjenbruk,
  );
  return { filer: new Map([...intern.filer, ...apent.filer]), dokumenter: [...intern.dokumenter, ...apent.dokumenter] };
}
