/**
 * The journal: a small machine-written record in each meeting folder, `journal.json`, that
 * `motedok send` writes when the innkalling (or a tilleggsinnkalling) goes out. It is committed
 * with the saker. From it, a sent sak keeps its number whatever later happens to its file.
 */
export const JOURNAL_FILE = 'journal.json';
/** Where `send` keeps a copy of the PDFs as sent, inside the meeting folder. */
export const SENDT_FOLDER = 'sendt';
export const JOURNAL_FORMAT = 1;

/** A sak as it was sent. `fil` for saker with a file, `fast` (1, 2) for the fixed saker; Eventuelt items have no number. */
export interface JournalSak {
  saksnummer?: string;
  /** Stable across builds and machines: a UUID of the committee, year and sak number (for the archive, eInnsyn). */
  system_id?: string;
  fil?: string;
  fast?: number;
  tittel: string;
  type: string;
  minutter: number;
  unntatt_offentlighet?: string;
  /** The public title of an exempt sak, so that a withdrawn sak whose file is gone is still published under it. */
  offentlig_tittel?: string;
  /** SHA-256 of the proposal and of the case paper as written, to tell a later change. */
  sha256: { forslag: string; saksfremlegg: string };
}

export interface JournalDokument {
  /** Path in the output folder's meeting folder, `innkalling.pdf`, `vedlegg/sak-13-25.pdf`. */
  fil: string;
  /** The copy kept in the meeting folder, relative to it: `sendt/1/innkalling.pdf`. */
  kopi: string;
  sha256: string;
}

export interface JournalUtsendelse {
  nr: number;
  type: 'innkalling' | 'tilleggsinnkalling';
  dato: string;
  saker: JournalSak[];
  /** Empty until the documents are built and copied; a sending killed half-way is finished by the next `send`. */
  dokumenter: JournalDokument[];
}

export interface JournalReferat {
  godkjent: string;
  sha256: string;
  /** How many corrections (`rettelser:`) the referat held when its checksum was taken. */
  rettelser: number;
  /** SHA-256 of each correction (date and text) as recorded, so that an earlier one cannot be changed afterwards. */
  rettelserSha256?: string[];
}

/** The meeting's time and place as an invitation announced them, as written in mote.yaml. */
export interface JournalMotetid {
  dato: string;
  start: string;
  slutt: string;
  sted: string;
}

/**
 * A calendar invitation that went out with an e-mail (iTIP, RFC 5546). The sequence says which
 * revision of the meeting it is: a changed time or place, or a cancellation, is the last one's
 * plus one; the members' calendars replace an invitation by a higher sequence of the same UID.
 */
export interface JournalInvitasjon {
  metode: 'REQUEST' | 'CANCEL';
  sekvens: number;
  /** The day the e-mail was made, `YYYY-MM-DD`. */
  dato: string;
  /** The e-mail draft in the output folder's meeting folder: `innkalling.eml`, `endring.eml`, `avlysning.eml`. */
  fil: string;
  /** The sending (`utsendelser[].nr`) it went with; none for a change of time or place alone, or a cancellation. */
  utsendelse?: number;
  /** What the sequence was computed from. */
  mote: JournalMotetid;
}

export interface Journal {
  format: number;
  mote: string;
  /** The meeting's UUID, of its committee and date. */
  system_id?: string;
  utsendelser: JournalUtsendelse[];
  /** The invitations sent, in order; missing in journals from before motedok made e-mails. */
  invitasjoner?: JournalInvitasjon[];
  referat?: JournalReferat;
}

/** The file of sending `nr` (2 or later): `tilleggsinnkalling.pdf`, then `tilleggsinnkalling-2.pdf` … */
export function tilleggsinnkallingFile(nr: number): string {
  return nr === 2 ? 'tilleggsinnkalling.pdf' : `tilleggsinnkalling-${nr - 1}.pdf`;
}
