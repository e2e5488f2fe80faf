import type { Diagnostics } from '../../domain/diagnostics.js';
import { fileOrder, rankInSaksliste } from '../../domain/saksliste.js';
import type { ProjectSource } from '../../domain/sources.js';
import type { Mote, Organisasjon, Sak } from '../../domain/types.js';
import { yieldToEventLoop } from '../../util/event-loop.js';
import { meantSuffix } from '../../util/suggest.js';
import { buildFasteSaker } from './faste-saker.js';
import { checkGodkjentReferat } from './godkjenning.js';
import {
  checkWrittenNumbers,
  forrigeMote,
  inNumberingOrder,
  type Nummereringsgrunnlag,
  type Nummerserie,
  nummerserier,
  reportDuplicateNumbers,
  serieKey,
} from './nummerering.js';
import { buildOrganisasjon } from './organisasjon.js';
import { checkSakReferanser } from './referansesjekk.js';
import { buildReferat } from './referat.js';
import { OVERSKRIFTER, orderSaker, type Pause, planSaksliste } from './saksliste.js';
import { arstall, klokkeslett, parseSaksnummer } from './tid.js';
import { avhengerAv, buildUtkast, plassering, type Utkast } from './utkast.js';
import { type Binding, bindUtsendelser, checkUnsentTrukket, utsendelserFor, warnAboutSentOrder } from './utsendelse.js';

function warnAboutOrder(utkast: Utkast): void {
  let highest: Sak | undefined;
  for (const sak of utkast.saker) {
    if (highest && rankInSaksliste(sak.type) < rankInSaksliste(highest.type)) {
      const heading = sak.type === 'eventuelt' ? 'Eventuelt' : OVERSKRIFTER[sak.type];
      utkast.diags.warning(
        sak.source.file,
        sak.source.position,
        `saken er av type ${sak.type}, men filen sorterer etter «${highest.fileName}» (type ${highest.type}); den er flyttet opp under ${heading}. Gi filen et navn som sorterer i sakslisterekkefølge.`,
      );
    } else {
      highest = sak;
    }
  }
}

function pauserFor(utkast: Utkast, ordnet: readonly Sak[]): Pause[] {
  const { data, source, diags } = utkast;
  if (!data) return [];
  return data.pauser.flatMap((pause, index): Pause[] => {
    const position = source.mote!.locate(['pauser', index, 'etter']);
    const wanted = pause.etter.normalize('NFC');
    const nummer = parseSaksnummer(wanted);
    const sak =
      ordnet.find((s) => s.fileName?.normalize('NFC') === wanted) ??
      (nummer.ok ? ordnet.find((s) => s.nummer?.lopenummer === nummer.value.lopenummer && s.nummer.ar === nummer.value.ar) : undefined);
    if (!sak) {
      const names = ordnet.filter((s) => s.fileName).map((s) => s.fileName!);
      diags.error(
        source.moteFile,
        position,
        `pausen står «etter: ${pause.etter}», men møtet har ingen sak med det filnavnet eller saksnummeret.${meantSuffix(pause.etter, names)} Skriv filnavnet uten .md (${names.slice(0, 3).join(', ')}${names.length > 3 ? ' …' : ''}) eller et saksnummer.`,
      );
      return [];
    }
    if (sak.type === 'eventuelt') {
      diags.error(source.moteFile, position, 'en pause kan ikke stå etter en eventuelt-sak; Eventuelt er alltid sist.');
      return [];
    }
    return [
      {
        etter: sak,
        minutter: pause.minutter,
        tittel: pause.tittel,
        source: { file: source.moteFile, position: source.mote!.locate(['pauser', index]) },
      },
    ];
  });
}

/**
 * An approved referat was approved in the committee's next meeting, in its fixed sak
 * «Godkjenning av referat …»: when that meeting is in cases/, the date and sak come from it.
 */
function approvals(built: readonly Bygget[]): void {
  for (const { mote, utkast } of built) {
    const referat = mote.referat;
    if (referat?.status !== 'godkjent') continue;
    const next = built
      .map((b) => b.mote)
      .filter((m) => m.utvalg.key === mote.utvalg.key && m.dato > mote.dato && !m.avlyst)
      .sort((a, b) => a.dato.localeCompare(b.dato))[0];
    const sak = next?.saker.filter((s) => s.fast)[1];
    if (next && sak?.nummer) {
      referat.godkjent ??= { dato: next.dato, sak: sak.nummer };
    } else if (!referat.godkjent) {
      utkast.diags.warning(
        referat.source.file,
        { line: 1, column: 1 },
        'referatet har status godkjent, men utvalgets neste møte ligger ikke i cases/; skriv godkjent_dato (og godkjent_sak) i frontmatter så referatet kan si når det ble godkjent.',
      );
    }
  }
}

