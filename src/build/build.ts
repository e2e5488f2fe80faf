import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DocumentCache, toolFingerprint } from '../cache/document-cache.js';
import type { Inputs } from '../cache/register.js';
import { SourceCache } from '../cache/source-cache.js';
import type { Diagnostic } from '../domain/diagnostics.js';
import type { BuildOptions, BuildResult, BuiltDocument } from '../domain/documents.js';
import { type Mote, withDeler } from '../domain/types.js';
import { VedleggError } from '../pipeline/assemble/pdf.js';
import { useSourceStore } from '../pipeline/load/source-store.js';
import { findPrinter } from '../pipeline/print/chromium.mjs';
import type { PdfBrowser } from '../pipeline/print/pdf-browser.js';
import { useMarkdownStore } from '../pipeline/render/markdown.js';
import { pruneOutputs, writeAll } from '../pipeline/write/atomic.js';
import { takeLock } from '../pipeline/write/lock.js';
import { FONT_DIR } from '../util/package.js';
import { recordGodkjentReferat } from './godkjenning.js';
import { type LoadResult, loadMoter } from './load.js';
import type { DocumentSet } from './mote.js';
import { buildMote } from './mote.js';
import { releasePrinter, startPrinter } from './printer.js';
import type { BuildTools } from './tools.js';
import { describeRun, type Register } from './unchanged.js';
import { buildVedtakslister, findVedtaksar } from './vedtakslister.js';

export type { BuildOptions, BuiltDocument } from '../domain/documents.js';
export { type BuildSummary, unchangedSinceLast } from './unchanged.js';

/** A meeting's key: everything its documents are made from, short of the tool itself (which is in every cache key). */
function moteKey(mote: Mote, tools: BuildTools, inndata: Inputs): string {
  const files = Object.entries(inndata)
    .filter(([file]) => file.startsWith(mote.dir + '/'))
    .map(([file, a]) => `${file}\u0000${a.sha256}`);
  // Attachments by their contents also where the folder walk does not go (hidden folders, links).
  for (const vedlegg of withDeler(mote.vedlegg.map((v) => v.vedlegg)))
    if (vedlegg.file && existsSync(vedlegg.file)) files.push(`${vedlegg.file}\u0000${tools.buffer.fileHash(vedlegg.file)}`);
  const logo = mote.organisasjon.logo ? resolve(dirname(mote.organisasjon.file), mote.organisasjon.logo) : undefined;
  if (logo && existsSync(logo)) files.push(`${logo}\u0000${tools.buffer.fileHash(logo)}`);
  const modell = JSON.stringify(mote, (_, value: unknown) => (value instanceof Map || value instanceof Set ? [...value] : value));
  return tools.buffer.key('møte', modell, String(tools.options.html ?? false), ...files);
}

/** Files outside the project folders that the documents show: the logo and the organisation's own templates. */
function extraFiles(loaded: LoadResult): string[] {
  const org = loaded.organisasjon;
  if (!org) return [];
  return [org.logo, org.maler].filter((f): f is string => !!f).map((f) => resolve(dirname(org.file), f));
}

/**
 * `motedok build`: validates, then prints every document of every meeting asked for. Nothing is
 * written unless everything of a meeting was made; then each file is replaced atomically.
 * A meeting made from the same inputs as last time, with its files untouched, is not made again.
 */
