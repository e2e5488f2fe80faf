import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { BuildResult } from '../domain/documents.js';
import { tilleggsinnkallingFil } from '../domain/journal.js';
import type { Mote, Sak } from '../domain/types.js';
import { readTemplateFiles } from '../pipeline/load/templates.js';
import { offentligVersjon } from '../pipeline/model/offentlig.js';
import { sakForReferat } from '../pipeline/model/referat.js';
import { klokkeslett, langDato, saksnummer, ukedag } from '../pipeline/model/tid.js';
import { markdownToHtml } from '../pipeline/render/markdown.js';
import { compileTemplates, type Templates } from '../pipeline/render/templates.js';
import { avstemning } from '../pipeline/render/views.js';
import { pruneOutputs, writeAll, writeAtomic } from '../pipeline/write/atomic.js';
import { today } from '../util/today.js';
import { nextVersions, readVersjoner, saveVersjoner, type Versjonsregister } from './versjoner.js';

/**
 * `motedok publish`: a static website of the public versions, in <out>/nettsted/: an index per
 * committee and year, a page per meeting with its saksliste, its decisions once the referat is
 * approved, and links to every public PDF. Plain HTML and CSS (Designsystemet), no JavaScript.
 */

const require = createRequire(import.meta.url);

function sider(n: number): string {
  return n === 1 ? '1 side' : `${n} sider`;
}

const DOKUMENTNAVN: Record<string, string> = {
  'innkalling.pdf': 'Innkalling med saksliste og forslag til vedtak',
  'saksliste.pdf': 'Saksliste',
  'saksdokumenter.pdf': 'Alle saksdokumenter i én fil',
  'referat.pdf': 'Referat',
};

function fileNameFor(sak: Sak): string {
  return `vedlegg/sak-${saksnummer(sak.nummer!).replace('.', '-')}.pdf`;
}

function motePageData(mote: Mote, pdfer: Map<string, number>, organisasjon: string) {
  const offentlig = offentligVersjon(mote);
  const godkjent = offentlig.referat?.status === 'godkjent';
  const punkter = offentlig.saksliste.grupper.flatMap((g) => g.punkter).filter((p) => p.kind === 'sak');
  return {
    rot: '../',
    organisasjon,
    tittel: `Møte i ${mote.utvalg.navn} ${langDato(mote.dato)}`,
    sti: [{ tekst: 'Møtedokumenter', href: '../index.html' }, { tekst: `${mote.utvalg.kortnavn} ${langDato(mote.dato)}` }],
    utvalg: mote.utvalg.navn,
    dato: langDato(mote.dato),
    ukedag: ukedag(mote.dato).replace(/^./, (c) => c.toUpperCase()),
    start: klokkeslett(mote.start),
    slutt: klokkeslett(mote.slutt),
    sted: mote.sted,
    utsendt: mote.utsendelser.map((u) => ({
      tekst: u.type === 'innkalling' ? 'Innkallingen sendt' : 'Tilleggsinnkalling sendt',
      dato: langDato(u.dato),
    })),
    godkjent: godkjent && offentlig.referat?.godkjent ? langDato(offentlig.referat.godkjent.dato) : undefined,
    dokumenter: [...Object.entries(DOKUMENTNAVN), ...tilleggsinnkallinger(mote)]
      .filter(([fil]) => pdfer.has(fil))
      .map(([fil, tekst]) => ({
        href: fil,
        tekst: fil === 'referat.pdf' && !godkjent ? 'Referat (utkast, ikke godkjent)' : tekst,
        sider: sider(pdfer.get(fil)!),
      })),
    saker: [...punkter, ...offentlig.saksliste.eventuelt.saker].map(({ sak, start, slutt }) => ({
      // Eventuelt items have no number (and no case paper of their own): the column says where they stand.
      nummer: sak.nummer ? saksnummer(sak.nummer) : 'Eventuelt',
      tittel: sak.tittel,
      unntatt: sak.unntattOffentlighet,
      trukket: sak.trukket,
      tid: `${klokkeslett(start)}–${klokkeslett(slutt)}`,
      dokument:
        sak.nummer && pdfer.has(fileNameFor(sak)) ? { href: fileNameFor(sak), sider: sider(pdfer.get(fileNameFor(sak))!) } : undefined,
    })),
    vedtak: godkjent
      ? offentlig.referat!.saker.map((r) => {
          const sak = sakForReferat(offentlig, r);
          return {
            id: saksnummer(r.nummer).replace('.', '-'),
            nummer: saksnummer(r.nummer),
            tittel: sak?.tittel ?? '',
            unntatt: sak?.unntattOffentlighet,
            tekst: r.vedtatt ? markdownToHtml(r.vedtatt) : '',
            avstemning: avstemning(r, offentlig),
          };
        })
      : undefined,
    vedtakMelding: offentlig.referat ? 'Vedtakene publiseres når referatet er godkjent.' : 'Referatet er ikke skrevet ennå.',
  };
}

