import type { Dato, Mote, Sak } from '../../domain/types.js';
import { arstall, saksnummer as formatNummer } from './tid.js';
import type { Utkast } from './utkast.js';

/** What numbering needs to know about a meeting. */
export interface Nummereringsgrunnlag {
  id: string;
  utvalg: string;
  dato: Dato;
  forsteSaksnummer?: number;
  /** The running numbers `motedok send` froze in this meeting (journal.json). */
  frosne: readonly number[];
}

/** Numbering order: by committee, then date. */
export function inNumberingOrder<T extends Nummereringsgrunnlag>(moter: readonly T[]): T[] {
  return [...moter].sort((a, b) => a.utvalg.localeCompare(b.utvalg) || a.dato.localeCompare(b.dato) || a.id.localeCompare(b.id));
}

/**
 * The running numbers of a committee's year. Numbers run through the year across its meetings
 * in date order, each meeting continuing where the previous one stopped. A number frozen by
 * sending is never given again: a sak added to a sent meeting gets the next free number.
 */
export class Nummerserie {
  private next = 1;
  private readonly frosne: ReadonlySet<number>;

  constructor(frosne: Iterable<number>) {
    this.frosne = new Set(frosne);
  }

  /** `forste_saksnummer` in mote.yaml: where a meeting starts when earlier ones are missing. */
  begin(first: number | undefined): void {
    if (first !== undefined) this.next = first;
  }

  /** A sent meeting's frozen numbers: the numbers after it continue from its highest. */
  passer(numbers: Iterable<number>): void {
    for (const n of numbers) this.next = Math.max(this.next, n + 1);
  }

  take(): number {
    while (this.frosne.has(this.next)) this.next++;
    return this.next++;
  }
}

/** One series per committee year, knowing every number frozen in that year. */
export function nummerserier(moter: readonly Nummereringsgrunnlag[]): Map<string, Nummerserie> {
  const frosne = new Map<string, number[]>();
  for (const m of moter) frosne.set(serieKey(m), [...(frosne.get(serieKey(m)) ?? []), ...m.frosne]);
  return new Map([...frosne].map(([key, numbers]) => [key, new Nummerserie(numbers)]));
}

export const serieKey = (m: Pick<Nummereringsgrunnlag, 'utvalg' | 'dato'>) => `${m.utvalg} ${arstall(m.dato)}`;

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
    const written = sak.skrevetNummer;
    const fm = utkast.source.saker.find((s) => s.file === sak.source.file)?.markdown?.frontmatter;
    if (!written || !sak.nummer || !fm) continue;
    const computed = formatNummer(sak.nummer);
    if (written.nummer.lopenummer !== sak.nummer.lopenummer || written.nummer.ar !== sak.nummer.ar) {
      utkast.diags.error(
        sak.source.file,
        fm.locate(['saksnummer']),
        `saksnummer «${written.tekst}» stemmer ikke med det beregnede ${computed} (møtet begynner på sak ${String(first).padStart(2, '0')}.${computed.slice(-2)}, og saken er nr. ${sak.nummer.lopenummer - first + 1} i sakslisten). Fjern feltet, eller rett rekkefølgen eller forste_saksnummer i mote.yaml.`,
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
      const where = (s: Sak) => (s.fast ? `den faste saken «${s.tittel}» i ${s.source.file}` : s.source.file);
      utkast.diags.error(
        sak.source.file,
        sak.source.position,
        `saksnummer ${formatNummer(sak.nummer)} brukes to ganger i ${mote.utvalg.kortnavn} ${sak.nummer.ar}: av ${where(sak)} og av ${where(other.sak)} (møtet ${other.mote.mappe}). Rett forste_saksnummer i mote.yaml.`,
      );
    }
  }
}