export async function buildMoter(
  paths: readonly string[] = [],
  options: BuildOptions = {},
  /** A browser already starting (printer.ts); the build uses it, and closes it when done. */
  started?: Promise<PdfBrowser>,
): Promise<BuildResult> {
  const run = describeRun(paths, options);
  const { ut, register } = run;
  // Read before loading: a file saved while this build runs must count as changed next time.
  const previous = register.previousRun(run.foresporsel);
  const inndata = register.inndata(run.stier(previous?.resultat.ekstra ?? []));
  // When something changed, something will most likely be printed: start the browser now, while
  // the meetings load (or use the one the command line started before loading this module).
  let browser: Promise<PdfBrowser> | undefined = started;
  const startNettleser = () => {
    browser ??= startPrinter();
    return browser;
  };
  if (!options.force && !register.matchingRun(run.foresporsel, run.nokkel, inndata)) startNettleser();
  let frigi: (() => void) | undefined;
  // The Markdown files read by the last build, by their text: unchanged ones are not parsed again.
  const sources = options.force ? undefined : new SourceCache(join(ut, '.hurtigbuffer'));
  useSourceStore(sources);
  try {
    const loaded = await loadMoter(paths, options);
    useSourceStore(undefined);
    const diagnostics = [...loaded.diagnostics];
    const feilet = (): BuildResult => ({ moter: loaded.moter, alleMoter: loaded.alleMoter, dokumenter: [], diagnostics });
    if (diagnostics.some((d) => d.severity === 'feil')) return feilet();
    // loadMeetings compiled the templates; without them it reported why, as an error.
    const { maler } = loaded;
    if (!maler) return feilet();
    // One build at a time per output folder: two would replace and clean away each other's files.
    frigi = takeLock(ut);
    const tools: BuildTools = {
      maler,
      buffer: new DocumentCache(join(ut, '.hurtigbuffer'), toolFingerprint(maler.innhold, FONT_DIR, findPrinter()?.path), options.force),
      nettleser: startNettleser,
      options,
    };
    useMarkdownStore(tools.buffer.markdown);
    const { dokumenter, filer: files } = await buildAll(loaded, tools, register, inndata, diagnostics);
    // Room for every text of every meeting of the projects (a sak has a body, a proposal, a description …), not for every version of them.
    tools.buffer.saveMarkdown(200 + 4 * loaded.alleMoter.reduce((n, m) => n + m.saker.length, 0));
    if (!diagnostics.some((d) => d.severity === 'feil'))
      recordRun(run, loaded, tools, { dokumenter, filer: files, inndata, diagnostics }, sources);
    return { moter: loaded.moter, alleMoter: loaded.alleMoter, dokumenter, diagnostics };
  } finally {
    useSourceStore(undefined);
    useMarkdownStore(undefined);
    await releasePrinter(browser);
    frigi?.();
  }
}

/**
 * After a run without errors: what it read and wrote is recorded, so the next run can skip what is
 * unchanged. Only a successful run is recorded: a failed one leaves everything in the output folder as it was.
 */
function recordRun(
  run: ReturnType<typeof describeRun>,
  loaded: LoadResult,
  tools: BuildTools,
  made: { dokumenter: BuiltDocument[]; filer: string[]; inndata: Inputs; diagnostics: Diagnostic[] },
  sources: SourceCache | undefined,
): void {
  const { register } = run;
  const { options } = tools;
  const { dokumenter, filer: files, inndata, diagnostics } = made;
  // Like the register: a failed run (a damaged attachment) leaves it as it was.
  sources?.save();
  const outDir = resolve(options.cwd ?? process.cwd(), options.out ?? 'output');
  for (const mote of loaded.moter) recordGodkjentReferat(mote, outDir);
  const ekstra = extraFiles(loaded);
  register.rememberRun(run.foresporsel, run.nokkel, { ...inndata, ...register.inndata(ekstra) }, files, {
    moter: loaded.moter.length,
    dokumenter: dokumenter.map((d) => ({ ...d, fraBuffer: true })),
    diagnostics,
    ekstra,
  });
  if (run.alleMoter) tools.buffer.prune(new Set([...tools.buffer.brukt, ...register.usedKeys()]));
  register.save();
}

/** A meeting, or a year's vedtakslister: its files, made from its key unless the last build made them from the same key. */
interface Job {
  name: string;
  key: string;
  make: () => Promise<DocumentSet>;
}

/**
 * How many meetings are made at once: while one meeting's saksdokumenter are composed, and its
 * files written (work for Node alone), the next one's documents keep the browser's tabs busy.
 */
const MEETINGS_AT_ONCE = 2;

/**
 * Every meeting asked for, then the vedtakslister. Each meeting's files are written as soon as
 * all of them are made, in order. A meeting (or a year's vedtakslister) whose key matches its last build,
 * with the files it wrote untouched, is taken as it is: nothing is rendered or read for it.
 */
