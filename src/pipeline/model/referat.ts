import type { Diagnostics, Position } from '../../domain/diagnostics.js';
import type { MarkdownSource, YamlSource } from '../../domain/sources.js';
import type { Deltaker, Mote, Referat, Referatsak, Sak, Saksnummer } from '../../domain/types.js';
import { meantSuffix } from '../../util/suggest.js';
import { requireFrontmatter } from './frontmatter.js';
import { type ReferatData, referatSchema } from './schema.js';
import { type Heading, overskrifter, type Section, seksjoner } from './seksjoner.js';
import { saksnummer as formatNummer, parseSaksnummer, SAKSNUMMER_SKREVET } from './tid.js';
import { validate } from './validate.js';
import { alternativer } from './vedtak.js';

const SAK_OVERSKRIFT = new RegExp(String.raw`^sak\.?\s+(${SAKSNUMMER_SKREVET})\b`, 'i');

/** An entry without spaces is a member id and must exist; one with spaces is a free name. */
function deltakere(source: MarkdownSource, field: string, entries: readonly string[], mote: Mote, diags: Diagnostics): Deltaker[] {
  const members = mote.utvalg.medlemmer;
  return entries.flatMap((entry, index): Deltaker[] => {
    const medlem = members.find((m) => m.id === entry);
    if (medlem) return [{ navn: medlem.navn, medlem }];
    if (/\s/.test(entry)) return [{ navn: entry }];
    const ids = members.map((m) => m.id);
    diags.error(
      source.file,
      source.frontmatter?.locate([field, index]),
      `«${entry}» i «${field}» er ikke en medlems-id i utvalg «${mote.utvalg.key}».${meantSuffix(entry, ids)} ` +
        `Bruk en id fra organisasjon.yaml (${ids.join(', ') || 'utvalget har ingen medlemmer'}), eller skriv fullt navn med mellomrom.`,
    );
    return [];
  });
}

/** `- ola-hansen: inhabil etter fvl. § 6, fratrådte` lines: who left the meeting for a sak, and why. */
function readHabilitet(text: string, section: Section): { id: string; grunn: string; position: Position }[] {
  const lines = text.slice(section.innholdStart, section.innholdSlutt).split('\n');
  return lines.flatMap((linje, i) => {
    const m = /^(\s*[-*]\s+)([a-z0-9æøå][a-z0-9æøå_-]*)\s*(?::\s*(.*))?$/.exec(linje);
    return m
      ? [{ id: m[2]!, grunn: (m[3] ?? '').trim(), position: { line: section.overskrift.position.line + 1 + i, column: m[1]!.length + 1 } }]
      : [];
  });
}

type Habilitet = { id: string; grunn: string; position: Position };
type Agenda = Map<string, Sak>;

/** Reads referat.md against the meeting's agenda: one `## Sak NN.ÅÅ` section per sak, `## Eventuelt`. */
export function buildReferat(source: MarkdownSource, mote: Mote, diags: Diagnostics): Referat | undefined {
  const frontmatter = requireFrontmatter(source, 'til_stede, forfall, referent og status', diags);
  const data = frontmatter && validate(referatSchema, frontmatter, diags);
  const agenda: Agenda = new Map(mote.saker.filter((s) => s.nummer).map((s) => [formatNummer(s.nummer!), s]));
  const { saker, inhabile, eventuelt, omtalt } = readSections(source, mote, agenda, diags);
  checkMissingSaker(source, agenda, omtalt, diags);
  if (!data || !frontmatter) return undefined;
  if (data.status === 'utkast' && (data.godkjent_dato || data.godkjent_sak)) {
    diags.warning(
      source.file,
      frontmatter.locate([data.godkjent_dato ? 'godkjent_dato' : 'godkjent_sak'], 'key'),
      'referatet har status utkast, men også godkjent_dato/godkjent_sak; sett status: godkjent når det er godkjent.',
    );
  }
  const { tilStede, forfall } = readDeltakere(source, data, frontmatter, mote, diags);
  for (const sak of saker) checkBehandling(source, sak, inhabile.get(formatNummer(sak.nummer)) ?? [], tilStede, diags);
  const uten = mote.utvalg.medlemmer.filter((m) => ![...tilStede, ...forfall].some((d) => d.medlem === m));
  if (uten.length > 0) {
    diags.warning(
      source.file,
      frontmatter.locate(['til_stede'], 'key'),
      `${uten.map((m) => m.id).join(', ')} står verken i til_stede eller i forfall.`,
    );
  }
  return {
    kilde: { file: source.file, position: { line: 1, column: 1 } },
    status: data.status,
    tilStede,
    forfall,
    andre: data.andre,
    referent: data.referent,
    saker: saker.sort((a, b) => a.nummer.lopenummer - b.nummer.lopenummer),
    eventuelt,
    godkjent: data.status === 'godkjent' && data.godkjent_dato ? { dato: data.godkjent_dato, sak: data.godkjent_sak } : undefined,
  };
}

