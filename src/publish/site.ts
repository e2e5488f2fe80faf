import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { BuildResult } from '../domain/documents.js';
import { type Fraser, frase, type Sprak } from '../domain/sprak.js';
import type { Mote } from '../domain/types.js';
import { readTemplateFiles } from '../pipeline/load/templates.js';
import { offentligVersjon } from '../pipeline/model/offentlig.js';
import { langDato, saksnummer } from '../pipeline/model/tid.js';
import { buildCalendar, moteEvent } from '../pipeline/render/kalender.js';
import { compileTemplates, type Templates } from '../pipeline/render/templates.js';
import { pruneOutputs, writeAll, writeAtomic } from '../pipeline/write/atomic.js';
import { FONT_DIR } from '../util/package.js';
import { today } from '../util/today.js';
import {
  arPageHref,
  EGNE_FOLDERS,
  motePageHref,
  SKRIFTMAPPE,
  sakPageHref,
  utvalgKalenderHref,
  utvalgPageHref,
  utvalgStromHref,
} from './adresser.js';
import { pdfTexts } from './pdftekst.js';
import { type Saksregister, saksregister } from './saksregister.js';
import {
  arPageData,
  indeksPageData,
  moteDokumenter,
  motePageData,
  moteTittel,
  type Publisert,
  sakPageData,
  sokPageData,
  type Utvalgsar,
  utvalgPageData,
} from './sider.js';
import { buildSearchIndex, type SokePage, type SokePdf } from './sok.js';
import { buildAtom, type StromDokument } from './strom.js';
import { nextVersions, readVersjoner, saveVersjoner, type Versjonsregister } from './versjoner.js';

/**
 * `motedok publish`: a static website of the public versions, in <out>/nettsted/: a front page,
 * a page per committee and per committee and year, a page per meeting with its saksliste, its
 * decisions once the referat is approved and links to every public PDF, and a page per sak. Each
 * committee has an Atom feed of its documents and a calendar of its meetings; a search page
 * (Pagefind, the only page with JavaScript) searches the pages and the text of the PDFs.
 * Meeting and sak pages are in the meeting's language, the others in the organisation's.
 */

const require = createRequire(import.meta.url);

/**
 * The site's fonts: Source Sans 3 in the weights the site's style sheets use (Designsystemet's
 * 400 and 500, nettsted.css's 600, 700 for <strong> in decisions, 400 italic for the votes), in
 * the Latin and Latin Extended subsets (æøå are in Latin; Latin Extended has the Sami letters),
 * each with a unicode-range so that a browser loads only the subsets a page needs.
 */
const SITE_FONTS = (
  [
    [400, 'normal'],
    [400, 'italic'],
    [500, 'normal'],
    [600, 'normal'],
    [700, 'normal'],
  ] as const
).flatMap(([vekt, stil]) =>
  (['latin', 'latin-ext'] as const).map((subset) => ({ vekt, stil, subset, fil: `source-sans-3-${subset}-${vekt}-${stil}.woff2` })),
);

/** The ranges of @fontsource's subsets, as its own CSS files give them. */
const UNICODE_RANGE = {
  latin:
    'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
  'latin-ext':
    'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C4, U+2113, U+2C60-2C7F, U+A720-A7FF',
} as const;

/** The @font-face rules of SITE_FONTS, for the top of nettsted.css (the fonts lie in skrift/ beside it). */
function siteFontFaces(): string {
  return SITE_FONTS.map(
    ({ vekt, stil, subset, fil: file }) =>
      `@font-face { font-family: "Source Sans 3"; font-style: ${stil}; font-weight: ${vekt}; font-display: swap; src: url("${SKRIFTMAPPE}/${file}") format("woff2"); unicode-range: ${UNICODE_RANGE[subset]}; }`,
  ).join('\n');
}

const recordFile = (outDir: string) => join(outDir, '.hurtigbuffer', 'nettsted.json');

/** The files earlier publishes wrote on the site: the only ones a publish may remove. */
function readSiteRecord(outDir: string): string[] {
  try {
    const read: unknown = JSON.parse(readFileSync(recordFile(outDir), 'utf8'));
    return Array.isArray(read) ? read.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    // No record yet (or a damaged one): nothing is known to be the site's own.
    return [];
  }
}

/** The meeting folders (`2025-05-22-ssu`) that have pages on the site: recorded there, or with a page from before the record. */
export function publishedMotemapper(outDir: string): Set<string> {
  const nettsted = join(outDir, 'nettsted');
  const folders = new Set<string>();
  for (const file of readSiteRecord(outDir)) {
    const deler = relative(nettsted, file).split(sep);
    if (deler.length > 1 && deler[0] !== '..' && !EGNE_FOLDERS.has(deler[0]!)) folders.add(deler[0]!);
  }
  for (const name of existsSync(nettsted) ? readdirSync(nettsted).filter((n) => !EGNE_FOLDERS.has(n)) : []) {
    if (existsSync(join(nettsted, name, 'index.html'))) folders.add(name);
  }
  return folders;
}

