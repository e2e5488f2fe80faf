import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { frase, ukedagPa } from '../../domain/sprak.js';
import type {
  Deltaker,
  Mote,
  Referat,
  Referatsak,
  Sak,
  SakPunkt,
  Sakslistepunkt,
  Saksnummer,
  Stemme,
  Vedlegg,
} from '../../domain/types.js';
import { withDeler } from '../../domain/types.js';
import { yieldToEventLoop } from '../../util/event-loop.js';
import { listWords } from '../../util/suggest.js';
import { tilStedeISaken } from '../model/deltakelse.js';
import { kjenteUtvalg } from '../model/referanser.js';
import { sakForReferat } from '../model/referat.js';
import { klokkeslett, langDato, saksnummer } from '../model/tid.js';
import { markdownToHtml, type ReferanseLenker } from './markdown.js';
import { ANNEN_DEL_URL, sakAnker } from './referanser.js';

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
  trukket: Sak['trukket'];
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

/** A sak in the innkalling's saksgrunnlag: its proposal, and for an Eventuelt item (which has no case paper) its text. */
export interface Grunnlagsakdata {
  nummer: string;
  /** The section's id, which references in the document link to; undefined for an Eventuelt item. */
  anker: string | undefined;
  tittel: string;
  unntatt: Sak['unntattOffentlighet'];
  forslag: string | undefined;
  tekst: string | undefined;
  /** The sak heading's level: 4 under a group heading (h3), else 3, so that no level is skipped. */
  niva: 3 | 4;
}

/** The proposals of an innkalling's saker, under the agenda's headings (and its Eventuelt items with something to show). */
export type Saksgrunnlag = { overskrift: string | undefined; saker: Grunnlagsakdata[] }[];

/** One attachment in a list: `nr` is the label the author gave it, `deler` its parts (with `egneNr` when they have labels). */
export interface Vedleggspunkt {
  tittel: string;
  nr: string | undefined;
  fil: string | undefined;
  deler: Vedleggspunkt[];
  egneNr?: boolean;
}

/** A line of «Vedlegg til innkallingen»: the sak it belongs to. */
export type Vedleggslinje = Vedleggspunkt & { nummer: string };

/** innkalling.hbs */
export interface InnkallingData extends CommonData {
  saksliste: Sakslistedata;
  vedlegg: Vedleggslinje[];
  saksgrunnlag: Saksgrunnlag;
  /** What changed in its saker after it was sent (empty before, and when nothing did). */
  endringer: { nummer: string; tittel: string; tekst: string }[];
}

/** tilleggsinnkalling.hbs: the saker a later sending added. */
export interface TilleggsinnkallingData extends CommonData {
  innledning: string;
  saksliste: Sakslistedata;
  vedlegg: Vedleggslinje[];
  saksgrunnlag: Saksgrunnlag;
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
    vedlegg: Vedleggspunkt[];
    /** The attachments have their own labels (`nr:`), shown instead of 1, 2, 3 … */
    egneNr: boolean;
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
  /** For a member who came late or left early: «fra sak 14.25», «til og med sak 15.25». */
  tidsrom: string | undefined;
}

/** One sak of the referat. */
export interface Referatsakdata {
  nummer: string;
  /** The section's id, which references in the referat link to. */
  anker: string;
  tittel: string;
  unntatt: Sak['unntattOffentlighet'] | undefined;
  notater: string | undefined;
  vedtak: string | undefined;
  somForeslatt: Referatsak['somForeslatt'];
  avstemning: string | undefined;
  /** How the members voted, by name, for each kind the referat names: «For», «Kari Nordmann og Ola Hansen». */
  stemmer: { etikett: string; navn: string }[];
  voteringstekst: string | undefined;
  protokolltilforsel: string | undefined;
  inhabile: { navn: string; rolle: string | undefined; grunn: string | undefined }[];
  /** «Til stede under saken: 6 av 8 medlemmer.» when fewer or more were present than met. */
  tilStede: string | undefined;
  /** Why it was withdrawn after the innkalling went out; it has no notes then. */
  trukket: string | undefined;
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
  saker: Referatsakdata[];
  /** The Eventuelt items on the agenda, each with its legal basis when exempt; the notes below them. */
  eventueltSaker: { tittel: string; unntatt: Sak['unntattOffentlighet'] }[];
  eventuelt: string | undefined;
  rettelser: { dato: string; tekst: string }[];
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
    // In a table cell, where a heading has no place in the document's outline.
    beskrivelse: sak.beskrivelse ? markdownToHtml(sak.beskrivelse, { baseDir: mote.dir, filer: mote.files, flat: true }) : undefined,
    unntatt: sak.unntattOffentlighet,
    trukket: sak.trukket,
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
    vedlegg: vedleggsliste(mote),
    saksgrunnlag: saksgrunnlag(mote),
    endringer: endringer(mote),
  };
}

