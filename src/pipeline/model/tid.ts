import type { Dato, Klokkeslett, Saksnummer } from '../../domain/types.js';

const MANEDER = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
const KORTE_MANEDER = ['jan.', 'feb.', 'mars', 'april', 'mai', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'des.'];
const UKEDAGER = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];

export type Tolket<T> = { ok: true; value: T } | { ok: false; why: string };

function daysInMonth(ar: number, maned: number): number {
  return new Date(Date.UTC(ar, maned, 0)).getUTCDate();
}

/**
 * Reads `2025-05-22` (the format of the files) and `22.05.2025` (how people write dates). A
 * two-digit year is refused here: in a file that lasts, `22.5.25` is ambiguous.
 */
export function parseDato(text: string): Tolket<Dato> {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const norsk = iso ? undefined : /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  let ar: number, maned: number, dag: number;
  if (iso) {
    [ar, maned, dag] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (norsk) {
    [dag, maned, ar] = [Number(norsk[1]), Number(norsk[2]), Number(norsk[3])];
  } else {
    return { ok: false, why: `«${s}» er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, for eksempel 2025-05-22` };
  }
  if (maned < 1 || maned > 12) return { ok: false, why: `«${s}» har måned ${maned}; måneden må være 1–12` };
  const maks = daysInMonth(ar, maned);
  if (dag < 1 || dag > maks) {
    return { ok: false, why: `datoen ${s} finnes ikke: ${MANEDER[maned - 1]} ${ar} har ${maks} dager` };
  }
  return { ok: true, value: `${ar}-${pad(maned)}-${pad(dag)}` as Dato };
}

/** Reads `09:00`, `9:00`, `09.00` and `0900`, the forms in the seeds. */
export function parseKlokkeslett(text: string): Tolket<Klokkeslett> {
  const s = text.trim();
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(s) ?? /^(\d{2})(\d{2})$/.exec(s);
  if (!m) return { ok: false, why: `«${s}» er ikke et klokkeslett; skriv det som TT:MM, for eksempel "09:30"` };
  const [timer, minutter] = [Number(m[1]), Number(m[2])];
  if (timer > 23) return { ok: false, why: `klokkeslettet ${s} finnes ikke: timen må være 00–23` };
  if (minutter > 59) return { ok: false, why: `klokkeslettet ${s} finnes ikke: minuttene må være 00–59` };
  return { ok: true, value: (timer * 60 + minutter) as Klokkeslett };
}

/**
 * A sak number as written: the running number (any length: a year with many meetings passes
 * 999), `.` or `/`, and the year's two digits. The one pattern for mote.yaml, frontmatter and the
 * referat's headings, so a number that can be assigned can also be written everywhere.
 */
export const SAKSNUMMER_SKREVET = String.raw`(\d+)\s*[./]\s*(\d{2})`;

/** Reads `13.25`, `13/25` (both are used in the seeds) and `1000.25`. */
export function parseSaksnummer(text: string): Tolket<Saksnummer> {
  const m = new RegExp(`^${SAKSNUMMER_SKREVET}$`).exec(text.trim());
  if (!m) return { ok: false, why: `«${text.trim()}» er ikke et saksnummer; skriv det som løpenummer.år, for eksempel "13.25"` };
  const lopenummer = Number(m[1]);
  if (lopenummer < 1) return { ok: false, why: `saksnummer ${text.trim()}: løpenummeret må være 1 eller høyere` };
  if (!Number.isSafeInteger(lopenummer)) return { ok: false, why: `saksnummer ${text.trim()}: løpenummeret er for stort` };
  return { ok: true, value: { lopenummer, ar: 2000 + Number(m[2]) } };
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function arstall(dato: Dato): number {
  return Number(dato.slice(0, 4));
}

function partsOf(dato: Dato): [number, number, number] {
  return [Number(dato.slice(0, 4)), Number(dato.slice(5, 7)), Number(dato.slice(8, 10))];
}

/** `22. mai 2025` */
export function langDato(dato: Dato): string {
  const [ar, maned, dag] = partsOf(dato);
  return `${dag}. ${MANEDER[maned - 1]} ${ar}`;
}

/** `20.02.25`, as the fixed sak's title writes the previous meeting in the seeds. */
export function kortDato(dato: Dato): string {
  const [ar, maned, dag] = partsOf(dato);
  return `${pad(dag)}.${pad(maned)}.${String(ar).slice(2)}`;
}

/** `12. feb.`, short like the seed's årsplan table (`12.feb.26`), for where a title gives the year. */
export function dagOgManed(dato: Dato): string {
  const [, maned, dag] = partsOf(dato);
  return `${dag}. ${KORTE_MANEDER[maned - 1]}`;
}

/** `torsdag` */
export function ukedag(dato: Dato): string {
  const [ar, maned, dag] = partsOf(dato);
  return UKEDAGER[new Date(Date.UTC(ar, maned - 1, dag)).getUTCDay()]!;
}

/** `09.30`: Språkrådet's form, used in everything we print. */
export function klokkeslett(kl: Klokkeslett | number): string {
  return `${pad(Math.floor(kl / 60) % 24)}.${pad(kl % 60)}`;
}

/** `13.25` */
export function saksnummer(nr: Saksnummer): string {
  return `${pad(nr.lopenummer)}.${pad(nr.ar % 100)}`;
}

export function leggTil(kl: Klokkeslett, minutter: number): Klokkeslett {
  return (kl + minutter) as Klokkeslett;
}
