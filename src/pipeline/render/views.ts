import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { frase, ukedagPa } from '../../domain/sprak.js';
import type { Deltaker, Mote, Referat, Referatsak, Sak, SakPunkt, Sakslistepunkt } from '../../domain/types.js';
import { yieldToEventLoop } from '../../util/event-loop.js';
import { sakForReferat } from '../model/referat.js';
import { klokkeslett, langDato, saksnummer } from '../model/tid.js';
import { markdownToHtml } from './markdown.js';

/**
 * The plain data each template gets. Everything is already formatted the Norwegian way
 * (`22. mai 2025`, `09.30`, `13.25`), so templates only place text.
 */

/** A fixed text in the meeting's language. */
function t(mote: Mote, key: string, verdier: Record<string, string | number | undefined> = {}): string {
  return frase(mote.fraser, key, verdier);
}

/** What every document's template gets: the page frame, the heading block and the meeting's facts. */
export interface CommonData {
  lang: string;
  fraser: Mote['fraser'];
  tittel: string;
  dokumenttype: string;
  /** The page's class (`kompakt` for the agenda alone); none for most documents. */
  dokumentklasse: string | undefined;
  topptekst: string;
  farge: string;
  organisasjon: { navn: string; logo: string | undefined };
  mote: {
    utvalg: string;
    kortnavn: string;
    dato: string;
    ukedag: string;
    start: string;
    slutt: string;
    sted: string;
  };
}

/** A sak on the agenda (partials/saksliste.hbs). */
export interface Sakspunktdata {
  erPause: false;
  nummer: string;
  tittel: string;
  minutter: number;
  start: string;
  slutt: string;
  beskrivelse: string | undefined;
  unntatt: Sak['unntattOffentlighet'];
}

/** A break on the agenda. */
export interface Pausedata {
  erPause: true;
  tittel: string;
  minutter: number;
  start: string;
  slutt: string;
}

export interface Sakslistedata {
  grupper: { overskrift: string | undefined; punkter: (Sakspunktdata | Pausedata)[] }[];
  eventuelt: { start: string; slutt: string; saker: Sakspunktdata[] };
}

/** innkalling.hbs */
export interface InnkallingData extends CommonData {
  saksliste: Sakslistedata;
  vedlegg: { nummer: string; tittel: string }[];
  saksgrunnlag: {
    overskrift: string | undefined;
    saker: { nummer: string; tittel: string; unntatt: Sak['unntattOffentlighet']; forslag: string | undefined }[];
  }[];
}

/** saksliste.hbs */
export interface SakslisteData extends CommonData {
  saksliste: Sakslistedata;
}

/** vedlegg.hbs: a sak's case paper. */
export interface VedleggData extends CommonData {
  sak: {
    nummer: string;
    tittel: string;
    saksbehandler: Sak['saksbehandler'];
    unntatt: Sak['unntattOffentlighet'];
    saksfremlegg: string;
    forslag: string | undefined;
    vedlegg: { tittel: string; fil: string | undefined }[];
  };
}

/** saksdokumenter.hbs: the cover and table of contents. */
export interface SaksdokumenterData extends CommonData {
  innhold: ContentsLine[];
}

export interface Deltakerdata {
  navn: string;
  rolle: string | undefined;
  representerer: string | undefined;
}

/** referat.hbs */
export interface ReferatData extends CommonData {
  utkast: boolean;
  sidemerke: string | undefined;
  godkjent: string | undefined;
  antallMedlemmer: number;
  antallMott: number;
  tilStede: Deltakerdata[];
  forfall: Deltakerdata[];
  andre: Referat['andre'];
  referent: Referat['referent'];
  saker: {
    nummer: string;
    tittel: string;
    unntatt: Sak['unntattOffentlighet'] | undefined;
    notater: string | undefined;
    vedtak: string | undefined;
    somForeslatt: Referatsak['somForeslatt'];
    avstemning: string | undefined;
    voteringstekst: string | undefined;
    protokolltilforsel: string | undefined;
    inhabile: { navn: string; rolle: string | undefined; grunn: string | undefined }[];
  }[];
  eventuelt: string | undefined;
}

/** vedtaksliste.hbs: a committee's decisions of a year. */
export interface VedtakslisteData extends CommonData {
  utvalg: string;
  ar: number;
  moter: {
    dato: string;
    utkast: boolean;
    saker: { nummer: string; tittel: string; unntatt: Sak['unntattOffentlighet'] | undefined; vedtak: string | undefined }[];
  }[];
}

