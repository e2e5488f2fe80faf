import { tilleggsinnkallingFile } from '../domain/journal.js';
import { type Fraser, frase, ukedagPa } from '../domain/sprak.js';
import type { Mote, Sak } from '../domain/types.js';
import { sakForReferat } from '../pipeline/model/referat.js';
import { klokkeslett, langDato, saksnummer } from '../pipeline/model/tid.js';
import { markdownToHtml, type ReferanseLenker } from '../pipeline/render/markdown.js';
import type {
  Alternativ,
  ArPageData,
  AvlystMerke,
  CommonPage,
  IndeksPageData,
  MoteIListe,
  MotePageData,
  PageVedtak,
  SakPageData,
  SokPageData,
  Stisteg,
  UtvalgLenker,
  UtvalgPageData,
  VedtakslisteLenke,
} from '../pipeline/render/site-views.js';
import { avstemning } from '../pipeline/render/views.js';
import {
  arPageHref,
  motePageHref,
  relativTil,
  sakPageHref,
  saksfremleggHref,
  utvalgKalenderHref,
  utvalgPageHref,
  utvalgStromHref,
} from './adresser.js';

/**
 * The data of the site's pages, from the public version of each meeting (pure: no files). Every
 * fixed text comes from the phrase file of the page's language: a meeting's pages in the
 * meeting's, the front page and the committee pages in the organisation's.
 */

/** Later saker that refer to a sak (publish/saksregister.ts). */
export type NevntI = (mote: Mote, sak: Sak) => readonly { mote: Mote; sak: Sak }[];

/** PDF pages by file name relative to the meeting's folder on the site (`vedlegg/sak-13-25.pdf`). */
export type Sidetall = ReadonlyMap<string, number>;

/** When each file was published, relative to the meeting's folder: `publisert 22. mai 2025`. */
export type Publisert = Readonly<Record<string, string>>;

export const pages = (f: Fraser, n: number) => (n === 1 ? frase(f, 'nettsted.en_side') : frase(f, 'nettsted.sider', { antall: n }));

const stor = (text: string) => text.replace(/^./, (c) => c.toUpperCase());

/** The meeting's documents in the order of its page: file and the phrase that names it. */
export function moteDokumenter(mote: Mote): [string, string][] {
  const f = mote.fraser;
  return [
    ['innkalling.pdf', frase(f, 'nettsted.dok_innkalling')],
    ['saksliste.pdf', frase(f, 'nettsted.dok_saksliste')],
    ['saksdokumenter.pdf', frase(f, 'nettsted.dok_saksdokumenter')],
    ['referat.pdf', frase(f, 'nettsted.dok_referat')],
    ...mote.utsendelser
      .slice(1)
      .map((u): [string, string] => [
        tilleggsinnkallingFile(u.nr),
        frase(f, 'nettsted.tilleggsinnkalling_dok', { dato: langDato(u.dato) }),
      ]),
  ];
}

export function moteTittel(mote: Mote): string {
  return frase(mote.fraser, 'nettsted.mote_tittel', { utvalg: mote.utvalg.navn, dato: langDato(mote.dato) });
}

/** The links in <head> to the committee's feed and calendar, from the page at `side`. */
function alternativer(mote: Mote, page: string): Alternativ[] {
  const f = mote.fraser;
  return [
    {
      type: 'application/atom+xml',
      href: relativTil(page, utvalgStromHref(mote.utvalg.key)),
      tittel: frase(f, 'nettsted.strom_utvalg', { utvalg: mote.utvalg.navn }),
    },
    {
      type: 'text/calendar',
      href: relativTil(page, utvalgKalenderHref(mote.utvalg.key)),
      tittel: frase(f, 'nettsted.kalender_utvalg', { utvalg: mote.utvalg.navn }),
    },
  ];
}