/** Pages of the PDFs written by the build, by file name relative to the meeting's public folder. */
function pdfPages(result: BuildResult, folder: string): Map<string, number> {
  return new Map(result.dokumenter.filter((d) => d.fil.startsWith(`${folder}/`)).map((d) => [relative(folder, d.fil), d.sider]));
}

function indexData(moter: readonly Mote[], lister: Map<string, number>, organisasjon: string) {
  const utvalg = [...new Map(moter.map((m) => [m.utvalg.key, m.utvalg])).values()];
  return {
    rot: '',
    organisasjon,
    tittel: 'Møtedokumenter',
    utvalg: utvalg.map((u) => {
      const egne = moter.filter((m) => m.utvalg.key === u.key);
      const ar = [...new Set(egne.map((m) => m.dato.slice(0, 4)))].sort().reverse();
      return {
        key: u.key,
        navn: u.navn,
        ar: ar.map((a) => ({
          ar: a,
          moter: egne
            .filter((m) => m.dato.startsWith(a))
            .sort((x, y) => y.dato.localeCompare(x.dato))
            .map((m) => ({
              href: `${m.mappe}/index.html`,
              dato: langDato(m.dato),
              ukedag: ukedag(m.dato),
              sted: m.sted,
              referat: m.referat ? (m.referat.status === 'godkjent' ? 'Referat godkjent' : 'Referat utkast') : undefined,
              referatFarge: m.referat?.status === 'godkjent' ? 'success' : 'warning',
            })),
          vedtaksliste: lister.has(`${u.key}-${a}-vedtak.pdf`)
            ? { href: `${u.key}-${a}-vedtak.pdf`, sider: sider(lister.get(`${u.key}-${a}-vedtak.pdf`)!) }
            : undefined,
        })),
      };
    }),
  };
}

const registerfil = (outDir: string) => join(outDir, '.hurtigbuffer', 'nettsted.json');

/** The files earlier publishes wrote on the site: the only ones a publish may remove. */
function readSiteRecord(outDir: string): string[] {
  try {
    const read: unknown = JSON.parse(readFileSync(registerfil(outDir), 'utf8'));
    return Array.isArray(read) ? read.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    // No record yet (or a damaged one): nothing is known to be the site's own.
    return [];
  }
}

/** The meeting folders (`2025-05-22-ssu`) that have pages on the site: recorded there, or with a page from before the record. */
export function publishedMotemapper(outDir: string): Set<string> {
  const nettsted = join(outDir, 'nettsted');
  const mapper = new Set<string>();
  for (const file of readSiteRecord(outDir)) {
    const deler = relative(nettsted, file).split(sep);
    if (deler.length > 1 && deler[0] !== '..' && deler[0] !== 'designsystemet') mapper.add(deler[0]!);
  }
  for (const navn of existsSync(nettsted) ? readdirSync(nettsted) : []) {
    if (existsSync(join(nettsted, navn, 'index.html'))) mapper.add(navn);
  }
  return mapper;
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
  writeAtomic(registerfil(outDir), JSON.stringify([...skrevet].sort()));
}

