import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Dokumentbuffer, verktoygrunnlag } from '../cache/document-cache.js';
import type { Inndata } from '../cache/register.js';
import type { Diagnostic } from '../domain/diagnostics.js';
import type { BuildOptions, BuildResult, ByggetDokument } from '../domain/documents.js';
import type { Mote } from '../domain/types.js';
import { VedleggFeil } from '../pipeline/assemble/pdf.js';
import { finnChromium, Nettleser } from '../pipeline/print/browser.js';
import { fjernUtdaterte, skrivAlle } from '../pipeline/write/atomic.js';
import { taLas } from '../pipeline/write/lock.js';
import { FONTMAPPE } from '../util/package.js';
import { type LoadResult, loadMeetings } from './load.js';
import type { Sett } from './mote.js';
import { byggMote } from './mote.js';
import type { Verktoy } from './tools.js';
import { kjoring, type Register } from './unchanged.js';
import { vedtaksar, vedtakslister } from './vedtakslister.js';

export type { BuildOptions, ByggetDokument } from '../domain/documents.js';
export { type Byggesammendrag, uendretSidenSist } from './unchanged.js';

/** A meeting's key: everything its documents are made from, short of the tool itself (which is in every cache key). */
function moteNokkel(mote: Mote, verktoy: Verktoy, inndata: Inndata): string {
  const filer = Object.entries(inndata)
    .filter(([fil]) => fil.startsWith(mote.dir + '/'))
    .map(([fil, a]) => `${fil}\u0000${a.sha256}`);
  // Attachments by their contents also where the folder walk does not go (hidden folders, links).
  for (const { vedlegg } of mote.vedlegg)
    if (vedlegg.fil && existsSync(vedlegg.fil)) filer.push(`${vedlegg.fil}\u0000${verktoy.buffer.filHash(vedlegg.fil)}`);
  const logo = mote.organisasjon.logo ? resolve(dirname(mote.organisasjon.file), mote.organisasjon.logo) : undefined;
  if (logo && existsSync(logo)) filer.push(`${logo}\u0000${verktoy.buffer.filHash(logo)}`);
  const modell = JSON.stringify(mote, (_, verdi: unknown) => (verdi instanceof Map || verdi instanceof Set ? [...verdi] : verdi));
  return verktoy.buffer.nokkel('møte', modell, String(verktoy.options.html ?? false), ...filer);
}

/** Files outside the project folders that the documents show: the logo and the organisation's own templates. */
function ekstraFiler(loaded: LoadResult): string[] {
  const org = loaded.organisasjon;
  if (!org) return [];
  return [org.logo, org.maler].filter((f): f is string => !!f).map((f) => resolve(dirname(org.file), f));
}

/**
 * `motedok build`: validates, then prints every document of every meeting asked for. Nothing is
 * written unless everything of a meeting was made; then each file is replaced atomically.
 * A meeting made from the same inputs as last time, with its files untouched, is not made again.
 */
export async function buildMeetings(paths: readonly string[] = [], options: BuildOptions = {}): Promise<BuildResult> {
  const run = kjoring(paths, options);
  const { ut, register } = run;
  // Read before loading: a file saved while this build runs must count as changed next time.
  const forrige = register.forrigeKjoring(run.foresporsel);
  const inndata = register.inndata(run.stier(forrige?.resultat.ekstra ?? []));
  // When something changed, something will most likely be printed: start the browser now, while
  // the meetings load. One tab per core: printing is bound by the processor.
  let nettleser: Promise<Nettleser> | undefined;
  const startNettleser = () => {
    nettleser ??= Nettleser.start(Math.max(2, availableParallelism()));
    nettleser.catch(() => undefined);
    return nettleser;
  };
  if (!options.force && !register.kjoring(run.foresporsel, run.nokkel, inndata)) startNettleser();
  let frigi: (() => void) | undefined;
  try {
    const loaded = await loadMeetings(paths, options);
    const diagnostics = [...loaded.diagnostics];
    const feilet = (): BuildResult => ({ moter: loaded.moter, alleMoter: loaded.alleMoter, dokumenter: [], diagnostics });
    if (diagnostics.some((d) => d.severity === 'feil')) return feilet();
    // loadMeetings compiled the templates; without them it reported why, as an error.
    const { maler } = loaded;
    if (!maler) return feilet();
    // One build at a time per output folder: two would replace and clean away each other's files.
    frigi = taLas(ut);
    const verktoy: Verktoy = {
      maler,
      buffer: new Dokumentbuffer(join(ut, '.hurtigbuffer'), verktoygrunnlag(maler.innhold, FONTMAPPE, finnChromium()), options.force),
      nettleser: startNettleser,
      options,
    };
    const { dokumenter, filer } = await byggAlle(loaded, verktoy, register, inndata, diagnostics);
    if (!diagnostics.some((d) => d.severity === 'feil')) {
      const ekstra = ekstraFiler(loaded);
      register.huskKjoring(run.foresporsel, run.nokkel, { ...inndata, ...register.inndata(ekstra) }, filer, {
        moter: loaded.moter.length,
        dokumenter: dokumenter.map((d) => ({ ...d, fraBuffer: true })),
        diagnostics,
        ekstra,
      });
      if (run.alleMoter) verktoy.buffer.rydd(new Set([...verktoy.buffer.brukt, ...register.nokler()]));
      // Only a successful run is recorded: a failed one leaves everything in the output folder as it was.
      register.lagre();
    }
    return { moter: loaded.moter, alleMoter: loaded.alleMoter, dokumenter, diagnostics };
  } finally {
    if (nettleser) await (await nettleser.catch(() => undefined))?.close();
    frigi?.();
  }
}

