import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../domain/diagnostics.js';
import type { BuildOptions } from '../domain/documents.js';
import { UsageError } from '../domain/errors.js';
import {
  JOURNAL_FILE,
  JOURNAL_FORMAT,
  type Journal,
  type JournalSak,
  type JournalUtsendelse,
  SENDT_FOLDER,
  tilleggsinnkallingFile,
} from '../domain/journal.js';
import type { Dato, Mote, Sak } from '../domain/types.js';
import { type NesteInvitasjon, nesteInvitasjon } from '../pipeline/model/invitasjon.js';
import { langDato, parseDato, saksnummer } from '../pipeline/model/tid.js';
import { sakSjekksummer } from '../pipeline/model/utsendelse.js';
import type { Epostslag } from '../pipeline/render/epost.js';
import { writeAtomic } from '../pipeline/write/atomic.js';
import { today } from '../util/today.js';
import { stableUuid } from '../util/uuid.js';
import { buildMoter } from './build.js';
import { type EpostResult, writeEpost } from './epost.js';
import { loadMoter, resolveMotemapper } from './load.js';
import { checkOutputFolder } from './output-folder.js';

export interface SendOptions extends Pick<BuildOptions, 'cwd' | 'out'> {
  /** The day it was sent, `YYYY-MM-DD`; today when not given. */
  dato?: string;
  /** Bytes the attachments of the e-mail may hold in all; `EPOST_GRENSE` (10 MB) when not given. */
  epostGrense?: number;
}

