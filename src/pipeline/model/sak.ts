import type { Diagnostics } from '../../domain/diagnostics.js';
import type { SakSource, VedleggProbe, YamlSource } from '../../domain/sources.js';
import { type Fraser, frase } from '../../domain/sprak.js';
import type { ForslagTilVedtak, Sak, Utvalg, Vedlegg } from '../../domain/types.js';
import { closest } from '../../util/suggest.js';
import { aktivtInnholdMelding, ikkeTaggetMelding } from './aktivt-innhold.js';
import { requireFrontmatter } from './frontmatter.js';
import { type SakData, sakSchema } from './schema.js';
import { overskrifter, type Section } from './seksjoner.js';
import { insertTabeller, tabellfilSummer } from './tabellfil.js';
import { summeavvikMelding, tabellsummer } from './tabellsummer.js';
import { validate } from './validate.js';
import { findForslagTilVedtak, forslagFromSection, generertForslag } from './vedtak.js';

const SAK_FELT = 'tittel, type og minutter';

/** A sak file as a Sak (without number: numbering needs every meeting of the year). */
export function buildSak(source: SakSource, utvalg: Utvalg | undefined, diags: Diagnostics, fraser: Fraser): { sak?: Sak; type?: string } {
  if (!source.markdown) return {};
  const fm = requireFrontmatter(source.markdown, SAK_FELT, diags);
  const rawType = (fm?.data as { type?: unknown } | undefined)?.type;
  const data = fm && validate(sakSchema, fm, diags);
  if (!data || !fm) return { type: typeof rawType === 'string' ? rawType : undefined };
  const { text, bodyStart } = source.markdown;
  const section = findForslagSection(source, diags);
  const forslag = forslagFor(source, data, fm, section, utvalg, fraser, diags);
  if (data.type === 'eventuelt' && data.saksnummer) {
    diags.error(source.file, fm.locate(['saksnummer']), 'eventuelt-saker har ikke saksnummer; fjern feltet «saksnummer».');
  }
  const saksfremlegg = insertTabeller(
    section ? `${text.slice(bodyStart, section.overskrift.start)}${text.slice(section.innholdSlutt)}`.trim() : text.slice(bodyStart).trim(),
    source.tabeller,
  );
  checkBilder(source, diags);
  checkTabellsummer(source, diags);
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
    trukket: data.trukket,
    forslagTilVedtak: forslag,
    saksfremlegg,
    harSaksfremlegg: saksfremlegg.replace(/<!--[\s\S]*?-->/g, '').trim() !== '',
  };
  return { sak, type: data.type };
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
  const forslag = section && forslagFromSection(source.file, section);
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

function checkBilder(source: SakSource, diags: Diagnostics): void {
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
}

/** Sums in the Markdown tables and in the tables read from files; a table file that failed is an error. */
function checkTabellsummer(source: SakSource, diags: Diagnostics): void {
  const { text, bodyStart } = source.markdown!;
  for (const celle of tabellsummer(text, bodyStart)) {
    if (!celle.stemmer) diags.warning(source.file, celle.position, summeavvikMelding(celle));
  }
  for (const tabell of source.tabeller) {
    if (tabell.feil) diags.error(source.file, tabell.position, tabell.feil);
    for (const celle of tabellfilSummer(tabell)) {
      if (!celle.stemmer) diags.warning(source.file, tabell.position, summeavvikMelding(celle, tabell.fil));
    }
  }
}

function vedleggFrom(source: SakSource, data: SakData, diags: Diagnostics, fm: YamlSource): Vedlegg[] {
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
    for (const aktivt of probe.aktivtInnhold ?? []) diags.warning(source.file, position, aktivtInnholdMelding(item.fil, aktivt));
    if (probe.tagget === false) diags.warning(source.file, position, ikkeTaggetMelding(item.fil));
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
    case 'blindlenke':
      return `vedleggsfilen «${written}» er en snarvei som ikke fører til noen fil (den peker på seg selv, går i ring eller viser til noe som er borte); legg selve PDF-filen i møtemappen.`;
    case 'ikke-fil':
      return `vedleggsfilen «${written}» er ikke en vanlig fil (et navngitt rør, en enhet eller lignende) og åpnes ikke; vis til en PDF-fil i møtemappen.`;
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