/** Front page › committee › year › meeting, from the page at `side`. */
function motePath(mote: Mote, page: string): Stisteg[] {
  const f = mote.fraser;
  const ar = mote.dato.slice(0, 4);
  return [
    { tekst: frase(f, 'nettsted.moteskrifter'), href: relativTil(page, 'index.html') },
    { tekst: mote.utvalg.navn, href: relativTil(page, utvalgPageHref(mote.utvalg.key)) },
    { tekst: ar, href: relativTil(page, arPageHref(mote.utvalg.key, ar)) },
  ];
}

function felles(mote: Mote, page: string, organisasjon: string): Omit<CommonPage, 'tittel'> {
  return {
    rot: relativTil(page, ''),
    lang: mote.fraser.lang,
    fraser: mote.fraser,
    organisasjon,
    alternativer: alternativer(mote, page),
    indekser: true,
  };
}

/** The decision of a sak as the approved referat has it; undefined before the referat is approved. */
function vedtakFor(offentlig: Mote, sak: Sak, referanser?: ReferanseLenker): PageVedtak | undefined {
  if (offentlig.referat?.status !== 'godkjent' || !sak.nummer) return undefined;
  const r = offentlig.referat.saker.find((r) => r.nummer.lopenummer === sak.nummer!.lopenummer && r.nummer.ar === sak.nummer!.ar);
  return r ? { tekst: r.vedtatt ? markdownToHtml(r.vedtatt, { referanser }) : '', avstemning: avstemning(r, offentlig) } : undefined;
}

function vedtakMessage(offentlig: Mote): string {
  if (offentlig.avlyst && !offentlig.referat) return frase(offentlig.fraser, 'nettsted.avlyst_ingen_referat');
  return frase(offentlig.fraser, offentlig.referat ? 'nettsted.vedtak_venter' : 'nettsted.ikke_referat');
}

/** The meeting's PDFs that this run published, in the order of its page. */
function moteDokumentLenker(offentlig: Mote, pdfer: Sidetall, publisert: Publisert): MotePageData['dokumenter'] {
  const f = offentlig.fraser;
  const godkjent = offentlig.referat?.status === 'godkjent';
  return moteDokumenter(offentlig)
    .filter(([file]) => pdfer.has(file))
    .map(([file, text]) => ({
      href: file,
      tekst: file === 'referat.pdf' && !godkjent ? frase(f, 'nettsted.dok_referat_utkast') : text,
      sider: pages(f, pdfer.get(file)!),
      publisert: publisert[file],
    }));
}

/** The saksliste's rows: the numbered saker, then Eventuelt, each with its time and case paper. */
function moteSakRader(offentlig: Mote, pdfer: Sidetall): MotePageData['saker'] {
  const f = offentlig.fraser;
  const punkter = offentlig.saksliste.grupper.flatMap((g) => g.punkter).filter((p) => p.kind === 'sak');
  const inFolder = (href: string | undefined) => href?.slice(offentlig.mappe.length + 1);
  return [...punkter, ...offentlig.saksliste.eventuelt.saker].map(({ sak, start, slutt: end }) => {
    const pdf = inFolder(saksfremleggHref(offentlig, sak));
    return {
      // Eventuelt items have no number (and no case paper of their own): the column says where they stand.
      nummer: sak.nummer ? saksnummer(sak.nummer) : frase(f, 'felles.eventuelt'),
      tittel: sak.tittel,
      // An exempt sak's page holds no more than its row here: the row does not link to it.
      side: sak.unntattOffentlighet ? undefined : inFolder(sakPageHref(offentlig, sak)),
      unntatt: sak.unntattOffentlighet,
      trukket: sak.trukket,
      tid: `${klokkeslett(start)}–${klokkeslett(end)}`,
      dokument: pdf && pdfer.has(pdf) ? { href: pdf, sider: pages(f, pdfer.get(pdf)!) } : undefined,
    };
  });
}

