import type { Diagnostics, Position } from '../../domain/diagnostics.js';
import type { MarkdownSource, YamlPath, YamlSource } from '../../domain/sources.js';
import type { Deltaker, Medlem, Mote, Referatsak, Saksnummer, Stemme } from '../../domain/types.js';
import { closest, distance, listWords } from '../../util/suggest.js';
import type { ReferatData } from './schema.js';
import type { Section } from './seksjoner.js';
import { saksnummer as formatNummer } from './tid.js';
import { STEMMEORD, type Stemmenavn } from './votering.js';

/**
 * Who attended, the model being kommuneloven § 11-4: til_stede and forfall name members of the
 * committee, by id or by full name, and a member who came late or left early carries the saker
 * that bound their presence (`fra_sak`, `til_sak`). From these and `### Habilitet`, each sak knows
 * who was present for it; its vote, by count or by name, is checked against them.
 */

export type Habilitet = { id: string; grunn: string; position: Position };

/** What the referat says under a sak about who took part: who left for it, and who voted how by name. */
export interface Behandling {
  habilitet: Habilitet[];
  stemmer: Stemmenavn[];
}

/** The meeting's attendance, and the agenda's order that fra_sak and til_sak are read in. */
export interface Oppmote {
  tilStede: Deltaker[];
  forfall: Deltaker[];
  /** Each sak number on the agenda (`14.25`) → its place on it. */
  rekkefolge: ReadonlyMap<string, number>;
  /** The committee's members, whom names in a vote are read as. */
  medlemmer: readonly Medlem[];
}

/** `- ola-hansen: inhabil etter fvl. § 6, fratrådte` lines: who left the meeting for a sak, and why. */
export function readHabilitet(text: string, section: Section): Habilitet[] {
  const lines = text.slice(section.contentStart, section.contentEnd).split('\n');
  return lines.flatMap((linje, i) => {
    const m = /^(\s*[-*]\s+)([a-z0-9æøå][a-z0-9æøå_-]*)\s*(?::\s*(.*))?$/.exec(linje);
    return m
      ? [{ id: m[2]!, grunn: (m[3] ?? '').trim(), position: { line: section.overskrift.position.line + 1 + i, column: m[1]!.length + 1 } }]
      : [];
  });
}

