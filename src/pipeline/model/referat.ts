import type { Diagnostics } from '../../domain/diagnostics.js';
import type { MarkdownSource } from '../../domain/sources.js';
import type { Mote, Referat, Referatsak, Sak, SakReferanse, Saksnummer } from '../../domain/types.js';
import { checkBilder } from './bilder.js';
import { type Behandling, checkBehandling, readDeltakere, readHabilitet } from './deltakelse.js';
import { requireFrontmatter } from './frontmatter.js';
import { referatChecksum } from './godkjenning.js';
import { findSakReferanser, kjenteUtvalg } from './referanser.js';
import { referatSchema } from './schema.js';
import { type Heading, overskrifter, type Section, seksjoner } from './seksjoner.js';
import { addDefinisjoner, checkSkrevet, hasVisibleText } from './skrevet.js';
import { saksnummer as formatNummer, parseSaksnummer, SAKSNUMMER_SKREVET } from './tid.js';
import { validate } from './validate.js';
import { alternativer } from './vedtak.js';
import { readVotering } from './votering.js';

const SAK_OVERSKRIFT = new RegExp(String.raw`^sak\.?\s+(${SAKSNUMMER_SKREVET})\b`, 'i');

type Agenda = Map<string, Sak>;

/** Reads referat.md against the meeting's agenda: one `## Sak NN.ÅÅ` section per sak, `## Eventuelt`. */
export function buildReferat(source: MarkdownSource, mote: Mote, diags: Diagnostics): Referat | undefined {
  const frontmatter = requireFrontmatter(source, 'til_stede, forfall, referent og status', diags);
  const data = frontmatter && validate(referatSchema, frontmatter, diags);
  const agenda: Agenda = new Map(mote.saker.filter((s) => s.nummer).map((s) => [formatNummer(s.nummer!), s]));
  checkSkrevet(source, diags);
  checkBilder(source.file, source.bilder ?? [], diags);
  const { saker, behandlinger, eventuelt, eventueltReferanser, omtalt } = readSections(source, mote, agenda, diags);
  checkMissingSaker(source, agenda, omtalt, diags);
  if (!data || !frontmatter) return undefined;
  if (data.status === 'utkast' && (data.godkjent_dato || data.godkjent_sak)) {
    diags.warning(
      source.file,
      frontmatter.locate([data.godkjent_dato ? 'godkjent_dato' : 'godkjent_sak'], 'key'),
      'referatet har status utkast, men også godkjent_dato/godkjent_sak; sett status: godkjent når det er godkjent.',
    );
  }
  const oppmote = readDeltakere(source, data, frontmatter, mote, diags);
  const { tilStede, forfall } = oppmote;
  for (const sak of saker) checkBehandling(source, sak, behandlinger.get(formatNummer(sak.nummer))!, oppmote, diags);
  return {
    source: { file: source.file, position: { line: 1, column: 1 } },
    status: data.status,
    tilStede,
    forfall,
    andre: data.andre,
    referent: data.referent,
    saker: saker.sort((a, b) => a.nummer.lopenummer - b.nummer.lopenummer),
    eventuelt,
    eventueltReferanser,
    godkjent: data.status === 'godkjent' && data.godkjent_dato ? { dato: data.godkjent_dato, sak: data.godkjent_sak } : undefined,
    rettelser: data.rettelser,
    sha256: referatChecksum(source.text),
  };
}

/** The `##` sections: a Referatsak for each sak on the agenda, and the Eventuelt text. */
function readSections(
  source: MarkdownSource,
  mote: Mote,
  agenda: Agenda,
  diags: Diagnostics,
): {
  saker: Referatsak[];
  behandlinger: Map<string, Behandling>;
  eventuelt: Referat['eventuelt'];
  eventueltReferanser: SakReferanse[];
  omtalt: Set<string>;
} {
  const saker: Referatsak[] = [];
  // Saker with a heading of their own, also one refused for its title: they are not missing.
  const omtalt = new Set<string>();
  const behandlinger = new Map<string, Behandling>();
  let eventuelt: Referat['eventuelt'];
  let eventueltReferanser: SakReferanse[] = [];
  const headings = overskrifter(source.text, source.bodyStart);
  checkStructure(source, headings, diags);
  for (const section of seksjoner(source.text, headings, 2)) {
    if (/^eventuelt\b/i.test(section.tittel)) {
      eventuelt = contentFrom(source, section) ?? '';
      eventueltReferanser = referanserIn(source, section, mote);
      continue;
    }
    const nummer = sakNummerFor(source, section, mote, agenda, saker, diags);
    const skrevet = SAK_OVERSKRIFT.exec(section.tittel)?.[1];
    const tolket = skrevet ? parseSaksnummer(skrevet) : undefined;
    if (tolket?.ok) omtalt.add(formatNummer(tolket.value));
    if (!nummer) continue;
    const key = formatNummer(nummer);
    const { referatsak, behandling } = readReferatsak(source, headings, section, nummer, agenda.get(key)!, diags);
    behandlinger.set(key, behandling);
    saker.push({ ...referatsak, referanser: referanserIn(source, section, mote) });
  }
  return { saker, behandlinger, eventuelt, eventueltReferanser, omtalt };
}