/** Writes the site from a build's result into `<ut>/nettsted/`; returns that folder, or nothing when no meeting was built. */
export async function writeSite(result: BuildResult, outDir: string): Promise<string | undefined> {
  const nettsted = join(outDir, 'nettsted');
  const organisasjon = result.moter[0]?.organisasjon;
  if (!organisasjon) return undefined;
  const templates: Templates = compileTemplates(
    readTemplateFiles(organisasjon.maler ? resolve(dirname(organisasjon.file), organisasjon.maler) : undefined),
  );
  const files = new Map<string, Uint8Array | string>();
  const versjoner = readVersjoner(outDir);
  const nye: Versjonsregister = {};
  const idag = today();
  files.set(join(nettsted, 'designsystemet', 'tema.css'), readFileSync(require.resolve('@digdir/designsystemet-theme')));
  files.set(join(nettsted, 'designsystemet', 'komponenter.css'), readFileSync(require.resolve('@digdir/designsystemet-css')));
  files.set(join(nettsted, 'nettsted.css'), templates.nettstedStil);
  for (const mote of result.moter) {
    const offentligMappe = join(outDir, mote.mappe, 'offentlig');
    const unntatt = exemptKeys(mote);
    // Only this run's public documents: never a file left over from an earlier build.
    for (const d of result.dokumenter.filter((d) => d.fil.startsWith(`${offentligMappe}/`) && d.fil.endsWith('.pdf'))) {
      const rel = `${mote.mappe}/${relative(offentligMappe, d.fil)}`;
      const bytes = readFileSync(d.fil);
      nye[rel] = nextVersions(versjoner, nettsted, rel, bytes, unntatt, idag, files);
      files.set(join(nettsted, rel), bytes);
    }
    // The public calendar file, written by the build next to the public PDFs.
    const kalender = join(offentligMappe, 'mote.ics');
    if (existsSync(kalender)) files.set(join(nettsted, mote.mappe, 'mote.ics'), readFileSync(kalender));
    const side = motePageData(mote, pdfPages(result, offentligMappe), organisasjon.navn);
    const versjon = versionData(mote, nye);
    const html = templates.render('nettsted/mote', {
      ...side,
      dokumenter: side.dokumenter.map((d) => ({ ...d, publisert: versjon.publisert[d.href] })),
      tidligere: versjon.tidligere,
      kalender: existsSync(kalender) ? 'mote.ics' : undefined,
    });
    files.set(join(nettsted, mote.mappe, 'index.html'), html);
  }
  const lister = new Map<string, number>();
  for (const d of result.dokumenter.filter((d) => d.fil.startsWith(join(outDir, 'offentlig') + '/') && d.fil.endsWith('-vedtak.pdf'))) {
    const name = relative(join(outDir, 'offentlig'), d.fil);
    lister.set(name, d.sider);
    files.set(join(nettsted, name), readFileSync(d.fil));
  }
  // The index lists every meeting that has a page, also those published in earlier runs.
  const publisert = result.alleMoter.filter(
    (m) => files.has(join(nettsted, m.mappe, 'index.html')) || existsSync(join(nettsted, m.mappe, 'index.html')),
  );
  files.set(join(nettsted, 'index.html'), templates.render('nettsted/indeks', indexData(publisert, lister, organisasjon.navn)));
  writeAll(files);
  const tidligere = Object.values(nye).flatMap((d) => d.tidligere.map((v) => join(nettsted, v.fil)));
  pruneSite(outDir, nettsted, new Set([...files.keys(), ...tidligere]));
  saveVersjoner(outDir, nye);
  return nettsted;
}

/** The meeting's tilleggsinnkallinger: file and its name on the page. */
function tilleggsinnkallinger(mote: Mote): [string, string][] {
  return mote.utsendelser.slice(1).map((u) => [tilleggsinnkallingFil(u.nr), `Tilleggsinnkalling sendt ${langDato(u.dato)}`]);
}

/** What is exempt in the meeting now: its saker by number, Eventuelt items by file. */
function exemptKeys(mote: Mote): string[] {
  return mote.saker.filter((s) => s.unntattOffentlighet).map((s) => (s.nummer ? saksnummer(s.nummer) : `eventuelt:${s.filnavn}`));
}

/** When each document on the meeting's page was published, and the versions it replaced. */
function versionData(mote: Mote, register: Versjonsregister) {
  const eget = Object.entries(register).filter(([rel]) => rel.startsWith(`${mote.mappe}/`));
  const navn = (rel: string) => DOKUMENTNAVN[rel.slice(mote.mappe.length + 1)] ?? rel.slice(mote.mappe.length + 1);
  return {
    publisert: Object.fromEntries(eget.map(([rel, d]) => [rel.slice(mote.mappe.length + 1), langDato(d.publisert as Mote['dato'])])),
    tidligere: eget.flatMap(([rel, d]) =>
      d.tidligere.map((v) => ({
        tekst: navn(rel),
        href: v.fil.slice(mote.mappe.length + 1),
        publisert: langDato(v.publisert as Mote['dato']),
      })),
    ),
  };
}
