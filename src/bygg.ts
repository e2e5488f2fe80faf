import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMeetings, type LoadOptions, type LoadResult } from './api.js';
import { PDFDocument } from 'pdf-lib';
import { ferdigstill, lagre, rettTitler, VedleggFeil, type Ferdig, type Metadata } from './assemble/pdf.js';
import { lesBokmerker, samle, skrivBokmerker } from './assemble/samle.js';
import type { Diagnostic } from './diagnostics.js';
import { langDato, saksnummer } from './model/tid.js';
import { harUnntak, offentligVersjon } from './model/offentlig.js';
import type { Mote } from './model/types.js';
import { Dokumentbuffer, verktoygrunnlag } from './cache/dokumentbuffer.js';
import { finnChromium, Nettleser } from './print/nettleser.js';
import { FONTMAPPE, lastMaler, MalFeil, type Dokumentmal, type Maler } from './render/maler.js';
import { innkallingVisning, referatVisning, saksdokumenterVisning, sakslisteVisning, vedleggVisning, vedtakslisteVisning, type Innholdslinje } from './render/visning.js';
import { fjernUtdaterte, skrivAlle } from './write/atomisk.js';
import { taLas } from './write/las.js';

export interface BuildOptions extends LoadOptions {
  /** Output folder; `output/` under the working folder by default. */
  out?: string;
  /** Also write the HTML each PDF was printed from. */
  html?: boolean;
  /** Ignore the document cache (but fill it). */
  force?: boolean;
  /** Called for each document once it is written (not for files whose content did not change). */
  underveis?: (dokument: ByggetDokument) => void;
}

export interface ByggetDokument {
  mote: string;
  fil: string;
  sider: number;
  /** True when the PDF came from the cache: nothing it depends on changed since it was printed. */
  fraBuffer: boolean;
}

export interface BuildResult {
  moter: Mote[];
  /** Every meeting of the projects built from, for what spans them (the site's index). */
  alleMoter: Mote[];
  dokumenter: ByggetDokument[];
  diagnostics: Diagnostic[];
}

interface Plan {
  fil: string;
  mal: Dokumentmal;
  data: { tittel: string };
  emne: string;
  vedlegg: { tittel: string; fil: string }[];
  /** Its entry in saksdokumenter.pdf; undefined for documents that are not part of it. */
  innhold?: string;
  /** The same document in both versions: a case paper of a sak that is not exempt. */
  likeOffentlig: boolean;
}

/**
 * The documents of one meeting, into `mappe`: innkalling, saksliste, a case paper per sak that
 * has one (or, with `saksfremlegg`, per sak named there: the public version keeps every file
 * name, and an exempt sak's case paper says only that it is exempt), and the referat.
 */
function planlegg(mote: Mote, mappe: string, saksfremlegg?: ReadonlySet<string>): Plan[] {
  const emne = `${mote.utvalg.navn}, møte ${mote.dato}`;
  const planer: Plan[] = [
    { fil: join(mappe, 'innkalling.pdf'), mal: 'innkalling', data: innkallingVisning(mote), emne, vedlegg: [], innhold: 'Innkalling med saksliste og forslag til vedtak', likeOffentlig: false },
    { fil: join(mappe, 'saksliste.pdf'), mal: 'saksliste', data: sakslisteVisning(mote), emne, vedlegg: [], likeOffentlig: false },
  ];
  for (const sak of mote.saker) {
    const eksterne = sak.vedlegg.filter((v) => v.fil).map((v) => ({ tittel: v.tittel, fil: v.fil! }));
    if (!sak.nummer) continue;
    const navn = `sak-${saksnummer(sak.nummer).replace('.', '-')}.pdf`;
    if (saksfremlegg ? !saksfremlegg.has(navn) : !sak.harSaksfremlegg && eksterne.length === 0) continue;
    planer.push({
      fil: join(mappe, 'vedlegg', navn), mal: 'vedlegg', data: vedleggVisning(mote, sak), emne, vedlegg: eksterne,
      innhold: `Sak ${saksnummer(sak.nummer)} ${sak.tittel}`, likeOffentlig: !sak.unntattOffentlighet,
    });
  }
  if (mote.referat) planer.push({ fil: join(mappe, 'referat.pdf'), mal: 'referat', data: referatVisning(mote, mote.referat), emne, vedlegg: [], likeOffentlig: false });
  return planer;
}

