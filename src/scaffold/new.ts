import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { type LoadResult, loadMoter } from '../build/load.js';
import { type Diagnostic, Diagnostics, sortDiagnostics } from '../domain/diagnostics.js';
import { UsageError } from '../domain/errors.js';
import { PROSJEKTMAPPE } from '../domain/prosjekt.js';
import { fileOrder, rankInSaksliste, SAKTYPER } from '../domain/saksliste.js';
import { frase } from '../domain/sprak.js';
import type { Mote, Sak, SakType } from '../domain/types.js';
import {
  findProjectRootFromCwd,
  isMotemappe,
  loadProjectSource,
  MOTE_FIL,
  ORGANISASJON_FIL,
  REFERAT_FILE,
} from '../pipeline/load/project.js';
import { buildModel } from '../pipeline/model/mote.js';
import { klokkeslett, parseDato, parseKlokkeslett, saksnummer } from '../pipeline/model/tid.js';
import { displayPath, writeAtomic } from '../pipeline/write/atomic.js';
import { PACKAGE_DIR } from '../util/package.js';
import { meantSuffix } from '../util/suggest.js';

/**
 * `motedok new`: the files the secretariat starts from, written so that `motedok check` passes
 * them as they are. Nothing that exists is overwritten.
 */

/** The file exists already: refused, exit code 1. */
export class ExistsError extends Error {}

export interface NewResult {
  file: string;
  /** Lines to show the user after the file was written. */
  linjer: string[];
  /** Problems in the project found when the new file was read back (exit code 1 when any is an error). */
  diagnostics: Diagnostic[];
  /** The sak's number as the model computes it (new sak only). */
  nummer?: string;
}

/** The package's schemas/ folder: next to src/ and dist/. */
const SKJEMAMAPPE = join(PACKAGE_DIR, 'schemas');

function schemaComment(file: string, skjema: string): string {
  const path = relative(dirname(file), join(SKJEMAMAPPE, skjema)).split('\\').join('/');
  return `# yaml-language-server: $schema=${path}\n`;
}

/** A YAML scalar as text: plain when that reads back the same, otherwise double-quoted. */
function yamlText(value: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ,.()/–-]*$/u.test(value) && !/^(?:true|false|yes|no|on|off|null|[\d.\s-]+)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

function writeNewFile(file: string, content: string): void {
  if (existsSync(file))
    throw new ExistsError(
      `${displayPath(file)} finnes allerede; motedok new skriver ikke over filer. Gi den nye filen et annet navn, eller slett den gamle først.`,
    );
  writeAtomic(file, content);
}

/** The folder that holds organisasjon.yaml: under ./cases, or here or above. */
function projectRoot(cwd: string): string {
  const root = findProjectRootFromCwd(cwd);
  if (!root)
    throw new UsageError(
      `fant ingen ${ORGANISASJON_FIL} i cases/ eller i denne mappen eller mappene over; kjør kommandoen fra prosjektmappen.`,
    );
  return root;
}

export interface NewMoteOptions {
  sted?: string;
  start?: string;
  slutt?: string;
  cwd?: string;
}

