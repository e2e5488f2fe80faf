import type { PDFDocument } from 'pdf-lib';
import { frase } from '../domain/sprak.js';
import type { Mote } from '../domain/types.js';
import { loadPdf } from '../pipeline/assemble/load-pdf.js';
import { mergePdfs } from '../pipeline/assemble/merge.js';
import { type FinishedPdf, finishPdf, type Metadata, savePdf } from '../pipeline/assemble/pdf.js';
import { linkReferanser, type ReferanseMal } from '../pipeline/assemble/referanselenker.js';
import { listNumbering } from '../pipeline/render/lister.js';
import { withoutPageNumbers } from '../pipeline/render/sidetall.js';
import { type ContentsLine, saksdokumenterView, type VedleggData } from '../pipeline/render/views.js';

import type { Plan } from './plan.js';
import { stampPageNumbers } from './sidetall.js';
import { type BuildTools, getOrMake, loadedFiles, overskrifter, type Printer } from './tools.js';

/**
 * References in the case papers to other saker of the meeting lead to those saker's case papers,
 * now that they are in one file (assemble/referanselenker.ts).
 */
function linkReferanserInBundle(
  base: PDFDocument,
  mote: Mote,
  forsideSider: number,
  deler: readonly { plan: Plan; ferdig: FinishedPdf }[],
): void {
  let side = forsideSider;
  const starter = deler.map(({ ferdig }) => {
    const start = side;
    side += ferdig.sider;
    return start;
  });
  const mal = new Map<string, ReferanseMal>();
  deler.forEach(({ plan }, i) => {
    if (plan.mal !== 'vedlegg') return;
    const { nummer, tittel } = (plan.data as VedleggData).sak;
    mal.set(nummer, { side: starter[i]!, beskrivelse: frase(mote.fraser, 'saksdokumenter.ga_til_sak', { nummer, tittel }) });
  });
  linkReferanser(
    base,
    deler.map(({ ferdig }, i) => ({ start: starter[i]!, referanser: ferdig.referanser ?? [] })),
    mal,
  );
}

/** The contents page's lines: each part and its attachments with the page they start on, after `forsideSider` contents pages. */
function contentsLines(deler: readonly { plan: Plan; ferdig: FinishedPdf }[], forsideSider: number): ContentsLine[] {
  let side = forsideSider + 1;
  return deler.map(({ plan, ferdig }) => {
    const start = side;
    side += ferdig.sider;
    return {
      tittel: plan.innhold!,
      side: start,
      vedlegg: plan.vedlegg.map((v, i) => ({ tittel: v.tittel, nr: v.nr, side: start + ferdig.vedleggStart[i]! })),
    };
  });
}

/**
 * Everything the members read, in one file: a table of contents with page numbers, then the
 * innkalling and every case paper in agenda order, composed from the PDFs already printed.
 * The contents page is printed first with a guess of its own length, and again if it was wrong.
 */
export async function buildSaksdokumenter(
  mote: Mote,
  deler: { plan: Plan; ferdig: FinishedPdf }[],
  verktoy: BuildTools,
  skriv: Printer,
  meta: Metadata,
): Promise<{ ferdig: FinishedPdf; fraBuffer: boolean }> {
  const { maler, buffer } = verktoy;
  const content = (forsideSider: number) => contentsLines(deler, forsideSider);
  // The contents page is cached on its own: an edit that moves no page number composes the
  // file again from cached parts without starting the browser.
  const forside = async (sider: number): Promise<FinishedPdf> => {
    const html = maler.render('saksdokumenter', saksdokumenterView(mote, content(sider)));
    const key = buffer.nokkel('innholdsliste', html, ...loadedFiles(buffer, html));
    // Numbered with the whole bundle, below.
    return (
      await getOrMake(verktoy, key, async () =>
        finishPdf(await skriv(withoutPageNumbers(html)), meta, [], overskrifter(html), listNumbering(html)),
      )
    ).ferdig;
  };
  const forsideHtml = maler.render('saksdokumenter', saksdokumenterView(mote, content(1)));
  const nokkel = buffer.nokkel(
    'saksdokumenter',
    forsideHtml,
    JSON.stringify(meta),
    ...loadedFiles(buffer, forsideHtml),
    ...deler.map(
      ({ plan, ferdig }) => `${plan.innhold}\u0000${buffer.nokkel(ferdig.bytes)}\u0000${JSON.stringify(ferdig.referanser ?? [])}`,
    ),
  );
  const overlays: string[] = [];
  return getOrMake(
    verktoy,
    nokkel,
    async () => {
      let trykt = await forside(1);
      if (trykt.sider !== 1) trykt = await forside(trykt.sider);
      const base = await loadPdf(trykt.bytes);
      await mergePdfs(
        base,
        deler.map(({ plan, ferdig }) => ({ pdf: ferdig.bytes, bokmerke: plan.innhold! })),
      );
      linkReferanserInBundle(base, mote, trykt.sider, deler);
      // One numbering from the contents page to the last page, as the contents page counts; stamped before the one save.
      await stampPageNumbers(verktoy, skriv, forsideHtml, base, overlays);
      const sider = base.getPageCount();
      return { bytes: await savePdf(base, meta), sider, vedleggStart: [] };
    },
    () => overlays,
  );
}