type Skriver = (html: string) => Promise<Uint8Array>;

/** What building needs besides the meeting: the templates, the cache, and a browser started only when something must be printed. */
interface Verktoy {
  maler: Maler;
  buffer: Dokumentbuffer;
  nettleser: () => Promise<Nettleser>;
  options: BuildOptions;
}

function skriverFor(verktoy: Verktoy, tillatt: string[]): Skriver {
  return async (html) => (await verktoy.nettleser()).pdf({ html, tillatt });
}

/**
 * The files an HTML page loads (images, the logo) are named by path in it; their contents must
 * be part of the document's key too, or replacing an image would not re-print the document.
 */
function lastedeFiler(buffer: Dokumentbuffer, html: string): string[] {
  return [...html.matchAll(/\bsrc="(file:[^"]+)"/g)].map((m) => {
    const fil = fileURLToPath(dekodEntiteter(m[1]!));
    return `${fil}\u0000${existsSync(fil) ? buffer.filHash(fil) : 'mangler'}`;
  });
}

/** A finished document from the cache, or made by `lag` and stored. */
async function hentEllerLag(verktoy: Verktoy, nokkel: string, lag: () => Promise<Ferdig>): Promise<{ ferdig: Ferdig; fraBuffer: boolean }> {
  const lagret = verktoy.buffer.hent(nokkel);
  if (lagret) return { ferdig: lagret, fraBuffer: true };
  const ferdig = await lag();
  verktoy.buffer.lagre(nokkel, ferdig);
  return { ferdig, fraBuffer: false };
}

/** What a page may load: the meeting folders, the templates, the bundled fonts and the logo. */
function tillatteFiler(moter: readonly Mote[], maler: Maler): string[] {
  const { organisasjon } = moter[0]!;
  const logo = organisasjon.logo ? [resolve(dirname(organisasjon.file), organisasjon.logo)] : [];
  return [...new Set(moter.map((m) => m.dir)), ...maler.mapper, FONTMAPPE, ...logo];
}

const ENTITETER: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** HTML's character references, as Handlebars and rehype write them (`&amp;`, `&#x27;`, `&#x3D;` …). */
function dekodEntiteter(tekst: string): string {
  return tekst
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, des: string) => String.fromCodePoint(Number(des)))
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITETER[e]!);
}