/** The decisions of the approved referat; undefined before it is approved. */
function moteVedtak(offentlig: Mote, referanser?: ReferanseLenker): MotePageData['vedtak'] {
  if (offentlig.referat?.status !== 'godkjent') return undefined;
  return offentlig.referat.saker.map((r) => {
    const sak = sakForReferat(offentlig, r);
    return {
      id: saksnummer(r.nummer).replace('.', '-'),
      nummer: saksnummer(r.nummer),
      tittel: sak?.tittel ?? '',
      unntatt: sak?.unntattOffentlighet,
      tekst: r.vedtatt ? markdownToHtml(r.vedtatt, { referanser }) : '',
      avstemning: avstemning(r, offentlig),
    };
  });
}

/** The meeting's page; `offentlig` is the public version of the meeting. */
export function motePageData(
  offentlig: Mote,
  pdfer: Sidetall,
  publisert: Publisert,
  organisasjon: string,
  referanser?: ReferanseLenker,
): Omit<MotePageData, 'tidligere' | 'kalender'> {
  const f = offentlig.fraser;
  const page = motePageHref(offentlig);
  const godkjent = offentlig.referat?.status === 'godkjent';
  return {
    ...felles(offentlig, page, organisasjon),
    tittel: moteTittel(offentlig),
    sti: [
      ...motePath(offentlig, page),
      { tekst: frase(f, 'nettsted.mote_kort', { kortnavn: offentlig.utvalg.kortnavn, dato: langDato(offentlig.dato) }) },
    ],
    dato: langDato(offentlig.dato),
    ukedag: stor(ukedagPa(f, offentlig.dato)),
    start: klokkeslett(offentlig.start),
    slutt: klokkeslett(offentlig.slutt),
    sted: offentlig.sted,
    avlyst: avlystMerke(offentlig.avlyst, f),
    utsendt: offentlig.utsendelser.map((u) => ({
      tekst: frase(f, u.type === 'innkalling' ? 'nettsted.innkalling_sendt' : 'nettsted.tilleggsinnkalling_sendt'),
      dato: langDato(u.dato),
    })),
    godkjent: godkjent && offentlig.referat?.godkjent ? langDato(offentlig.referat.godkjent.dato) : undefined,
    dokumenter: moteDokumentLenker(offentlig, pdfer, publisert),
    saker: moteSakRader(offentlig, pdfer),
    vedtak: moteVedtak(offentlig, referanser),
    vedtakMelding: vedtakMessage(offentlig),
  };
}

/** The page of one numbered sak of the public version; an exempt one shows its public title and the exemption only. */
export function sakPageData(
  offentlig: Mote,
  sak: Sak,
  pdfer: Sidetall,
  publisert: Publisert,
  nevnt: ReturnType<NevntI>,
  organisasjon: string,
  referanser?: ReferanseLenker,
): SakPageData {
  const f = offentlig.fraser;
  const page = sakPageHref(offentlig, sak)!;
  const nummer = saksnummer(sak.nummer!);
  const tittel = frase(f, 'nettsted.sak_tittel', { nummer, tittel: sak.tittel });
  const base = {
    ...felles(offentlig, page, organisasjon),
    tittel,
    sti: [...motePath(offentlig, page), { tekst: `${frase(f, 'felles.sak')} ${nummer}` }],
  };
  if (sak.unntattOffentlighet) return { ...base, unntatt: frase(f, 'nettsted.unntatt_merknad', { hjemmel: sak.unntattOffentlighet }) };
  const pdf = saksfremleggHref(offentlig, sak)!.slice(offentlig.mappe.length + 1);
  return {
    ...base,
    nummer,
    type: frase(f, `nettsted.type_${sak.type}`),
    mote: { href: 'index.html', tekst: moteTittel(offentlig) },
    trukket: sak.trukket,
    dokument: pdfer.has(pdf) ? { href: pdf, sider: pages(f, pdfer.get(pdf)!), publisert: publisert[pdf] } : undefined,
    vedlegg: sak.vedlegg.map((v) => ({
      tittel: v.tittel,
      nr: v.nr,
      deler: (v.deler ?? []).map((d) => ({ tittel: d.tittel, nr: d.nr })),
    })),
    vedleggEgneNr: sak.vedlegg.some((v) => v.nr !== undefined),
    forslag: sak.forslagTilVedtak ? markdownToHtml(sak.forslagTilVedtak.markdown, { referanser }) : undefined,
    vedtak: vedtakFor(offentlig, sak, referanser),
    vedtakMelding: vedtakMessage(offentlig),
    nevntI: nevnt.map((n) => {
      const s = n.sak.unntattOffentlighet ? { ...n.sak, tittel: n.sak.offentligTittel ?? n.sak.tittel } : n.sak;
      return {
        href: relativTil(page, sakPageHref(n.mote, s) ?? motePageHref(n.mote)),
        tekst: `${frase(f, 'felles.sak')} ${s.nummer ? saksnummer(s.nummer) : ''} ${s.tittel} (${moteTittel(n.mote)})`.replace('  ', ' '),
      };
    }),
  };
}

