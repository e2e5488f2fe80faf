import { join } from 'node:path';
import type { Mote } from '../domain/types.js';
import { ferdigstill, type Metadata } from '../pipeline/assemble/pdf.js';
import { offentligVersjon } from '../pipeline/model/offentlig.js';
import { vedtakslisteVisning } from '../pipeline/render/views.js';
import type { LoadResult } from './load.js';
import type { Sett } from './mote.js';
import { hentEllerLag, lastedeFiler, overskrifter, skriverFor, tillatteFiler, type Verktoy } from './tools.js';

/** A committee's year: `ssu-2025`, and all of its meetings in cases/, in date order. */
export interface Vedtaksar {
  navn: string;
  moter: Mote[];
}

/**
 * The committee years the built meetings belong to that have minutes, each with every meeting of
 * that year in cases/ (not only those built now): a vedtaksliste covers the whole year.
 */
export function vedtaksar(loaded: LoadResult): Vedtaksar[] {
  const navn = (m: Mote) => `${m.utvalg.key}-${m.dato.slice(0, 4)}`;
  return [...new Set(loaded.moter.map(navn))]
    .map((ar) => ({ navn: ar, moter: loaded.alleMoter.filter((m) => navn(m) === ar) }))
    .filter((ar) => ar.moter.some((m) => m.referat));
}

/** The year's vedtaksliste for the members, and for the public (only decisions from approved minutes, like the website). */
export async function vedtakslister(ar: Vedtaksar, verktoy: Verktoy, ut: string): Promise<Sett> {
  const { maler, buffer } = verktoy;
  const sett: Sett = { filer: new Map(), dokumenter: [] };
  const { moter } = ar;
  const siste = moter[moter.length - 1]!;
  const offentlige = moter.filter((m) => m.referat?.status === 'godkjent').map(offentligVersjon);
  for (const [mappe, versjon] of [
    [ut, moter],
    [join(ut, 'offentlig'), offentlige],
  ] as const) {
    if (!versjon.some((m) => m.referat)) continue;
    const data = vedtakslisteVisning(versjon, Number(siste.dato.slice(0, 4)));
    const html = maler.render('vedtaksliste', data);
    const skriv = skriverFor(verktoy, tillatteFiler(moter, maler));
    const meta: Metadata = {
      tittel: data.tittel,
      forfatter: siste.organisasjon.navn,
      dato: new Date(`${siste.dato}T00:00:00Z`),
      sprak: siste.fraser.pdf_lang,
    };
    const nokkel = buffer.nokkel('vedtaksliste', html, JSON.stringify(meta), ...lastedeFiler(buffer, html));
    const laget = await hentEllerLag(verktoy, nokkel, async () => ferdigstill(await skriv(html), meta, [], overskrifter(html)));
    const fil = join(mappe, `${ar.navn}-vedtak.pdf`);
    sett.filer.set(fil, laget.ferdig.bytes);
    sett.dokumenter.push({ mote: ar.navn, fil, sider: laget.ferdig.sider, fraBuffer: laget.fraBuffer });
  }
  return sett;
}