/** The text of every heading in the HTML, in document order: the names of the PDF's bookmarks. */
function overskrifter(html: string): string[] {
  return [...html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => dekodEntiteter(m[2]!.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim());
}

/**
 * Everything the members read, in one file: a table of contents with page numbers, then the
 * innkalling and every case paper in agenda order, composed from the PDFs already printed.
 * The contents page is printed first with a guess of its own length, and again if it was wrong.
 */
async function saksdokumenter(mote: Mote, deler: { plan: Plan; ferdig: Ferdig }[], verktoy: Verktoy, skriv: Skriver, meta: Metadata): Promise<{ ferdig: Ferdig; fraBuffer: boolean }> {
  const { maler, buffer } = verktoy;
  const innhold = (forsideSider: number): Innholdslinje[] => {
    let side = forsideSider + 1;
    return deler.map(({ plan, ferdig }) => {
      const start = side;
      side += ferdig.sider;
      return { tittel: plan.innhold!, side: start, vedlegg: plan.vedlegg.map((v, i) => ({ tittel: v.tittel, side: start + ferdig.vedleggStart[i]! })) };
    });
  };
  const skrivForside = async (sider: number) => {
    const html = maler.render('saksdokumenter', saksdokumenterVisning(mote, innhold(sider)));
    const doc = await PDFDocument.load(await skriv(html), { updateMetadata: false });
    const bokmerker = lesBokmerker(doc);
    rettTitler(bokmerker, overskrifter(html));
    skrivBokmerker(doc, bokmerker);
    return doc;
  };
  const forsideHtml = maler.render('saksdokumenter', saksdokumenterVisning(mote, innhold(1)));
  const nokkel = buffer.nokkel('saksdokumenter', forsideHtml, JSON.stringify(meta), ...lastedeFiler(buffer, forsideHtml),
    ...deler.map(({ plan, ferdig }) => `${plan.innhold}\u0000${buffer.nokkel(ferdig.bytes)}`));
  return hentEllerLag(verktoy, nokkel, async () => {
    let base = await skrivForside(1);
    if (base.getPageCount() !== 1) base = await skrivForside(base.getPageCount());
    await samle(base, deler.map(({ plan, ferdig }) => ({ pdf: ferdig.bytes, bokmerke: plan.innhold! })));
    const sider = base.getPageCount();
    return { bytes: await lagre(base, meta), sider, vedleggStart: [] };
  });
}

interface Trykt {
  plan: Plan;
  ferdig: Ferdig;
  fraBuffer: boolean;
  html?: string;
}

interface Sett {
  filer: Map<string, Uint8Array | string>;
  dokumenter: ByggetDokument[];
  trykte: Trykt[];
}

/**
 * Prints one set of a meeting's documents into `mappe`, and composes its saksdokumenter.
 * Documents found in `gjenbruk` (by file name, for the public set) are taken from the members'
 * set instead of being printed again.
 */
async function byggSett(mote: Mote, planer: Plan[], mappe: string, verktoy: Verktoy, gjenbruk = new Map<string, Trykt>()): Promise<Sett> {
  const { maler, buffer, options } = verktoy;
  const metadata = (tittel: string): Metadata => ({
    tittel, forfatter: mote.organisasjon.navn, emne: `${mote.utvalg.navn}, møte ${mote.dato}`, dato: new Date(`${mote.dato}T00:00:00Z`), sprak: 'nb-NO',
  });
  const sett: Sett = { filer: new Map(), dokumenter: [], trykte: [] };
  const ferdig = (fil: string, bytes: Uint8Array, sider: number, fraBuffer: boolean, html?: string) => {
    sett.filer.set(fil, bytes);
    if (options.html && html) sett.filer.set(fil.replace(/\.pdf$/, '.html'), html);
    sett.dokumenter.push({ mote: mote.mappe, fil, sider, fraBuffer });
  };
  const skriv = skriverFor(verktoy, tillatteFiler([mote], maler));
  sett.trykte = await Promise.all(planer.map(async (plan): Promise<Trykt> => {
    const tidligere = plan.likeOffentlig ? gjenbruk.get(basename(plan.fil)) : undefined;
    if (tidligere) {
      ferdig(plan.fil, tidligere.ferdig.bytes, tidligere.ferdig.sider, tidligere.fraBuffer, tidligere.html);
      return { ...tidligere, plan };
    }
    const html = maler.render(plan.mal, plan.data);
    const meta = metadata(plan.data.tittel);
    const nokkel = buffer.nokkel('dokument', html, JSON.stringify(meta), ...lastedeFiler(buffer, html), ...plan.vedlegg.map((v) => `${v.tittel}\u0000${buffer.filHash(v.fil)}`));
    const laget = await hentEllerLag(verktoy, nokkel, async () => ferdigstill(await skriv(html), meta, plan.vedlegg, overskrifter(html)));
    ferdig(plan.fil, laget.ferdig.bytes, laget.ferdig.sider, laget.fraBuffer, html);
    return { plan, ferdig: laget.ferdig, fraBuffer: laget.fraBuffer, html };
  }));
  const deler = sett.trykte.filter((t) => t.plan.innhold);
  const samlet = await saksdokumenter(mote, deler, verktoy, skriv, metadata(`Saksdokumenter – møte i ${mote.utvalg.navn} ${langDato(mote.dato)}`));
  ferdig(join(mappe, 'saksdokumenter.pdf'), samlet.ferdig.bytes, samlet.ferdig.sider, samlet.fraBuffer);
  return sett;
}

/**
 * The members' documents in <ut>/<møte>/, and the public versions in <ut>/<møte>/offentlig/ with
 * the same file names. When nothing in the meeting is exempt, the public files are the members'.
 */
async function byggMote(mote: Mote, verktoy: Verktoy, ut: string): Promise<Sett> {
  const mappe = join(ut, mote.mappe);
  const intern = await byggSett(mote, planlegg(mote, mappe), mappe, verktoy);
  const offentligMappe = join(mappe, 'offentlig');
  const tilOffentlig = (fil: string) => join(offentligMappe, relative(mappe, fil));
  if (!harUnntak(mote)) {
    for (const [fil, data] of [...intern.filer]) intern.filer.set(tilOffentlig(fil), data);
    for (const d of [...intern.dokumenter]) intern.dokumenter.push({ ...d, fil: tilOffentlig(d.fil) });
    return intern;
  }
  const saksfremlegg = new Set(intern.trykte.filter((t) => t.plan.mal === 'vedlegg').map((t) => basename(t.plan.fil)));
  const gjenbruk = new Map(intern.trykte.map((t) => [basename(t.plan.fil), t]));
  const offentlig = offentligVersjon(mote);
  const apent = await byggSett(offentlig, planlegg(offentlig, offentligMappe, saksfremlegg), offentligMappe, verktoy, gjenbruk);
  return {
    filer: new Map([...intern.filer, ...apent.filer]),
    dokumenter: [...intern.dokumenter, ...apent.dokumenter],
    trykte: intern.trykte,
  };
}

/**
 * The vedtaksliste of every committee year the built meetings belong to, from all of that
 * year's meetings in cases/ (not only those built now), for the members and for the public.
 */
async function vedtakslister(loaded: LoadResult, verktoy: Verktoy, ut: string, diagnostics: Diagnostic[]): Promise<Omit<Sett, 'trykte'>> {
  const { maler, buffer } = verktoy;
  const filer = new Map<string, Uint8Array | string>();
  const dokumenter: ByggetDokument[] = [];
  const ar = new Map(loaded.moter.map((m) => [`${m.utvalg.key}-${m.dato.slice(0, 4)}`, m]));
  for (const [navn, eksempel] of ar) {
    const moter = loaded.alleMoter.filter((m) => m.utvalg.key === eksempel.utvalg.key && m.dato.slice(0, 4) === eksempel.dato.slice(0, 4));
    if (!moter.some((m) => m.referat)) continue;
    if (loaded.aarMedFeil.has(navn)) {
      // A meeting of the year with errors may have saker missing or numbered wrong: no list rather than a wrong one.
      diagnostics.push({ severity: 'advarsel', file: eksempel.organisasjon.file,
        message: `vedtakslisten ${navn}-vedtak.pdf ble ikke laget fordi et møte i ${eksempel.utvalg.kortnavn} ${navn.slice(-4)} har feil; kjør «motedok check» for hele cases/.` });
      continue;
    }
    // The public list holds only decisions from approved minutes, like the website.
    const offentlige = moter.filter((m) => m.referat?.status === 'godkjent').map(offentligVersjon);
    for (const [mappe, versjon] of [[ut, moter], [join(ut, 'offentlig'), offentlige]] as const) {
      if (!versjon.some((m) => m.referat)) continue;
      const data = vedtakslisteVisning(versjon, Number(eksempel.dato.slice(0, 4)));
      const html = maler.render('vedtaksliste', data);
      const skriv = skriverFor(verktoy, tillatteFiler(moter, maler));
      const meta: Metadata = { tittel: data.tittel, forfatter: eksempel.organisasjon.navn, dato: new Date(`${moter[moter.length - 1]!.dato}T00:00:00Z`), sprak: 'nb-NO' };
      const nokkel = buffer.nokkel('vedtaksliste', html, JSON.stringify(meta), ...lastedeFiler(buffer, html));
      const laget = await hentEllerLag(verktoy, nokkel, async () => ferdigstill(await skriv(html), meta, [], overskrifter(html)));
      const fil = join(mappe, `${navn}-vedtak.pdf`);
      filer.set(fil, laget.ferdig.bytes);
      dokumenter.push({ mote: navn, fil, sider: laget.ferdig.sider, fraBuffer: laget.fraBuffer });
    }
  }
  return { filer, dokumenter };
}

/**
 * `motedok build`: validates, then prints every document of every meeting asked for. Nothing is
 * written unless everything of a meeting was made; then each file is replaced atomically.
 */
export async function buildMeetings(paths: readonly string[] = [], options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = await loadMeetings(paths, options);
  const diagnostics = [...loaded.diagnostics];
  if (diagnostics.some((d) => d.severity === 'feil')) return { moter: loaded.moter, alleMoter: loaded.alleMoter, dokumenter: [], diagnostics };
  const ut = resolve(cwd, options.out ?? 'output');
  const egne = loaded.organisasjon?.maler ? resolve(dirname(loaded.organisasjon.file), loaded.organisasjon.maler) : undefined;
  if (egne && !existsSync(egne)) {
    diagnostics.push({ severity: 'feil', file: loaded.organisasjon!.file, message: `malmappen «${loaded.organisasjon!.maler}» finnes ikke.` });
    return { moter: loaded.moter, alleMoter: loaded.alleMoter, dokumenter: [], diagnostics };
  }
  let maler: Maler;
  try {
    maler = lastMaler(egne);
  } catch (error) {
    if (!(error instanceof MalFeil)) throw error;
    diagnostics.push({ severity: 'feil', file: error.fil, position: error.linje ? { line: error.linje, column: 1 } : undefined, message: error.message });
    return { moter: loaded.moter, alleMoter: loaded.alleMoter, dokumenter: [], diagnostics };
  }
  // One build at a time per output folder: two would replace and clean away each other's files.
  const frigi = taLas(ut);
  let nettleser: Promise<Nettleser> | undefined;
  const verktoy: Verktoy = {
    maler,
    buffer: new Dokumentbuffer(join(ut, '.hurtigbuffer'), verktoygrunnlag(maler.innhold, FONTMAPPE, finnChromium()), options.force),
    // Chromium starts on the first document that is not in the cache: a rebuild with nothing changed never starts it.
    nettleser: () => (nettleser ??= Nettleser.start(2)),
    options,
  };
  const dokumenter: ByggetDokument[] = [];
  try {
    for (const mote of loaded.moter) {
      try {
        const bygget = await byggMote(mote, verktoy, ut);
        const skrevet = skrivAlle(bygget.filer);
        fjernUtdaterte(join(ut, mote.mappe), new Set(bygget.filer.keys()));
        for (const dokument of bygget.dokumenter) if (skrevet.has(dokument.fil)) options.underveis?.(dokument);
        dokumenter.push(...bygget.dokumenter);
      } catch (error) {
        if (!(error instanceof VedleggFeil)) throw error;
        diagnostics.push({ severity: 'feil', file: error.fil, message: error.message });
      }
    }
    const lister = await vedtakslister(loaded, verktoy, ut, diagnostics);
    const skrevet = skrivAlle(lister.filer);
    for (const dokument of lister.dokumenter) if (skrevet.has(dokument.fil)) options.underveis?.(dokument);
    dokumenter.push(...lister.dokumenter);
  } finally {
    if (nettleser) await (await nettleser.catch(() => undefined))?.close();
    frigi();
  }
  return { moter: loaded.moter, alleMoter: loaded.alleMoter, dokumenter, diagnostics };
}
