import { Diagnostics } from '../../domain/diagnostics.js';
import { rankInSaksliste } from '../../domain/saksliste.js';
import type { MeetingSource, ProjectSource, SakSource, VedleggProbe } from '../../domain/sources.js';
import { type Fraser, frase, type Sprak } from '../../domain/sprak.js';
import type { Mote, Organisasjon, Sak, Utvalg, Vedlegg } from '../../domain/types.js';
import { closest, meantSuffix } from '../../util/suggest.js';
import { requireFrontmatter } from './frontmatter.js';
import { forrigeMote, forsteSaksnumre, type Nummereringsgrunnlag } from './nummerering.js';
import { buildReferat } from './referat.js';
import { OVERSKRIFTER, orderSaker, type Pause, planSaksliste } from './saksliste.js';
import { type MoteData, moteSchema, organisasjonSchema, type SakData, sakSchema } from './schema.js';
import { overskrifter } from './seksjoner.js';
import { settInnTabeller, tabellfilSummer } from './tabellfil.js';
import { summeavvikMelding, tabellsummer } from './tabellsummer.js';
import { arstall, saksnummer as formatNummer, klokkeslett, kortDato, parseSaksnummer } from './tid.js';
import { validate } from './validate.js';
import { findForslagTilVedtak, forslagFromSection, generertForslag } from './vedtak.js';

const SAK_FELT = 'tittel, type og minutter';

function organisasjonFrom(project: ProjectSource, diags: Diagnostics): Organisasjon | undefined {
  if (!project.organisasjon) return undefined;
  const data = validate(organisasjonSchema, project.organisasjon, diags);
  if (!data) return undefined;
  const utvalg = new Map<string, Utvalg>();
  for (const [key, u] of Object.entries(data.utvalg)) {
    const seen = new Map<string, number>();
    u.medlemmer.forEach((m, index) => {
      if (seen.has(m.id)) {
        diags.error(
          project.organisasjonFile,
          project.organisasjon!.locate(['utvalg', key, 'medlemmer', index, 'id']),
          `medlems-id «${m.id}» brukes to ganger i utvalg «${key}» (også medlem nr. ${seen.get(m.id)! + 1}); hver id må være unik.`,
        );
      }
      seen.set(m.id, index);
    });
    utvalg.set(key, { key, navn: u.navn, kortnavn: u.kortnavn, medlemmer: u.medlemmer, standard: u.standard as Utvalg['standard'] });
  }
  if (data.logo && project.logoFinnes === false) {
    diags.error(
      project.organisasjonFile,
      project.organisasjon.locate(['logo']),
      `logoen «${data.logo}» finnes ikke ved siden av organisasjon.yaml; skriv stien relativt til organisasjon.yaml, eller fjern feltet.`,
    );
  }
  return {
    file: project.organisasjonFile,
    navn: data.navn,
    logo: project.logoFinnes === false ? undefined : data.logo,
    farge: data.farge,
    maler: data.maler,
    sprak: data.sprak,
    skjulAndreOffentlig: data.offentlig?.skjul_andre ?? false,
    utvalg,
  };
}

function vedleggFrom(
  source: SakSource,
  data: SakData,
  diags: Diagnostics,
  fm: NonNullable<ReturnType<typeof requireFrontmatter>>,
): Vedlegg[] {
  return data.vedlegg.flatMap((item, index): Vedlegg[] => {
    if (typeof item === 'string') return [{ tittel: item, kilde: { file: source.file, position: fm.locate(['vedlegg', index]) } }];
    const position = fm.locate(['vedlegg', index, item.fil ? 'fil' : 'tittel']);
    if (!item.fil) return [{ tittel: item.tittel, kilde: { file: source.file, position } }];
    const probe = source.vedlegg.get(item.fil) as VedleggProbe;
    const problem = vedleggProblem(item.fil, probe);
    if (problem) {
      diags.error(source.file, position, problem);
      return [];
    }
    return [{ tittel: item.tittel, fil: probe.path, kilde: { file: source.file, position } }];
  });
}

