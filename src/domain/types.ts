import type { Position } from './diagnostics.js';
import type { SakType } from './saksliste.js';
import type { Fraser, Sprak } from './sprak.js';

/** A calendar date as `YYYY-MM-DD`; only made by `parseDato`, so it is always a real date. */
export type Dato = string & { readonly __brand: 'Dato' };

/** A clock time as minutes after midnight (09.30 is 570); only made by `parseKlokkeslett`. */
export type Klokkeslett = number & { readonly __brand: 'Klokkeslett' };

/** A sak number `13.25`: the running number within the committee's year, and the year. */
export interface Saksnummer {
  readonly lopenummer: number;
  readonly ar: number;
}

export type { SakType } from './saksliste.js';

/**
 * A mention of a sak in text someone wrote: «sak 15.24», «saker 12.25 og 13.25», «sak 22/25»,
 * «sak 32.24 fra SSU». Recognised by pipeline/model/referanser.ts.
 */
export interface SakReferanse {
  saksnummer: Saksnummer;
  /** The committee's kortnavn when the text names one («fra SSU», «i Strategisk samarbeidsutvalg»). */
  utvalg?: string;
  /** The words that refer, as written: «sak 15.24» (the keyword and the number), or «13.25» later in a list. */
  tekst: string;
  /** Where `tekst` starts in the source file. */
  position: Position;
}

/** Where a value was written, so later stages can point the user at it. */
export interface Source {
  file: string;
  position?: Position;
}

export interface Medlem {
  id: string;
  navn: string;
  rolle?: string;
  representerer?: string;
  epost?: string;
}

/** Someone a message goes to or comes from. */
export interface EpostAdresse {
  navn: string;
  epost: string;
}

export interface Utvalg {
  key: string;
  navn: string;
  kortnavn: string;
  medlemmer: Medlem[];
  /** The committee's usual place and times, for new meetings (`motedok new mote`). */
  standard?: { sted?: string; start?: Klokkeslett; slutt?: Klokkeslett };
}

export interface Organisasjon {
  file: string;
  navn: string;
  logo?: string;
  farge?: string;
  maler?: string;
  /** The organisation's language; a meeting's mote.yaml may choose another. */
  sprak?: Sprak;
  /** Leave the names under `andre` out of the public referat (they are not members, and may be private persons). */
  skjulAndreOffentlig: boolean;
  /** Sender of the e-mail and organiser of the invitation that `motedok send` makes. */
  sekretariat?: EpostAdresse;
  utvalg: Map<string, Utvalg>;
}

export interface Vedlegg {
  tittel: string;
  /** The label the author gave it («1», «2a»); without one the lists number the attachments 1, 2, 3 … */
  nr?: string;
  /** Absolute path of an external PDF, checked to exist inside the meeting folder. */
  file?: string;
  source: Source;
  /** The parts listed under it (`deler:`), one level. */
  deler?: Vedlegg[];
}

/** Every attachment of a list with its parts, each part after the attachment it belongs to: the order the PDFs are appended in. */
export function withDeler(vedlegg: readonly Vedlegg[]): Vedlegg[] {
  return vedlegg.flatMap((v) => [v, ...(v.deler ?? [])]);
}

export interface ForslagTilVedtak {
  /** The section as the author wrote it (Markdown), for rendering. */
  markdown: string;
  /** `Alt. 1`, `Alt. 2` … when the meeting is to choose between alternatives. */
  alternativer: string[];
  /** True when the text was generated (fixed saker, referat saker without a proposal). */
  generert: boolean;
  source: Source;
}

export interface Sak {
  source: Source;
  /** File name without `.md`; undefined for the fixed saker that have no file. */
  fileName?: string;
  fast: boolean;
  type: SakType;
  /** Undefined for Eventuelt items, which carry no number. */
  nummer?: Saksnummer;
  /** The saksnummer the file's frontmatter writes, when it writes one: checked against `nummer`. */
  skrevetNummer?: { nummer: Saksnummer; tekst: string };
  tittel: string;
  minutter: number;
  beskrivelse?: string;
  saksbehandler?: string;
  vedlegg: Vedlegg[];
  /** The legal basis when the sak is exempt from public access: a paragraph of offentleglova §§ 13–26, as written. */
  unntattOffentlighet?: string;
  /** The title the public versions show instead of `tittel` (only for an exempt sak). */
  offentligTittel?: string;
  forslagTilVedtak?: ForslagTilVedtak;
  /** The case paper: the Markdown body without frontmatter and without the proposal. */
  saksfremlegg: string;
  /** False for saker whose file holds only a proposal: they get no case paper of their own. */
  harSaksfremlegg: boolean;
  /** Why the sak was withdrawn (`trukket:`); it keeps its number and is shown as withdrawn. */
  trukket?: string;
  /** The sending (1 the innkalling, 2… a tilleggsinnkalling) that announced it; undefined before it is sent. */
  utsendelse?: number;
  /** What changed since it was sent: `tittel`, `type`, `forslag`, `saksfremlegg`. */
  endret?: Endring[];
  /** The saker its text (case paper and proposal) mentions, in file order. */
  referanser: SakReferanse[];
}

export type Endring = 'tittel' | 'type' | 'forslag' | 'saksfremlegg' | 'unntak';

/** One recorded sending of a meeting's documents (see the journal, domain/journal.ts). */
export interface Utsendelse {
  nr: number;
  type: 'innkalling' | 'tilleggsinnkalling';
  dato: Dato;
  /** The saker it announced, as they are now. */
  saker: Sak[];
}