/** «Avlyst» and the reason, for a cancelled meeting's page and its place in the lists. */
function avlystMerke(grunn: string | undefined, f: Fraser): AvlystMerke | undefined {
  if (grunn === undefined) return undefined;
  return {
    merke: frase(f, 'nettsted.avlyst'),
    merknad: frase(f, 'nettsted.avlyst_merknad'),
    grunn: grunn ? frase(f, 'nettsted.avlyst_grunn', { grunn }) : undefined,
  };
}

/** A meeting in the lists of the front page and the year pages, linked from the page at `side`. */
function moteIListe(mote: Mote, f: Fraser, page: string): MoteIListe {
  return {
    avlyst: avlystMerke(mote.avlyst, f),
    mappe: mote.mappe,
    href: relativTil(page, motePageHref(mote)),
    lenketekst: frase(f, 'nettsted.mote_lenke', { ukedag: ukedagPa(f, mote.dato), dato: langDato(mote.dato) }),
    sted: mote.sted,
    referat: mote.referat ? frase(f, mote.referat.status === 'godkjent' ? 'nettsted.merke_godkjent' : 'nettsted.merke_utkast') : undefined,
    referatFarge: mote.referat?.status === 'godkjent' ? 'success' : 'warning',
  };
}

export interface Utvalgsar {
  key: string;
  navn: string;
  kortnavn: string;
  ar: string;
  /** Newest first. */
  moter: Mote[];
  vedtaksliste?: { href: string; sider: number };
}

/** The committee's calendar and feed, linked from the page at `side`. */
function utvalgLenker(f: Fraser, key: string, name: string, page: string): UtvalgLenker {
  return {
    kalenderHref: relativTil(page, utvalgKalenderHref(key)),
    kalenderTekst: frase(f, 'nettsted.kalender_utvalg', { utvalg: name }),
    stromHref: relativTil(page, utvalgStromHref(key)),
    stromTekst: frase(f, 'nettsted.strom_utvalg', { utvalg: name }),
  };
}

function organisasjonFelles(f: Fraser, page: string, organisasjon: string): Omit<CommonPage, 'tittel'> {
  return { rot: relativTil(page, ''), lang: f.lang, fraser: f, organisasjon };
}

function vedtaksliste(f: Fraser, a: Utvalgsar, page: string): VedtakslisteLenke | undefined {
  return a.vedtaksliste
    ? {
        href: relativTil(page, a.vedtaksliste.href),
        tekst: frase(f, 'nettsted.dok_vedtaksliste', { utvalg: a.navn, ar: a.ar }),
        sider: pages(f, a.vedtaksliste.sider),
      }
    : undefined;
}