function vedleggProblem(written: string, probe: VedleggProbe): string | undefined {
  switch (probe.status) {
    case 'ok':
      return undefined;
    case 'absolutt':
      return `vedleggsfilen «${written}» er en absolutt sti; skriv stien relativt til møtemappen, for eksempel vedlegg/rapport.pdf.`;
    case 'utenfor':
      return `vedleggsfilen «${written}» ligger utenfor møtemappen; legg filen i møtemappens vedlegg/-mappe.`;
    case 'mappe':
      return `vedleggsfilen «${written}» er en mappe, ikke en PDF-fil.`;
    case 'ikke-pdf':
      return `vedleggsfilen «${written}» er ikke en PDF; eksporter dokumentet til PDF og vis til PDF-filen.`;
    case 'kryptert':
      return `vedleggsfilen «${written}» er kryptert eller passordbeskyttet og kan ikke settes inn; lagre den som en vanlig PDF uten passord.`;
    case 'skadet':
      return `vedleggsfilen «${written}» er skadet eller ufullstendig (slutten av PDF-en mangler, kanskje en avbrutt nedlasting); eksporter eller last den ned på nytt.`;
    case 'mangler': {
      const name = written.split('/').pop() ?? written;
      const hint = closest(name, probe.siblings ?? []);
      return `vedleggsfilen «${written}» finnes ikke.${hint ? ` Mente du «${written.slice(0, written.length - name.length)}${hint}»?` : ''}`;
    }
  }
}

/** A sak file as a Sak (without number: numbering needs every meeting of the year). */
function sakFrom(source: SakSource, utvalg: Utvalg | undefined, diags: Diagnostics, fraser: Fraser): { sak?: Sak; type?: string } {
  if (!source.markdown) return {};
  const fm = requireFrontmatter(source.markdown, SAK_FELT, diags);
  const rawType = (fm?.data as { type?: unknown } | undefined)?.type;
  const data = fm && validate(sakSchema, fm, diags);
  if (!data || !fm) return { type: typeof rawType === 'string' ? rawType : undefined };
  const { text, bodyStart } = source.markdown;
  const forslagSections = findForslagTilVedtak(text, overskrifter(text, bodyStart));
  if (forslagSections.length > 1) {
    diags.warning(
      source.file,
      forslagSections[1]!.overskrift.position,
      'saken har mer enn én «Forslag til vedtak»; bare den første brukes.',
    );
  }
  const section = forslagSections[0];
  let forslag = section && forslagFromSection(source.file, section);
  if (!forslag && data.type === 'beslutning') {
    diags.error(
      source.file,
      section ? section.overskrift.position : fm.locate(['type']),
      section
        ? 'beslutningssaken har en tom «Forslag til vedtak»; skriv vedtaket under overskriften, gjerne som nummerert liste.'
        : 'en beslutningssak må ha en seksjon «## Forslag til vedtak» med vedtaket, gjerne som nummerert liste.',
    );
  }
  if (!forslag && data.type === 'referat' && utvalg)
    forslag = generertForslag(source.file, frase(fraser, 'faste_saker.til_orientering', { utvalg: utvalg.navn }));
  if (data.type === 'eventuelt' && data.saksnummer) {
    diags.error(source.file, fm.locate(['saksnummer']), 'eventuelt-saker har ikke saksnummer; fjern feltet «saksnummer».');
  }
  const saksfremlegg = settInnTabeller(
    section ? `${text.slice(bodyStart, section.overskrift.start)}${text.slice(section.innholdSlutt)}`.trim() : text.slice(bodyStart).trim(),
    source.tabeller,
  );
  for (const bilde of source.bilder) {
    if (!bilde.alt)
      diags.warning(
        source.file,
        bilde.position,
        `bildet «${bilde.url}» mangler alternativ tekst; skriv en beskrivelse i klammene: ![beskrivelse](${bilde.url}).`,
      );
    if (bilde.status === 'mangler')
      diags.error(
        source.file,
        bilde.position,
        `bildet «${bilde.url}» finnes ikke; legg bildefilen i møtemappen og skriv stien relativt til den.`,
      );
    if (bilde.status === 'utenfor')
      diags.error(source.file, bilde.position, `bildet «${bilde.url}» ligger utenfor møtemappen; legg bildefilen i møtemappen.`);
    if (bilde.status === 'ekstern')
      diags.error(
        source.file,
        bilde.position,
        `bildet «${bilde.url}» er ikke en fil i møtemappen; bilder fra nett eller andre steder tas ikke med. Last ned bildet og legg det i møtemappen.`,
      );
  }
  for (const celle of tabellsummer(text, bodyStart)) {
    if (!celle.stemmer) diags.warning(source.file, celle.position, summeavvikMelding(celle));
  }
  for (const tabell of source.tabeller) {
    if (tabell.feil) diags.error(source.file, tabell.position, tabell.feil);
    for (const celle of tabellfilSummer(tabell)) {
      if (!celle.stemmer) diags.warning(source.file, tabell.position, summeavvikMelding(celle, tabell.fil));
    }
  }
  const sak: Sak = {
    kilde: { file: source.file, position: { line: 1, column: 1 } },
    filnavn: source.filnavn,
    fast: false,
    type: data.type,
    tittel: data.tittel,
    minutter: data.minutter,
    beskrivelse: data.beskrivelse,
    saksbehandler: data.saksbehandler,
    vedlegg: vedleggFrom(source, data, diags, fm),
    unntattOffentlighet: data.unntatt_offentlighet,
    forslagTilVedtak: forslag,
    saksfremlegg,
    harSaksfremlegg: saksfremlegg.replace(/<!--[\s\S]*?-->/g, '').trim() !== '',
  };
  return { sak, type: data.type };
}

