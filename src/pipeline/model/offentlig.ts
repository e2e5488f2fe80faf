import { frase } from '../../domain/sprak.js';
import type { Mote, Referat, Sak, SakPunkt, Saksliste } from '../../domain/types.js';

/**
 * The public version of a meeting (offentleglova): a sak exempt from public access keeps its
 * number, title (its public title, `offentlig_tittel`, when it has one) and legal basis, and
 * loses everything else — description, case paper, proposal, attachments, and in the referat its
 * notes and decision. Names of non-members
 * (`andre`) are left out of the referat when the organisation asks for it.
 */

function hide(sak: Sak, mote: Mote): Sak {
  if (!sak.unntattOffentlighet) return sak;
  return {
    ...sak,
    tittel: sak.offentligTittel ?? sak.tittel,
    // Why an exempt sak was withdrawn may be as sensitive as the sak itself.
    trukket: sak.trukket && frase(mote.fraser, 'felles.unntatt'),
    beskrivelse: undefined,
    saksbehandler: undefined,
    saksfremlegg: '',
    harSaksfremlegg: false,
    forslagTilVedtak: undefined,
    referanser: [],
    vedlegg: [],
  };
}

function saksliste(list: Saksliste, nye: Map<Sak, Sak>): Saksliste {
  const punkt = (p: SakPunkt): SakPunkt => ({ ...p, sak: nye.get(p.sak) ?? p.sak });
  return {
    ...list,
    grupper: list.grupper.map((g) => ({ ...g, punkter: g.punkter.map((p) => (p.kind === 'sak' ? punkt(p) : p)) })),
    eventuelt: { ...list.eventuelt, saker: list.eventuelt.saker.map(punkt) },
  };
}

function referat(referat: Referat, mote: Mote): Referat {
  const unntatt = new Set(
    mote.saker.filter((s) => s.unntattOffentlighet && s.nummer).map((s) => `${s.nummer!.lopenummer}.${s.nummer!.ar}`),
  );
  // Eventuelt items have no number, so the referat's notes under Eventuelt cannot be told apart: hide them all.
  const eventueltUnntatt = mote.saker.some((s) => s.type === 'eventuelt' && s.unntattOffentlighet);
  return {
    ...referat,
    eventuelt: eventueltUnntatt ? frase(mote.fraser, 'referat.eventuelt_unntatt') : referat.eventuelt,
    eventueltReferanser: eventueltUnntatt ? [] : referat.eventueltReferanser,
    andre: mote.organisasjon.skjulAndreOffentlig ? [] : referat.andre,
    saker: referat.saker.map((r) =>
      unntatt.has(`${r.nummer.lopenummer}.${r.nummer.ar}`)
        ? {
            ...r,
            notater: '',
            vedtak: undefined,
            vedtatt: undefined,
            somForeslatt: false,
            votering: undefined,
            protokolltilforsel: undefined,
            inhabile: [],
            referanser: [],
          }
        : r,
    ),
  };
}

/** True when the public version differs from the one the members get. */
export function harUnntak(mote: Mote): boolean {
  return mote.saker.some((s) => s.unntattOffentlighet) || (mote.organisasjon.skjulAndreOffentlig && (mote.referat?.andre.length ?? 0) > 0);
}

export function offentligVersjon(mote: Mote): Mote {
  const nye = new Map(mote.saker.map((s) => [s, hide(s, mote)]));
  return {
    ...mote,
    saker: mote.saker.map((s) => nye.get(s)!),
    saksliste: saksliste(mote.saksliste, nye),
    vedlegg: mote.vedlegg.filter(({ sak }) => !sak.unntattOffentlighet),
    referat: mote.referat && referat(mote.referat, mote),
  };
}