function vedleggsliste(mote: Mote): InnkallingData['vedlegg'] {
  return mote.vedlegg.map(({ sak, vedlegg }) => ({ nummer: nummer(sak), ...vedleggspunkt(vedlegg) }));
}

/** An attachment as the lists show it: its label when it has one, and its parts. */
function vedleggspunkt(vedlegg: Vedlegg): Vedleggspunkt {
  const deler = (vedlegg.deler ?? []).map((d) => ({ tittel: d.tittel, nr: d.nr, fil: d.file, deler: [] }));
  return { tittel: vedlegg.tittel, nr: vedlegg.nr, fil: vedlegg.file, deler, egneNr: deler.some((d) => d.nr !== undefined) };
}

/** References in a meeting's text that lead to `lenker` (by sak number), for this meeting's committee. */
function referanseLenker(mote: Mote, lenker: [string, string][]): ReferanseLenker {
  return { lenker: new Map(lenker), utvalg: mote.utvalg.kortnavn, kjente: kjenteUtvalg(mote.organisasjon) };
}

/** Within one document: each of these saker by the id of its section there. */
function ankerLenker(mote: Mote, numre: readonly (Saksnummer | undefined)[]): ReferanseLenker {
  return referanseLenker(
    mote,
    numre.flatMap((n) => (n ? [[saksnummer(n), `#${sakAnker(n)}`] as [string, string]] : [])),
  );
}

function saksgrunnlag(mote: Mote): Saksgrunnlag {
  const her = mote.saksliste.grupper.flatMap((g) => g.punkter.flatMap((p) => (p.kind === 'sak' ? [p.sak] : [])));
  const grunnlagsak = (m: Mote, sak: Sak, niva: 3 | 4) =>
    grunnlagsakMed(
      m,
      sak,
      niva,
      ankerLenker(
        m,
        her.filter((s) => s !== sak).map((s) => s.nummer),
      ),
    );
  return [
    ...mote.saksliste.grupper.map((g) => {
      const overskrift = g.overskrift && (g.type ? t(mote, `overskrifter.${g.type}`) : g.overskrift);
      return {
        overskrift,
        saker: g.punkter.filter((p): p is SakPunkt => p.kind === 'sak').map(({ sak }) => grunnlagsak(mote, sak, overskrift ? 4 : 3)),
      };
    }),
    ...eventueltGrunnlag(mote, grunnlagsak),
  ];
}

/** The saker of a sent innkalling that changed or were withdrawn after it went out. */
function endringer(mote: Mote): InnkallingData['endringer'] {
  const sendt = mote.utsendelser[0];
  if (!sendt) return [];
  const dato = langDato(sendt.dato);
  return mote.saker.flatMap((sak) => {
    if (sak.trukket)
      return [{ nummer: nummer(sak), tittel: sak.tittel, tekst: t(mote, 'innkalling.trukket', { dato, grunn: sak.trukket }) }];
    if (!sak.endret?.length) return [];
    const hva = sak.endret.map((e, i) => t(mote, `innkalling.endring_${e}`).replace(/^./, (c) => (i === 0 ? c : c.toLowerCase())));
    return [{ nummer: nummer(sak), tittel: sak.tittel, tekst: t(mote, 'innkalling.endret', { hva: listWords(hva), dato }) }];
  });
}

/** The meeting's sending `nr` (2 or later): only the saker it added, timed as the agenda is now. */
export function tilleggsinnkallingView(mote: Mote, nr: number): TilleggsinnkallingData {
  const tittel = t(mote, 'tilleggsinnkalling.tittel', { utvalg: mote.utvalg.navn, dato: langDato(mote.dato) });
  const her = (sak: Sak) => sak.utsendelse === nr;
  const utvalgt: Mote = {
    ...mote,
    saksliste: {
      ...mote.saksliste,
      grupper: mote.saksliste.grupper
        .map((g) => ({ ...g, punkter: g.punkter.filter((p) => p.kind === 'sak' && her(p.sak)) }))
        .filter((g) => g.punkter.length > 0),
      eventuelt: { ...mote.saksliste.eventuelt, saker: mote.saksliste.eventuelt.saker.filter((p) => her(p.sak)) },
    },
    vedlegg: mote.vedlegg.filter((v) => her(v.sak)),
  };
  const forste = mote.utsendelser[0];
  return {
    ...commonData(mote, t(mote, 'tilleggsinnkalling.dokumenttype'), tittel),
    innledning: t(mote, 'tilleggsinnkalling.innledning', { dato: forste ? langDato(forste.dato) : '' }),
    saksliste: saksliste(utvalgt),
    vedlegg: vedleggsliste(utvalgt),
    saksgrunnlag: saksgrunnlag(utvalgt),
  };
}

