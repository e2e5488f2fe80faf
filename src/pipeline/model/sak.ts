import type { Diagnostics } from '../../domain/diagnostics.js';
import type { MarkdownSource, SakSource, YamlSource } from '../../domain/sources.js';
import { type Fraser, frase } from '../../domain/sprak.js';
import type { ForslagTilVedtak, Sak, Utvalg } from '../../domain/types.js';
import { unclosedComment } from '../../util/markdown-lines.js';
import { checkBilder } from './bilder.js';
import { requireFrontmatter } from './frontmatter.js';
import { parseHjemmel } from './hjemmel.js';
import { findSakReferanser, type UtvalgName } from './referanser.js';
import { type SakData, sakSchema } from './schema.js';
import { overskrifter, type Section } from './seksjoner.js';
import { addDefinisjoner, checkSkrevet, hasVisibleText, type Ranges } from './skrevet.js';
import { insertTabeller, tabellfilSummer } from './tabellfil.js';
import { summeavvikMessage, tabellsummer } from './tabellsummer.js';
import { validate } from './validate.js';
import { vedleggFrom } from './vedlegg.js';
import { findForslagTilVedtak, forslagFromSection, generertForslag } from './vedtak.js';

const SAK_FELT = 'tittel, type og minutter';

/** A sak file as a Sak (without number: numbering needs every meeting of the year). */
export function buildSak(
  source: SakSource,
  utvalg: Utvalg | undefined,
  diags: Diagnostics,
  fraser: Fraser,
  kjenteUtvalg: readonly UtvalgName[] = [],
): Sak | undefined {
  if (!source.markdown) return undefined;
  const fm = requireFrontmatter(source.markdown, SAK_FELT, diags);
  const data = fm && validate(sakSchema, fm, diags);
  if (!data || !fm) return undefined;
  const section = findForslagSection(source, diags);
  const forslag = forslagFor(source, data, fm, section, utvalg, fraser, diags);
  if (data.type === 'eventuelt' && data.saksnummer) {
    diags.error(source.file, fm.locate(['saksnummer']), 'eventuelt-saker har ikke saksnummer; fjern feltet «saksnummer».');
  }
  const saksfremlegg = insertTabeller(saksfremleggFrom(source.markdown, section), source.tabeller);
  checkSkrevet(source.markdown, diags);
  if (data.beskrivelse && unclosedComment(data.beskrivelse)) {
    diags.error(
      source.file,
      fm.locate(['beskrivelse']),
      '«beskrivelse»: kommentaren «<!--» lukkes aldri, så resten av beskrivelsen ville falle bort; skriv «-->» der kommentaren slutter.',
    );
  }
  checkBilder(source.file, source.bilder, diags);
  checkTabellsummer(source, diags);
  checkOffentlighet(source, data, fm, diags);
  const sak: Sak = {
    source: { file: source.file, position: { line: 1, column: 1 } },
    fileName: source.fileName,
    fast: false,
    type: data.type,
    tittel: data.tittel,
    minutter: data.minutter,
    skrevetNummer: data.saksnummer,
    beskrivelse: data.beskrivelse,
    saksbehandler: data.saksbehandler,
    vedlegg: vedleggFrom(source, data, diags, fm),
    unntattOffentlighet: data.unntatt_offentlighet,
    offentligTittel: data.unntatt_offentlighet ? data.offentlig_tittel : undefined,
    trukket: data.trukket,
    forslagTilVedtak: forslag,
    saksfremlegg,
    harSaksfremlegg: saksfremlegg.replace(/<!--[\s\S]*?-->/g, '').trim() !== '',
    referanser: findSakReferanser(source.markdown.text, { from: source.markdown.bodyStart, utvalg: kjenteUtvalg }),
  };
  return sak;
}

/** The case paper: the body without the «Forslag til vedtak» section, with the definitions it uses from there. */
function saksfremleggFrom(markdown: MarkdownSource, section: Section | undefined): string {
  const { text, bodyStart } = markdown;
  const deler: Ranges = section
    ? [
        [bodyStart, section.overskrift.start],
        [section.contentEnd, text.length],
      ]
    : [[bodyStart, text.length]];
  return addDefinisjoner(
    markdown,
    deler,
    deler
      .map(([from, to]) => text.slice(from, to))
      .join('')
      .trim(),
  );
}

