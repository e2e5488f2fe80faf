import { Diagnostics } from '../../domain/diagnostics.js';
import type { Journal } from '../../domain/journal.js';
import type { MoteSource } from '../../domain/sources.js';
import type { Fraser, Sprak } from '../../domain/sprak.js';
import type { Organisasjon, Sak, Utvalg } from '../../domain/types.js';
import { meantSuffix } from '../../util/suggest.js';
import { readJournal } from './journal.js';
import { kjenteUtvalg } from './referanser.js';
import { buildSak } from './sak.js';
import { type MoteData, moteSchema } from './schema.js';
import { klokkeslett } from './tid.js';
import { validate } from './validate.js';

/** A meeting being built: its sources, its own diagnostics, and what could be read of it. */
export interface Utkast {
  source: MoteSource;
  diags: Diagnostics;
  data?: MoteData;
  /** What `motedok send` recorded; undefined before the innkalling is sent. */
  journal?: Journal;
  utvalg?: Utvalg;
  saker: Sak[];
  sprak: Sprak;
  fraser: Fraser;
}

/** A meeting's mote.yaml and sak files, validated, before numbering (which needs every meeting of the year). */
export function buildUtkast(source: MoteSource, organisasjon: Organisasjon | undefined, alleFraser: Record<Sprak, Fraser>): Utkast {
  const diags = new Diagnostics();
  diags.addAll(source.diagnostics);
  const data = source.mote ? validate(moteSchema, source.mote, diags) : undefined;
  const utvalg = data && organisasjon ? findUtvalg(source, data, organisasjon, diags) : undefined;
  if (data) checkMoteData(source, data, diags, !organisasjon || !!utvalg);
  const sprak = data?.sprak ?? organisasjon?.sprak ?? 'nb';
  const fraser = alleFraser[sprak];
  const saker = source.saker.flatMap((sakSource) => buildSak(sakSource, utvalg, diags, fraser, kjenteUtvalg(organisasjon)) ?? []);
  if (source.saker.length === 0) {
    diags.warning(source.moteFile, { line: 1, column: 1 }, 'møtemappen har ingen saker (ingen .md-filer ved siden av mote.yaml).');
  }
  const journal = readJournal(source.journal, diags);
  return { source, diags, data, journal, utvalg, saker, sprak, fraser };
}

function findUtvalg(source: MoteSource, data: MoteData, organisasjon: Organisasjon, diags: Diagnostics): Utvalg | undefined {
  const utvalg = organisasjon.utvalg.get(data.utvalg);
  if (!utvalg) {
    const keys = [...organisasjon.utvalg.keys()];
    diags.error(
      source.moteFile,
      source.mote!.locate(['utvalg']),
      `utvalg «${data.utvalg}» finnes ikke i organisasjon.yaml.${meantSuffix(data.utvalg, keys)} Utvalgene er: ${keys.join(', ')}.`,
    );
  }
  return utvalg;
}

/** The meeting's times, and its folder's name against its date and committee (when the committee is known or cannot be). */
function checkMoteData(source: MoteSource, data: MoteData, diags: Diagnostics, checkFolder: boolean): void {
  if (data.slutt <= data.start) {
    diags.error(
      source.moteFile,
      source.mote!.locate(['slutt']),
      `møtet slutter kl. ${klokkeslett(data.slutt)}, som ikke er etter start kl. ${klokkeslett(data.start)}; «slutt» må være senere enn «start».`,
    );
  }
  const expected = `${data.dato}-${data.utvalg}`;
  if (!source.mappe.startsWith(expected) && checkFolder) {
    diags.warning(
      source.moteFile,
      source.mote!.locate(['dato']),
      `møtemappen heter «${source.mappe}», men mote.yaml sier dato ${data.dato} og utvalg ${data.utvalg}; gi mappen navnet «${expected}» så mappene sorterer etter dato.`,
    );
  }
}

/** Committee and date of a meeting: from mote.yaml, or from its folder name when mote.yaml is broken. */
export function plassering(u: Utkast): { utvalg: string; dato: string } | undefined {
  if (u.data) return { utvalg: u.data.utvalg, dato: u.data.dato };
  const m = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(u.source.mappe);
  return m ? { utvalg: m[2]!, dato: m[1]! } : undefined;
}

/**
 * Whether a selected meeting depends on `u`: its sak numbers continue from every earlier
 * meeting of the committee's year, so problems there must be reported with it.
 */
export function avhengerAv(u: Utkast, alle: readonly Utkast[], selected: ReadonlySet<string>): boolean {
  const her = plassering(u);
  if (!her) return false;
  return alle.some((a) => {
    const der = selected.has(a.source.dir) ? plassering(a) : undefined;
    return der !== undefined && der.utvalg === her.utvalg && der.dato.slice(0, 4) === her.dato.slice(0, 4) && her.dato < der.dato;
  });
}