function commonData(mote: Mote, dokumenttype: string, tittel: string): CommonData {
  const { organisasjon } = mote;
  const logo = organisasjon.logo ? resolve(dirname(organisasjon.file), organisasjon.logo) : undefined;
  return {
    lang: mote.fraser.lang,
    fraser: mote.fraser,
    tittel,
    dokumenttype,
    dokumentklasse: undefined,
    topptekst: `${dokumenttype} · ${mote.utvalg.kortnavn} ${langDato(mote.dato)}`,
    farge: organisasjon.farge ?? '#00509e',
    organisasjon: { navn: organisasjon.navn, logo: logo ? pathToFileURL(logo).href : undefined },
    mote: {
      utvalg: mote.utvalg.navn,
      kortnavn: mote.utvalg.kortnavn,
      dato: langDato(mote.dato),
      ukedag: ukedagPa(mote.fraser, mote.dato).replace(/^./, (c) => c.toUpperCase()),
      start: klokkeslett(mote.start),
      slutt: klokkeslett(mote.slutt),
      sted: mote.sted,
    },
  };
}

function nummer(sak: Sak): string {
  return sak.nummer ? saksnummer(sak.nummer) : '';
}

function sakspunkt(punkt: SakPunkt, mote: Mote): Sakspunktdata {
  const { sak } = punkt;
  return {
    erPause: false,
    nummer: nummer(sak),
    tittel: sak.tittel,
    minutter: sak.minutter,
    start: klokkeslett(punkt.start),
    slutt: klokkeslett(punkt.slutt),
    beskrivelse: sak.beskrivelse ? markdownToHtml(sak.beskrivelse, { baseDir: mote.dir, filer: mote.filer }) : undefined,
    unntatt: sak.unntattOffentlighet,
  };
}

function itemView(p: Sakslistepunkt, mote: Mote): Sakspunktdata | Pausedata {
  if (p.kind === 'sak') return sakspunkt(p, mote);
  return { erPause: true, tittel: p.tittel, minutter: p.minutter, start: klokkeslett(p.start), slutt: klokkeslett(p.slutt) };
}

function saksliste(mote: Mote): Sakslistedata {
  const { grupper, eventuelt } = mote.saksliste;
  return {
    grupper: grupper.map((g) => ({
      overskrift: g.overskrift && (g.type ? t(mote, `overskrifter.${g.type}`) : g.overskrift),
      punkter: g.punkter.map((p) => itemView(p, mote)),
    })),
    eventuelt: {
      start: klokkeslett(eventuelt.start),
      slutt: klokkeslett(eventuelt.slutt),
      saker: eventuelt.saker.map((p) => sakspunkt(p, mote)),
    },
  };
}

export function innkallingView(mote: Mote): InnkallingData {
  const tittel = t(mote, 'innkalling.tittel', { utvalg: mote.utvalg.navn, dato: langDato(mote.dato) });
  return {
    ...commonData(mote, t(mote, 'innkalling.dokumenttype'), tittel),
    saksliste: saksliste(mote),
    vedlegg: mote.vedlegg.map(({ sak, vedlegg }) => ({ nummer: nummer(sak), tittel: vedlegg.tittel })),
    saksgrunnlag: mote.saksliste.grupper.map((g) => ({
      overskrift: g.overskrift && (g.type ? t(mote, `overskrifter.${g.type}`) : g.overskrift),
      saker: g.punkter
        .filter((p): p is SakPunkt => p.kind === 'sak')
        .map(({ sak }) => ({
          nummer: nummer(sak),
          tittel: sak.tittel,
          unntatt: sak.unntattOffentlighet,
          forslag: sak.forslagTilVedtak
            ? markdownToHtml(sak.forslagTilVedtak.markdown, { baseDir: mote.dir, filer: mote.filer })
            : undefined,
        })),
    })),
  };
}

export function sakslisteView(mote: Mote): SakslisteData {
  const tittel = t(mote, 'saksliste.tittel', { utvalg: mote.utvalg.navn, dato: langDato(mote.dato) });
  // The agenda alone is handed out and pinned up: it is set tighter to fit on as few pages as it can.
  return { ...commonData(mote, t(mote, 'saksliste.dokumenttype'), tittel), dokumentklasse: 'kompakt', saksliste: saksliste(mote) };
}

export function vedleggView(mote: Mote, sak: Sak): VedleggData {
  const tittel = t(mote, 'vedlegg.tittel', { nummer: nummer(sak), tittel: sak.tittel });
  return {
    ...commonData(mote, t(mote, 'vedlegg.dokumenttype', { nummer: nummer(sak) }), tittel),
    sak: {
      nummer: nummer(sak),
      tittel: sak.tittel,
      saksbehandler: sak.saksbehandler,
      unntatt: sak.unntattOffentlighet,
      saksfremlegg: markdownToHtml(sak.saksfremlegg, { baseDir: mote.dir, filer: mote.filer, topHeading: 2 }),
      forslag: sak.forslagTilVedtak ? markdownToHtml(sak.forslagTilVedtak.markdown, { baseDir: mote.dir, filer: mote.filer }) : undefined,
      vedlegg: sak.vedlegg.map((v) => ({ tittel: v.tittel, fil: v.fil })),
    },
  };
}

export interface ContentsLine {
  tittel: string;
  side: number;
  vedlegg: { tittel: string; side: number }[];
}

