import type { Dato, Mote, Sak } from '../../domain/types.js';
import { arstall, saksnummer as formatNummer, parseSaksnummer } from './tid.js';
import type { Utkast } from './utkast.js';

/** What numbering needs to know about a meeting. */
export interface Nummereringsgrunnlag {
  id: string;
  utvalg: string;
  dato: Dato;
  forsteSaksnummer?: number;
  /** Numbered saker in the meeting, the fixed ones included (Eventuelt items carry no number). */
  antall: number;
}

/**
 * First sak number of every meeting: numbers run through a committee's year across its
 * meetings in date order, each meeting continuing where the previous one stopped, and start
 * again at 1 in a new year. `forsteSaksnummer` sets the start when earlier meetings are missing.
 */
export function forsteSaksnumre(moter: readonly Nummereringsgrunnlag[]): Map<string, number> {
  const ordered = [...moter].sort((a, b) => a.utvalg.localeCompare(b.utvalg) || a.dato.localeCompare(b.dato) || a.id.localeCompare(b.id));
  const result = new Map<string, number>();
  let key = '';
  let next = 1;
  for (const mote of ordered) {
    const here = `${mote.utvalg} ${arstall(mote.dato)}`;
    if (here !== key) [key, next] = [here, 1];
    const first = mote.forsteSaksnummer ?? next;
    result.set(mote.id, first);
    next = first + mote.antall;
  }
  return result;
}

/** The committee's meeting before `dato`, among the meetings in cases/. */
export function forrigeMote(moter: readonly Nummereringsgrunnlag[], utvalg: string, dato: Dato): Dato | undefined {
  let best: Dato | undefined;
  for (const mote of moter) {
    if (mote.utvalg === utvalg && mote.dato < dato && (!best || mote.dato > best)) best = mote.dato;
  }
  return best;
}

export function checkWrittenNumbers(utkast: Utkast, first: number): void {
  for (const sak of utkast.saker) {
    const fm = utkast.source.saker.find((s) => s.file === sak.kilde.file)?.markdown?.frontmatter;
    const written = (fm?.data as { saksnummer?: string } | undefined)?.saksnummer;
    if (!written || !sak.nummer || !fm) continue;
    const computed = formatNummer(sak.nummer);
    const read = parseSaksnummer(written);
    if (!read.ok || read.value.lopenummer !== sak.nummer.lopenummer || read.value.ar !== sak.nummer.ar) {
      utkast.diags.error(
        sak.kilde.file,
        fm.locate(['saksnummer']),
        `saksnummer «${written}» stemmer ikke med det beregnede ${computed} (møtet begynner på sak ${String(first).padStart(2, '0')}.${computed.slice(-2)}, og saken er nr. ${sak.nummer.lopenummer - first + 1} i sakslisten). Fjern feltet, eller rett rekkefølgen eller forste_saksnummer i mote.yaml.`,
      );
    }
  }
}

export function reportDuplicateNumbers(moter: readonly { mote: Mote; utkast: Utkast }[]): void {
  const seen = new Map<string, { sak: Sak; mote: Mote }>();
  for (const { mote, utkast } of moter) {
    for (const sak of mote.saker) {
      if (!sak.nummer) continue;
      const key = `${mote.utvalg.key} ${formatNummer(sak.nummer)}`;
      const other = seen.get(key);
      if (!other) {
        seen.set(key, { sak, mote });
        continue;
      }
      const where = (s: Sak) => (s.fast ? `den faste saken «${s.tittel}» i ${s.kilde.file}` : s.kilde.file);
      utkast.diags.error(
        sak.kilde.file,
        sak.kilde.position,
        `saksnummer ${formatNummer(sak.nummer)} brukes to ganger i ${mote.utvalg.kortnavn} ${sak.nummer.ar}: av ${where(sak)} og av ${where(other.sak)} (møtet ${other.mote.mappe}). Rett forste_saksnummer i mote.yaml.`,
      );
    }
  }
}
