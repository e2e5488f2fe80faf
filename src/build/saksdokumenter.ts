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
 * The bundle's parts, read ahead: once something of the meeting is sent to the browser, each part
 * is read while the browser prints (one part per turn of the event loop, so that the browser's
 * answers are not kept waiting), instead of all of them after the last print. When nothing is
 * printed the bundle is most likely the cached one, and nothing is read.
 */
export class BundleParts {
  private readonly bytes = new Map<Plan, Uint8Array>();
  private readonly lest = new Map<Plan, Promise<PDFDocument>>();
  /** Parts waiting to be read, one per turn of the event loop. */
  private readonly queue: (() => void)[] = [];
  private printing = false;

  /** The printer, telling this when it is first used. */
  watching(write: Printer): Printer {
    return (html) => {
      if (!this.printing) {
        this.printing = true;
        for (const [plan, bytes] of this.bytes) this.readSoon(plan, bytes);
      }
      return write(html);
    };
  }

  add(plan: Plan, bytes: Uint8Array): void {
    this.bytes.set(plan, bytes);
    if (this.printing) this.readSoon(plan, bytes);
  }

  /** The part as read ahead, if it was; for one use. */
  take(plan: Plan): Promise<PDFDocument> | undefined {
    const lest = this.lest.get(plan);
    this.lest.delete(plan);
    return lest;
  }

  /** One part per turn of the event loop: what the browser sends (its requests for fonts) is answered in between. */
  private readSoon(plan: Plan, bytes: Uint8Array): void {
    if (this.lest.has(plan)) return;
    const lest = new Promise<PDFDocument>((resolve, reject) => {
      this.queue.push(() => loadPdf(bytes).then(resolve, reject));
      if (this.queue.length === 1) setImmediate(() => this.next());
    });
    // A part read ahead but not used (the bundle came from the cache after all) is no error.
    lest.catch(() => undefined);
    this.lest.set(plan, lest);
  }

  private next(): void {
    this.queue.shift()?.();
    if (this.queue.length > 0) setImmediate(() => this.next());
  }
}

/**
 * References in the case papers to other saker of the meeting lead to those saker's case papers,
 * now that they are in one file (assemble/referanselenker.ts).
 */
function linkReferanserInBundle(
  base: PDFDocument,
  mote: Mote,
  forsidePages: number,
  deler: readonly { plan: Plan; ferdig: FinishedPdf }[],
): void {
  let page = forsidePages;
  const starter = deler.map(({ ferdig: done }) => {
    const start = page;
    page += done.sider;
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
    deler.map(({ ferdig: done }, i) => ({ start: starter[i]!, referanser: done.referanser ?? [] })),
    mal,
  );
}

/** The contents page's lines: each part and its attachments with the page they start on, after `forsideSider` contents pages. */
function contentsLines(deler: readonly { plan: Plan; ferdig: FinishedPdf }[], forsidePages: number): ContentsLine[] {
  let page = forsidePages + 1;
  return deler.map(({ plan, ferdig: done }) => {
    const start = page;
    page += done.sider;
    return {
      tittel: plan.innhold!,
      side: start,
      vedlegg: plan.vedlegg.map((v, i) => ({ tittel: v.tittel, nr: v.nr, side: start + done.vedleggStart[i]! })),
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
  tools: BuildTools,
  write: Printer,
  meta: Metadata,
  lestFor?: BundleParts,
): Promise<{ ferdig: FinishedPdf; fraBuffer: boolean }> {
  const { maler, buffer } = tools;
  const content = (forsidePages: number) => contentsLines(deler, forsidePages);
  // The contents page is cached on its own: an edit that moves no page number composes the
  // file again from cached parts without starting the browser.
  const forside = async (pages: number): Promise<FinishedPdf> => {
    const html = maler.render('saksdokumenter', saksdokumenterView(mote, content(pages)));
    const key = buffer.key('innholdsliste', html, ...loadedFiles(buffer, html));
    // Numbered with the whole bundle, below.
    return (
      await getOrMake(tools, key, async () => {
        const trykk = withoutPageNumbers(html);
        return finishPdf(await write(trykk), meta, [], overskrifter(html), listNumbering(trykk));
      })
    ).ferdig;
  };
  const forsideHtml = maler.render('saksdokumenter', saksdokumenterView(mote, content(1)));
  const nokkel = buffer.key(
    'saksdokumenter',
    forsideHtml,
    JSON.stringify(meta),
    ...loadedFiles(buffer, forsideHtml),
    ...deler.map(
      ({ plan, ferdig: done }) => `${plan.innhold}\u0000${buffer.key(done.bytes)}\u0000${JSON.stringify(done.referanser ?? [])}`,
    ),
  );
  const overlays: string[] = [];
  return getOrMake(
    tools,
    nokkel,
    async () => {
      let trykt = await forside(1);
      if (trykt.sider !== 1) trykt = await forside(trykt.sider);
      const base = await loadPdf(trykt.bytes);
      await mergePdfs(
        base,
        deler.map(({ plan, ferdig: done }) => ({ pdf: done.bytes, bokmerke: plan.innhold!, lest: lestFor?.take(plan) })),
      );
      linkReferanserInBundle(base, mote, trykt.sider, deler);
      // One numbering from the contents page to the last page, as the contents page counts; stamped before the one save.
      await stampPageNumbers(tools, write, forsideHtml, base, overlays);
      const pages = base.getPageCount();
      // The parts' structure IDs are reproducible (each part was saved by savePdf), and prefixed by part (merge.ts).
      return { bytes: await savePdf(base, meta, { stableIds: true }), sider: pages, vedleggStart: [] };
    },
    () => overlays,
  );
}