export function saksdokumenterView(mote: Mote, content: ContentsLine[]): SaksdokumenterData {
  const tittel = t(mote, 'saksdokumenter.tittel', { utvalg: mote.utvalg.navn, dato: langDato(mote.dato) });
  return { ...commonData(mote, t(mote, 'saksdokumenter.dokumenttype'), tittel), innhold: content };
}

/** «Enstemmig vedtatt.» or «Vedtatt med 5 mot 1 stemmer, 1 avsto.» */
export function avstemning(r: Referatsak, mote: Mote): string {
  const v = r.votering;
  if (!v) return t(mote, 'referat.enstemmig');
  return t(mote, v.avstar ? 'referat.votering_avsto' : 'referat.votering', { for: v.for, mot: v.mot, avstar: v.avstar });
}

function deltaker(d: Deltaker): Deltakerdata {
  return { navn: d.navn, rolle: d.medlem?.rolle, representerer: d.medlem?.representerer };
}

export function referatView(mote: Mote, referat: Referat): ReferatData {
  const tittel = t(mote, 'referat.tittel', { utvalg: mote.utvalg.navn, dato: langDato(mote.dato) });
  const md = (text: string | undefined) =>
    text ? markdownToHtml(text, { baseDir: mote.dir, filer: mote.filer, topHeading: 4 }) : undefined;
  const godkjent = referat.godkjent
    ? t(mote, referat.godkjent.sak ? 'referat.godkjent_i_sak' : 'referat.godkjent', {
        dato: langDato(referat.godkjent.dato),
        sak: referat.godkjent.sak && saksnummer(referat.godkjent.sak),
      })
    : undefined;
  return {
    ...commonData(mote, t(mote, referat.status === 'utkast' ? 'referat.dokumenttype_utkast' : 'referat.dokumenttype'), tittel),
    utkast: referat.status === 'utkast',
    // In the page margin on every page, as text a reader and a search can find; the large mark behind is only visual.
    sidemerke: referat.status === 'utkast' ? t(mote, 'felles.utkast_merke') : undefined,
    godkjent,
    antallMedlemmer: mote.utvalg.medlemmer.length,
    antallMott: referat.tilStede.filter((d) => d.medlem).length,
    tilStede: referat.tilStede.map(deltaker),
    forfall: referat.forfall.map(deltaker),
    andre: referat.andre,
    referent: referat.referent,
    saker: referat.saker.map((r) => {
      const sak = sakForReferat(mote, r);
      return {
        nummer: saksnummer(r.nummer),
        tittel: sak?.tittel ?? '',
        unntatt: sak?.unntattOffentlighet,
        notater: md(r.notater),
        vedtak: md(r.vedtatt),
        somForeslatt: r.somForeslatt,
        avstemning: r.vedtatt ? avstemning(r, mote) : undefined,
        voteringstekst: r.votering && md(r.votering.tekst.replace(/^[^\n]*\n?/, '')),
        protokolltilforsel: md(r.protokolltilforsel),
        inhabile: r.inhabile.map((i) => ({ navn: i.medlem.navn, rolle: i.medlem.rolle, grunn: i.grunn })),
      };
    }),
    eventuelt: md(referat.eventuelt),
  };
}

/** Every decision of a committee's year, from the referater of its meetings (in date order). */
export function vedtakslisteView(moter: readonly Mote[], ar: number): VedtakslisteData {
  const forste = moter[0]!;
  const tittel = t(forste, 'vedtaksliste.tittel', { utvalg: forste.utvalg.navn, ar });
  const dokumenttype = t(forste, 'vedtaksliste.dokumenttype');
  const base = commonData(forste, dokumenttype, tittel);
  return {
    ...base,
    topptekst: `${dokumenttype} · ${forste.utvalg.kortnavn} ${ar}`,
    utvalg: forste.utvalg.navn,
    ar,
    moter: moter
      .filter((m) => m.referat)
      .map((mote) => ({
        dato: langDato(mote.dato),
        utkast: mote.referat!.status === 'utkast',
        saker: mote.referat!.saker.map((r) => {
          const sak = sakForReferat(mote, r);
          return {
            nummer: saksnummer(r.nummer),
            tittel: sak?.tittel ?? '',
            unntatt: sak?.unntattOffentlighet,
            vedtak: r.vedtatt ? markdownToHtml(r.vedtatt, { baseDir: mote.dir, filer: mote.filer, topHeading: 4 }) : undefined,
          };
        }),
      })),
  };
}

/**
 * Converts the Markdown of a meeting's saker and referat one text at a time, with the event loop
 * running in between: the views made after it find every text converted (markdownToHtml keeps
 * what it made), and Ctrl-C during a meeting with many long saker is handled at the next sak.
 */
export async function renderMarkdownAhead(mote: Mote): Promise<void> {
  for (const sak of mote.saker) {
    await yieldToEventLoop();
    vedleggView(mote, sak);
  }
  await yieldToEventLoop();
  if (mote.referat) referatView(mote, mote.referat);
}
