import { SAKTYPER } from '../../domain/saksliste.js';
import type { Klokkeslett, PausePunkt, Sak, SakPunkt, Saksliste, Sakslistegruppe, SakType, Source } from '../../domain/types.js';
import { leggTil } from './tid.js';

export const OVERSKRIFTER: Record<Exclude<SakType, 'eventuelt'>, string> = {
  beslutning: 'Beslutningssaker',
  tema: 'Temasaker',
  referat: 'Referatsaker',
};

export interface Pause {
  /** The sak the break follows. */
  etter: Sak;
  minutter: number;
  tittel: string;
  source: Source;
}

/**
 * Agenda order: the fixed saker, then the files in name order under the seeds' headings
 * (Beslutningssaker, Temasaker, Referatsaker), Eventuelt last. A file whose type belongs under an
 * earlier heading than the file before it moves up under its heading; the caller warns about it.
 */
export function orderSaker(faste: readonly Sak[], saker: readonly Sak[]): Sak[] {
  const byType = SAKTYPER.map((type) => saker.filter((sak) => sak.type === type));
  return [...faste, ...byType.flat()];
}

/** Clock times for every sak and break, grouped under the headings, from the meeting's start. */
export function planSaksliste(saker: readonly Sak[], pauser: readonly Pause[], start: Klokkeslett, end: Klokkeslett): Saksliste {
  const grupper: Sakslistegruppe[] = [];
  const eventuelt: SakPunkt[] = [];
  let klokka = start;
  for (const sak of saker) {
    const punkt: SakPunkt = { kind: 'sak', sak, start: klokka, slutt: leggTil(klokka, sak.minutter) };
    klokka = punkt.slutt;
    if (sak.type === 'eventuelt') {
      eventuelt.push(punkt);
      continue;
    }
    const type = sak.fast ? undefined : sak.type;
    let gruppe = grupper[grupper.length - 1];
    if (!gruppe || gruppe.type !== type) {
      gruppe = { overskrift: type ? OVERSKRIFTER[type] : undefined, type, punkter: [] };
      grupper.push(gruppe);
    }
    gruppe.punkter.push(punkt);
    for (const pause of pauser.filter((p) => p.etter === sak)) {
      const pausePunkt: PausePunkt = {
        kind: 'pause',
        tittel: pause.tittel,
        minutter: pause.minutter,
        start: klokka,
        slutt: leggTil(klokka, pause.minutter),
        source: pause.source,
      };
      klokka = pausePunkt.slutt;
      gruppe.punkter.push(pausePunkt);
    }
  }
  const eventueltStart = eventuelt[0]?.start ?? klokka;
  // Eventuelt takes whatever time is left of the meeting, or what its items need.
  const planlagtEnd = Math.max(klokka, end) as Klokkeslett;
  return {
    grupper,
    eventuelt: { start: eventueltStart, slutt: planlagtEnd, saker: eventuelt },
    slutt: planlagtEnd,
    overtid: Math.max(0, klokka - end),
  };
}