/** `motedok new mote <utvalg> <dato>`: <cases>/<dato>-<utvalg>/mote.yaml, from the committee's usual place and times. */
export async function newMote(utvalgKey: string, datoText: string, options: NewMoteOptions = {}): Promise<NewResult> {
  const cwd = options.cwd ?? process.cwd();
  const root = projectRoot(cwd);
  const diags = new Diagnostics();
  const { organisasjon } = await buildModel(await loadProjectSource(root, diags), diags, new Set());
  if (!organisasjon) {
    return {
      file: join(root, ORGANISASJON_FIL),
      linjer: [],
      diagnostics: sortDiagnostics(diags.items.filter((d) => d.severity === 'feil')),
    };
  }
  const utvalg = organisasjon.utvalg.get(utvalgKey);
  if (!utvalg) {
    const keys = [...organisasjon.utvalg.keys()];
    throw new UsageError(
      `utvalg «${utvalgKey}» finnes ikke i ${ORGANISASJON_FIL}.${meantSuffix(utvalgKey, keys)} Utvalgene er: ${keys.join(', ')}.`,
    );
  }
  const dato = parseDato(datoText);
  if (!dato.ok)
    throw new UsageError(`datoen «${datoText}» kan ikke brukes: ${dato.why}. Skriv den som ÅÅÅÅ-MM-DD, for eksempel 2026-02-12.`);
  const tid = (name: 'start' | 'slutt', gitt: string | undefined) => {
    if (gitt === undefined) return utvalg.standard?.[name];
    const kl = parseKlokkeslett(gitt);
    if (!kl.ok) throw new UsageError(`--${name} «${gitt}» er ikke et klokkeslett: ${kl.why}. Skriv for eksempel --${name} 09:30.`);
    return kl.value;
  };
  const start = tid('start', options.start);
  const end = tid('slutt', options.slutt);
  const sted = options.sted?.trim() || utvalg.standard?.sted;
  const mangler = [start === undefined && '--start', end === undefined && '--slutt', !sted && '--sted'].filter(Boolean);
  if (mangler.length > 0) {
    throw new UsageError(
      `oppgi ${mangler.join(', ')} (utvalget «${utvalgKey}» har ikke ${mangler.length === 1 ? 'dette' : 'disse'} under «standard» i ${ORGANISASJON_FIL}).`,
    );
  }
  if (end! <= start!)
    throw new UsageError(`møtet må slutte etter at det starter, men start er ${klokkeslett(start!)} og slutt ${klokkeslett(end!)}.`);
  const folder = join(root, `${dato.value}-${utvalgKey}`);
  const file = join(folder, MOTE_FIL);
  const kl = (k: number) => `"${klokkeslett(k).replace('.', ':')}"`;
  writeNewFile(
    file,
    `${schemaComment(file, 'mote.schema.json')}utvalg: ${utvalgKey}\ndato: ${dato.value}\nstart: ${kl(start!)}\nslutt: ${kl(end!)}\nsted: ${yamlText(sted!)}\n`,
  );
  const vis = relative(cwd, folder) || '.';
  return {
    file,
    linjer: [`Opprettet ${relative(cwd, file)}`, `Neste steg: motedok new sak ${vis} "Tittel på saken"`],
    diagnostics: [],
  };
}

const STANDARD_MINUTTER: Record<SakType, number> = { beslutning: 30, tema: 30, referat: 5, eventuelt: 5 };

/** A file name from a title: lowercase words with hyphens, æøå kept, at most about 50 characters. */
export function fileNameFromTittel(tittel: string): string {
  const ord = tittel
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let name = '';
  for (const o of ord) {
    if (name && name.length + o.length + 1 > 50) break;
    name = name ? `${name}-${o}` : o.slice(0, 50);
  }
  return name || 'sak';
}

/**
 * A name for a new sak file that sorts after every file of its type (and of the types before it)
 * and before the files of later types, so the agenda keeps its order without a warning. Like the
 * examples (`13-strategisamling.md` is sak 13.25), the name starts with the number the sak is
 * expected to get when that fits; otherwise with a number or a letter (`13b-…`) that sorts right.
 */
function newFileName(
  files: readonly { filnavn: string; type: SakType }[],
  type: SakType,
  slug: string,
  forventet: number | undefined,
  finnes: (name: string) => boolean,
): string {
  const sortert = [...files].sort((a, b) => fileOrder.compare(a.filnavn, b.filnavn));
  let sisteFor = -1;
  sortert.forEach((f, i) => {
    if (rankInSaksliste(f.type) <= rankInSaksliste(type)) sisteFor = i;
  });
  const for_ = sortert[sisteFor]?.filnavn;
  const etter = sortert[sisteFor + 1]?.filnavn;
  const prefiks = (name: string | undefined) => /^(\d+)([a-z]?)(?![a-z])/.exec(name ?? '');
  const nFor = prefiks(for_) ? Number(prefiks(for_)![1]) : for_ === undefined ? 0 : undefined;
  const nEtter = prefiks(etter) ? Number(prefiks(etter)![1]) : undefined;
  const kandidater: string[] = [];
  if (forventet !== undefined) kandidater.push(`${forventet}-${slug}`);
  for (let n = (nFor ?? sortert.length) + 1; n <= (nFor ?? sortert.length) + 100; n++) kandidater.push(`${n}-${slug}`);
  if (prefiks(for_)) {
    const [, tall, bokstav] = prefiks(for_)!;
    for (const b of 'bcdefghijklmnopqrstuvwxyz'.slice(bokstav ? 'bcdefghijklmnopqrstuvwxyz'.indexOf(bokstav) + 1 : 0))
      kandidater.push(`${tall}${b}-${slug}`);
  }
  const passer = (name: string) => {
    const n = Number(prefiks(name)?.[1]);
    const bokstav = prefiks(name)?.[2];
    return (
      !finnes(name) &&
      (for_ === undefined || fileOrder.compare(for_, name) < 0) &&
      (etter === undefined || fileOrder.compare(name, etter) < 0) &&
      (bokstav || nFor === undefined || n > nFor) &&
      (bokstav ? prefiks(etter)?.[0] !== prefiks(name)?.[0] : nEtter === undefined || n < nEtter)
    );
  };
  // No room between two numbered names: continue the name of the one before.
  const valgt =
    kandidater.find(passer) ??
    [`${for_}-${slug}`].find(
      (name) =>
        for_ !== undefined &&
        !finnes(name) &&
        fileOrder.compare(for_, name) < 0 &&
        (etter === undefined || fileOrder.compare(name, etter) < 0),
    );
  if (!valgt)
    throw new ExistsError(
      `fant ikke et filnavn som sorterer mellom «${for_}» og «${etter}»; gi filene i møtemappen nye nummer, eller gi den nye saken et navn selv.`,
    );
  return valgt;
}