function grunnlagsakMed(mote: Mote, sak: Sak, niva: 3 | 4, referanser: ReferanseLenker): Grunnlagsakdata {
  const md = (text: string, topHeading?: number) => markdownToHtml(text, { baseDir: mote.dir, filer: mote.files, topHeading, referanser });
  return {
    nummer: nummer(sak),
    anker: sak.nummer ? sakAnker(sak.nummer) : undefined,
    tittel: sak.tittel,
    unntatt: sak.unntattOffentlighet,
    forslag: sak.forslagTilVedtak ? md(sak.forslagTilVedtak.markdown, niva + 1) : undefined,
    // Numbered saker have their text in their own case paper; an Eventuelt item has it here (under its heading).
    tekst: sak.type === 'eventuelt' && sak.harSaksfremlegg ? md(sak.saksfremlegg, niva + 1) : undefined,
    niva,
  };
}

/**
 * The Eventuelt items with more to show than their title on the agenda: text, a proposal,
 * attachments, or that they are exempt (said here as for every other exempt sak).
 */
function eventueltGrunnlag(mote: Mote, grunnlagsak: (m: Mote, sak: Sak, niva: 3 | 4) => Grunnlagsakdata): InnkallingData['saksgrunnlag'] {
  const saker = mote.saksliste.eventuelt.saker
    .map((p) => p.sak)
    .filter((s) => s.harSaksfremlegg || s.forslagTilVedtak || s.vedlegg.length > 0 || s.unntattOffentlighet);
  if (saker.length === 0) return [];
  return [{ overskrift: t(mote, 'overskrifter.eventuelt'), saker: saker.map((sak) => grunnlagsak(mote, sak, 4)) }];
}

export function sakslisteView(mote: Mote): SakslisteData {
  const tittel = t(mote, 'saksliste.tittel', { utvalg: mote.utvalg.navn, dato: langDato(mote.dato) });
  // The agenda alone is handed out and pinned up: it is set tighter to fit on as few pages as it can.
  return { ...commonData(mote, t(mote, 'saksliste.dokumenttype'), tittel), dokumentklasse: 'kompakt', saksliste: saksliste(mote) };
}

/** A sak that has a case paper of its own (build/plan.ts makes one), which saksdokumenter.pdf holds. */
function harEgetSaksfremlegg(sak: Sak): boolean {
  return sak.harSaksfremlegg || withDeler(sak.vedlegg).some((v) => v.file);
}

export function vedleggView(mote: Mote, sak: Sak): VedleggData {
  const tittel = t(mote, 'vedlegg.tittel', { nummer: nummer(sak), tittel: sak.tittel });
  // The other saker are in other documents: saksdokumenter.pdf links to them (assemble/referanselenker.ts).
  const referanser = referanseLenker(
    mote,
    mote.saker
      .filter((s) => s !== sak && s.nummer && harEgetSaksfremlegg(s))
      .map((s) => [saksnummer(s.nummer!), `${ANNEN_DEL_URL}${saksnummer(s.nummer!)}`]),
  );
  return {
    ...commonData(mote, t(mote, 'vedlegg.dokumenttype', { nummer: nummer(sak) }), tittel),
    sak: {
      nummer: nummer(sak),
      tittel: sak.tittel,
      saksbehandler: sak.saksbehandler,
      unntatt: sak.unntattOffentlighet,
      saksfremlegg: markdownToHtml(sak.saksfremlegg, { baseDir: mote.dir, filer: mote.files, topHeading: 2, referanser }),
      forslag: sak.forslagTilVedtak
        ? markdownToHtml(sak.forslagTilVedtak.markdown, { baseDir: mote.dir, filer: mote.files, topHeading: 3, referanser })
        : undefined,
      vedlegg: sak.vedlegg.map(vedleggspunkt),
      egneNr: sak.vedlegg.some((v) => v.nr !== undefined),
    },
  };
}