/** The `##` sections: a Referatsak for each sak on the agenda, and the Eventuelt text. */
function readSections(
  source: MarkdownSource,
  mote: Mote,
  agenda: Agenda,
  diags: Diagnostics,
): { saker: Referatsak[]; inhabile: Map<string, Habilitet[]>; eventuelt: Referat['eventuelt']; omtalt: Set<string> } {
  const saker: Referatsak[] = [];
  // Saker with a heading of their own, also one refused for its title: they are not missing.
  const omtalt = new Set<string>();
  const inhabile = new Map<string, Habilitet[]>();
  let eventuelt: Referat['eventuelt'];
  const headings = overskrifter(source.text, source.bodyStart);
  checkStructure(source, headings, diags);
  for (const section of seksjoner(source.text, headings, 2)) {
    if (/^eventuelt\b/i.test(section.tittel)) {
      eventuelt = section.innhold;
      continue;
    }
    const nummer = sakNummerFor(source, section, mote, agenda, saker, diags);
    const skrevet = SAK_OVERSKRIFT.exec(section.tittel)?.[1];
    const tolket = skrevet ? parseSaksnummer(skrevet) : undefined;
    if (tolket?.ok) omtalt.add(formatNummer(tolket.value));
    if (!nummer) continue;
    const key = formatNummer(nummer);
    const { referatsak, habilitet } = readReferatsak(source, headings, section, nummer, agenda.get(key)!, diags);
    inhabile.set(key, habilitet);
    saker.push(referatsak);
  }
  return { saker, inhabile, eventuelt, omtalt };
}

/** The number of the sak a `## Sak NN.ÅÅ` section is about; undefined (and an error) when it is not one on the agenda, or a second section. */
function sakNummerFor(
  source: MarkdownSource,
  section: Section,
  mote: Mote,
  agenda: Agenda,
  saker: readonly Referatsak[],
  diags: Diagnostics,
): Saksnummer | undefined {
  const position = section.overskrift.position;
  const m = SAK_OVERSKRIFT.exec(section.tittel);
  const parsed = m ? parseSaksnummer(m[1]!) : undefined;
  if (!parsed?.ok) {
    diags.error(
      source.file,
      position,
      `ukjent overskrift «## ${section.tittel}»; i referatet er hver seksjon «## Sak NN.ÅÅ …» eller «## Eventuelt».`,
    );
    return undefined;
  }
  const key = formatNummer(parsed.value);
  if (!agenda.has(key)) {
    diags.error(
      source.file,
      position,
      `sak ${key} står ikke på sakslisten til møtet ${mote.mappe}; sakene er ${[...agenda.keys()].join(', ')}.`,
    );
    return undefined;
  }
  if (saker.some((s) => formatNummer(s.nummer) === key)) {
    diags.error(source.file, position, `sak ${key} har to seksjoner i referatet; slå dem sammen til én.`);
    return undefined;
  }
  const skrevet = section.tittel.slice(m![0].length).replace(/^[\s:–—-]+/, '');
  return checkTittel(source, section, key, skrevet, agenda, diags) ? parsed.value : undefined;
}