function skeleton(type: SakType, utvalgsnavn: string, orientering: string): string {
  switch (type) {
    case 'beslutning':
      return `## Bakgrunn\n\n\n## Vurdering\n\n\n## Forslag til vedtak\n\n1. ${utvalgsnavn} …\n`;
    case 'tema':
      return `## Bakgrunn\n\n\n## Til drøfting\n\n\n## Forslag til vedtak\n\n1. ${orientering}\n`;
    case 'referat':
      return `## Bakgrunn\n\n`;
    case 'eventuelt':
      return '';
  }
}

function moteFrom(result: LoadResult, folder: string): Mote | undefined {
  return result.moter.find((m) => resolve(m.dir) === resolve(folder));
}

function asMotemappe(folderText: string, cwd: string): string {
  const folder = resolve(cwd, folderText);
  if (!existsSync(folder)) throw new UsageError(`fant ikke mappen «${folderText}».`);
  if (!isMotemappe(folder))
    throw new UsageError(`«${folderText}» er ikke en møtemappe (ingen mote.yaml); lag møtet først med «motedok new mote <utvalg> <dato>».`);
  return folder;
}

export interface NewSakOptions {
  type?: string;
  minutter?: string;
  cwd?: string;
}

/** `motedok new sak <møtemappe> "<tittel>"`: the next sak file, with the sections of its type; reports the number it got. */
export async function newSak(folderText: string, tittel: string, options: NewSakOptions = {}): Promise<NewResult> {
  const cwd = options.cwd ?? process.cwd();
  const folder = asMotemappe(folderText, cwd);
  if (tittel.trim() === '')
    throw new UsageError('tittelen er tom; skriv den i anførselstegn: motedok new sak <møtemappe> "Tittel på saken".');
  const type = (options.type ?? 'beslutning') as SakType;
  if (!SAKTYPER.includes(type)) {
    throw new UsageError(`--type «${options.type}» finnes ikke.${meantSuffix(options.type!, SAKTYPER)} Typene er: ${SAKTYPER.join(', ')}.`);
  }
  const minutter = options.minutter === undefined ? STANDARD_MINUTTER[type] : Number(options.minutter);
  if (!Number.isInteger(minutter) || minutter <= 0)
    throw new UsageError(`--minutter «${options.minutter}» må være et helt antall minutter større enn 0, for eksempel --minutter 30.`);
  const for_ = await loadMoter([folder], { cwd });
  const mote = moteFrom(for_, folder);
  const files = mote
    ? mote.saker.filter((s) => s.fileName !== undefined).map((s) => ({ filnavn: s.fileName!, type: s.type }))
    : readdirSync(folder)
        .filter((n) => /\.md$/i.test(n) && n.toLowerCase() !== REFERAT_FILE)
        .map((n) => ({ filnavn: n.replace(/\.md$/i, ''), type: 'beslutning' as SakType }));
  const eksisterende = new Set(readdirSync(folder).map((n) => n.normalize('NFC').toLowerCase()));
  // The number it will get when it goes last under its heading: one after the last numbered sak before it.
  const forventet =
    type === 'eventuelt'
      ? 99
      : mote
        ? Math.max(
            0,
            ...mote.saker.filter((s) => s.nummer && rankInSaksliste(s.type) <= rankInSaksliste(type)).map((s) => s.nummer!.lopenummer),
          ) + 1
        : undefined;
  const name = newFileName(files, type, fileNameFromTittel(tittel), forventet, (n) =>
    eksisterende.has(`${n}.md`.normalize('NFC').toLowerCase()),
  );
  const file = join(folder, `${name}.md`);
  const utvalgsnavn = mote?.utvalg.navn ?? 'Utvalget';
  writeNewFile(
    file,
    `---\ntittel: ${yamlText(tittel.trim())}\ntype: ${type}\nminutter: ${minutter}\n---\n\n${skeleton(type, utvalgsnavn, mote ? frase(mote.fraser, 'faste_saker.til_orientering', { utvalg: utvalgsnavn }) : `${utvalgsnavn} tar saken til orientering.`)}`,
  );
  // The number comes from the model, read back with the new file in place: what `check` will show.
  const etter = await loadMoter([folder], { cwd });
  const sak = moteFrom(etter, folder)?.saker.find((s) => s.source.file === file);
  const nummer = sak?.nummer ? saksnummer(sak.nummer) : undefined;
  const flyttet = shiftedNumbers(for_.alleMoter, etter.alleMoter);
  refuseShiftingReferat(flyttet, file, folder);
  const lines = [`Opprettet ${relative(cwd, file)}`];
  if (nummer) lines.push(`Saken får nummer ${nummer}.`);
  else if (type === 'eventuelt') lines.push('Saken står under Eventuelt, uten saksnummer.');
  else lines.push('Saksnummeret kan ikke regnes ut før feilene under er rettet.');
  if (flyttet.length > 0) lines.push(`Den flytter ${flyttet.length === 1 ? 'ett saksnummer' : `${flyttet.length} saksnumre`}:`);
  for (const f of flyttet) lines.push(`  sak ${f.for} «${f.sak.tittel}» (${f.mote.mappe}) får nå nummer ${f.etter}`);
  return { file, linjer: lines, diagnostics: etter.diagnostics, nummer };
}

