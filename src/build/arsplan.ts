import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Diagnostic, Diagnostics, sortDiagnostics } from '../domain/diagnostics.js';
import { UsageError } from '../domain/errors.js';
import { finishPdf, type Metadata } from '../pipeline/assemble/pdf.js';
import { findProjectRootFromCwd, loadProjectSource } from '../pipeline/load/project.js';
import { readText } from '../pipeline/load/text.js';
import { parseYaml } from '../pipeline/load/yaml.js';
import { makeArsplan } from '../pipeline/model/arsplan.js';
import { buildModel } from '../pipeline/model/mote.js';
import { SealedBrowser } from '../pipeline/print/browser.js';
import { arsplanHendelser, arsplanView } from '../pipeline/render/arsplan.js';
import { buildCalendar } from '../pipeline/render/kalender.js';
import { listNumbering } from '../pipeline/render/lister.js';
import { collapseWhiteSpace } from '../pipeline/render/mellomrom.js';
import { writeAll } from '../pipeline/write/atomic.js';
import { FONT_DIR } from '../util/package.js';
import { loadTemplates } from './templates.js';
import { overskrifter } from './tools.js';

export interface ArsplanResult {
  diagnostics: Diagnostic[];
  /** The files written (the PDF and the calendar), when there were no errors. */
  files: string[];
  moter: number;
}

/** The project folder: ./cases (or the folder itself) holding organisasjon.yaml. */
function findRoot(cwd: string): string {
  const root = findProjectRootFromCwd(cwd);
  if (root) return root;
  throw new UsageError('fant ingen organisasjon.yaml i cases/ eller mappene over; kjør kommandoen fra prosjektmappen.');
}

/**
 * `motedok arsplan <år>`: every committee's meetings of the year, from the meeting folders and
 * `arsplan-<år>.yaml` next to organisasjon.yaml, as `<out>/arsplan-<år>.pdf` and
 * `<out>/arsplan-<år>.ics`. The plan shows only what is public (dates, places, saker titles),
 * so there is one version. Nothing is written when something has errors.
 */
export async function buildArsplan(ar: number, options: { cwd?: string; out?: string } = {}): Promise<ArsplanResult> {
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.out ?? 'output');
  const root = findRoot(cwd);
  const diags = new Diagnostics();
  const prosjekt = await loadProjectSource(root, diags);
  const modell = await buildModel(prosjekt, diags);
  const planfil = join(root, `arsplan-${ar}.yaml`);
  const text = existsSync(planfil) ? readText(planfil, diags) : undefined;
  const source = text === undefined ? undefined : parseYaml(planfil, text, diags);
  const result = (files: string[] = [], moter = 0): ArsplanResult => ({ diagnostics: sortDiagnostics(diags.items), files, moter });
  if (!modell.organisasjon) return result();
  const plan = makeArsplan(ar, modell.organisasjon, modell.alleMoter, source, diags);
  const count = plan.utvalg.reduce((n, u) => n + u.moter.length, 0);
  if (count === 0 && diags.errorCount === 0) {
    diags.error(
      planfil,
      undefined,
      `ingen møter i ${ar}: ingen møtemapper i cases/ har dato i ${ar}, og filen arsplan-${ar}.yaml ${text === undefined ? 'finnes ikke' : 'har ingen møter'}. Lag den med «moter:» (se README), eller møtene med «motedok new mote».`,
    );
  }
  if (diags.errorCount > 0) return result();
  const org = modell.organisasjon;
  const { maler, diagnostics } = loadTemplates(org);
  diags.addAll(diagnostics);
  if (!maler) return result();
  const fraser = prosjekt.fraser[org.sprak ?? 'nb'];
  const data = arsplanView(plan, fraser);
  const html = maler.render('arsplan', data);
  const logo = org.logo ? [resolve(dirname(org.file), org.logo)] : [];
  const browser = await SealedBrowser.start(1);
  let pdf: Uint8Array;
  try {
    pdf = await browser.pdf({ html: collapseWhiteSpace(html), tillatt: [...maler.folders, FONT_DIR, ...logo] });
  } finally {
    await browser.close();
  }
  const meta: Metadata = {
    tittel: data.tittel,
    forfatter: org.navn,
    emne: `Møteplan ${ar}`,
    dato: new Date(Date.UTC(ar, 0, 1)),
    sprak: fraser.pdf_lang,
  };
  const done = await finishPdf(pdf, meta, [], overskrifter(html), listNumbering(html));
  const files = new Map<string, Uint8Array | string>([
    [join(outDir, `arsplan-${ar}.pdf`), done.bytes],
    [join(outDir, `arsplan-${ar}.ics`), buildCalendar(arsplanHendelser(plan, fraser))],
  ]);
  await writeAll(files);
  return result([...files.keys()], count);
}