/**
 * Removes every file an earlier publish wrote on the site that this one did not: a sak made
 * exempt or removed, a meeting deleted from cases/, a vedtaksliste no longer made. Every meeting
 * on the site is published again in each run (build/publish.ts), so what is not written now is
 * what the sources no longer make. Nothing the record does not name is ever removed.
 */
function pruneSite(outDir: string, nettsted: string, skrevet: ReadonlySet<string>): void {
  const tidligere = readSiteRecord(outDir);
  pruneOutputs(
    nettsted,
    tidligere.filter((f) => !skrevet.has(f)),
    skrevet,
  );
  writeAtomic(recordFile(outDir), JSON.stringify([...skrevet].sort()));
}

/** What one run puts on the site besides its files: the pages and PDFs to search, the documents of the feeds. */
interface Content {
  sider: SokePage[];
  pdfer: (Omit<SokePdf, 'tekst'> & { bytes: Uint8Array })[];
  dokumenter: (StromDokument & { utvalg: string })[];
}

/** Writes the site from a build's result into `<ut>/nettsted/`; returns that folder, or nothing when no meeting was built. */
export async function writeSite(result: BuildResult, outDir: string): Promise<string | undefined> {
  const nettsted = join(outDir, 'nettsted');
  const organisasjon = result.moter[0]?.organisasjon;
  if (!organisasjon) return undefined;
  const templateFiles = readTemplateFiles(organisasjon.maler ? resolve(dirname(organisasjon.file), organisasjon.maler) : undefined);
  const templates: Templates = compileTemplates(templateFiles);
  const hovedsprak: Sprak = organisasjon.sprak ?? 'nb';
  const fraser = templateFiles.fraser[hovedsprak];
  const files = new Map<string, Uint8Array | string>();
  const put = (rel: string, content: Uint8Array | string) => files.set(join(nettsted, rel), content);
  const versjoner = readVersjoner(outDir);
  const nye: Versjonsregister = {};
  const innhold: Content = { sider: [], pdfer: [], dokumenter: [] };
  put(join('designsystemet', 'tema.css'), readFileSync(require.resolve('@digdir/designsystemet-theme')));
  put(join('designsystemet', 'komponenter.css'), readFileSync(require.resolve('@digdir/designsystemet-css')));
  for (const { fil: file } of SITE_FONTS) put(join(SKRIFTMAPPE, file), readFileSync(join(FONT_DIR, file)));
  put('nettsted.css', `${siteFontFaces()}\n${templates.nettstedStil}`);
  // Every sak with a page, after this run: references link to them, and a sak lists those that name it.
  const withPage = result.alleMoter.filter((m) => result.moter.includes(m) || existsSync(join(nettsted, motePageHref(m))));
  const register = saksregister(withPage.map(offentligVersjon));
  for (const mote of result.moter) writeMote(mote, { result, outDir, nettsted, templates, files, versjoner, nye, innhold, register });
  const lists = new Map<string, number>();
  for (const d of result.dokumenter.filter((d) => d.fil.startsWith(join(outDir, 'offentlig') + '/') && d.fil.endsWith('-vedtak.pdf'))) {
    const name = relative(join(outDir, 'offentlig'), d.fil);
    lists.set(name, d.sider);
    const bytes = readFileSync(d.fil);
    put(name, bytes);
    innhold.pdfer.push({ url: name, bytes, tittel: name, sprak: hovedsprak });
  }
  // The index lists every meeting that has a page, also those published in earlier runs.
  const publisert = result.alleMoter.filter(
    (m) => files.has(join(nettsted, motePageHref(m))) || existsSync(join(nettsted, motePageHref(m))),
  );
  const utvalg = byUtvalg(publisert, lists);
  for (const pdf of innhold.pdfer.filter((p) => lists.has(p.url))) {
    const a = utvalg.flatMap((u) => u.ar).find((a) => a.vedtaksliste?.href === pdf.url);
    if (a) pdf.tittel = frase(fraser, 'nettsted.dok_vedtaksliste', { utvalg: a.navn, ar: a.ar });
  }
  put('index.html', templates.render('nettsted/indeks', indeksPageData(utvalg, fraser, organisasjon.navn)));
  for (const u of utvalg) {
    put(utvalgPageHref(u.key), templates.render('nettsted/utvalg', utvalgPageData(u, fraser, organisasjon.navn)));
    for (const a of u.ar) put(arPageHref(u.key, a.ar), templates.render('nettsted/ar', arPageData(a, fraser, organisasjon.navn)));
    // The same events, with the same UIDs, as each meeting's own mote.ics: a subscription and a downloaded file agree.
    const moter = publisert.filter((m) => m.utvalg.key === u.key).sort((a, b) => a.dato.localeCompare(b.dato));
    put(utvalgKalenderHref(u.key), buildCalendar(moter.map((m) => moteEvent(offentligVersjon(m)))));
    put(utvalgStromHref(u.key), feed(utvalgStromHref(u.key), utvalgPageHref(u.key), u.navn, fraser, organisasjon.navn, innhold, u.key));
  }
  put('feed.xml', feed('feed.xml', 'index.html', organisasjon.navn, fraser, organisasjon.navn, innhold));
  const andreSprak = [...new Set([...innhold.sider, ...innhold.pdfer].map((s) => s.sprak))].filter((s) => s !== hovedsprak).sort();
  put('sok.html', templates.render('nettsted/sok', sokPageData(fraser, andreSprak, organisasjon.navn)));
  const pdfer = await pdfTexts(outDir, innhold.pdfer);
  for (const [rel, bytes] of await buildSearchIndex(innhold.sider, pdfer, hovedsprak)) put(rel, bytes);
  await writeAll(files);
  const tidligere = Object.values(nye).flatMap((d) => d.tidligere.map((v) => join(nettsted, v.fil)));
  pruneSite(outDir, nettsted, new Set([...files.keys(), ...tidligere]));
  saveVersjoner(outDir, nye);
  return nettsted;
}