/** `motedok new referat <møtemappe>`: referat.md with every sak of the agenda and its proposal as the starting point. */
/** `new` would do harm (move the numbers a referat's notes are filed under): nothing is made. */
export class RefusedError extends Error {}

interface Flyttet {
  mote: Mote;
  sak: Sak;
  for: string;
  etter: string;
}

/** Every sak whose number a new file moved, in every meeting: a sak by its file, a fixed one by its place. */
function shiftedNumbers(before: readonly Mote[], after: readonly Mote[]): Flyttet[] {
  const key = (mote: Mote, sak: Sak) => `${mote.dir}\u0000${sak.fast ? `fast ${mote.saker.indexOf(sak)}` : sak.source.file}`;
  const was = new Map(before.flatMap((m) => m.saker.flatMap((s) => (s.nummer ? [[key(m, s), saksnummer(s.nummer)] as const] : []))));
  return after.flatMap((mote) =>
    mote.saker.flatMap((sak) => {
      const old = was.get(key(mote, sak));
      const now = sak.nummer ? saksnummer(sak.nummer) : undefined;
      return old && now && old !== now ? [{ mote, sak, for: old, etter: now }] : [];
    }),
  );
}

/**
 * A referat files its notes under sak numbers: a new sak that moves the numbers of a meeting with
 * a referat would move the notes to other saker. The new file is taken away again (it was just
 * made, and holds nothing yet), and the message says how to add the sak without moving any.
 */
function refuseShiftingReferat(flyttet: readonly Flyttet[], file: string, folder: string): void {
  const medReferat = flyttet.filter((f) => f.mote.referat);
  if (medReferat.length === 0) return;
  rmSync(file);
  const moter = [...new Set(medReferat.map((f) => f.mote))];
  const numre = medReferat.map((f) => `${f.for} → ${f.etter}`).join(', ');
  // Sending freezes the numbers of the meeting that has the referat, which may be a later one than the new sak's.
  const send = moter.map((m) => `«motedok send ${relative(process.cwd(), m.dir) || '.'}»`).join(' og ');
  const onlyHere = moter.every((m) => m.dir === resolve(folder));
  throw new RefusedError(
    `den nye saken ville flyttet saksnumre (${numre}) i ${moter.map((m) => m.mappe).join(' og ')}, som har referat; notatene i referatet ville da havnet under andre saker. Ingen fil er laget. Send innkallingen først (${send}): etter det får en ny sak neste ledige nummer uten å flytte ${moter.length > 1 ? 'numrene der' : 'numrene i møtet med referat'}.${onlyHere ? ' Eller gi saken --type referat, så kommer den sist.' : ''}`,
  );
}