interface Utkast {
  source: MeetingSource;
  diags: Diagnostics;
  data?: MoteData;
  utvalg?: Utvalg;
  saker: Sak[];
  filtyper: (string | undefined)[];
  sprak: Sprak;
  fraser: Fraser;
}

/** The fixed saker; the referat sak lists the previous meeting's referat as its attachment when there is one. */
function faste(utkast: Utkast, forrige: string | undefined, utvalg: Utvalg, forrigeHarReferat: boolean): Sak[] {
  const kilde = { file: utkast.source.moteFile, position: { line: 1, column: 1 } };
  const fast = (tittel: string, minutter: number, forslag: string): Sak => ({
    kilde,
    fast: true,
    type: 'beslutning',
    tittel,
    minutter,
    vedlegg: [],
    saksfremlegg: '',
    harSaksfremlegg: false,
    forslagTilVedtak: generertForslag(utkast.source.moteFile, forslag),
  });
  const f = (nokkel: string, verdier: Record<string, string> = {}) => frase(utkast.fraser, `faste_saker.${nokkel}`, verdier);
  const saker = [fast(f('innkalling'), 2, f('innkalling_forslag'))];
  if (forrige) {
    const dato = kortDato(forrige as Mote['dato']);
    const verdier = { kortnavn: utvalg.kortnavn, utvalg: utvalg.navn, dato };
    const sak = fast(f('referat', verdier), 3, f('referat_forslag', verdier));
    if (forrigeHarReferat) sak.vedlegg.push({ tittel: f('referat_vedlegg', verdier), kilde });
    saker.push(sak);
  }
  return saker;
}