/** A title as compared: without emphasis, case, punctuation or repeated spaces. */
function comparable(tittel: string): string {
  return tittel
    .normalize('NFC')
    .toLowerCase()
    .replace(/[*_`"«»'’.,:;!?()–—-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A heading's title after the number must be the sak's (or the start of it): a number and a
 * title that disagree would file one sak's notes, an exempt one's perhaps, under another.
 */
function checkTittel(source: MarkdownSource, section: Section, key: string, skrevet: string, agenda: Agenda, diags: Diagnostics): boolean {
  const passer = (sak: Sak) => comparable(sak.tittel).startsWith(comparable(skrevet));
  const sak = agenda.get(key)!;
  if (comparable(skrevet) === '' || passer(sak)) return true;
  const annen = [...agenda.entries()].find(([k, s]) => k !== key && passer(s));
  diags.error(
    source.file,
    section.overskrift.position,
    annen
      ? `overskriften «## ${section.tittel}» har nummeret til sak ${key} «${sak.tittel}», men tittelen til sak ${annen[0]} «${annen[1].tittel}»; rett nummeret eller tittelen, så notatene havner under riktig sak.`
      : `overskriften «## ${section.tittel}» har en annen tittel enn sak ${key} «${sak.tittel}»; skriv sakens tittel, eller bare «## Sak ${key}», så notatene havner under riktig sak.`,
  );
  return false;
}

/**
 * Nothing in the referat may fall outside a sak or be filed under the wrong one: a heading that
 * names a sak at another level than `##`, a `#` heading below the top, and text before the
 * first `##` section (beyond a `# …` title line) are errors.
 */
function checkStructure(source: MarkdownSource, headings: readonly Heading[], diags: Diagnostics): void {
  const forste = headings.find((h) => h.depth === 2);
  headings.forEach((h, index) => {
    if (h.depth !== 2 && SAK_OVERSKRIFT.test(h.tittel)) {
      diags.error(
        source.file,
        h.position,
        `«${'#'.repeat(h.depth)} ${h.tittel}» nevner en sak, men står ikke som en egen seksjon; hver sak har sin «## Sak NN.ÅÅ …»-seksjon. Skriv den som «## ${h.tittel}», eller flytt teksten dit den hører hjemme.`,
      );
    } else if (h.depth === 1 && (index > 0 || (forste && h.start > forste.start))) {
      diags.error(
        source.file,
        h.position,
        `«# ${h.tittel}» er en overskrift på nivå 1 inne i referatet; teksten under den hører ikke til noen sak. Bruk «## Sak NN.ÅÅ …», «## Eventuelt» eller «###» under en sak.`,
      );
    }
  });
  const tittel = headings[0]?.depth === 1 && (!forste || headings[0].start < forste.start) ? headings[0] : undefined;
  const fra = tittel ? tittel.end : source.bodyStart;
  const foran = source.text.slice(fra, forste?.start ?? source.text.length);
  const linje = foran.split('\n').findIndex((l) => l.trim() !== '');
  if (linje !== -1) {
    const line = source.text.slice(0, fra).split('\n').length + linje;
    diags.error(
      source.file,
      { line, column: 1 },
      forste
        ? 'teksten før første «## Sak»-overskrift hører ikke til noen sak og ville ikke kommet med i referatet; flytt den under saken den gjelder, eller under «## Eventuelt».'
        : 'referatet har ingen «## Sak NN.ÅÅ …»-seksjoner; teksten ville ikke kommet med. Skriv én seksjon per sak (se «motedok new referat»).',
    );
  }
}

interface Underseksjoner {
  vedtak?: Section;
  votering?: Section;
  protokoll?: Section;
  habilitet?: Section;
  kjente: Section[];
}

/** The `###` sections under a sak that the referat knows; the others are warned about and kept as notes. */
function findUnderseksjoner(source: MarkdownSource, headings: readonly Heading[], section: Section, diags: Diagnostics): Underseksjoner {
  const inside = headings.filter((h) => h.start >= section.innholdStart && h.start < section.innholdSlutt);
  const under = seksjoner(source.text, inside, 3, section.innholdSlutt);
  const finn = (name: RegExp) => under.find((u) => name.test(u.tittel));
  const found = {
    vedtak: finn(/^vedtak\b/i),
    votering: finn(/^votering\b/i),
    protokoll: finn(/^protokolltilf(ø|o)rsel\b/i),
    habilitet: finn(/^habilitet\b/i),
  };
  const kjente = [found.vedtak, found.votering, found.protokoll, found.habilitet].filter((u) => u !== undefined);
  for (const ukjent of under.filter((u) => !kjente.includes(u) && !SAK_OVERSKRIFT.test(u.tittel))) {
    diags.warning(
      source.file,
      ukjent.overskrift.position,
      `«### ${ukjent.tittel}» er ikke en av referatets underoverskrifter (Vedtak, Votering, Protokolltilførsel, Habilitet); teksten tas med som notater.`,
    );
  }
  return { ...found, kjente };
}

function readReferatsak(
  source: MarkdownSource,
  headings: readonly Heading[],
  section: Section,
  nummer: Saksnummer,
  sak: Sak,
  diags: Diagnostics,
): { referatsak: Referatsak; habilitet: Habilitet[] } {
  const { text } = source;
  const position = section.overskrift.position;
  const key = formatNummer(nummer);
  const under = findUnderseksjoner(source, headings, section, diags);
  // Notes are what is under the sak heading, without the known subsections.
  let notater = text.slice(section.innholdStart, section.innholdSlutt);
  for (const u of [...under.kjente].sort((a, b) => b.overskrift.start - a.overskrift.start)) {
    const fra = u.overskrift.start - section.innholdStart;
    notater = `${notater.slice(0, fra)}${notater.slice(u.innholdSlutt - section.innholdStart)}`;
  }
  notater = notater.trim();
  const forslag = sak.forslagTilVedtak;
  const vedtak = under.vedtak?.innhold || undefined;
  const aapneAlternativer = forslag && forslag.alternativer.length > 1 && (!vedtak || alternativer(vedtak).length > 1);
  if (aapneAlternativer) {
    diags.error(
      source.file,
      under.vedtak?.overskrift.position ?? position,
      `forslaget til vedtak i sak ${key} har alternativer (${forslag.alternativer.join(', ')}), og referatet må si hvilket som ble valgt: skriv vedtaket som ble fattet under «### Vedtak».`,
    );
  }
  const votering = under.votering && readVotering(source, under.votering, key, diags);
  const referatsak: Referatsak = {
    nummer,
    kilde: { file: source.file, position },
    notater,
    vedtak,
    vedtatt: vedtak ?? forslag?.markdown,
    somForeslatt: !vedtak && forslag !== undefined,
    votering,
    enstemmig: !votering || votering.mot === 0,
    protokolltilforsel: under.protokoll?.innhold || undefined,
    inhabile: [],
  };
  return { referatsak, habilitet: under.habilitet ? readHabilitet(text, under.habilitet) : [] };
}

function readVotering(source: MarkdownSource, section: Section, key: string, diags: Diagnostics): Referatsak['votering'] {
  const m = /(\d+)\s+for\b[^\d]*(\d+)\s+mot\b(?:[^\d]*(\d+)\s+avst)?/i.exec(section.innhold);
  if (m) return { for: Number(m[1]), mot: Number(m[2]), avstar: m[3] ? Number(m[3]) : 0, tekst: section.innhold };
  diags.error(
    source.file,
    section.overskrift.position,
    `voteringen i sak ${key} må begynne med stemmetallene, for eksempel «5 for, 2 mot» eller «5 for, 1 mot, 1 avstår».`,
  );
  return undefined;
}

function checkMissingSaker(source: MarkdownSource, agenda: Agenda, omtalt: ReadonlySet<string>, diags: Diagnostics): void {
  for (const [key, sak] of agenda) {
    if (!omtalt.has(key)) {
      diags.error(
        source.file,
        { line: 1, column: 1 },
        `sak ${key} «${sak.tittel}» mangler i referatet; legg til en seksjon «## Sak ${key} ${sak.tittel}».`,
      );
    }
  }
}

/** til_stede and forfall as members or free names; a member in both, or twice, is an error. */
function readDeltakere(
  source: MarkdownSource,
  data: ReferatData,
  frontmatter: YamlSource,
  mote: Mote,
  diags: Diagnostics,
): { tilStede: Deltaker[]; forfall: Deltaker[] } {
  const tilStede = deltakere(source, 'til_stede', data.til_stede, mote, diags);
  data.til_stede.forEach((entry, index) => {
    if (data.til_stede.indexOf(entry) !== index)
      diags.error(source.file, frontmatter.locate(['til_stede', index]), `«${entry}» står to ganger i til_stede.`);
  });
  const forfall = deltakere(source, 'forfall', data.forfall, mote, diags);
  forfall.forEach((d, index) => {
    if (d.medlem && tilStede.some((t) => t.medlem === d.medlem)) {
      diags.error(
        source.file,
        frontmatter.locate(['forfall', data.forfall.indexOf(d.medlem.id) >= 0 ? data.forfall.indexOf(d.medlem.id) : index]),
        `«${d.medlem.id}» står både i til_stede og i forfall; et medlem kan bare stå i én av dem.`,
      );
    }
  });
  return { tilStede, forfall };
}

/** Who left for the sak (members who met), and whether the vote counts fit those who stayed. */
function checkBehandling(
  source: MarkdownSource,
  sak: Referatsak,
  habilitet: readonly Habilitet[],
  tilStede: readonly Deltaker[],
  diags: Diagnostics,
): void {
  const key = formatNummer(sak.nummer);
  for (const { id, grunn, position } of habilitet) {
    const medlem = tilStede.find((d) => d.medlem?.id === id)?.medlem;
    if (!medlem) {
      const ids = tilStede.filter((d) => d.medlem).map((d) => d.medlem!.id);
      diags.error(
        source.file,
        position,
        `«${id}» under «### Habilitet» i sak ${key} er ikke et medlem som møtte.${meantSuffix(id, ids)} Skriv id-en til et medlem i til_stede, for eksempel «- ${ids[0] ?? 'kari-nordmann'}: grunnen».`,
      );
      continue;
    }
    sak.inhabile.push({ medlem, grunn });
  }
  // Substitutes (vara) are written as full names in til_stede and vote like members.
  const tilStedeISaken = tilStede.length - sak.inhabile.length;
  if (sak.votering && sak.votering.for + sak.votering.mot + sak.votering.avstar > tilStedeISaken) {
    diags.error(
      source.file,
      sak.kilde.position,
      `voteringen i sak ${key} har ${sak.votering.for + sak.votering.mot + sak.votering.avstar} stemmer, men bare ${tilStedeISaken} medlemmer var til stede under behandlingen.`,
    );
  }
}

/** The sak on the meeting's agenda that a referat section is about. */
export function sakForReferat(mote: Mote, referatsak: Referatsak): Sak | undefined {
  const { lopenummer, ar } = referatsak.nummer;
  return mote.saker.find((s) => s.nummer?.lopenummer === lopenummer && s.nummer.ar === ar);
}
