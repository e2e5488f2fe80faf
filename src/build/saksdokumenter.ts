import { PDFDocument } from 'pdf-lib';
import type { Mote } from '../domain/types.js';
import { samle } from '../pipeline/assemble/merge.js';
import { type Ferdig, ferdigstill, lagre, type Metadata } from '../pipeline/assemble/pdf.js';
import { type Innholdslinje, saksdokumenterVisning } from '../pipeline/render/views.js';
import type { Plan } from './plan.js';
import { hentEllerLag, lastedeFiler, overskrifter, type Skriver, type Verktoy } from './tools.js';

/**
 * Everything the members read, in one file: a table of contents with page numbers, then the
 * innkalling and every case paper in agenda order, composed from the PDFs already printed.
 * The contents page is printed first with a guess of its own length, and again if it was wrong.
 */
export async function saksdokumenter(
  mote: Mote,
  deler: { plan: Plan; ferdig: Ferdig }[],
  verktoy: Verktoy,
  skriv: Skriver,
  meta: Metadata,
): Promise<{ ferdig: Ferdig; fraBuffer: boolean }> {
  const { maler, buffer } = verktoy;
  const innhold = (forsideSider: number): Innholdslinje[] => {
    let side = forsideSider + 1;
    return deler.map(({ plan, ferdig }) => {
      const start = side;
      side += ferdig.sider;
      return {
        tittel: plan.innhold!,
        side: start,
        vedlegg: plan.vedlegg.map((v, i) => ({ tittel: v.tittel, side: start + ferdig.vedleggStart[i]! })),
      };
    });
  };
  // The contents page is cached on its own: an edit that moves no page number composes the
  // file again from cached parts without starting the browser.
  const forside = async (sider: number): Promise<Ferdig> => {
    const html = maler.render('saksdokumenter', saksdokumenterVisning(mote, innhold(sider)));
    const nokkel = buffer.nokkel('innholdsliste', html, ...lastedeFiler(buffer, html));
    return (await hentEllerLag(verktoy, nokkel, async () => ferdigstill(await skriv(html), meta, [], overskrifter(html)))).ferdig;
  };
  const forsideHtml = maler.render('saksdokumenter', saksdokumenterVisning(mote, innhold(1)));
  const nokkel = buffer.nokkel(
    'saksdokumenter',
    forsideHtml,
    JSON.stringify(meta),
    ...lastedeFiler(buffer, forsideHtml),
    ...deler.map(({ plan, ferdig }) => `${plan.innhold}\u0000${buffer.nokkel(ferdig.bytes)}`),
  );
  return hentEllerLag(verktoy, nokkel, async () => {
    let trykt = await forside(1);
    if (trykt.sider !== 1) trykt = await forside(trykt.sider);
    const base = await PDFDocument.load(trykt.bytes, { updateMetadata: false });
    await samle(
      base,
      deler.map(({ plan, ferdig }) => ({ pdf: ferdig.bytes, bokmerke: plan.innhold! })),
    );
    return { bytes: await lagre(base, meta), sider: base.getPageCount(), vedleggStart: [] };
  });
}