export interface ContentsLine {
  tittel: string;
  side: number;
  vedlegg: { tittel: string; nr?: string; side: number }[];
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

function deltaker(d: Deltaker, mote: Mote): Deltakerdata {
  const fra = d.fraSak && t(mote, 'referat.fra_sak', { sak: saksnummer(d.fraSak) });
  const til = d.tilSak && t(mote, 'referat.til_sak', { sak: saksnummer(d.tilSak) });
  const tidsrom = [fra, til].filter(Boolean).join(', ') || undefined;
  return { navn: d.navn, rolle: d.medlem.rolle, representerer: d.medlem.representerer, tidsrom };
}

const STEMMEETIKETT: Record<Stemme, string> = { for: 'referat.stemte_for', mot: 'referat.stemte_mot', avstar: 'referat.avsto' };

function referatsak(mote: Mote, r: Referatsak, mottCount: number, md: (text: string | undefined) => string | undefined): Referatsakdata {
  const sak = sakForReferat(mote, r);
  const tilStede = tilStedeISaken(r).length;
  const name = r.votering?.navn ?? {};
  return {
    nummer: saksnummer(r.nummer),
    anker: sakAnker(r.nummer),
    tittel: sak?.tittel ?? '',
    unntatt: sak?.unntattOffentlighet,
    notater: md(r.notater),
    vedtak: md(r.vedtatt),
    somForeslatt: r.somForeslatt,
    avstemning: r.vedtatt ? avstemning(r, mote) : undefined,
    stemmer: (['for', 'mot', 'avstar'] as const).flatMap((stemme) => {
      const medlemmer = name[stemme] ?? [];
      return medlemmer.length ? [{ etikett: t(mote, STEMMEETIKETT[stemme]), navn: listWords(medlemmer.map((m) => m.navn)) }] : [];
    }),
    voteringstekst: r.votering && md(r.votering.tekst),
    protokolltilforsel: md(r.protokolltilforsel),
    inhabile: r.inhabile.map((i) => ({ navn: i.medlem.navn, rolle: i.medlem.rolle, grunn: i.grunn })),
    tilStede:
      tilStede === mottCount
        ? undefined
        : t(mote, 'referat.til_stede_i_saken', { antall: tilStede, medlemmer: mote.utvalg.medlemmer.length }),
    trukket: undefined,
  };
}

export function referatView(mote: Mote, referat: Referat): ReferatData {
  const tittel = t(mote, 'referat.tittel', { utvalg: mote.utvalg.navn, dato: langDato(mote.dato) });
  // Text under a sak (h3) starts at h4; Eventuelt is an h2 of its own.
  const referanser = ankerLenker(
    mote,
    withWithdrawn(mote, referat.saker).map((r) => r.nummer),
  );
  const md = (text: string | undefined, topHeading = 4) =>
    text ? markdownToHtml(text, { baseDir: mote.dir, filer: mote.files, topHeading, referanser }) : undefined;
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
    antallMott: referat.tilStede.length,
    tilStede: referat.tilStede.map((d) => deltaker(d, mote)),
    forfall: referat.forfall.map((d) => deltaker(d, mote)),
    andre: referat.andre,
    referent: referat.referent,
    saker: withWithdrawn(mote, referat.saker).map((r) =>
      'notater' in r ? referatsak(mote, r, referat.tilStede.length, md) : withdrawnInReferat(r),
    ),
    eventueltSaker: mote.saksliste.eventuelt.saker.map(({ sak }) => ({ tittel: sak.tittel, unntatt: sak.unntattOffentlighet })),
    eventuelt: md(referat.eventuelt, 3),
    rettelser: referat.rettelser.map((r) => ({ dato: langDato(r.dato), tekst: r.tekst })),
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
            // Under the meeting's h2; the sak's title in the table is not a heading.
            vedtak: r.vedtatt ? markdownToHtml(r.vedtatt, { baseDir: mote.dir, filer: mote.files, topHeading: 3 }) : undefined,
          };
        }),
      })),
  };
}

/** The referat's saker in number order, with the withdrawn ones (which have no section) in their place. */
function withWithdrawn(mote: Mote, saker: readonly Referatsak[]): (Referatsak | Sak)[] {
  const trukne = mote.saker.filter((s) => s.trukket && s.nummer && !saker.some((r) => r.nummer.lopenummer === s.nummer!.lopenummer));
  const key = (x: Referatsak | Sak) => x.nummer?.lopenummer ?? 0;
  return [...saker, ...trukne].sort((a, b) => key(a) - key(b));
}

function withdrawnInReferat(sak: Sak): ReferatData['saker'][number] {
  return {
    nummer: nummer(sak),
    anker: sakAnker(sak.nummer!),
    tittel: sak.tittel,
    unntatt: sak.unntattOffentlighet,
    notater: undefined,
    vedtak: undefined,
    somForeslatt: false,
    avstemning: undefined,
    stemmer: [],
    voteringstekst: undefined,
    protokolltilforsel: undefined,
    inhabile: [],
    tilStede: undefined,
    trukket: sak.trukket,
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
