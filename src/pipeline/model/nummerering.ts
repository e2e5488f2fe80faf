import type { Dato } from '../../domain/types.js';
import { arstall } from './tid.js';

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