function feed(file: string, page: string, name: string, fraser: Fraser, organisasjon: string, content: Content, utvalg?: string): string {
  return buildAtom({
    file,
    side: page,
    tittel: frase(fraser, 'nettsted.strom_tittel', { navn: name }),
    forfatter: organisasjon,
    sprak: fraser.lang,
    tom: '1970-01-01',
    dokumenter: content.dokumenter.filter((d) => !utvalg || d.utvalg === utvalg),
  });
}

/** The published meetings by committee (in the order they first appear) and year, newest first. */
function byUtvalg(moter: readonly Mote[], lists: ReadonlyMap<string, number>): { key: string; navn: string; ar: Utvalgsar[] }[] {
  const utvalg = [...new Map(moter.map((m) => [m.utvalg.key, m.utvalg])).values()];
  return utvalg.map((u) => {
    const egne = moter.filter((m) => m.utvalg.key === u.key).map(offentligVersjon);
    const ar = [...new Set(egne.map((m) => m.dato.slice(0, 4)))].sort().reverse();
    return {
      key: u.key,
      navn: u.navn,
      ar: ar.map((a) => {
        const list = `${u.key}-${a}-vedtak.pdf`;
        return {
          key: u.key,
          navn: u.navn,
          kortnavn: u.kortnavn,
          ar: a,
          moter: egne.filter((m) => m.dato.startsWith(a)).sort((x, y) => y.dato.localeCompare(x.dato)),
          ...(lists.has(list) ? { vedtaksliste: { href: list, sider: lists.get(list)! } } : {}),
        };
      }),
    };
  });
}

interface MoteKontekst {
  result: BuildResult;
  outDir: string;
  nettsted: string;
  templates: Templates;
  files: Map<string, Uint8Array | string>;
  versjoner: Versjonsregister;
  nye: Versjonsregister;
  innhold: Content;
  register: Saksregister;
}

