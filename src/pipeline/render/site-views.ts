import type { Fraser } from '../../domain/sprak.js';

/**
 * The data each page of the site gets (templates/nettsted/*.hbs), as publish/sider.ts builds it:
 * the site's counterpart of the documents' views in views.ts. Hrefs are relative to the page.
 */

/** A link in <head> to a feed or a calendar. */
export interface Alternativ {
  type: string;
  href: string;
  tittel: string;
}

/** One step of «Du er her»: the last one, the page itself, has no link. */
export interface Stisteg {
  tekst: string;
  href?: string;
}

/** What the frame (nettsted/ramme.hbs) shows on every page. */
export interface CommonPage {
  /** The site's root, relative to the page (`../../`). */
  rot: string;
  lang: string;
  fraser: Fraser;
  organisasjon: string;
  tittel: string;
  alternativer?: Alternativ[];
  sti?: Stisteg[];
  /** Search engines may index the page (the meeting and sak pages). */
  indekser?: boolean;
  /** The search page, which does not link to itself. */
  sokeside?: boolean;
}

/** A PDF on a page, with its number of pages (`3 sider`) and when it was published. */
export interface PageDokument {
  href: string;
  sider: string;
  publisert?: string;
}

/** The committee's calendar and feed. */
export interface UtvalgLenker {
  kalenderHref: string;
  kalenderTekst: string;
  stromHref: string;
  stromTekst: string;
}

/** A committee's vedtaksliste for a year. */
export interface VedtakslisteLenke {
  href: string;
  tekst: string;
  sider: string;
}

/** A meeting in the lists of the front page and the year pages. */
/** A cancelled meeting's marks: «Avlyst», the note under it, and the reason when one is given. */
export interface AvlystMerke {
  merke: string;
  merknad: string;
  grunn: string | undefined;
}

export interface MoteIListe {
  /** Set when the meeting is cancelled (avlyst in mote.yaml). */
  avlyst: AvlystMerke | undefined;
  mappe: string;
  href: string;
  lenketekst: string;
  sted: string;
  referat: string | undefined;
  referatFarge: 'success' | 'warning';
}

/** The decision of a sak, once the referat is approved. */
export interface PageVedtak {
  tekst: string;
  avstemning: string;
}

/** nettsted/mote.hbs: a meeting's page. */
export interface MotePageData extends CommonPage {
  /** Set when the meeting is cancelled (avlyst in mote.yaml). */
  avlyst: AvlystMerke | undefined;
  dato: string;
  ukedag: string;
  start: string;
  slutt: string;
  sted: string;
  utsendt: { tekst: string; dato: string }[];
  godkjent: string | undefined;
  dokumenter: (PageDokument & { tekst: string })[];
  saker: {
    nummer: string;
    tittel: string;
    /** The sak's page; none for an exempt sak. */
    side: string | undefined;
    unntatt: string | undefined;
    trukket: string | undefined;
    tid: string;
    dokument: PageDokument | undefined;
  }[];
  /** The decisions, once the referat is approved. */
  vedtak: (PageVedtak & { id: string; nummer: string; tittel: string; unntatt: string | undefined })[] | undefined;
  vedtakMelding: string;
  /** Versions of the documents that were replaced. */
  tidligere: { tekst: string; href: string }[];
  /** The meeting's calendar file, when the build wrote one. */
  kalender: string | undefined;
}

/** nettsted/sak.hbs for an exempt sak: its public title and the exemption only. */
export interface UnntattSakPageData extends CommonPage {
  unntatt: string;
}

/** An attachment on a sak's page, with its parts (`deler:`). */
export interface PageVedlegg {
  tittel: string;
  nr: string | undefined;
  deler: { tittel: string; nr: string | undefined }[];
}

/** nettsted/sak.hbs: the page of one numbered sak. */
export interface OffentligSakPageData extends CommonPage {
  unntatt?: undefined;
  nummer: string;
  type: string;
  mote: { href: string; tekst: string };
  trukket: string | undefined;
  dokument: PageDokument | undefined;
  vedlegg: PageVedlegg[];
  /** The attachments have the labels the author gave them («1», «2a»), shown instead of the list's numbers. */
  vedleggEgneNr: boolean;
  forslag: string | undefined;
  vedtak: PageVedtak | undefined;
  vedtakMelding: string;
  /** Later saker that refer to this one. */
  nevntI: { href: string; tekst: string }[];
}

export type SakPageData = UnntattSakPageData | OffentligSakPageData;

/** nettsted/indeks.hbs: the front page, every committee with its years and meetings. */
export interface IndeksPageData extends CommonPage {
  sokHref: string;
  stromHref: string;
  utvalg: (UtvalgLenker & {
    key: string;
    navn: string;
    href: string;
    ar: { ar: string; href: string; moter: MoteIListe[]; vedtaksliste: VedtakslisteLenke | undefined }[];
  })[];
}

/** nettsted/utvalg.hbs: a committee's page with its years. */
export interface UtvalgPageData extends CommonPage, UtvalgLenker {
  ar: { href: string; tekst: string }[];
}

/** nettsted/ar.hbs: a committee's year, its meetings with their saker. */
export interface ArPageData extends CommonPage, UtvalgLenker {
  vedtaksliste: VedtakslisteLenke | undefined;
  moter: (MoteIListe & {
    lang: string;
    saker: { nummer: string; tittel: string; side: string | undefined; unntatt: string | undefined }[];
  })[];
}

/** nettsted/sok.hbs: the search page, the only one with JavaScript. */
export interface SokPageData extends CommonPage {
  /** The other languages of the site's pages, as JSON for the script. */
  andreSprak: string;
  pagefindCss: string;
  pagefindJs: string;
}