export interface SendResult {
  diagnostics: Diagnostic[];
  mote?: Mote;
  /** The sending recorded now; undefined when there were errors or nothing new to send. */
  utsendelse?: JournalUtsendelse;
  journalFile?: string;
  /** The e-mail draft written now: with a sending, or alone for a changed time or place, or a cancellation. */
  epost?: EpostResult & { slag: Epostslag };
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** What the journal keeps of a sak as it goes out. */
function journalSak(sak: Sak, mote: Mote): JournalSak {
  const fast = mote.saker.filter((s) => s.fast).indexOf(sak) + 1;
  return {
    ...(sak.nummer
      ? { saksnummer: saksnummer(sak.nummer), system_id: stableUuid(mote.utvalg.key, sak.nummer.ar, sak.nummer.lopenummer) }
      : {}),
    ...(sak.fast ? { fast } : { fil: basename(sak.source.file) }),
    tittel: sak.tittel,
    type: sak.type,
    minutter: sak.minutter,
    ...(sak.unntattOffentlighet ? { unntatt_offentlighet: sak.unntattOffentlighet } : {}),
    ...(sak.offentligTittel ? { offentlig_tittel: sak.offentligTittel } : {}),
    sha256: sakSjekksummer(sak),
  };
}

/** The files of a sending, relative to the meeting's output folder. */
function sentFiles(mote: Mote, utsendelse: JournalUtsendelse): string[] {
  const first = utsendelse.nr === 1;
  const saker = mote.saker.filter((s) => s.utsendelse === utsendelse.nr && s.nummer);
  return [
    first ? 'innkalling.pdf' : tilleggsinnkallingFile(utsendelse.nr),
    ...(first ? ['saksliste.pdf'] : []),
    ...saker.map((s) => `vedlegg/sak-${saksnummer(s.nummer!).replace('.', '-')}.pdf`),
    'saksdokumenter.pdf',
  ];
}

const writeJournal = (file: string, journal: Journal) => writeAtomic(file, `${JSON.stringify(journal, null, 2)}\n`);

/**
 * `motedok send`: records that the innkalling (or, when it was sent before and saker were added
 * since, a tilleggsinnkalling) has gone out. Refuses when the meeting has errors. The journal
 * entry is written first, the documents are built from it, and a copy of what was sent is kept
 * in the meeting folder with its checksums; when the build fails, the journal is put back.
 */
export async function sendMote(folder: string, options: SendOptions = {}): Promise<SendResult> {
  const cwd = options.cwd ?? process.cwd();
  const dir = oneMeeting(folder, cwd);
  const dato = sendDate(options.dato);
  const journalFile = join(dir, JOURNAL_FILE);
  const before = existsSync(journalFile) ? readFileSync(journalFile, 'utf8') : undefined;
  const first = await loadMoter([dir], { cwd });
  const mote = first.moter.find((m) => m.dir === dir);
  if (!mote || first.diagnostics.some((d) => d.severity === 'feil')) return { diagnostics: first.diagnostics, mote };
  const journal: Journal = before
    ? (JSON.parse(before) as Journal)
    : { format: JOURNAL_FORMAT, mote: mote.mappe, system_id: stableUuid(mote.utvalg.key, mote.dato), utsendelser: [] };
  const outDir = join(resolve(cwd, options.out ?? 'output'), mote.mappe);
  const neste = nesteInvitasjon(journal.invitasjoner ?? [], mote, journal.utsendelser.length > 0);
  const alene = { journal, journalFile, outDir, dato, grense: options.epostGrense, diagnostics: first.diagnostics };
  const unfinished = journal.utsendelser.find((u) => u.dokumenter.length === 0);
  if (!unfinished) checkSendDate(dato, options.dato !== undefined, mote, journal);
  // A cancelled meeting sends no saker, only the cancellation (once).
  if (mote.avlyst) return neste ? sendAlone(mote, neste, 'avlysning', alene) : { diagnostics: first.diagnostics, mote, journalFile };
  const pending = mote.saker.filter((s) => s.utsendelse === undefined && !s.trukket);
  if (!unfinished && pending.length === 0) {
    if (neste?.endrer && journal.utsendelser.length > 0) return sendAlone(mote, neste, 'endring', alene);
    return { diagnostics: first.diagnostics, mote, journalFile };
  }
  const utsendelse = unfinished ?? newSending(journal, pending, mote, dato);
  writeJournal(journalFile, journal);
  const built = await buildMoter([dir], { cwd, out: options.out });
  const sent = built.moter.find((m) => m.dir === dir);
  if (!sent || built.diagnostics.some((d) => d.severity === 'feil')) {
    if (before === undefined) writeJournal(journalFile, { ...journal, utsendelser: [] });
    else writeAtomic(journalFile, before);
    return { diagnostics: built.diagnostics, mote };
  }
  utsendelse.dokumenter = keepCopies(sent, utsendelse, outDir);
  const slag = utsendelse.type;
  const epost = await writeEpost({
    mote: sent,
    slag,
    file: emlFile(utsendelse),
    neste: nesteInvitasjon(journal.invitasjoner ?? [], sent, true)!,
    dato: utsendelse.dato,
    folder: outDir,
    dokumenter: [sentFiles(sent, utsendelse)[0]!, 'saksdokumenter.pdf'],
    grense: options.epostGrense,
    utsendelse: utsendelse.nr,
  });
  if (epost.invitasjon) journal.invitasjoner = [...(journal.invitasjoner ?? []), epost.invitasjon];
  // Written last: a sending killed before this point is finished by the next `send`, the e-mail made again alike.
  writeJournal(journalFile, journal);
  return { diagnostics: [...built.diagnostics, ...epost.diagnostics], mote: sent, utsendelse, journalFile, epost: { ...epost, slag } };
}

/** The e-mail draft of a sending: `innkalling.eml`, `tilleggsinnkalling.eml`, `tilleggsinnkalling-2.eml` … */
function emlFile(utsendelse: JournalUtsendelse): string {
  return utsendelse.nr === 1 ? 'innkalling.eml' : tilleggsinnkallingFile(utsendelse.nr).replace(/\.pdf$/, '.eml');
}

interface Alene {
  journal: Journal;
  journalFile: string;
  outDir: string;
  dato: string;
  grense?: number;
  diagnostics: Diagnostic[];
}

/**
 * An e-mail without documents: the meeting moved (a new time or place) or cancelled. No PDF is
 * built; the invitation is recorded in the journal so that the next one counts from it.
 */
async function sendAlone(mote: Mote, neste: NesteInvitasjon, slag: 'endring' | 'avlysning', a: Alene): Promise<SendResult> {
  checkOutputFolder(dirname(a.outDir), [mote.dir, dirname(mote.organisasjon.file)]);
  const epost = await writeEpost({
    mote,
    slag,
    file: `${slag}.eml`,
    neste,
    dato: a.dato,
    folder: a.outDir,
    dokumenter: [],
    grense: a.grense,
  });
  if (epost.invitasjon) {
    a.journal.invitasjoner = [...(a.journal.invitasjoner ?? []), epost.invitasjon];
    writeJournal(a.journalFile, a.journal);
  }
  return { diagnostics: [...a.diagnostics, ...epost.diagnostics], mote, journalFile: a.journalFile, epost: { ...epost, slag } };
}

function newSending(journal: Journal, pending: Sak[], mote: Mote, dato: string): JournalUtsendelse {
  const nr = journal.utsendelser.length + 1;
  const utsendelse: JournalUtsendelse = {
    nr,
    type: nr === 1 ? 'innkalling' : 'tilleggsinnkalling',
    dato,
    saker: pending.map((s) => journalSak(s, mote)),
    dokumenter: [],
  };
  journal.utsendelser.push(utsendelse);
  return utsendelse;
}

/** Copies the sent PDFs into the meeting folder's sendt/<nr>/, and returns them with their checksums. */
function keepCopies(mote: Mote, utsendelse: JournalUtsendelse, outDir: string): JournalUtsendelse['dokumenter'] {
  return sentFiles(mote, utsendelse)
    .filter((file) => existsSync(join(outDir, file)))
    .map((file) => {
      const bytes = readFileSync(join(outDir, file));
      const kopi = `${SENDT_FOLDER}/${utsendelse.nr}/${file}`;
      writeAtomic(join(mote.dir, kopi), bytes);
      return { fil: file, kopi, sha256: sha256(bytes) };
    });
}

function oneMeeting(folder: string, cwd: string): string {
  const found = resolveMotemapper([folder], cwd);
  if (found.length !== 1 || found[0] !== resolve(cwd, folder))
    throw new UsageError(`«${folder}» er ikke én møtemappe; oppgi møtemappen som skal sendes, for eksempel cases/2026-02-12-ssu.`);
  return found[0];
}

function sendDate(written: string | undefined): string {
  if (written === undefined) return today();
  const dato = parseDato(written);
  if (!dato.ok) throw new UsageError(`--dato: ${dato.why}.`);
  return dato.value;
}

/**
 * The journal records the day something went out: not a day still to come, not before what it
 * already recorded, and not after the meeting (a notice after the meeting announced nothing).
 */
function checkSendDate(dato: string, written: boolean, mote: Mote, journal: Journal): void {
  const which = written ? `--dato: ${dato}` : `i dag (${langDato(dato as Dato)})`;
  if (dato > today())
    throw new UsageError(
      `--dato: ${dato} er etter i dag; «motedok send» registrerer det som er sendt, så datoen er dagen det gikk ut (i dag eller før).`,
    );
  if (dato > mote.dato)
    throw new UsageError(
      `${which} er etter møtet ${langDato(mote.dato)}; en innkalling sendes før møtet. Ble den sendt før møtet, oppgi dagen den gikk ut: motedok send ${mote.mappe} --dato ÅÅÅÅ-MM-DD.`,
    );
  const latest = [...journal.utsendelser.map((u) => u.dato), ...(journal.invitasjoner ?? []).map((i) => i.dato)].sort().at(-1);
  if (latest && dato < latest)
    throw new UsageError(
      `${which} er før det journalen sist registrerte (${langDato(latest as Dato)}); en ny utsendelse kan ikke være eldre enn den forrige. Oppgi dagen den gikk ut, ${langDato(latest as Dato)} eller senere, med --dato ÅÅÅÅ-MM-DD.`,
    );
}