function utkastFrom(source: MeetingSource, organisasjon: Organisasjon | undefined, alleFraser: Record<Sprak, Fraser>): Utkast {
  const diags = new Diagnostics();
  diags.addAll(source.diagnostics);
  const data = source.mote ? validate(moteSchema, source.mote, diags) : undefined;
  let utvalg: Utvalg | undefined;
  if (data && organisasjon) {
    utvalg = organisasjon.utvalg.get(data.utvalg);
    if (!utvalg) {
      const keys = [...organisasjon.utvalg.keys()];
      diags.error(
        source.moteFile,
        source.mote!.locate(['utvalg']),
        `utvalg «${data.utvalg}» finnes ikke i organisasjon.yaml.${meantSuffix(data.utvalg, keys)} Utvalgene er: ${keys.join(', ')}.`,
      );
    }
  }
  if (data) {
    if (data.slutt <= data.start) {
      diags.error(
        source.moteFile,
        source.mote!.locate(['slutt']),
        `møtet slutter kl. ${klokkeslett(data.slutt)}, som ikke er etter start kl. ${klokkeslett(data.start)}; «slutt» må være senere enn «start».`,
      );
    }
    const expected = `${data.dato}-${data.utvalg}`;
    if (!source.mappe.startsWith(expected) && (!organisasjon || utvalg)) {
      diags.warning(
        source.moteFile,
        source.mote!.locate(['dato']),
        `møtemappen heter «${source.mappe}», men mote.yaml sier dato ${data.dato} og utvalg ${data.utvalg}; gi mappen navnet «${expected}» så mappene sorterer etter dato.`,
      );
    }
  }
  const sprak = data?.sprak ?? organisasjon?.sprak ?? 'nb';
  const fraser = alleFraser[sprak];
  const saker: Sak[] = [];
  const filtyper = source.saker.map((sakSource) => {
    const { sak, type } = sakFrom(sakSource, utvalg, diags, fraser);
    if (sak) saker.push(sak);
    return type;
  });
  if (source.saker.length === 0) {
    diags.warning(source.moteFile, { line: 1, column: 1 }, 'møtemappen har ingen saker (ingen .md-filer ved siden av mote.yaml).');
  }
  return { source, diags, data, utvalg, saker, filtyper, sprak, fraser };
}

function warnAboutOrder(utkast: Utkast): void {
  let highest: Sak | undefined;
  for (const sak of utkast.saker) {
    if (highest && rankInSaksliste(sak.type) < rankInSaksliste(highest.type)) {
      const heading = sak.type === 'eventuelt' ? 'Eventuelt' : OVERSKRIFTER[sak.type];
      utkast.diags.warning(
        sak.kilde.file,
        sak.kilde.position,
        `saken er av type ${sak.type}, men filen sorterer etter «${highest.filnavn}» (type ${highest.type}); den er flyttet opp under ${heading}. Gi filen et navn som sorterer i sakslisterekkefølge.`,
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
      ordnet.find((s) => s.filnavn?.normalize('NFC') === wanted) ??
      (nummer.ok ? ordnet.find((s) => s.nummer?.lopenummer === nummer.value.lopenummer && s.nummer.ar === nummer.value.ar) : undefined);
    if (!sak) {
      const names = ordnet.filter((s) => s.filnavn).map((s) => s.filnavn!);
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
        kilde: { file: source.moteFile, position: source.mote!.locate(['pauser', index]) },
      },
    ];
  });
}

function checkWrittenNumbers(utkast: Utkast, first: number): void {
  for (const sak of utkast.saker) {
    const fm = utkast.source.saker.find((s) => s.file === sak.kilde.file)?.markdown?.frontmatter;
    const written = (fm?.data as { saksnummer?: string } | undefined)?.saksnummer;
    if (!written || !sak.nummer || !fm) continue;
    const computed = formatNummer(sak.nummer);
    const lest = parseSaksnummer(written);
    if (!lest.ok || lest.value.lopenummer !== sak.nummer.lopenummer || lest.value.ar !== sak.nummer.ar) {
      utkast.diags.error(
        sak.kilde.file,
        fm.locate(['saksnummer']),
        `saksnummer «${written}» stemmer ikke med det beregnede ${computed} (møtet begynner på sak ${String(first).padStart(2, '0')}.${computed.slice(-2)}, og saken er nr. ${sak.nummer.lopenummer - first + 1} i sakslisten). Fjern feltet, eller rett rekkefølgen eller forste_saksnummer i mote.yaml.`,
      );
    }
  }
}

