import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadMeetings, type LoadOptions } from './api.js';
import { ferdigstill, VedleggFeil, type Metadata } from './assemble/pdf.js';
import type { Diagnostic } from './diagnostics.js';
import { saksnummer } from './model/tid.js';
import type { Mote } from './model/types.js';
import { Nettleser } from './print/nettleser.js';
import { FONTMAPPE, lastMaler, type Dokumentmal, type Maler } from './render/maler.js';
import { innkallingVisning, sakslisteVisning, vedleggVisning } from './render/visning.js';
import { skrivAlle } from './write/atomisk.js';

export interface BuildOptions extends LoadOptions {
  /** Output folder; `output/` under the working folder by default. */
  out?: string;
  /** Also write the HTML each PDF was printed from. */
  html?: boolean;
  /** Called when a document is done, for progress output. */
  underveis?: (dokument: ByggetDokument) => void;
}

export interface ByggetDokument {
  mote: string;
  fil: string;
  sider: number;
}

export interface BuildResult {
  moter: Mote[];
  dokumenter: ByggetDokument[];
  diagnostics: Diagnostic[];
}

interface Plan {
  fil: string;
  mal: Dokumentmal;
  data: { tittel: string };
  emne: string;
  vedlegg: { tittel: string; fil: string }[];
}

/** The documents of one meeting: innkalling, saksliste, and a case paper per sak that has one. */
function planlegg(mote: Mote, ut: string): Plan[] {
  const mappe = join(ut, mote.mappe);
  const emne = `${mote.utvalg.navn}, møte ${mote.dato}`;
  const planer: Plan[] = [
    { fil: join(mappe, 'innkalling.pdf'), mal: 'innkalling', data: innkallingVisning(mote), emne, vedlegg: [] },
    { fil: join(mappe, 'saksliste.pdf'), mal: 'saksliste', data: sakslisteVisning(mote), emne, vedlegg: [] },
  ];
  for (const sak of mote.saker) {
    const eksterne = sak.vedlegg.filter((v) => v.fil).map((v) => ({ tittel: v.tittel, fil: v.fil! }));
    if (!sak.nummer || (!sak.harSaksfremlegg && eksterne.length === 0)) continue;
    const navn = `sak-${saksnummer(sak.nummer).replace('.', '-')}.pdf`;
    planer.push({ fil: join(mappe, 'vedlegg', navn), mal: 'vedlegg', data: vedleggVisning(mote, sak), emne, vedlegg: eksterne });
  }
  return planer;
}

async function byggMote(mote: Mote, nettleser: Nettleser, maler: Maler, options: BuildOptions, ut: string): Promise<{ filer: Map<string, Uint8Array | string>; dokumenter: ByggetDokument[] }> {
  const tillatt = [mote.dir, ...maler.mapper, FONTMAPPE, dirname(mote.organisasjon.file)];
  const meta = (plan: Plan): Metadata => ({ tittel: plan.data.tittel, forfatter: mote.organisasjon.navn, emne: plan.emne, dato: new Date(`${mote.dato}T00:00:00Z`), sprak: 'nb-NO' });
  const filer = new Map<string, Uint8Array | string>();
  const dokumenter = await Promise.all(planlegg(mote, ut).map(async (plan) => {
    const html = maler.render(plan.mal, plan.data);
    const trykt = await nettleser.pdf({ html, tillatt });
    const { bytes, sider } = await ferdigstill(trykt, meta(plan), plan.vedlegg);
    filer.set(plan.fil, bytes);
    if (options.html) filer.set(plan.fil.replace(/\.pdf$/, '.html'), html);
    const dokument = { mote: mote.mappe, fil: plan.fil, sider };
    options.underveis?.(dokument);
    return dokument;
  }));
  return { filer, dokumenter };
}

/**
 * `motedok build`: validates, then prints every document of every meeting asked for. Nothing is
 * written unless everything of a meeting was made; then each file is replaced atomically.
 */
export async function buildMeetings(paths: readonly string[] = [], options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = await loadMeetings(paths, options);
  const diagnostics = [...loaded.diagnostics];
  if (diagnostics.some((d) => d.severity === 'feil')) return { moter: loaded.moter, dokumenter: [], diagnostics };
  const ut = resolve(cwd, options.out ?? 'output');
  const egne = loaded.organisasjon?.maler ? resolve(dirname(loaded.organisasjon.file), loaded.organisasjon.maler) : undefined;
  if (egne && !existsSync(egne)) {
    diagnostics.push({ severity: 'feil', file: loaded.organisasjon!.file, message: `malmappen «${loaded.organisasjon!.maler}» finnes ikke.` });
    return { moter: loaded.moter, dokumenter: [], diagnostics };
  }
  const maler = lastMaler(egne);
  const nettleser = await Nettleser.start(2);
  const dokumenter: ByggetDokument[] = [];
  try {
    for (const mote of loaded.moter) {
      try {
        const bygget = await byggMote(mote, nettleser, maler, options, ut);
        skrivAlle(bygget.filer);
        dokumenter.push(...bygget.dokumenter);
      } catch (error) {
        if (!(error instanceof VedleggFeil)) throw error;
        diagnostics.push({ severity: 'feil', file: error.fil, message: error.message });
      }
    }
  } finally {
    await nettleser.close();
  }
  return { moter: loaded.moter, dokumenter, diagnostics };
}
