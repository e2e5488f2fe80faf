import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { BuildResult } from '../domain/documents.js';
import type { Mote, Sak } from '../domain/types.js';
import { readMalfiler } from '../pipeline/load/templates.js';
import { offentligVersjon } from '../pipeline/model/offentlig.js';
import { sakForReferat } from '../pipeline/model/referat.js';
import { klokkeslett, langDato, saksnummer, ukedag } from '../pipeline/model/tid.js';
import { markdownToHtml } from '../pipeline/render/markdown.js';
import { compileMaler, type Maler } from '../pipeline/render/templates.js';
import { avstemning } from '../pipeline/render/views.js';
import { fjernUtdaterte, skrivAlle, skrivAtomisk } from '../pipeline/write/atomic.js';

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

function filnavnFor(sak: Sak): string {
  return `vedlegg/sak-${saksnummer(sak.nummer!).replace('.', '-')}.pdf`;
}

function motesideData(mote: Mote, pdfer: Map<string, number>, organisasjon: string) {
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
    dokumenter: Object.entries(DOKUMENTNAVN)
      .filter(([fil]) => pdfer.has(fil))
      .map(([fil, tekst]) => ({
        href: fil,
        tekst: fil === 'referat.pdf' && !godkjent ? 'Referat (utkast, ikke godkjent)' : tekst,
        sider: sider(pdfer.get(fil)!),
      })),
    saker: punkter.map(({ sak, start, slutt }) => ({
      nummer: saksnummer(sak.nummer!),
      tittel: sak.tittel,
      unntatt: sak.unntattOffentlighet,
      tid: `${klokkeslett(start)}–${klokkeslett(slutt)}`,
      dokument: pdfer.has(filnavnFor(sak)) ? { href: filnavnFor(sak), sider: sider(pdfer.get(filnavnFor(sak))!) } : undefined,
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
function pdfSider(result: BuildResult, mappe: string): Map<string, number> {
  return new Map(result.dokumenter.filter((d) => d.fil.startsWith(`${mappe}/`)).map((d) => [relative(mappe, d.fil), d.sider]));
}

function indeksData(moter: readonly Mote[], lister: Map<string, number>, organisasjon: string) {
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

/**
 * Removes the site's files of the meetings just published that an earlier publish wrote and this
 * one did not (a sak made exempt, a sak removed). The site's own files are recorded next to the
 * build cache; nothing else on the site is ever removed.
 */
function fjernUtdaterteSider(ut: string, nettsted: string, moter: readonly Mote[], skrevet: ReadonlySet<string>): void {
  const registerfil = join(ut, '.hurtigbuffer', 'nettsted.json');
  let tidligere: string[] = [];
  try {
    const lest: unknown = JSON.parse(readFileSync(registerfil, 'utf8'));
    if (Array.isArray(lest)) tidligere = lest.filter((f): f is string => typeof f === 'string');
  } catch {
    // No record yet (or a damaged one): nothing is known to be the site's own, so nothing is removed.
  }
  const publisert = moter.map((m) => join(nettsted, m.mappe) + sep);
  const utdatert = tidligere.filter((f) => !skrevet.has(f) && publisert.some((mappe) => f.startsWith(mappe)));
  fjernUtdaterte(nettsted, utdatert, skrevet);
  const fjernet = new Set(utdatert);
  skrivAtomisk(registerfil, JSON.stringify([...new Set([...tidligere.filter((f) => !fjernet.has(f)), ...skrevet])].sort()));
}

/** Writes the site from a build's result into `<ut>/nettsted/`; returns that folder, or nothing when no meeting was built. */
export async function writeSite(result: BuildResult, ut: string): Promise<string | undefined> {
  const nettsted = join(ut, 'nettsted');
  const organisasjon = result.moter[0]?.organisasjon;
  if (!organisasjon) return undefined;
  const maler: Maler = compileMaler(readMalfiler(organisasjon.maler ? resolve(dirname(organisasjon.file), organisasjon.maler) : undefined));
  const filer = new Map<string, Uint8Array | string>();
  filer.set(join(nettsted, 'designsystemet', 'tema.css'), readFileSync(require.resolve('@digdir/designsystemet-theme')));
  filer.set(join(nettsted, 'designsystemet', 'komponenter.css'), readFileSync(require.resolve('@digdir/designsystemet-css')));
  filer.set(join(nettsted, 'nettsted.css'), maler.nettstedStil);
  for (const mote of result.moter) {
    const offentligMappe = join(ut, mote.mappe, 'offentlig');
    // Only this run's public documents: never a file left over from an earlier build.
    for (const d of result.dokumenter.filter((d) => d.fil.startsWith(`${offentligMappe}/`) && d.fil.endsWith('.pdf'))) {
      filer.set(join(nettsted, mote.mappe, relative(offentligMappe, d.fil)), readFileSync(d.fil));
    }
    // The public calendar file, written by the build next to the public PDFs.
    const kalender = join(offentligMappe, 'mote.ics');
    if (existsSync(kalender)) filer.set(join(nettsted, mote.mappe, 'mote.ics'), readFileSync(kalender));
    const html = maler.render('nettsted/mote', {
      ...motesideData(mote, pdfSider(result, offentligMappe), organisasjon.navn),
      kalender: existsSync(kalender) ? 'mote.ics' : undefined,
    });
    filer.set(join(nettsted, mote.mappe, 'index.html'), html);
  }
  const lister = new Map<string, number>();
  for (const d of result.dokumenter.filter((d) => d.fil.startsWith(join(ut, 'offentlig') + '/') && d.fil.endsWith('-vedtak.pdf'))) {
    const navn = relative(join(ut, 'offentlig'), d.fil);
    lister.set(navn, d.sider);
    filer.set(join(nettsted, navn), readFileSync(d.fil));
  }
  // Vedtakslister of other years, published in earlier runs, stay linked from the index.
  for (const navn of existsSync(nettsted) ? readdirSync(nettsted).filter((f) => f.endsWith('-vedtak.pdf') && !lister.has(f)) : []) {
    lister.set(navn, (await PDFDocument.load(readFileSync(join(nettsted, navn)), { updateMetadata: false })).getPageCount());
  }
  // The index lists every meeting that has a page, also those published in earlier runs.
  const publisert = result.alleMoter.filter(
    (m) => filer.has(join(nettsted, m.mappe, 'index.html')) || existsSync(join(nettsted, m.mappe, 'index.html')),
  );
  filer.set(join(nettsted, 'index.html'), maler.render('nettsted/indeks', indeksData(publisert, lister, organisasjon.navn)));
  skrivAlle(filer);
  fjernUtdaterteSider(ut, nettsted, result.moter, new Set(filer.keys()));
  return nettsted;
}