/** The saker a section's text mentions (not its heading, which names the sak itself). */
function referanserIn(source: MarkdownSource, section: Section, mote: Mote): SakReferanse[] {
  return findSakReferanser(source.text, { from: section.contentStart, to: section.contentEnd, utvalg: kjenteUtvalg(mote.organisasjon) });
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
  for (const h of source.skrevet?.htmlOverskrifter ?? []) {
    if (!SAK_OVERSKRIFT.test(h.tittel)) continue;
    diags.error(
      source.file,
      h.position,
      `HTML-overskriften «<${h.tag}>${h.tittel}</${h.tag}>» nevner en sak, men er ingen seksjon; teksten under den ville havnet under saken over. Skriv den som «## ${h.tittel}», eller flytt teksten dit den hører hjemme.`,
    );
  }
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
  const inside = headings.filter((h) => h.start >= section.contentStart && h.start < section.contentEnd);
  const under = seksjoner(source.text, inside, 3, section.contentEnd);
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
): { referatsak: Referatsak; behandling: Behandling } {
  const { text } = source;
  const position = section.overskrift.position;
  const key = formatNummer(nummer);
  const under = findUnderseksjoner(source, headings, section, diags);
  const notater = notaterFrom(source, section, under.kjente);
  const forslag = sak.forslagTilVedtak;
  const vedtak = under.vedtak && contentFrom(source, under.vedtak);
  if (vedtak && !hasVisibleText(source, [[under.vedtak!.contentStart, under.vedtak!.contentEnd]])) {
    diags.error(
      source.file,
      under.vedtak!.overskrift.position,
      `vedtaket i sak ${key} har ingen tekst som synes i dokumentene (bare HTML som tas ut, kommentarer eller bilder); skriv vedtaket som tekst under «### Vedtak».`,
    );
  }
  const aapneAlternativer = forslag && forslag.alternativer.length > 1 && (!vedtak || alternativer(vedtak).length > 1);
  if (aapneAlternativer) {
    diags.error(
      source.file,
      under.vedtak?.overskrift.position ?? position,
      `forslaget til vedtak i sak ${key} har alternativer (${forslag.alternativer.join(', ')}), og referatet må si hvilket som ble valgt: skriv vedtaket som ble fattet under «### Vedtak».`,
    );
  }
  const lest = under.votering ? readVotering(source, under.votering, key, diags) : undefined;
  const votering = lest?.votering;
  const referatsak: Referatsak = {
    nummer,
    source: { file: source.file, position },
    notater,
    vedtak,
    vedtatt: vedtak ?? forslag?.markdown,
    somForeslatt: !vedtak && forslag !== undefined,
    votering,
    enstemmig: !votering || votering.mot === 0,
    protokolltilforsel: under.protokoll && contentFrom(source, under.protokoll),
    inhabile: [],
    motende: [],
    referanser: [],
  };
  const habilitet = under.habilitet ? readHabilitet(text, under.habilitet) : [];
  return { referatsak, behandling: { habilitet, stemmer: lest?.navn ?? [] } };
}

/** Notes are what is under the sak heading, without the known subsections. */
function notaterFrom(source: MarkdownSource, section: Section, kjente: readonly Section[]): string {
  const deler: [number, number][] = [];
  let fra = section.contentStart;
  for (const u of [...kjente].sort((a, b) => a.overskrift.start - b.overskrift.start)) {
    deler.push([fra, u.overskrift.start]);
    fra = u.contentEnd;
  }
  deler.push([fra, section.contentEnd]);
  const notater = deler.map(([from, to]) => source.text.slice(from, to)).join('');
  return addDefinisjoner(source, deler, notater.trim());
}

/** The text under a subsection heading, with the definitions it uses from elsewhere in the file; undefined when empty. */
function contentFrom(source: MarkdownSource, section: Section): string | undefined {
  return addDefinisjoner(source, [[section.contentStart, section.contentEnd]], section.innhold) || undefined;
}

function checkMissingSaker(source: MarkdownSource, agenda: Agenda, omtalt: ReadonlySet<string>, diags: Diagnostics): void {
  for (const [key, sak] of agenda) {
    if (!omtalt.has(key) && !sak.trukket) {
      diags.error(
        source.file,
        { line: 1, column: 1 },
        `sak ${key} «${sak.tittel}» mangler i referatet; legg til en seksjon «## Sak ${key} ${sak.tittel}».`,
      );
    }
  }
}

/** The sak on the meeting's agenda that a referat section is about. */
export function sakForReferat(mote: Mote, referatsak: Referatsak): Sak | undefined {
  const { lopenummer, ar } = referatsak.nummer;
  return mote.saker.find((s) => s.nummer?.lopenummer === lopenummer && s.nummer.ar === ar);
}
