import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Diagnostic, Diagnostics, sortDiagnostics } from '../domain/diagnostics.js';
import { UsageError } from '../domain/errors.js';
import { ferdigstill, type Metadata } from '../pipeline/assemble/pdf.js';
import { findProjectRootFromCwd, loadProjectSource } from '../pipeline/load/project.js';
import { readText } from '../pipeline/load/text.js';
import { parseYaml } from '../pipeline/load/yaml.js';
import { lagArsplan } from '../pipeline/model/arsplan.js';
import { buildModel } from '../pipeline/model/mote.js';
import { Nettleser } from '../pipeline/print/browser.js';
import { arsplanHendelser, arsplanVisning } from '../pipeline/render/arsplan.js';
import { kalender } from '../pipeline/render/kalender.js';
import { skrivAlle } from '../pipeline/write/atomic.js';
import { FONTMAPPE } from '../util/package.js';
import { loadMaler } from './templates.js';
import { overskrifter } from './tools.js';

export interface ArsplanResultat {
  diagnostics: Diagnostic[];
  /** The files written (the PDF and the calendar), when there were no errors. */
  filer: string[];
  moter: number;
}

/** The project folder: ./cases (or the folder itself) holding organisasjon.yaml. */
function finnRot(cwd: string): string {
  const rot = findProjectRootFromCwd(cwd);
  if (rot) return rot;
  throw new UsageError('fant ingen organisasjon.yaml i cases/ eller mappene over; kjør kommandoen fra prosjektmappen.');
}

/**
 * `motedok arsplan <år>`: every committee's meetings of the year, from the meeting folders and
 * `arsplan-<år>.yaml` next to organisasjon.yaml, as `<out>/arsplan-<år>.pdf` and
 * `<out>/arsplan-<år>.ics`. The plan shows only what is public (dates, places, saker titles),
 * so there is one version. Nothing is written when something has errors.
 */
export async function byggArsplan(ar: number, options: { cwd?: string; out?: string } = {}): Promise<ArsplanResultat> {
  const cwd = options.cwd ?? process.cwd();
  const ut = resolve(cwd, options.out ?? 'output');
  const rot = finnRot(cwd);
  const diags = new Diagnostics();
  const prosjekt = loadProjectSource(rot, diags);
  const modell = buildModel(prosjekt, diags);
  const planfil = join(rot, `arsplan-${ar}.yaml`);
  const tekst = existsSync(planfil) ? readText(planfil, diags) : undefined;
  const kilde = tekst === undefined ? undefined : parseYaml(planfil, tekst, diags);
  const resultat = (filer: string[] = [], moter = 0): ArsplanResultat => ({ diagnostics: sortDiagnostics(diags.items), filer, moter });
  if (!modell.organisasjon) return resultat();
  const plan = lagArsplan(ar, modell.organisasjon, modell.alleMoter, kilde, diags);
  const antall = plan.utvalg.reduce((n, u) => n + u.moter.length, 0);
  if (antall === 0 && diags.errorCount === 0) {
    diags.error(
      planfil,
      undefined,
      `ingen møter i ${ar}: ingen møtemapper i cases/ har dato i ${ar}, og filen arsplan-${ar}.yaml ${tekst === undefined ? 'finnes ikke' : 'har ingen møter'}. Lag den med «moter:» (se README), eller møtene med «motedok new mote».`,
    );
  }
  if (diags.errorCount > 0) return resultat();
  const org = modell.organisasjon;
  const { maler, diagnostics } = loadMaler(org);
  diags.addAll(diagnostics);
  if (!maler) return resultat();
  const fraser = prosjekt.fraser[org.sprak ?? 'nb'];
  const data = arsplanVisning(plan, fraser);
  const html = maler.render('arsplan', data);
  const logo = org.logo ? [resolve(dirname(org.file), org.logo)] : [];
  const nettleser = await Nettleser.start(1);
  let pdf: Uint8Array;
  try {
    pdf = await nettleser.pdf({ html, tillatt: [...maler.mapper, FONTMAPPE, ...logo] });
  } finally {
    await nettleser.close();
  }
  const meta: Metadata = {
    tittel: data.tittel,
    forfatter: org.navn,
    emne: `Møteplan ${ar}`,
    dato: new Date(Date.UTC(ar, 0, 1)),
    sprak: fraser.pdf_lang,
  };
  const ferdig = await ferdigstill(pdf, meta, [], overskrifter(html));
  const filer = new Map<string, Uint8Array | string>([
    [join(ut, `arsplan-${ar}.pdf`), ferdig.bytes],
    [join(ut, `arsplan-${ar}.ics`), kalender(arsplanHendelser(plan, fraser))],
  ]);
  skrivAlle(filer);
  return resultat([...filer.keys()], antall);
}
