import type { Diagnostics } from '../../domain/diagnostics.js';
import type { YamlSource } from '../../domain/sources.js';
import type { Dato, Klokkeslett, Mote, Organisasjon, Source, Utvalg } from '../../domain/types.js';
import { closest } from '../../util/suggest.js';
import { type ArsplanMoteData, arsplanMoteSchema, arsplanRaderSchema, arsplanSchema, skrevetUtvalgSchema } from './schema.js';
import { arstall, klokkeslett } from './tid.js';
import { validate } from './validate.js';

/**
 * The annual plan (årsplan/møteplan, seed 003): every committee's meetings of one year, from the
 * meeting folders in cases/ and the planned meetings of `cases/arsplan-<år>.yaml`. A planned
 * meeting that already has a folder is the folder's: its date, time, place and saker count.
 */

export interface ArsplanMote {
  utvalg: Utvalg;
  /** Undefined while only an approximate time is known (`tidspunkt: april/mai`). */
  dato?: Dato;
  tilDato?: Dato;
  tidspunkt?: string;
  start?: Klokkeslett;
  slutt?: Klokkeslett;
  sted?: string;
  /** Planned topics: the saker of the meeting folder, or the plan's `tema`. */
  tema: string[];
  /** The meeting folder, when the meeting has one. */
  mote?: Mote;
  kilde: Source;
  /** For a planned meeting: its index in the plan file's `moter`, and what it writes there. */
  rad?: { index: number; data: ArsplanMoteData };
}

export interface Arsplan {
  ar: number;
  organisasjon: Organisasjon;
  /** Committees in the order of organisasjon.yaml; only those with meetings this year. */
  utvalg: { utvalg: Utvalg; moter: ArsplanMote[] }[];
}

/** The saker titles a meeting folder plans, without the fixed ones every meeting has; the plan is public, so public titles. */
function sakstitler(mote: Mote): string[] {
  return mote.saker.filter((s) => !s.fast && s.type !== 'eventuelt').map((s) => s.offentligTittel ?? s.tittel);
}

function fromFolder(mote: Mote): ArsplanMote {
  return {
    utvalg: mote.utvalg,
    dato: mote.dato,
    start: mote.start,
    slutt: mote.slutt,
    sted: mote.sted,
    tema: sakstitler(mote),
    mote,
    kilde: mote.source,
  };
}

/** Reads the planned meetings; reports every problem at the position it was written. */
function planlagte(ar: number, organisasjon: Organisasjon, source: YamlSource, diags: Diagnostics): ArsplanMote[] {
  // The whole file for the messages; then each meeting that is valid on its own, so that a
  // mistake in one hides neither the others nor their other problems.
  validate(arsplanSchema, source, diags);
  const rader = arsplanRaderSchema.safeParse(source.data);
  if (!rader.success) return [];
  return rader.data.moter.flatMap((rad, i): ArsplanMote[] => {
    const mote = planlagtMote(ar, organisasjon, source, rad, i, diags);
    return mote ? [mote] : [];
  });
}

/** One entry of the plan's `moter`, when it is valid. */
function planlagtMote(
  ar: number,
  organisasjon: Organisasjon,
  source: YamlSource,
  rad: unknown,
  i: number,
  diags: Diagnostics,
): ArsplanMote | undefined {
  const { file } = source;
  const at = (felt?: string) => source.locate(felt ? ['moter', i, felt] : ['moter', i]);
  const skrevet = skrevetUtvalgSchema.safeParse(rad).data?.utvalg;
  if (skrevet !== undefined && !organisasjon.utvalg.has(skrevet)) {
    const kjente = [...organisasjon.utvalg.keys()];
    const mente = closest(skrevet, kjente);
    diags.error(
      file,
      at('utvalg'),
      `ukjent utvalg «${skrevet}».${mente ? ` Mente du «${mente}»?` : ''} Utvalgene i organisasjon.yaml er: ${kjente.join(', ')}.`,
    );
  }
  const read = arsplanMoteSchema.safeParse(rad);
  if (!read.success) return undefined;
  const m = read.data;
  const utvalg = organisasjon.utvalg.get(m.utvalg);
  const start = m.start ?? utvalg?.standard?.start;
  const end = m.slutt ?? utvalg?.standard?.slutt;
  const ok = checkTider(ar, m, start, end, (felt, message) => diags.error(file, at(felt), message));
  if (!ok || !utvalg) return undefined;
  return {
    utvalg,
    dato: m.dato,
    tilDato: m.til_dato,
    tidspunkt: m.tidspunkt,
    start,
    slutt: end,
    sted: m.sted ?? utvalg.standard?.sted,
    tema: m.tema,
    kilde: { file, position: at() },
    rad: { index: i, data: m },
  };
}

