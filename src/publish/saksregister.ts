import type { Mote, Sak, SakReferanse } from '../domain/types.js';
import { kjenteUtvalg } from '../pipeline/model/referanser.js';
import { saksnummer } from '../pipeline/model/tid.js';
import type { ReferanseLenker } from '../pipeline/render/markdown.js';
import { motePageHref, relativTil, sakPageHref } from './adresser.js';
import type { NevntI } from './sider.js';

/**
 * The saker that have a page on the site, for what refers to what: a reference in a proposal or
 * a decision links to the page of the sak it names, and each sak's page lists the later saker
 * that name it («Saken er nevnt i»). Made from the public versions, so an exempt sak never
 * shows as referring to anything.
 */
export interface Saksregister {
  nevntI: NevntI;
  /** Where the references on the pages of `mote` lead: to the pages of its committee's saker, relative to the meeting's folder. */
  lenkerFor(mote: Mote): ReferanseLenker;
}

interface Plass {
  mote: Mote;
  sak: Sak;
}

const nokkel = (utvalg: string, nr: NonNullable<Sak['nummer']>) => `${utvalg} ${saksnummer(nr)}`;

/** The committee a reference names (by kortnavn), or the committee of the meeting it is written in. */
function utvalgFor(ref: SakReferanse, mote: Mote): string | undefined {
  if (!ref.utvalg || ref.utvalg === mote.utvalg.kortnavn) return mote.utvalg.key;
  return [...mote.organisasjon.utvalg.values()].find((u) => u.kortnavn === ref.utvalg)?.key;
}

/** Every reference of a meeting with the sak it is written in: in case papers, proposals and the referat's notes. */
function referanserI(mote: Mote): { fra: Sak; ref: SakReferanse }[] {
  const saker = mote.saker.flatMap((sak) => sak.referanser.map((ref) => ({ fra: sak, ref })));
  const referat = (mote.referat?.saker ?? []).flatMap((r) => {
    const fra = mote.saker.find((s) => s.nummer?.lopenummer === r.nummer.lopenummer && s.nummer.ar === r.nummer.ar);
    return fra ? r.referanser.map((ref) => ({ fra, ref })) : [];
  });
  return [...saker, ...referat];
}

function nevntFra(moter: readonly Mote[], plasser: ReadonlyMap<string, Plass>): Map<string, Plass[]> {
  const nevnt = new Map<string, Plass[]>();
  for (const mote of moter) {
    for (const { fra, ref } of referanserI(mote)) {
      const utvalg = utvalgFor(ref, mote);
      const key = utvalg && nokkel(utvalg, ref.saksnummer);
      const mal = key && plasser.get(key);
      if (!mal || mal.sak === fra || mote.dato < mal.mote.dato) continue;
      const list = nevnt.get(key) ?? [];
      if (!list.some((p) => p.sak === fra)) list.push({ mote, sak: fra });
      nevnt.set(key, list);
    }
  }
  for (const list of nevnt.values())
    list.sort((a, b) => a.mote.dato.localeCompare(b.mote.dato) || a.sak.nummer!.lopenummer - b.sak.nummer!.lopenummer);
  return nevnt;
}

/** The register of the meetings `moter` (their public versions), which all have pages on the site. */
export function saksregister(moter: readonly Mote[]): Saksregister {
  const plasser = new Map<string, Plass>();
  for (const mote of moter) for (const sak of mote.saker) if (sak.nummer) plasser.set(nokkel(mote.utvalg.key, sak.nummer), { mote, sak });
  const nevnt = nevntFra(moter, plasser);
  return {
    nevntI: (mote, sak) => (sak.nummer ? (nevnt.get(nokkel(mote.utvalg.key, sak.nummer)) ?? []) : []),
    lenkerFor: (mote) => {
      const page = motePageHref(mote);
      const lenker = new Map<string, string>();
      for (const { mote: m, sak } of plasser.values()) {
        if (m.utvalg.key === mote.utvalg.key) lenker.set(saksnummer(sak.nummer!), relativTil(page, sakPageHref(m, sak)!));
      }
      return { lenker, utvalg: mote.utvalg.kortnavn, kjente: kjenteUtvalg(mote.organisasjon) };
    },
  };
}