/** The sak's first «Forslag til vedtak» section; a second one is warned about. */
function findForslagSection(source: SakSource, diags: Diagnostics): Section | undefined {
  const { text, bodyStart } = source.markdown!;
  const forslagSections = findForslagTilVedtak(text, overskrifter(text, bodyStart));
  if (forslagSections.length > 1) {
    diags.warning(
      source.file,
      forslagSections[1]!.overskrift.position,
      'saken har mer enn én «Forslag til vedtak»; bare den første brukes.',
    );
  }
  return forslagSections[0];
}

/** The proposal: as written, or generated for a referat sak; a beslutning sak must have one. */
function forslagFor(
  source: SakSource,
  data: SakData,
  fm: YamlSource,
  section: Section | undefined,
  utvalg: Utvalg | undefined,
  fraser: Fraser,
  diags: Diagnostics,
): ForslagTilVedtak | undefined {
  const forslag = section && forslagFromSection(source.file, section, source.markdown!);
  if (forslag && !hasVisibleText(source.markdown!, [[section!.contentStart, section!.contentEnd]])) {
    diags.error(
      source.file,
      section!.overskrift.position,
      '«Forslag til vedtak» har ingen tekst som synes i dokumentene (bare HTML som tas ut, kommentarer eller bilder); skriv forslaget som tekst under overskriften, gjerne som nummerert liste.',
    );
  }
  if (forslag) return forslag;
  if (data.type === 'beslutning') {
    diags.error(
      source.file,
      section ? section.overskrift.position : fm.locate(['type']),
      section
        ? 'beslutningssaken har en tom «Forslag til vedtak»; skriv vedtaket under overskriften, gjerne som nummerert liste.'
        : 'en beslutningssak må ha en seksjon «## Forslag til vedtak» med vedtaket, gjerne som nummerert liste.',
    );
  }
  if (data.type === 'referat' && utvalg)
    return generertForslag(source.file, frase(fraser, 'faste_saker.til_orientering', { utvalg: utvalg.navn }));
  return undefined;
}

/**
 * A public title belongs to an exempt sak. Under § 13 (a duty of confidentiality) the title itself
 * may be what is confidential: without a public title it is published, so say so.
 */
function checkOffentlighet(source: SakSource, data: SakData, fm: YamlSource, diags: Diagnostics): void {
  if (data.offentlig_tittel && !data.unntatt_offentlighet) {
    diags.error(
      source.file,
      fm.locate(['offentlig_tittel']),
      '«offentlig_tittel» brukes bare for en sak som er unntatt offentlighet; skriv hjemmelen i «unntatt_offentlighet», eller fjern feltet.',
    );
  }
  const hjemmel = data.unntatt_offentlighet ? parseHjemmel(data.unntatt_offentlighet) : undefined;
  if (hjemmel?.ok && hjemmel.value.paragraf === 13 && !data.offentlig_tittel) {
    diags.warning(
      source.file,
      fm.locate(['unntatt_offentlighet']),
      'saken er unntatt etter offl. § 13 (taushetsplikt), men har ingen «offentlig_tittel», så tittelen står i de offentlige dokumentene, på nettstedet og i kalenderfilen. Er noe i tittelen taushetsbelagt, skriv en tittel uten det: offentlig_tittel: Personalsak.',
    );
  }
}

/** Sums in the Markdown tables and in the tables read from files; a table file that failed is an error. */
function checkTabellsummer(source: SakSource, diags: Diagnostics): void {
  const { text, bodyStart } = source.markdown!;
  for (const celle of tabellsummer(text, bodyStart)) {
    if (!celle.stemmer) diags.warning(source.file, celle.position, summeavvikMessage(celle));
  }
  for (const tabell of source.tabeller) {
    if (tabell.error) diags.error(source.file, tabell.position, tabell.error);
    for (const celle of tabellfilSummer(tabell)) {
      if (!celle.stemmer) diags.warning(source.file, tabell.position, summeavvikMessage(celle, tabell.file));
    }
  }
}