function reportDuplicateNumbers(moter: readonly { mote: Mote; utkast: Utkast }[]): void {
  const seen = new Map<string, { sak: Sak; mote: Mote }>();
  for (const { mote, utkast } of moter) {
    for (const sak of mote.saker) {
      if (!sak.nummer) continue;
      const key = `${mote.utvalg.key} ${formatNummer(sak.nummer)}`;
      const other = seen.get(key);
      if (!other) {
        seen.set(key, { sak, mote });
        continue;
      }
      const where = (s: Sak) => (s.fast ? `den faste saken «${s.tittel}» i ${s.kilde.file}` : s.kilde.file);
      utkast.diags.error(
        sak.kilde.file,
        sak.kilde.position,
        `saksnummer ${formatNummer(sak.nummer)} brukes to ganger i ${mote.utvalg.kortnavn} ${sak.nummer.ar}: av ${where(sak)} og av ${where(other.sak)} (møtet ${other.mote.mappe}). Rett forste_saksnummer i mote.yaml.`,
      );
    }
  }
}

/**
 * An approved referat was approved in the committee's next meeting, in its fixed sak
 * «Godkjenning av referat …»: when that meeting is in cases/, the date and sak come from it.
 */
function approvals(built: readonly { mote: Mote; utkast: Utkast }[]): void {
  for (const { mote, utkast } of built) {
    const referat = mote.referat;
    if (referat?.status !== 'godkjent') continue;
    const neste = built
      .map((b) => b.mote)
      .filter((m) => m.utvalg.key === mote.utvalg.key && m.dato > mote.dato)
      .sort((a, b) => a.dato.localeCompare(b.dato))[0];
    const sak = neste?.saker.filter((s) => s.fast)[1];
    if (neste && sak?.nummer) {
      referat.godkjent ??= { dato: neste.dato, sak: sak.nummer };
    } else if (!referat.godkjent) {
      utkast.diags.warning(
        referat.kilde.file,
        { line: 1, column: 1 },
        'referatet har status godkjent, men utvalgets neste møte ligger ikke i cases/; skriv godkjent_dato (og godkjent_sak) i frontmatter så referatet kan si når det ble godkjent.',
      );
    }
  }
}

/** Committee and date of a meeting: from mote.yaml, or from its folder name when mote.yaml is broken. */
function plassering(u: Utkast): { utvalg: string; dato: string } | undefined {
  if (u.data) return { utvalg: u.data.utvalg, dato: u.data.dato };
  const m = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(u.source.mappe);
  return m ? { utvalg: m[2]!, dato: m[1]! } : undefined;
}

/**
 * Whether a selected meeting depends on `u`: its sak numbers continue from every earlier
 * meeting of the committee's year, so problems there must be reported with it.
 */
function avhengerAv(u: Utkast, alle: readonly Utkast[], selected: ReadonlySet<string>): boolean {
  const her = plassering(u);
  if (!her) return false;
  return alle.some((a) => {
    const der = selected.has(a.source.dir) ? plassering(a) : undefined;
    return der !== undefined && der.utvalg === her.utvalg && der.dato.slice(0, 4) === her.dato.slice(0, 4) && her.dato < der.dato;
  });
}

export interface Modell {
  organisasjon?: Organisasjon;
  /** The meetings asked for. */
  moter: Mote[];
  /** Every meeting of the project that could be built, for what spans a year (the vedtaksliste). */
  alleMoter: Mote[];
  /** `ssu-2025` for every committee year in which some meeting has errors. */
  aarMedFeil: Set<string>;
}

/**
 * Turns the loaded sources into validated meetings: numbers, fixed saker, agenda times,
 * proposals and the referat. Pure: everything it knows about files came from `load`.
 * Only the meetings in `selected` (all when omitted) report their problems.
 */