export interface Model {
  organisasjon?: Organisasjon;
  /** The meetings asked for. */
  moter: Mote[];
  /** Every meeting of the project that could be built, for what spans a year (the vedtaksliste). */
  alleMoter: Mote[];
  /** `ssu-2025` for every committee year in which some meeting has errors. */
  arWithErrors: Set<string>;
}

/**
 * Turns the loaded sources into validated meetings: numbers, fixed saker, agenda times,
 * proposals and the referat. Pure: everything it knows about files came from `load`.
 * Only the meetings in `selected` (all when omitted) report their problems.
 */
/** Minutes from 00.00 to midnight. */
const MIDNATT = 24 * 60;

export async function buildModel(project: ProjectSource, diags: Diagnostics, selected?: ReadonlySet<string>): Promise<Model> {
  const organisasjon = buildOrganisasjon(project, diags);
  // The event loop runs between meetings, so that Ctrl-C is handled while a large project is checked.
  const utkast: Utkast[] = [];
  for (const source of project.meetings) {
    await yieldToEventLoop();
    utkast.push(buildUtkast(source, organisasjon, project.fraser));
  }
  const grunnlag = inNumberingOrder(grunnlagFor(utkast));
  const serier = nummerserier(grunnlag);
  const built: Bygget[] = [];
  for (const g of grunnlag) {
    if (!g.utkast.utvalg || !organisasjon) continue;
    await yieldToEventLoop();
    const mote = buildMote(g, grunnlag, serier.get(serieKey(g))!, organisasjon);
    built.push({ mote, utkast: g.utkast });
  }
  reportDuplicateNumbers(built.sort((a, b) => a.mote.dato.localeCompare(b.mote.dato)));
  checkSakReferanser(built);
  approvals(built);
  for (const u of utkast) if (!selected || selected.has(u.source.dir) || avhengerAv(u, utkast, selected)) diags.addAll(u.diags.items);
  const alle = built.map((b) => b.mote).sort((a, b) => a.dato.localeCompare(b.dato) || a.mappe.localeCompare(b.mappe));
  return {
    organisasjon,
    moter: alle.filter((m) => !selected || selected.has(m.dir)),
    alleMoter: alle,
    arWithErrors: findArWithErrors(utkast),
  };
}

type Grunnlag = Nummereringsgrunnlag & { utkast: Utkast };
type Bygget = { mote: Mote; utkast: Utkast };

/** What numbering needs of every meeting whose mote.yaml could be read. */
function grunnlagFor(utkast: readonly Utkast[]): Grunnlag[] {
  return utkast.flatMap((u) => {
    if (!u.data) return [];
    const frosne = (u.journal?.utsendelser ?? []).flatMap((s) =>
      s.saker.flatMap((sak) => (sak.saksnummer ? [parseInt(sak.saksnummer, 10)] : [])),
    );
    return [{ id: u.source.dir, utvalg: u.data.utvalg, dato: u.data.dato, forsteSaksnummer: u.data.forste_saksnummer, frosne, utkast: u }];
  });
}

/** The previous meeting: as mote.yaml says, else the committee's previous meeting in cases/. */
function forrigeFor(g: Grunnlag, grunnlag: readonly Grunnlag[]): { forrige?: string; forrigeHarReferat: boolean } {
  const u = g.utkast;
  const data = u.data!;
  // A cancelled meeting has no referat to approve: the previous one is the last meeting held.
  const iCases = forrigeMote(
    grunnlag.filter((a) => !a.utkast.data?.avlyst),
    g.utvalg,
    g.dato,
  );
  if (data.forrige_mote && iCases && data.forrige_mote !== iCases) {
    u.diags.warning(
      u.source.moteFile,
      u.source.mote!.locate(['forrige_mote']),
      `forrige_mote er ${data.forrige_mote}, men utvalgets forrige møte i cases/ er ${iCases}; ${data.forrige_mote} brukes.`,
    );
  }
  const previous = data.forrige_mote ?? iCases;
  const forrigeHarReferat =
    previous === iCases && grunnlag.some((a) => a.utvalg === g.utvalg && a.dato === iCases && a.utkast.source.referat);
  return { forrige: previous, forrigeHarReferat };
}