/** The front page: every committee, its years and meetings, newest first. */
export function indeksPageData(
  utvalg: readonly { key: string; navn: string; ar: Utvalgsar[] }[],
  f: Fraser,
  organisasjon: string,
): IndeksPageData {
  return {
    ...organisasjonFelles(f, 'index.html', organisasjon),
    tittel: frase(f, 'nettsted.dokumenter_fra', { organisasjon }),
    alternativer: [{ type: 'application/atom+xml', href: 'feed.xml', tittel: frase(f, 'nettsted.strom') }],
    sokHref: 'sok.html',
    stromHref: 'feed.xml',
    utvalg: utvalg.map((u) => ({
      key: u.key,
      navn: u.navn,
      href: utvalgPageHref(u.key),
      ...utvalgLenker(f, u.key, u.navn, 'index.html'),
      ar: u.ar.map((a) => ({
        ar: a.ar,
        href: arPageHref(u.key, a.ar),
        moter: a.moter.map((m) => moteIListe(m, f, 'index.html')),
        vedtaksliste: vedtaksliste(f, a, 'index.html'),
      })),
    })),
  };
}

function utvalgAlternativer(f: Fraser, key: string, name: string, page: string): Alternativ[] {
  return [
    {
      type: 'application/atom+xml',
      href: relativTil(page, utvalgStromHref(key)),
      tittel: frase(f, 'nettsted.strom_utvalg', { utvalg: name }),
    },
    {
      type: 'text/calendar',
      href: relativTil(page, utvalgKalenderHref(key)),
      tittel: frase(f, 'nettsted.kalender_utvalg', { utvalg: name }),
    },
  ];
}

/** A committee's page: its years, its calendar and its feed. */
export function utvalgPageData(u: { key: string; navn: string; ar: Utvalgsar[] }, f: Fraser, organisasjon: string): UtvalgPageData {
  const page = utvalgPageHref(u.key);
  return {
    ...organisasjonFelles(f, page, organisasjon),
    tittel: u.navn,
    alternativer: utvalgAlternativer(f, u.key, u.navn, page),
    sti: [{ tekst: frase(f, 'nettsted.moteskrifter'), href: relativTil(page, 'index.html') }, { tekst: u.navn }],
    ...utvalgLenker(f, u.key, u.navn, page),
    ar: u.ar.map((a) => ({ href: `${a.ar}/index.html`, tekst: frase(f, 'nettsted.moter_ar', { ar: a.ar }) })),
  };
}

/** A committee's year: its meetings with their saker, each sak in its meeting's language. */
export function arPageData(a: Utvalgsar, f: Fraser, organisasjon: string): ArPageData {
  const page = arPageHref(a.key, a.ar);
  return {
    ...organisasjonFelles(f, page, organisasjon),
    tittel: frase(f, 'nettsted.utvalg_ar', { utvalg: a.navn, ar: a.ar }),
    alternativer: utvalgAlternativer(f, a.key, a.navn, page),
    sti: [
      { tekst: frase(f, 'nettsted.moteskrifter'), href: relativTil(page, 'index.html') },
      { tekst: a.navn, href: relativTil(page, utvalgPageHref(a.key)) },
      { tekst: a.ar },
    ],
    ...utvalgLenker(f, a.key, a.navn, page),
    vedtaksliste: vedtaksliste(f, a, page),
    moter: a.moter.map((m) => ({
      ...moteIListe(m, f, page),
      lang: m.fraser.lang,
      saker: m.saker
        .filter((s) => s.nummer)
        .map((s) => ({
          nummer: saksnummer(s.nummer!),
          tittel: s.tittel,
          side: s.unntattOffentlighet ? undefined : relativTil(page, sakPageHref(m, s)!),
          unntatt: s.unntattOffentlighet,
        })),
    })),
  };
}

/** The search page: the only one with JavaScript. */
export function sokPageData(f: Fraser, andreSprak: readonly string[], organisasjon: string): SokPageData {
  return {
    ...organisasjonFelles(f, 'sok.html', organisasjon),
    tittel: frase(f, 'nettsted.sok_tittel'),
    sokeside: true,
    sti: [{ tekst: frase(f, 'nettsted.moteskrifter'), href: 'index.html' }, { tekst: frase(f, 'nettsted.sok_tittel') }],
    andreSprak: JSON.stringify(andreSprak),
    pagefindCss: 'pagefind/pagefind-ui.css',
    pagefindJs: 'pagefind/pagefind-ui.js',
  };
}