export function buildModel(project: ProjectSource, diags: Diagnostics, selected?: ReadonlySet<string>): Modell {
  const organisasjon = organisasjonFrom(project, diags);
  const utkast = project.meetings.map((source) => utkastFrom(source, organisasjon, project.fraser));
  const grunnlag: (Nummereringsgrunnlag & { utkast: Utkast })[] = utkast.flatMap((u) => {
    if (!u.data) return [];
    const numbered = u.filtyper.filter((t) => t !== 'eventuelt').length;
    return [
      {
        id: u.source.dir,
        utvalg: u.data.utvalg,
        dato: u.data.dato,
        forsteSaksnummer: u.data.forste_saksnummer,
        antall: numbered,
        utkast: u,
      },
    ];
  });
  // The fixed saker count too; whether a meeting has "referat from the previous meeting" depends on the others.
  for (const g of grunnlag) {
    if (!g.utkast.data!.faste_saker) continue;
    g.antall += forrigeMote(grunnlag, g.utvalg, g.dato) || g.utkast.data!.forrige_mote ? 2 : 1;
  }
  const starts = forsteSaksnumre(grunnlag);
  const built: { mote: Mote; utkast: Utkast }[] = [];
  for (const g of grunnlag) {
    const u = g.utkast;
    if (!u.utvalg || !organisasjon) continue;
    const data = u.data!;
    const iCases = forrigeMote(grunnlag, g.utvalg, g.dato);
    if (data.forrige_mote && iCases && data.forrige_mote !== iCases) {
      u.diags.warning(
        u.source.moteFile,
        u.source.mote!.locate(['forrige_mote']),
        `forrige_mote er ${data.forrige_mote}, men utvalgets forrige møte i cases/ er ${iCases}; ${data.forrige_mote} brukes.`,
      );
    }
    const forrige = data.forrige_mote ?? iCases;
    warnAboutOrder(u);
    const forrigeHarReferat =
      forrige === iCases && grunnlag.some((a) => a.utvalg === g.utvalg && a.dato === iCases && a.utkast.source.referat);
    const ordnet = orderSaker(data.faste_saker ? faste(u, forrige, u.utvalg, forrigeHarReferat) : [], u.saker);
    const first = starts.get(g.id)!;
    let next = first;
    for (const sak of ordnet) if (sak.type !== 'eventuelt') sak.nummer = { lopenummer: next++, ar: arstall(data.dato) };
    checkWrittenNumbers(u, first);
    const saksliste = planSaksliste(ordnet, pauserFor(u, ordnet), data.start, data.slutt);
    if (saksliste.overtid > 0 && data.slutt > data.start) {
      u.diags.warning(
        u.source.moteFile,
        u.source.mote!.locate(['slutt']),
        `sakslisten varer til kl. ${klokkeslett(data.slutt + saksliste.overtid)}, ${saksliste.overtid} minutter etter møtets slutt kl. ${klokkeslett(data.slutt)}; kort ned minuttene, flytt en sak eller sett en senere «slutt».`,
      );
    }
    const mote: Mote = {
      dir: u.source.dir,
      mappe: u.source.mappe,
      kilde: { file: u.source.moteFile },
      organisasjon,
      utvalg: u.utvalg,
      dato: data.dato,
      start: data.start,
      slutt: data.slutt,
      sted: data.sted,
      forrigeMote: forrige as Mote['forrigeMote'],
      saker: ordnet,
      saksliste,
      vedlegg: ordnet.flatMap((sak) => sak.vedlegg.map((vedlegg) => ({ sak, vedlegg }))),
      sprak: u.sprak,
      fraser: u.fraser,
      filer: u.source.filer,
    };
    if (u.source.referat) mote.referat = buildReferat(u.source.referat, mote, u.diags);
    built.push({ mote, utkast: u });
  }
  reportDuplicateNumbers(built.sort((a, b) => a.mote.dato.localeCompare(b.mote.dato)));
  approvals(built);
  for (const u of utkast) if (!selected || selected.has(u.source.dir) || avhengerAv(u, utkast, selected)) diags.addAll(u.diags.items);
  const alle = built.map((b) => b.mote).sort((a, b) => a.dato.localeCompare(b.dato) || a.mappe.localeCompare(b.mappe));
  // Committee years with a meeting that has errors: what spans the year (the vedtaksliste) cannot be trusted.
  const aarMedFeil = new Set(
    utkast
      .filter((u) => u.diags.errorCount > 0)
      .flatMap((u) => {
        const her = plassering(u);
        return her ? [`${her.utvalg}-${her.dato.slice(0, 4)}`] : [];
      }),
  );
  return { organisasjon, moter: alle.filter((m) => !selected || selected.has(m.dir)), alleMoter: alle, aarMedFeil };
}