/** One meeting's files on the site: its public PDFs (with their versions), calendar file, page and sak pages. */
function writeMote(mote: Mote, k: MoteKontekst): void {
  const offentligFolder = join(k.outDir, mote.mappe, 'offentlig');
  const offentlig = offentligVersjon(mote);
  const unntatt = exemptKeys(mote);
  const idag = today();
  const pdfer = new Map<string, number>();
  const names = new Map(moteDokumenter(offentlig));
  // Only this run's public documents: never a file left over from an earlier build.
  for (const d of k.result.dokumenter.filter((d) => d.fil.startsWith(`${offentligFolder}/`) && d.fil.endsWith('.pdf'))) {
    const inFolder = relative(offentligFolder, d.fil);
    const rel = `${mote.mappe}/${inFolder}`;
    const bytes = readFileSync(d.fil);
    pdfer.set(inFolder, d.sider);
    k.nye[rel] = nextVersions(k.versjoner, k.nettsted, rel, bytes, unntatt, idag, k.files);
    k.files.set(join(k.nettsted, rel), bytes);
    const tittel = pdfTitle(offentlig, inFolder, names);
    // saksdokumenter.pdf is every other PDF of the meeting in one: searching it too would give each hit twice.
    if (inFolder !== 'saksdokumenter.pdf') k.innhold.pdfer.push({ url: rel, bytes, tittel, sprak: mote.sprak });
    const page = inFolder.startsWith('vedlegg/')
      ? (sakPageHref(mote, sakFor(offentlig, inFolder) ?? {}) ?? motePageHref(mote))
      : motePageHref(mote);
    k.innhold.dokumenter.push({
      href: rel,
      side: page,
      tittel,
      publisert: k.nye[rel].publisert,
      sprak: mote.fraser.lang,
      utvalg: mote.utvalg.key,
    });
  }
  // The public calendar file, written by the build next to the public PDFs.
  const kalender = join(offentligFolder, 'mote.ics');
  if (existsSync(kalender)) k.files.set(join(k.nettsted, mote.mappe, 'mote.ics'), readFileSync(kalender));
  const versjon = versionData(offentlig, k.nye);
  const side = {
    ...motePageData(offentlig, pdfer, versjon.publisert, mote.organisasjon.navn, k.register.lenkerFor(mote)),
    tidligere: versjon.tidligere,
    kalender: existsSync(kalender) ? 'mote.ics' : undefined,
  };
  const html = k.templates.render('nettsted/mote', side);
  k.files.set(join(k.nettsted, motePageHref(mote)), html);
  k.innhold.sider.push({ url: motePageHref(mote), html, sprak: mote.sprak });
  const original = new Map(offentlig.saker.map((s, i) => [s, mote.saker[i]!]));
  for (const sak of offentlig.saker.filter((s) => s.nummer)) {
    const href = sakPageHref(mote, sak)!;
    const nevnt = k.register.nevntI(mote, original.get(sak)!);
    const data = sakPageData(offentlig, sak, pdfer, versjon.publisert, nevnt, mote.organisasjon.navn, k.register.lenkerFor(mote));
    const sakHtml = k.templates.render('nettsted/sak', data);
    k.files.set(join(k.nettsted, href), sakHtml);
    if (!sak.unntattOffentlighet) k.innhold.sider.push({ url: href, html: sakHtml, sprak: mote.sprak });
  }
}

/** The numbered sak whose case paper is `vedlegg/sak-13-25.pdf`. */
function sakFor(mote: Mote, inFolder: string) {
  return mote.saker.find((s) => s.nummer && `vedlegg/sak-${saksnummer(s.nummer).replace('.', '-')}.pdf` === inFolder);
}

/** A PDF's title in search results and the feed: `Sak 13.25 Strategisamling – Saksfremlegg`, `Referat – Møte i … 22. mai 2025`. */
function pdfTitle(mote: Mote, inFolder: string, names: ReadonlyMap<string, string>): string {
  const sak = sakFor(mote, inFolder);
  const f = mote.fraser;
  if (sak)
    return `${frase(f, 'nettsted.sak_tittel', { nummer: saksnummer(sak.nummer!), tittel: sak.tittel })} – ${frase(f, 'nettsted.dok_saksfremlegg')}`;
  return frase(f, 'nettsted.strom_dok', { dokument: names.get(inFolder) ?? inFolder, mote: moteTittel(mote) });
}

/** What is exempt in the meeting now: its saker by number, Eventuelt items by file. */
function exemptKeys(mote: Mote): string[] {
  return mote.saker.filter((s) => s.unntattOffentlighet).map((s) => (s.nummer ? saksnummer(s.nummer) : `eventuelt:${s.fileName}`));
}

/** When each document on the meeting's pages was published, and the versions it replaced. */
function versionData(mote: Mote, register: Versjonsregister): { publisert: Publisert; tidligere: { tekst: string; href: string }[] } {
  const eget = Object.entries(register).filter(([rel]) => rel.startsWith(`${mote.mappe}/`));
  const names = new Map(moteDokumenter(mote));
  const inFolder = (rel: string) => rel.slice(mote.mappe.length + 1);
  const f = mote.fraser;
  return {
    publisert: Object.fromEntries(
      eget.map(([rel, d]) => [inFolder(rel), frase(f, 'nettsted.publisert', { dato: langDato(d.publisert as Mote['dato']) })]),
    ),
    tidligere: eget.flatMap(([rel, d]) =>
      d.tidligere.map((v) => ({
        tekst: frase(f, 'nettsted.tidligere_dok', {
          dokument: names.get(inFolder(rel)) ?? inFolder(rel),
          dato: langDato(v.publisert as Mote['dato']),
        }),
        href: inFolder(v.fil),
      })),
    ),
  };
}