/** One meeting with its saker in agenda order, numbered from `first`, timed, and its referat. */
function buildMote(g: Grunnlag, grunnlag: readonly Grunnlag[], serie: Nummerserie, organisasjon: Organisasjon): Mote {
  const u = g.utkast;
  const data = u.data!;
  const utvalg = u.utvalg!;
  const { forrige, forrigeHarReferat } = forrigeFor(g, grunnlag);
  warnAboutOrder(u);
  const faste = data.faste_saker ? buildFasteSaker(u, forrige, utvalg, forrigeHarReferat) : [];
  const binding = u.journal ? bindUtsendelser(u, u.journal, faste, u.saker) : undefined;
  checkUnsentTrukket(u);
  const ordnet = orderSaker(faste, [...u.saker, ...(binding?.trukne ?? [])].sort(byFile));
  const first = nummerer(ordnet, binding, serie, u);
  if (binding) warnAboutSentOrder(u, ordnet);
  checkWrittenNumbers(u, first);
  const saksliste = planSaksliste(ordnet, pauserFor(u, ordnet), data.start, data.slutt);
  const endKl = data.slutt + saksliste.overtid;
  if (endKl > MIDNATT && data.slutt > data.start) {
    // A meeting is one day: past midnight the clock times would start again at 00.00.
    u.diags.error(
      u.source.moteFile,
      u.source.mote!.locate(['start']),
      `sakslisten går forbi midnatt: med start kl. ${klokkeslett(data.start)} og ${endKl - data.start} minutter blir den ikke ferdig samme dag; kort ned minuttene eller sett en tidligere «start».`,
    );
  } else if (saksliste.overtid > 0 && data.slutt > data.start) {
    u.diags.warning(
      u.source.moteFile,
      u.source.mote!.locate(['slutt']),
      `sakslisten varer til kl. ${klokkeslett(data.slutt + saksliste.overtid)}, ${saksliste.overtid} minutter etter møtets slutt kl. ${klokkeslett(data.slutt)}; kort ned minuttene, flytt en sak eller sett en senere «slutt».`,
    );
  }
  const mote: Mote = {
    dir: u.source.dir,
    mappe: u.source.mappe,
    source: { file: u.source.moteFile },
    organisasjon,
    utvalg,
    dato: data.dato,
    start: data.start,
    slutt: data.slutt,
    sted: data.sted,
    ...(data.avlyst ? { avlyst: data.avlyst } : {}),
    sekvens: u.journal?.invitasjoner?.at(-1)?.sekvens ?? 0,
    forrigeMote: forrige as Mote['forrigeMote'],
    saker: ordnet,
    saksliste,
    vedlegg: ordnet.flatMap((sak) => sak.vedlegg.map((vedlegg) => ({ sak, vedlegg }))),
    sprak: u.sprak,
    fraser: u.fraser,
    files: u.source.files,
    utsendelser: utsendelserFor(u.journal, ordnet),
  };
  if (u.source.referat) mote.referat = buildReferat(u.source.referat, mote, u.diags);
  if (mote.referat) checkGodkjentReferat(u, mote.referat);
  return mote;
}

/** The sak files' order, which is agenda order within a heading; a withdrawn sak sorts where its file was. */
function byFile(a: Sak, b: Sak): number {
  return fileOrder.compare(a.fileName ?? '', b.fileName ?? '');
}

/**
 * Numbers the saker in agenda order: a sent sak keeps its number, the others take the next free
 * one of the committee's year. Returns the meeting's first number, for the messages.
 */
function nummerer(ordnet: readonly Sak[], binding: Binding | undefined, serie: Nummerserie, u: Utkast): number {
  const ar = arstall(u.data!.dato);
  if (!binding?.sendt.size) serie.begin(u.data!.forste_saksnummer);
  for (const [sak, { lopenummer }] of binding?.sendt ?? []) sak.nummer = { lopenummer, ar };
  serie.passer([...(binding?.sendt.values() ?? [])].map((s) => s.lopenummer));
  for (const sak of ordnet) if (sak.type !== 'eventuelt' && !sak.nummer) sak.nummer = { lopenummer: serie.take(), ar };
  return Math.min(...ordnet.flatMap((s) => (s.nummer ? [s.nummer.lopenummer] : [])));
}

/** Committee years with a meeting that has errors: what spans the year (the vedtaksliste) cannot be trusted. */
function findArWithErrors(utkast: readonly Utkast[]): Set<string> {
  return new Set(
    utkast
      .filter((u) => u.diags.errorCount > 0)
      .flatMap((u) => {
        const her = plassering(u);
        return her ? [`${her.utvalg}-${her.dato.slice(0, 4)}`] : [];
      }),
  );
}
