import type { Mote, SakReferanse } from '../../domain/types.js';
import { langDato, saksnummer } from './tid.js';
import type { Utkast } from './utkast.js';

/**
 * A reference to a sak that does not exist is a warning where it is written, when the project
 * covers that committee's year (some of its meetings of the year are in cases/). Numbers below
 * the first one in cases/ belong to meetings that are not (mote.yaml's `forste_saksnummer`), so
 * they are not questioned; nor is a year without meetings in cases/.
 */

interface Arsoversikt {
  kortnavn: string;
  ar: number;
  numre: Set<number>;
  minste: number;
  storste: number;
  datoer: string[];
}

function oversikter(moter: readonly Mote[]): Map<string, Arsoversikt> {
  const alle = new Map<string, Arsoversikt>();
  for (const mote of moter) {
    for (const sak of mote.saker) {
      if (!sak.nummer) continue;
      const key = `${mote.utvalg.kortnavn} ${sak.nummer.ar}`;
      const o = alle.get(key) ?? {
        kortnavn: mote.utvalg.kortnavn,
        ar: sak.nummer.ar,
        numre: new Set(),
        minste: Infinity,
        storste: 0,
        datoer: [],
      };
      o.numre.add(sak.nummer.lopenummer);
      o.minste = Math.min(o.minste, sak.nummer.lopenummer);
      o.storste = Math.max(o.storste, sak.nummer.lopenummer);
      if (!o.datoer.includes(mote.dato)) o.datoer.push(mote.dato);
      alle.set(key, o);
    }
  }
  return alle;
}

const nummer = (lopenummer: number, ar: number) => saksnummer({ lopenummer, ar });

function ukjentSakMessage(ref: SakReferanse, o: Arsoversikt, andreUtvalg: readonly string[]): string {
  const { lopenummer, ar } = ref.saksnummer;
  const datoer = [...o.datoer].sort().map((d) => langDato(d as Mote['dato']));
  const moter = datoer.length === 1 ? `møtet ${datoer[0]}` : `møtene ${datoer.join(', ')}`;
  const finnes =
    o.numre.size === o.storste - o.minste + 1
      ? `sak ${nummer(o.minste, ar)}–${nummer(o.storste, ar)}`
      : `sakene ${[...o.numre]
          .sort((a, b) => a - b)
          .map((n) => nummer(n, ar))
          .join(', ')}`;
  const annet = andreUtvalg[0];
  const rett = ref.utvalg
    ? 'Rett nummeret eller utvalget.'
    : !annet
      ? 'Rett nummeret.'
      : `Rett nummeret; er saken et annet utvalgs, skriv utvalget etter nummeret, for eksempel «sak ${nummer(lopenummer, ar)} fra ${annet}».`;
  return `«${ref.tekst.replace(/\s+/g, ' ')}» viser til sak ${nummer(lopenummer, ar)} i ${o.kortnavn}, som ikke finnes: ${o.kortnavn} har ${finnes} i ${ar} (${moter} i cases/). ${rett}`;
}

/** Every reference in the meetings' saker and referater, checked against every meeting of the project. */
export function checkSakReferanser(built: readonly { mote: Mote; utkast: Utkast }[]): void {
  const alle = oversikter(built.map((b) => b.mote));
  for (const { mote, utkast } of built) {
    const andre = [...mote.organisasjon.utvalg.values()].map((u) => u.kortnavn).filter((k) => k !== mote.utvalg.kortnavn);
    const sjekk = (file: string, ref: SakReferanse) => {
      const kortnavn = ref.utvalg ?? mote.utvalg.kortnavn;
      const o = alle.get(`${kortnavn} ${ref.saksnummer.ar}`);
      const n = ref.saksnummer.lopenummer;
      if (o && n >= o.minste && !o.numre.has(n)) utkast.diags.warning(file, ref.position, ukjentSakMessage(ref, o, andre));
    };
    for (const sak of mote.saker) for (const ref of sak.referanser) sjekk(sak.source.file, ref);
    const referat = mote.referat;
    if (!referat) continue;
    for (const ref of [...referat.saker.flatMap((s) => s.referanser), ...referat.eventueltReferanser]) sjekk(referat.source.file, ref);
  }
}