export async function newReferat(folderText: string, options: { cwd?: string } = {}): Promise<NewResult> {
  const cwd = options.cwd ?? process.cwd();
  const folder = asMotemappe(folderText, cwd);
  const file = join(folder, REFERAT_FILE);
  const finnes = readdirSync(folder).find((n) => n.toLowerCase() === REFERAT_FILE);
  if (finnes) writeNewFile(join(folder, finnes), '');
  const lastet = await loadMoter([folder], { cwd });
  const mote = moteFrom(lastet, folder);
  if (!mote) {
    return {
      file,
      linjer: [`Lagde ikke ${relative(cwd, file)}: møtet har feil som må rettes først.`],
      diagnostics: lastet.diagnostics.filter((d) => d.severity === 'feil'),
    };
  }
  const medlemmer = mote.utvalg.medlemmer;
  const lines: string[] = ['---'];
  if (medlemmer.length > 0) lines.push('til_stede:', ...medlemmer.map((m) => `  - ${m.id}`));
  else lines.push('til_stede:', '  - Fullt Navn              # utvalget har ingen medlemmer i organisasjon.yaml');
  lines.push(
    'forfall: []                     # flytt id-ene til dem som hadde forfall hit',
    'referent: Sekretariatet',
    'status: utkast',
    '---',
    '',
  );
  const merknader: string[] = [];
  for (const sak of mote.saker) {
    if (!sak.nummer) continue;
    const nr = saksnummer(sak.nummer);
    lines.push(`## Sak ${nr} ${sak.tittel}`, '');
    const forslag = sak.forslagTilVedtak;
    if (forslag && !forslag.generert) {
      lines.push('### Vedtak', '', forslag.markdown.trim(), '');
      if (forslag.alternativer.length > 1)
        merknader.push(
          `Sak ${nr} har alternativer (${forslag.alternativer.join(', ')}); skriv under «### Vedtak» hvilket som ble valgt. Til da melder «motedok check» feil for saken.`,
        );
    }
  }
  lines.push('## Eventuelt', '');
  const eventuelt = mote.saker.filter((s) => s.type === 'eventuelt');
  if (eventuelt.length === 0) lines.push('Ingen saker.', '');
  for (const sak of eventuelt) lines.push(`**${sak.tittel}**`, '');
  writeNewFile(file, `${lines.join('\n').trimEnd()}\n`);
  const etter = await loadMoter([folder], { cwd });
  return {
    file,
    linjer: [
      `Opprettet ${relative(cwd, file)} med ${mote.saker.filter((s) => s.nummer).length} saker og ${medlemmer.length} medlemmer i til_stede.`,
      ...merknader,
    ],
    diagnostics: etter.diagnostics.filter((d) => d.file === file || d.severity === 'feil'),
  };
}

/** Where each CI template goes in the secretariat's repository, and what to do next. */
const CI_MALER = {
  github: {
    mal: 'github-pages.yml',
    fil: join('.github', 'workflows', 'motedok.yml'),
    neste: 'Slå på Pages i GitHub: Settings → Pages → Source: «GitHub Actions». Legg filen inn i git og push.',
  },
  gitlab: {
    mal: 'gitlab-ci.yml',
    fil: '.gitlab-ci.yml',
    neste: 'Legg filen inn i git og push; nettstedet kommer under Deploy → Pages når hovedgrenen er bygget.',
  },
} as const;

export type CiVert = keyof typeof CI_MALER;

/** The package's ready CI files (ci/ beside src/ and dist/). */
export const CI_FOLDER = join(PACKAGE_DIR, 'ci');

/**
 * `motedok new ci github|gitlab`: copies the package's CI file into the project folder (where
 * cases/ is), where the host looks for it. Its commands run from that folder.
 */
export function newCi(vert: string, options: { cwd?: string } = {}): NewResult {
  if (!Object.hasOwn(CI_MALER, vert)) throw new UsageError(`ukjent «${vert}»; motedok new ci lager oppsett for github eller gitlab.`);
  const cwd = options.cwd ?? process.cwd();
  if (!existsSync(join(cwd, PROSJEKTMAPPE)))
    throw new UsageError('fant ingen mappe «cases» her; kjør «motedok new ci» fra prosjektmappen, der cases/ ligger.');
  const { mal, fil: file, neste } = CI_MALER[vert as CiVert];
  const target = join(cwd, file);
  writeNewFile(target, readFileSync(join(CI_FOLDER, mal), 'utf8'));
  return {
    file: target,
    linjer: [
      `laget ${displayPath(target)}: «motedok check» ved hver push; på hovedgrenen dokumentene og nettstedet til Pages.`,
      `  ${neste}`,
    ],
    diagnostics: [],
  };
}