async function buildAll(
  loaded: LoadResult,
  tools: BuildTools,
  register: Register,
  inndata: Inputs,
  diagnostics: Diagnostic[],
): Promise<{ dokumenter: BuiltDocument[]; filer: string[] }> {
  const { options } = tools;
  const outDir = resolve(options.cwd ?? process.cwd(), options.out ?? 'output');
  const dokumenter: BuiltDocument[] = [];
  const files: string[] = [];
  const skipped: Diagnostic[] = [];
  const jobs = planJobs(loaded, tools, inndata, skipped);
  const previousBuilds = jobs.map((job) => (options.force ? undefined : register.mote(job.name, job.key)));
  const made = startJobs(
    jobs,
    jobs.flatMap((_, i) => (previousBuilds[i] ? [] : [i])),
    tools,
  );
  for (const [i, job] of jobs.entries()) {
    const previous = previousBuilds[i];
    if (previous) {
      dokumenter.push(...previous.dokumenter.map((d) => ({ ...d, fraBuffer: true })));
      files.push(...Object.keys(previous.utdata));
      continue;
    }
    let laget: { result: DocumentSet; keys: string[] };
    try {
      laget = await made(i);
    } catch (error) {
      if (!(error instanceof VedleggError)) throw error;
      diagnostics.push({ severity: 'feil', file: error.file, message: error.message });
      continue;
    }
    const { filer, dokumenter: docs } = laget.result;
    const skrevet = await writeAll(filer);
    pruneOutputs(outDir, register.previousOutputs(job.name), new Set(filer.keys()));
    for (const dokument of docs) if (skrevet.has(dokument.fil)) options.underveis?.(dokument);
    dokumenter.push(...docs);
    files.push(...filer.keys());
    register.remember(job.name, job.key, docs, filer.keys(), laget.keys);
  }
  diagnostics.push(...skipped);
  return { dokumenter, filer: files };
}

/** The meetings asked for, then each committee year's vedtakslister (a year with errors gets a warning in `skipped` instead). */
function planJobs(loaded: LoadResult, tools: BuildTools, inndata: Inputs, skipped: Diagnostic[]): Job[] {
  const outDir = resolve(tools.options.cwd ?? process.cwd(), tools.options.out ?? 'output');
  const keys = new Map(loaded.alleMoter.map((m) => [m, moteKey(m, tools, inndata)]));
  const jobs: Job[] = loaded.moter.map((mote, i) => ({
    name: mote.mappe,
    key: keys.get(mote)!,
    make: () => buildMote(mote, { ...tools, prioritet: i }, outDir),
  }));
  for (const ar of findVedtaksar(loaded)) {
    if (loaded.arWithErrors.has(ar.navn)) {
      // A meeting of the year with errors may have saker missing or numbered wrong: no list rather than a wrong one.
      const { organisasjon, utvalg } = ar.moter[0]!;
      skipped.push({
        severity: 'advarsel',
        file: organisasjon.file,
        message: `vedtakslisten ${ar.navn}-vedtak.pdf ble ikke laget fordi et møte i ${utvalg.kortnavn} ${ar.navn.slice(-4)} har feil; kjør «motedok check» for hele cases/.`,
      });
      continue;
    }
    const key = tools.buffer.key('vedtaksliste', ...ar.moter.map((m) => keys.get(m)!));
    const prioritet = jobs.length;
    jobs.push({ name: `${ar.navn}-vedtak`, key, make: () => buildVedtakslister(ar, { ...tools, prioritet }, outDir) });
  }
  return jobs;
}

/**
 * `made(i)`: job i's files, once made. Asking for job i starts it and the jobs after it in
 * `toMake`, MEETINGS_AT_ONCE in all.
 */
function startJobs(
  jobs: readonly Job[],
  /** The jobs to be made, by index, in order. */
  toMake: readonly number[],
  tools: BuildTools,
): (i: number) => Promise<{ result: DocumentSet; keys: string[] }> {
  const started = new Map<number, Promise<{ result: DocumentSet; keys: string[] }>>();
  return (i) => {
    const at = toMake.indexOf(i);
    for (const j of toMake.slice(at, at + MEETINGS_AT_ONCE)) {
      if (started.has(j)) continue;
      const making = tools.buffer.tracked(jobs[j]!.make);
      // A later meeting may fail while an earlier one is being written; it is reported when its turn comes.
      making.catch(() => undefined);
      started.set(j, making);
    }
    return started.get(i)!;
  };
}
