import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Diagnostic, Diagnostics } from '../domain/diagnostics.js';
import type { JournalInvitasjon } from '../domain/journal.js';
import type { EpostAdresse, Medlem, Mote } from '../domain/types.js';
import { composeEpost } from '../pipeline/assemble/epost.js';
import { parseYaml } from '../pipeline/load/yaml.js';
import type { NesteInvitasjon } from '../pipeline/model/invitasjon.js';
import { type Epostfil, type Epostslag, renderEpostText } from '../pipeline/render/epost.js';
import { renderInvitasjon } from '../pipeline/render/invitasjon.js';
import { calendarUid } from '../pipeline/render/kalender.js';
import { writeAtomic } from '../pipeline/write/atomic.js';

/**
 * What the attachments of one e-mail may weigh in all: 10 MB (10 × 1024 × 1024 bytes) before
 * encoding, about 13.7 MB on the wire. Exchange Online and Gmail take 20–25 MB, but many
 * municipal mail servers stop at 10–20 MB, and a member's phone pays for every megabyte.
 */
export const EPOST_GRENSE = 10 * 1024 * 1024;

export interface EpostOptions {
  mote: Mote;
  slag: Epostslag;
  /** The e-mail's file in the meeting's output folder: `innkalling.eml`, `tilleggsinnkalling.eml`, `endring.eml` … */
  file: string;
  neste: NesteInvitasjon;
  /** `YYYY-MM-DD`, the day it is sent. */
  dato: string;
  /** The meeting's output folder, `<ut>/<møtemappe>`. */
  folder: string;
  /** The documents to attach, relative to `folder`, in order; those that no longer fit within `grense` are named instead. */
  dokumenter: readonly string[];
  grense?: number;
  utsendelse?: number;
}

export interface EpostResult {
  /** Absolute path of the draft written. */
  file: string;
  mottakere: EpostAdresse[];
  vedlagt: string[];
  forStore: string[];
  /** The invitation it carries, for the journal; undefined when the secretariat has no address to send it from. */
  invitasjon?: JournalInvitasjon;
  diagnostics: Diagnostic[];
}

const medAdresse = (m: Medlem): m is Medlem & { epost: string } => !!m.epost;

/** The attachments in order while they fit together within the limit; the rest are left to a link. */
type Dokument = { filnavn: string; innhold: Uint8Array };

function splitBySize(dokumenter: readonly Dokument[], grense: number) {
  const vedlagt: Dokument[] = [];
  const forStore: Dokument[] = [];
  let sum = 0;
  for (const d of dokumenter) {
    if (forStore.length === 0 && sum + d.innhold.length <= grense) {
      vedlagt.push(d);
      sum += d.innhold.length;
    } else forStore.push(d);
  }
  return { vedlagt, forStore };
}

const asFile = (d: Dokument): Epostfil => ({ fileName: d.filnavn, bytes: d.innhold.length });

/** Members who get nothing: a warning where each is written in organisasjon.yaml, or one when none has an address. */
function warnUtenAdresse(mote: Mote, diags: Diagnostics): void {
  const { medlemmer, key, kortnavn } = mote.utvalg;
  const uten = medlemmer.map((m, index) => ({ m, index })).filter(({ m }) => !m.epost);
  if (uten.length === 0) return;
  const file = mote.organisasjon.file;
  const source = existsSync(file) ? parseYaml(file, readFileSync(file, 'utf8'), new Diagnostics()) : undefined;
  if (uten.length === medlemmer.length) {
    diags.warning(
      file,
      source?.locate(['utvalg', key, 'medlemmer']),
      `ingen av medlemmene i ${kortnavn} har «epost», så e-posten har ingen mottakere; skriv adressene inn (epost: navn@kommune.no under hvert medlem), eller fyll dem inn i e-posten før du sender.`,
    );
    return;
  }
  for (const { m, index } of uten) {
    diags.warning(
      file,
      source?.locate(['utvalg', key, 'medlemmer', index]),
      `${m.navn} (${m.id}) i ${kortnavn} har ingen «epost» og står ikke som mottaker av e-posten eller møteinvitasjonen; skriv adressen inn (epost: navn@kommune.no), eller send til medlemmet på annen måte.`,
    );
  }
}

/**
 * Writes the e-mail draft of a sending into the meeting's output folder: the members with an
 * address as recipients, a short text, the documents attached (or named, when too large), and
 * the calendar invitation when the secretariat has an address to send it from.
 */
/** Without a sender there is no invitation: it needs an organiser for the answers. */
function warnUtenSekretariat(mote: Mote, file: string, diags: Diagnostics): void {
  diags.warning(
    mote.organisasjon.file,
    { line: 1, column: 1 },
    `organisasjon.yaml har ingen «sekretariat: { navn, epost }», så ${file} har ingen møteinvitasjon (en invitasjon må ha en arrangør å svare til); skriv sekretariatets navn og e-postadresse inn, og kjør «motedok send» igjen neste gang.`,
  );
}

/** What the journal keeps of an invitation sent, so the next one knows its sequence. */
function journalInvitasjon(o: EpostOptions): JournalInvitasjon {
  const { neste } = o;
  return {
    metode: neste.metode,
    sekvens: neste.sekvens,
    dato: o.dato,
    fil: o.file,
    ...(o.utsendelse ? { utsendelse: o.utsendelse } : {}),
    mote: neste.mote,
  };
}

export async function writeEpost(o: EpostOptions): Promise<EpostResult> {
  const { mote, neste } = o;
  const diags = new Diagnostics();
  const grense = o.grense ?? EPOST_GRENSE;
  const mottakere = mote.utvalg.medlemmer.filter(medAdresse).map((m) => ({ navn: m.navn, epost: m.epost }));
  warnUtenAdresse(mote, diags);
  const avsender = mote.organisasjon.sekretariat;
  if (!avsender) warnUtenSekretariat(mote, o.file, diags);
  const files = o.dokumenter
    .filter((file) => existsSync(join(o.folder, file)))
    .map((file) => ({ filnavn: `${mote.mappe}-${basename(file)}`, innhold: readFileSync(join(o.folder, file)) }));
  const { vedlagt, forStore } = splitBySize(files, grense);
  const { emne, tekst: text } = renderEpostText(
    {
      slag: o.slag,
      mote,
      vedlagt: vedlagt.map(asFile),
      forStore: forStore.map(asFile),
      grense,
      forrige: neste.forrige?.mote,
      medInvitasjon: !!avsender,
      avsender,
    },
    neste.mote,
  );
  const uid = calendarUid({ id: mote.mappe, organisasjon: mote.organisasjon.navn });
  const bytes = await composeEpost({
    id: `${mote.mappe}.${o.file.replace(/\.eml$/, '')}.${neste.sekvens}`,
    domene: uid.slice(uid.indexOf('@') + 1),
    dato: o.dato,
    fra: avsender,
    til: mottakere,
    emne,
    tekst: text,
    vedlegg: vedlagt,
    ...(avsender ? { kalender: { metode: neste.metode, innhold: renderInvitasjon(mote, neste, o.dato, avsender, mottakere) } } : {}),
  });
  const fil = join(o.folder, o.file);
  writeAtomic(fil, bytes);
  const invitasjon = avsender ? journalInvitasjon(o) : undefined;
  return {
    file: fil,
    mottakere,
    vedlagt: vedlagt.map((v) => v.filnavn),
    forStore: forStore.map((v) => v.filnavn),
    invitasjon,
    diagnostics: diags.items,
  };
}
