import { join } from 'node:path';
import type { Mote } from '../domain/types.js';
import { finishPdf, type Metadata } from '../pipeline/assemble/pdf.js';
import { offentligVersjon } from '../pipeline/model/offentlig.js';
import { listNumbering } from '../pipeline/render/lister.js';
import { vedtakslisteView } from '../pipeline/render/views.js';
import type { LoadResult } from './load.js';
import type { DocumentSet } from './mote.js';
import { allowedFiles, type BuildTools, getOrMake, loadedFiles, overskrifter, printerFor } from './tools.js';

/** A committee's year: `ssu-2025`, and all of its meetings in cases/, in date order. */
export interface Vedtaksar {
  navn: string;
  moter: Mote[];
}

/**
 * The committee years the built meetings belong to that have minutes, each with every meeting of
 * that year in cases/ (not only those built now): a vedtaksliste covers the whole year.
 */
export function findVedtaksar(loaded: LoadResult): Vedtaksar[] {
  const name = (m: Mote) => `${m.utvalg.key}-${m.dato.slice(0, 4)}`;
  return [...new Set(loaded.moter.map(name))]
    .map((ar) => ({ navn: ar, moter: loaded.alleMoter.filter((m) => name(m) === ar) }))
    .filter((ar) => ar.moter.some((m) => m.referat));
}

/** The year's vedtaksliste for the members, and for the public (only decisions from approved minutes, like the website). */
export async function buildVedtakslister(ar: Vedtaksar, tools: BuildTools, outDir: string): Promise<DocumentSet> {
  const { maler, buffer } = tools;
  const sett: DocumentSet = { filer: new Map(), dokumenter: [] };
  const { moter } = ar;
  const siste = moter[moter.length - 1]!;
  const offentlige = moter.filter((m) => m.referat?.status === 'godkjent').map(offentligVersjon);
  for (const [folder, versjon] of [
    [outDir, moter],
    [join(outDir, 'offentlig'), offentlige],
  ] as const) {
    if (!versjon.some((m) => m.referat)) continue;
    const data = vedtakslisteView(versjon, Number(siste.dato.slice(0, 4)));
    const html = maler.render('vedtaksliste', data);
    const write = printerFor(tools, allowedFiles(moter, maler));
    const meta: Metadata = {
      tittel: data.tittel,
      forfatter: siste.organisasjon.navn,
      dato: new Date(`${siste.dato}T00:00:00Z`),
      sprak: siste.fraser.pdf_lang,
    };
    const key = buffer.key('vedtaksliste', html, JSON.stringify(meta), ...loadedFiles(buffer, html));
    const laget = await getOrMake(tools, key, async () => finishPdf(await write(html), meta, [], overskrifter(html), listNumbering(html)));
    const file = join(folder, `${ar.navn}-vedtak.pdf`);
    sett.filer.set(file, laget.ferdig.bytes);
    sett.dokumenter.push({ mote: ar.navn, fil: file, sider: laget.ferdig.sider, fraBuffer: laget.fraBuffer });
  }
  return sett;
}