/** A name as compared: NFC, without case or repeated whitespace. */
function comparable(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The members an entry names: by id, or else by full name (two members of one name are both found). */
function findMedlemmer(entry: string, medlemmer: readonly Medlem[]): Medlem[] {
  const wanted = comparable(entry);
  const byId = medlemmer.filter((m) => comparable(m.id) === wanted);
  return byId.length > 0 ? byId : medlemmer.filter((m) => comparable(m.navn) === wanted);
}

/** « Mente du «Ola Hansen»?» for a typo in an id or a full name, or for a first or last name alone. */
function meantMedlem(entry: string, medlemmer: readonly Medlem[]): string {
  const wanted = comparable(entry);
  const id = closest(
    wanted,
    medlemmer.map((m) => m.id),
  );
  // Names are long: «Per Hansen» is three letters from «Ola Hansen», and is someone else.
  const name = closest(
    wanted,
    medlemmer.map((m) => m.navn),
  );
  const nesten = name && distance(wanted, comparable(name)) <= 2 ? name : undefined;
  const delvis = medlemmer.filter((m) => comparable(m.navn).split(' ').includes(wanted));
  const forslag = id ?? nesten ?? (delvis.length === 1 ? delvis[0]!.navn : undefined);
  return forslag ? ` Mente du «${forslag}»?` : '';
}

/** The ids of the members, for messages: `kari, ola, per`. */
function ids(medlemmer: readonly Medlem[]): string {
  return medlemmer.map((m) => m.id).join(', ');
}

/** `«ola» (Ola Hansen)`, or `«Ola Hansen»` when the name is what was written. */
function who(text: string, medlem: Medlem): string {
  return comparable(text) === comparable(medlem.navn) ? `«${text}»` : `«${text}» (${medlem.navn})`;
}

/** What a list of til_stede or forfall holds, one entry each, with where it was written. */
interface Oppforing {
  tekst: string;
  /** Where the entry is: the list item, or its `id` in the `{ id, fra_sak, til_sak }` form. */
  path: YamlPath;
  nr: number;
  fraSak?: Saksnummer;
  tilSak?: Saksnummer;
}

function readOppforinger(data: ReferatData, field: 'til_stede' | 'forfall'): Oppforing[] {
  const list = field === 'til_stede' ? data.til_stede : data.forfall;
  return list.map((entry, i) =>
    typeof entry === 'string'
      ? { tekst: entry, path: [field, i], nr: i + 1 }
      : { tekst: entry.id, path: [field, i, 'id'], nr: i + 1, fraSak: entry.fra_sak, tilSak: entry.til_sak },
  );
}

interface ReadContext {
  source: MarkdownSource;
  frontmatter: YamlSource;
  mote: Mote;
  diags: Diagnostics;
}

function unknownMedlemMessage(field: 'til_stede' | 'forfall', text: string, mote: Mote): string {
  const medlemmer = mote.utvalg.medlemmer;
  const hvem = medlemmer.length
    ? `Skriv medlemmets id (${ids(medlemmer)}) eller fulle navn fra organisasjon.yaml`
    : 'Utvalget har ingen medlemmer ennå; legg dem inn i organisasjon.yaml';
  const andre =
    field === 'til_stede'
      ? ', og legg en vara inn blant medlemmene der; andre som ikke er medlemmer (observatører, sekretariatet), føres under «andre».'
      : '; forfall føres bare for medlemmer.';
  return `«${text}» i «${field}» er ikke et medlem av utvalg «${mote.utvalg.key}».${meantMedlem(text, medlemmer)} ${hvem}${andre}`;
}

/** The members a list names; an entry that is no member, or a member named before, is an error at it. */
function readList(
  ctx: ReadContext,
  field: 'til_stede' | 'forfall',
  list: readonly Oppforing[],
): { deltaker: Deltaker; oppforing: Oppforing }[] {
  const { source, frontmatter, mote, diags } = ctx;
  const found: { deltaker: Deltaker; oppforing: Oppforing }[] = [];
  for (const oppforing of list) {
    const at = frontmatter.locate(oppforing.path);
    const medlemmer = findMedlemmer(oppforing.tekst, mote.utvalg.medlemmer);
    if (medlemmer.length !== 1) {
      const message =
        medlemmer.length === 0
          ? unknownMedlemMessage(field, oppforing.tekst, mote)
          : `«${oppforing.tekst}» i «${field}» er navnet til flere medlemmer (${ids(medlemmer)}); skriv id-en til den som er ment.`;
      diags.error(source.file, at, message);
      continue;
    }
    const medlem = medlemmer[0]!;
    const before = found.find((f) => f.deltaker.medlem === medlem);
    if (before) {
      diags.error(
        source.file,
        at,
        `${who(oppforing.tekst, medlem)} i ${field} nr. ${oppforing.nr} står der allerede som nr. ${before.oppforing.nr} («${before.oppforing.tekst}»); skriv hvert medlem bare én gang.`,
      );
      continue;
    }
    found.push({ deltaker: { navn: medlem.navn, medlem }, oppforing });
  }
  return found;
}

/** A fra_sak or til_sak that is on the agenda, as its key; undefined (and an error at it) when it is not. */
function checkOnSaksliste(
  ctx: ReadContext,
  oppforing: Oppforing,
  field: 'fra_sak' | 'til_sak',
  rekkefolge: ReadonlyMap<string, number>,
): string | undefined {
  const nummer = field === 'fra_sak' ? oppforing.fraSak : oppforing.tilSak;
  if (!nummer) return undefined;
  const key = formatNummer(nummer);
  if (rekkefolge.has(key)) return key;
  ctx.diags.error(
    ctx.source.file,
    ctx.frontmatter.locate([...oppforing.path.slice(0, 2), field]),
    `«${field}» i til_stede nr. ${oppforing.nr} («${oppforing.tekst}») er sak ${key}, som ikke står på sakslisten til møtet ${ctx.mote.mappe}; sakene er ${[...rekkefolge.keys()].join(', ')}.`,
  );
  return undefined;
}

/** Sets when a member came and left, when the saker are on the agenda and in that order. */
function readTidsrom(ctx: ReadContext, deltaker: Deltaker, oppforing: Oppforing, rekkefolge: ReadonlyMap<string, number>): void {
  const fra = checkOnSaksliste(ctx, oppforing, 'fra_sak', rekkefolge);
  const til = checkOnSaksliste(ctx, oppforing, 'til_sak', rekkefolge);
  if (fra && til && rekkefolge.get(fra)! > rekkefolge.get(til)!) {
    ctx.diags.error(
      ctx.source.file,
      ctx.frontmatter.locate([...oppforing.path.slice(0, 2), 'til_sak']),
      `til_stede nr. ${oppforing.nr} («${oppforing.tekst}») kom til sak ${fra} (fra_sak), men gikk etter sak ${til} (til_sak), som står før på sakslisten; til_sak er den siste saken medlemmet var til stede under: ${fra} eller en sak etter den.`,
    );
    return;
  }
  if (fra) deltaker.fraSak = oppforing.fraSak;
  if (til) deltaker.tilSak = oppforing.tilSak;
}

/** til_stede and forfall as members; a member in both, twice, or not a member, is an error; one in neither is a warning. */
export function readDeltakere(source: MarkdownSource, data: ReferatData, frontmatter: YamlSource, mote: Mote, diags: Diagnostics): Oppmote {
  const ctx: ReadContext = { source, frontmatter, mote, diags };
  const nummererte = mote.saker.filter((s) => s.nummer);
  const rekkefolge = new Map(nummererte.map((s, i) => [formatNummer(s.nummer!), i]));
  const tilStede = readList(ctx, 'til_stede', readOppforinger(data, 'til_stede'));
  for (const { deltaker, oppforing } of tilStede) readTidsrom(ctx, deltaker, oppforing, rekkefolge);
  const forfall = readList(ctx, 'forfall', readOppforinger(data, 'forfall')).filter(({ deltaker, oppforing }) => {
    if (!tilStede.some((t) => t.deltaker.medlem === deltaker.medlem)) return true;
    diags.error(
      source.file,
      frontmatter.locate(oppforing.path),
      `${who(oppforing.tekst, deltaker.medlem)} står både i til_stede og i forfall; et medlem kan bare stå i én av dem. ` +
        `Kom medlemmet senere eller gikk det tidligere, skriv det i til_stede som { id: ${deltaker.medlem.id}, fra_sak: … } eller med til_sak.`,
    );
    return false;
  });
  const uten = mote.utvalg.medlemmer.filter((m) => ![...tilStede, ...forfall].some((d) => d.deltaker.medlem === m));
  if (uten.length > 0) {
    diags.warning(source.file, frontmatter.locate(['til_stede'], 'key'), `${ids(uten)} står verken i til_stede eller i forfall.`);
  }
  return {
    tilStede: tilStede.map((t) => t.deltaker),
    forfall: forfall.map((f) => f.deltaker),
    rekkefolge,
    medlemmer: mote.utvalg.medlemmer,
  };
}

/** The members present for a sak: those at the meeting then, less those who left as disqualified. */
export function tilStedeISaken(sak: Referatsak): Medlem[] {
  return sak.motende.filter((m) => !sak.inhabile.some((i) => i.medlem === m));
}

/** Whether a member was at the meeting during the sak `key`, by when they came and left. */
function isTilStede(deltaker: Deltaker, key: string, rekkefolge: ReadonlyMap<string, number>): boolean {
  const her = rekkefolge.get(key)!;
  const fra = deltaker.fraSak ? rekkefolge.get(formatNummer(deltaker.fraSak))! : -Infinity;
  const til = deltaker.tilSak ? rekkefolge.get(formatNummer(deltaker.tilSak))! : Infinity;
  return fra <= her && her <= til;
}

/** Why a member was not present for a sak, for messages: `kom først til sak 14.25`. */
function describeFravaer(medlem: Medlem, sak: Referatsak, oppmote: Oppmote): string {
  const deltaker = oppmote.tilStede.find((d) => d.medlem === medlem);
  if (!deltaker) return oppmote.forfall.some((d) => d.medlem === medlem) ? 'hadde forfall' : 'står ikke i til_stede';
  if (sak.inhabile.some((i) => i.medlem === medlem)) return 'var inhabil og fratrådte';
  const key = formatNummer(sak.nummer);
  const fra = deltaker.fraSak && formatNummer(deltaker.fraSak);
  if (fra && oppmote.rekkefolge.get(fra)! > oppmote.rekkefolge.get(key)!) return `kom først til sak ${fra}`;
  return `gikk etter sak ${deltaker.tilSak ? formatNummer(deltaker.tilSak) : '?'}`;
}

/** Who was at the meeting for the sak, who left for it, how they voted by name, and whether the vote fits those present. */
export function checkBehandling(
  source: MarkdownSource,
  sak: Referatsak,
  behandling: Behandling,
  oppmote: Oppmote,
  diags: Diagnostics,
): void {
  const key = formatNummer(sak.nummer);
  sak.motende = oppmote.tilStede.filter((d) => isTilStede(d, key, oppmote.rekkefolge)).map((d) => d.medlem);
  readInhabile(source, sak, behandling.habilitet, oppmote, diags);
  // A name that is wrong is reported at it; the counts it would give are not checked on top.
  if (readStemmer(source, sak, behandling.stemmer, oppmote, diags)) checkStemmetall(source, sak, diags);
}

function readInhabile(
  source: MarkdownSource,
  sak: Referatsak,
  habilitet: readonly Habilitet[],
  oppmote: Oppmote,
  diags: Diagnostics,
): void {
  const key = formatNummer(sak.nummer);
  for (const { id, grunn, position } of habilitet) {
    const medlem = sak.motende.find((m) => m.id === id);
    if (medlem) {
      sak.inhabile.push({ medlem, grunn });
      continue;
    }
    const motte = oppmote.tilStede.find((d) => d.medlem.id === id)?.medlem;
    const mottIds = oppmote.tilStede.map((d) => d.medlem.id);
    diags.error(
      source.file,
      position,
      motte
        ? `«${id}» under «### Habilitet» i sak ${key} var ikke til stede under saken (${describeFravaer(motte, sak, oppmote)}); bare et medlem som var til stede, kan fratre som inhabil.`
        : `«${id}» under «### Habilitet» i sak ${key} er ikke et medlem som møtte.${meantMedlem(
            id,
            oppmote.tilStede.map((d) => d.medlem),
          )} Skriv id-en til et medlem i til_stede, for eksempel «- ${mottIds[0] ?? 'kari-nordmann'}: grunnen».`,
    );
  }
}

/** What is wrong with a name under `### Votering`, if anything: not a member, not present for the sak, or one who voted already. */
function checkStemme(
  name: Stemmenavn,
  funnet: readonly Medlem[],
  sak: Referatsak,
  stemt: ReadonlyMap<Medlem, Stemme>,
  oppmote: Oppmote,
): string | undefined {
  const { tekst: text, stemme } = name;
  const under = `under «- ${STEMMEORD[stemme]}:» i voteringen i sak ${formatNummer(sak.nummer)}`;
  const tilStede = tilStedeISaken(sak);
  const medlem = funnet[0];
  if (!medlem) {
    return `«${text}» ${under} er ikke et medlem av utvalget.${meantMedlem(text, oppmote.medlemmer)} Skriv id-en eller det fulle navnet til et medlem som var til stede under saken (${ids(tilStede)}).`;
  }
  if (funnet.length > 1) return `«${text}» ${under} er navnet til flere medlemmer (${ids(funnet)}); skriv id-en til den som er ment.`;
  if (!tilStede.includes(medlem)) {
    return `${who(text, medlem)} ${under} var ikke til stede under saken (${describeFravaer(medlem, sak, oppmote)}); bare medlemmer som var til stede, kan stemme (${ids(tilStede)}).`;
  }
  const forrige = stemt.get(medlem);
  return forrige
    ? `${who(text, medlem)} ${under} står allerede i voteringen, under «${STEMMEORD[forrige]}»; hvert medlem har én stemme, så skriv medlemmet bare én gang.`
    : undefined;
}

/** The names under `### Votering` as members present for the sak, each once; false when one is not. */
function readStemmer(
  source: MarkdownSource,
  sak: Referatsak,
  stemmer: readonly Stemmenavn[],
  oppmote: Oppmote,
  diags: Diagnostics,
): boolean {
  if (!sak.votering || stemmer.length === 0) return true;
  let ok = true;
  const name: Partial<Record<Stemme, Medlem[]>> = {};
  const stemt = new Map<Medlem, Stemme>();
  for (const stemme of stemmer) {
    const funnet = findMedlemmer(stemme.tekst, oppmote.medlemmer);
    const error = checkStemme(stemme, funnet, sak, stemt, oppmote);
    if (error) {
      diags.error(source.file, stemme.position, error);
      ok = false;
      continue;
    }
    stemt.set(funnet[0]!, stemme.stemme);
    name[stemme.stemme] = [...(name[stemme.stemme] ?? []), funnet[0]!];
  }
  sak.votering.navn = name;
  return ok;
}

/** `1 stemme`, `5 stemmer`. */
function plural(n: number, en: string, flere: string): string {
  return `${n} ${n === 1 ? en : flere}`;
}

/** More votes than members present is an error; fewer, a warning: a member present votes, or abstains. */
function checkStemmetall(source: MarkdownSource, sak: Referatsak, diags: Diagnostics): void {
  const v = sak.votering;
  if (!v) return;
  const key = formatNummer(sak.nummer);
  const stemmer = v.for + v.mot + v.avstar;
  const tilStede = tilStedeISaken(sak);
  if (stemmer > tilStede.length) {
    diags.error(
      source.file,
      sak.source.position,
      `voteringen i sak ${key} har ${plural(stemmer, 'stemme', 'stemmer')}, men bare ${plural(tilStede.length, 'medlem', 'medlemmer')} var til stede under behandlingen (${ids(tilStede)}); ` +
        'rett stemmetallene, eller skriv i til_stede når medlemmer kom eller gikk (fra_sak, til_sak).',
    );
  } else if (stemmer < tilStede.length) {
    const navngitt = Object.values(v.navn ?? {}).flat();
    const utenStemme = navngitt.length === stemmer ? tilStede.filter((m) => !navngitt.includes(m)) : [];
    diags.warning(
      source.file,
      sak.source.position,
      `voteringen i sak ${key} har ${plural(stemmer, 'stemme', 'stemmer')}, men ${plural(tilStede.length, 'medlem', 'medlemmer')} var til stede under behandlingen` +
        `${utenStemme.length ? ` (${listWords(utenStemme.map((m) => m.id))} står ikke i voteringen)` : ''}; ` +
        'skriv den som ikke stemte for eller mot under «avstår», og den som gikk før saken med til_sak i til_stede.',
    );
  }
}