export interface SakPunkt {
  kind: 'sak';
  sak: Sak;
  start: Klokkeslett;
  slutt: Klokkeslett;
}

export interface PausePunkt {
  kind: 'pause';
  tittel: string;
  minutter: number;
  start: Klokkeslett;
  slutt: Klokkeslett;
  source: Source;
}

export type Sakslistepunkt = SakPunkt | PausePunkt;

export interface Sakslistegruppe {
  /** `Beslutningssaker`, `Temasaker`, `Referatsaker`; undefined for the fixed saker at the top. */
  overskrift?: string;
  type?: SakType;
  punkter: Sakslistepunkt[];
}

export interface Saksliste {
  grupper: Sakslistegruppe[];
  eventuelt: { start: Klokkeslett; slutt: Klokkeslett; saker: SakPunkt[] };
  /** When the planned agenda ends (the later of the meeting's end and the last item). */
  slutt: Klokkeslett;
  /** Minutes the agenda runs past the meeting's end; 0 when it fits. */
  overtid: number;
}

/** A member in til_stede or forfall; for one who came late or left early, the saker that bound their presence. */
export interface Deltaker {
  navn: string;
  medlem: Medlem;
  /** The sak the member came for (`fra_sak`); present from the start when undefined. */
  fraSak?: Saksnummer;
  /** The last sak the member was present for (`til_sak`); present to the end when undefined. */
  tilSak?: Saksnummer;
}

export type Stemme = 'for' | 'mot' | 'avstar';

/** The votes of a `### Votering`: the counts, and the members by name when the referat gives them. */
export interface Votering {
  for: number;
  mot: number;
  avstar: number;
  /** What else is written under the heading, without the counts and the lines of names. */
  tekst: string;
  /** How the members voted (`- For: kari, ola`), for each kind the referat names; undefined when it gives only counts. */
  navn?: Partial<Record<Stemme, Medlem[]>>;
}

export interface Referatsak {
  nummer: Saksnummer;
  source: Source;
  /** Markdown written under the sak, and under its `### Vedtak`. */
  notater: string;
  vedtak?: string;
  /** The decision as made: the `### Vedtak`, or else the proposal (then `somForeslatt`). */
  vedtatt?: string;
  somForeslatt: boolean;
  /** Vote counts when a vote was taken (`### Votering`); without one the decision was unanimous. */
  votering?: Votering;
  enstemmig: boolean;
  /** A member's statement for the record (`### Protokolltilførsel`). */
  protokolltilforsel?: string;
  /** Members who declared themselves disqualified and left for this sak (`### Habilitet`). */
  inhabile: { medlem: Medlem; grunn: string }[];
  /** The saker its section mentions, in file order. */
  referanser: SakReferanse[];
  /**
   * The members at the meeting while the sak was dealt with: without those who had not come yet
   * or had left (`fra_sak`, `til_sak`), with those in `inhabile`. Present for the sak are these
   * less the disqualified (`tilStedeISaken`), so a public version that hides `inhabile` hides them here too.
   */
  motende: Medlem[];
}

export interface Referat {
  source: Source;
  status: 'utkast' | 'godkjent';
  tilStede: Deltaker[];
  forfall: Deltaker[];
  andre: string[];
  referent: string;
  saker: Referatsak[];
  eventuelt?: string;
  /** The saker the Eventuelt section mentions. */
  eventueltReferanser: SakReferanse[];
  /** When and in which sak the minutes were approved, for `status: godkjent`. */
  godkjent?: { dato: Dato; sak?: Saksnummer };
  /** Corrections made after approval, each with its date; the only way an approved referat may change. */
  rettelser: { dato: Dato; tekst: string }[];
  /** SHA-256 of referat.md as written: the journal keeps it once the referat is approved. */
  sha256: string;
}

export interface Mote {
  /** Absolute path of the meeting folder. */
  dir: string;
  /** The folder's name, `2025-05-22-ssu`; also the name of its output folder. */
  mappe: string;
  source: Source;
  organisasjon: Organisasjon;
  utvalg: Utvalg;
  dato: Dato;
  start: Klokkeslett;
  slutt: Klokkeslett;
  sted: string;
  /** Why the meeting is cancelled (`avlyst:` in mote.yaml); `motedok send` then sends a cancellation. */
  avlyst?: string;
  /**
   * The meeting's revision in calendars (RFC 5545 SEQUENCE): the last invitation's sequence in the
   * journal, 0 before any. mote.ics and the committee calendar carry it, so they agree with the e-mails.
   */
  sekvens?: number;
  forrigeMote?: Dato;
  /** Every numbered sak in agenda order, the fixed ones first, then Eventuelt items. */
  saker: Sak[];
  saksliste: Saksliste;
  /** Every attachment of every sak, in agenda order: the innkalling's list. */
  vedlegg: { sak: Sak; vedlegg: Vedlegg }[];
  referat?: Referat;
  /** Bokmål or Nynorsk, and the fixed texts in it. */
  sprak: Sprak;
  fraser: Fraser;
  /** The files under the meeting folder a page may show (images), relative path → real path. */
  files: Readonly<Record<string, string>>;
  /** The sendings recorded by `motedok send`, in order; empty before the innkalling is sent. */
  utsendelser: Utsendelse[];
}