/** The planned meeting's date, days and times; false when one of them is wrong. */
function checkTider(
  ar: number,
  m: ArsplanMoteData,
  start: Klokkeslett | undefined,
  end: Klokkeslett | undefined,
  error: (felt: string | undefined, message: string) => void,
): boolean {
  let ok = true;
  const feil = (felt: string | undefined, message: string) => {
    error(felt, message);
    ok = false;
  };
  if (!m.dato && !m.tidspunkt)
    feil(
      undefined,
      'møtet mangler både «dato» og «tidspunkt»; skriv datoen (2026-02-12), eller omtrent når (tidspunkt: april/mai) når datoen ikke er bestemt.',
    );
  if (m.dato && m.tidspunkt) feil('tidspunkt', '«tidspunkt» er for møter uten dato; dette møtet har «dato». Fjern ett av dem.');
  if (m.dato && arstall(m.dato) !== ar) feil('dato', `datoen ${m.dato} er ikke i ${ar}; årsplanen for ${ar} kan bare ha møter i ${ar}.`);
  if (m.til_dato && !m.dato) feil('til_dato', '«til_dato» krever «dato» (første dag).');
  if (m.til_dato && m.dato && m.til_dato <= m.dato) feil('til_dato', `til_dato ${m.til_dato} må være etter dato ${m.dato}.`);
  if (start !== undefined && end !== undefined && !m.til_dato && end <= start) {
    feil(
      m.slutt !== undefined ? 'slutt' : 'start',
      `møtet slutter kl. ${klokkeslett(end)}, før eller samtidig med at det starter kl. ${klokkeslett(start)}.`,
    );
  }
  return ok;
}

/** Says where a planned meeting and its folder disagree; the folder is what counts. */
function compare(plan: ArsplanMote, mote: Mote, file: string, data: ArsplanMoteData, diags: Diagnostics): void {
  const ulik: string[] = [];
  if (data.start !== undefined && plan.start !== mote.start)
    ulik.push(`start kl. ${klokkeslett(plan.start!)} / kl. ${klokkeslett(mote.start)}`);
  if (data.slutt !== undefined && plan.slutt !== mote.slutt)
    ulik.push(`slutt kl. ${klokkeslett(plan.slutt!)} / kl. ${klokkeslett(mote.slutt)}`);
  if (data.sted !== undefined && plan.sted !== mote.sted) ulik.push(`sted «${plan.sted}» / «${mote.sted}»`);
  if (ulik.length === 0) return;
  diags.warning(
    file,
    plan.kilde.position,
    `møtet ${mote.dato} har også møtemappen ${mote.mappe}, og de er ulike (årsplanen / møtemappen): ${ulik.join('; ')}. Møtemappen gjelder; rett eller fjern møtet i årsplanen.`,
  );
}

/**
 * The year's plan: the meetings in cases/ of that year, and the planned ones. Meetings are sorted
 * by date within each committee; those without a date (only `tidspunkt`) come last, in the order
 * written.
 */
export function makeArsplan(
  ar: number,
  organisasjon: Organisasjon,
  moter: readonly Mote[],
  plan: YamlSource | undefined,
  diags: Diagnostics,
): Arsplan {
  const iAr = moter.filter((m) => arstall(m.dato) === ar);
  const alle: ArsplanMote[] = iAr.map(fromFolder);
  if (plan) {
    const read = planlagte(ar, organisasjon, plan, diags);
    for (const p of read) {
      const mote = p.dato && iAr.find((m) => m.utvalg.key === p.utvalg.key && m.dato === p.dato);
      if (!mote) {
        alle.push(p);
        continue;
      }
      compare(p, mote, plan.file, p.rad!.data, diags);
      // Planned topics stand until the folder has saker of its own.
      const fraMappe = alle.find((a) => a.mote === mote)!;
      if (fraMappe.tema.length === 0) fraMappe.tema = p.tema;
      if (p.tilDato) fraMappe.tilDato = p.tilDato;
    }
  }
  const utvalg = [...organisasjon.utvalg.values()]
    .map((u) => ({
      utvalg: u,
      moter: alle
        .filter((m) => m.utvalg.key === u.key)
        .map((m, i) => ({ m, i }))
        .sort((a, b) => (a.m.dato && b.m.dato ? a.m.dato.localeCompare(b.m.dato) : a.m.dato ? -1 : b.m.dato ? 1 : a.i - b.i))
        .map(({ m }) => m),
    }))
    .filter((u) => u.moter.length > 0);
  return { ar, organisasjon, utvalg };
}