/**
 * Every meeting asked for, then the vedtakslister. Each meeting's files are written as soon as
 * all of them are made. A meeting (or a year's vedtakslister) whose key matches its last build,
 * with the files it wrote untouched, is taken as it is: nothing is rendered or read for it.
 */
async function byggAlle(
  loaded: LoadResult,
  verktoy: Verktoy,
  register: Register,
  inndata: Inndata,
  diagnostics: Diagnostic[],
): Promise<{ dokumenter: ByggetDokument[]; filer: string[] }> {
  const { options, buffer } = verktoy;
  const ut = resolve(options.cwd ?? process.cwd(), options.out ?? 'output');
  const dokumenter: ByggetDokument[] = [];
  const filer: string[] = [];
  const gjenbrukEllerLag = async (navn: string, nokkel: string, lag: () => Promise<Sett>) => {
    const forrige = options.force ? undefined : register.mote(navn, nokkel);
    if (forrige) {
      dokumenter.push(...forrige.dokumenter.map((d) => ({ ...d, fraBuffer: true })));
      filer.push(...Object.keys(forrige.utdata));
      return;
    }
    const brukteFor = buffer.brukt.size;
    const laget = await lag();
    const skrevet = skrivAlle(laget.filer);
    fjernUtdaterte(ut, register.tidligereUtdata(navn), new Set(laget.filer.keys()));
    for (const dokument of laget.dokumenter) if (skrevet.has(dokument.fil)) options.underveis?.(dokument);
    dokumenter.push(...laget.dokumenter);
    filer.push(...laget.filer.keys());
    register.husk(navn, nokkel, laget.dokumenter, laget.filer.keys(), [...buffer.brukt].slice(brukteFor));
  };
  const nokler = new Map(loaded.alleMoter.map((m) => [m, moteNokkel(m, verktoy, inndata)]));
  for (const mote of loaded.moter) {
    try {
      await gjenbrukEllerLag(mote.mappe, nokler.get(mote)!, () => byggMote(mote, verktoy, ut));
    } catch (error) {
      if (!(error instanceof VedleggFeil)) throw error;
      diagnostics.push({ severity: 'feil', file: error.fil, message: error.message });
    }
  }
  for (const ar of vedtaksar(loaded)) {
    if (loaded.aarMedFeil.has(ar.navn)) {
      // A meeting of the year with errors may have saker missing or numbered wrong: no list rather than a wrong one.
      const { organisasjon, utvalg } = ar.moter[0]!;
      diagnostics.push({
        severity: 'advarsel',
        file: organisasjon.file,
        message: `vedtakslisten ${ar.navn}-vedtak.pdf ble ikke laget fordi et møte i ${utvalg.kortnavn} ${ar.navn.slice(-4)} har feil; kjør «motedok check» for hele cases/.`,
      });
      continue;
    }
    const nokkel = buffer.nokkel('vedtaksliste', ...ar.moter.map((m) => nokler.get(m)!));
    await gjenbrukEllerLag(`${ar.navn}-vedtak`, nokkel, () => vedtakslister(ar, verktoy, ut));
  }
  return { dokumenter, filer };
}
