import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { kryptertPdf, minimalPdf } from '../../helpers/pdf.js';
import { BESLUTNING, MOTE, ORGANISASJON, sak } from '../../helpers/prosjekt.js';
import { TILFELLER_GRENSER } from './tilfeller-grenser.js';
import { TILFELLER_OFFENTLIG } from './tilfeller-offentlig.js';
import { TILFELLER_OPPMOTE } from './tilfeller-oppmote.js';
import { TILFELLER_TEKST } from './tilfeller-tekst.js';
import { TILFELLER_UTSENDELSE } from './tilfeller-utsendelse.js';
import { TILFELLER_VEDLEGG, UTAGGET } from './tilfeller-vedlegg.js';

/**
 * The corpus of broken input: each case is a small project (organisasjon.yaml and the meeting
 * 2025-05-22-ssu with its mote.yaml, unless the case replaces them), the lines `motedok check`
 * must print on stderr, exactly, and its exit code. A few cases must work (exit 0): files with
 * BOM or CRLF, names with spaces and æøå, very long lines.
 */
export interface Tilfelle {
  navn: string;
  filer: Record<string, string | Uint8Array>;
  /** Without the default organisasjon.yaml and mote.yaml. */
  utenStandard?: boolean;
  /** What files cannot say: symlinks, a file of 50 MB. */
  lag?: (root: string) => void;
  /** The lines on stderr, paths relative to the project (`root` for messages naming absolute paths). */
  meldinger: string[] | ((root: string) => string[]);
  kode: 0 | 1 | 2;
  /** The command; `check .` in the project folder unless given. */
  args?: string[];
  /** More about stdout (the planned agenda) when the input must work. */
  utskrift?: string[];
}

const M = '2025-05-22-ssu';
const TILLATT_MINUTTER = 'Tillatt: et helt antall minutter, større enn 0, for eksempel 30.';
const MOTE_2 = (dato: string, ekstra = '') => `utvalg: ssu\ndato: ${dato}\nstart: "10:00"\nslutt: "14:00"\nsted: Hamar\n${ekstra}`;
const REFERAT = (frontmatter: string, body: string) => `---\n${frontmatter}\n---\n\n${body}`;
const REFERAT_FM = 'til_stede: [kari, ola]\nforfall: [per]\nreferent: Marte\nstatus: utkast';
const vedlegg = (fil: string) => sak(`tittel: A\ntype: tema\nminutter: 5\nvedlegg:\n  - { tittel: Rapport, fil: ${fil} }`);

/** A file in a folder beside the project (`<root>-utenfor/`), for symlinks that point out of it. */
function utenfor(root: string, navn: string, innhold: string | Uint8Array): string {
  mkdirSync(`${root}-utenfor`, { recursive: true });
  writeFileSync(join(`${root}-utenfor`, navn), innhold);
  return join(`${root}-utenfor`, navn);
}

export const TILFELLER: Tilfelle[] = [
  // --- YAML syntax ---
  {
    navn: 'tabulator som innrykk i en sak',
    filer: { [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5\nvedlegg:\n\t- Rapport') },
    meldinger: [`${M}/13-a.md:6:1: feil: tabulator brukt som innrykk; YAML tillater bare mellomrom. Bytt tabulatoren ut med mellomrom.`],
    kode: 1,
  },
  {
    navn: 'tabulator som innrykk i mote.yaml',
    filer: { [`${M}/mote.yaml`]: `${MOTE}pauser:\n\t- etter: 13-a\n`, [`${M}/13-a.md`]: BESLUTNING },
    meldinger: [`${M}/mote.yaml:7:1: feil: tabulator brukt som innrykk; YAML tillater bare mellomrom. Bytt tabulatoren ut med mellomrom.`],
    kode: 1,
  },
  {
    navn: 'samme nøkkel to ganger',
    filer: { [`${M}/14-b.md`]: sak('tittel: B\ntype: tema\nminutter: 5\ntittel: B igjen') },
    meldinger: [`${M}/14-b.md:5:1: feil: nøkkelen «tittel» står to ganger; hver nøkkel kan bare stå én gang.`],
    kode: 1,
  },
  {
    navn: 'anførselstegn som aldri avsluttes',
    filer: { [`${M}/13-a.md`]: sak('tittel: "En sak\ntype: tema\nminutter: 5') },
    meldinger: [
      `${M}/13-a.md:2:9: feil: anførselstegnet (") her blir aldri avsluttet; sett det samme tegnet til slutt i teksten, på samme linje.`,
    ],
    kode: 1,
  },
  {
    navn: 'kolon og mellomrom i en verdi uten anførselstegn',
    filer: { [`${M}/13-a.md`]: sak('tittel: Strategisamling: oppfølging\ntype: tema\nminutter: 5') },
    meldinger: [
      `${M}/13-a.md:2:9: feil: teksten «Strategisamling: oppfølging» inneholder kolon og mellomrom; sett anførselstegn rundt den: tittel: "Strategisamling: oppfølging".`,
    ],
    kode: 1,
  },
  {
    navn: 'en linje med for mye innrykk',
    filer: {
      [`${M}/mote.yaml`]: 'utvalg: ssu\n  dato: 2025-05-22\nstart: "09:00"\nslutt: "14:00"\nsted: Hamar\n',
      [`${M}/13-a.md`]: BESLUTNING,
    },
    meldinger: [
      `${M}/mote.yaml:2:1: feil: feil innrykk: linjen står lenger inn enn linjen over, som allerede har en verdi. Nøkler på samme nivå må stå rett under hverandre.`,
    ],
    kode: 1,
  },
  {
    navn: 'kolon mangler etter nøkkelen',
    filer: {
      [`${M}/mote.yaml`]: 'utvalg ssu\ndato: 2025-05-22\nstart: "09:00"\nslutt: "14:00"\nsted: Hamar\n',
      [`${M}/13-a.md`]: BESLUTNING,
    },
    meldinger: [
      `${M}/mote.yaml:1:1: feil: en nøkkel kan ikke gå over flere linjer; mangler det kolon etter nøkkelen her, eller står linjen under med feil innrykk?`,
    ],
    kode: 1,
  },
  {
    navn: 'en tittel som begynner med * (et YAML-alias)',
    filer: { [`${M}/13-a.md`]: sak('tittel: *Viktig\ntype: tema\nminutter: 5') },
    meldinger: [
      `${M}/13-a.md:2:9: feil: «*Viktig» leses som et YAML-alias (en henvisning til et anker &…) som ikke finnes; sett anførselstegn rundt tekst som begynner med *.`,
    ],
    kode: 1,
  },
  {
    navn: 'mote.yaml som er en liste',
    filer: { [`${M}/mote.yaml`]: '- utvalg: ssu\n- dato: 2025-05-22\n', [`${M}/13-a.md`]: BESLUTNING },
    meldinger: [`${M}/mote.yaml:1:1: feil: filen må bestå av nøkler og verdier (for eksempel «tittel: …»), men er en liste.`],
    kode: 1,
  },

  // --- frontmatter ---
  {
    navn: 'sak uten frontmatter',
    filer: { [`${M}/13-a.md`]: '# Bare tekst\n' },
    meldinger: [
      `${M}/13-a.md:1:1: feil: filen mangler frontmatter: den må begynne med en linje «---», så tittel, type og minutter, så en linje «---».`,
    ],
    kode: 1,
  },
  {
    navn: 'frontmatter uten avsluttende ---',
    filer: { [`${M}/14-b.md`]: '---\ntittel: B\ntype: tema\nminutter: 5\n\nTekst uten avsluttende strek.\n' },
    meldinger: [`${M}/14-b.md:1:1: feil: frontmatter som starter med «---» på linje 1 mangler en avsluttende «---»-linje.`],
    kode: 1,
  },
  {
    navn: 'tom frontmatter',
    filer: { [`${M}/15-c.md`]: '---\n---\nTekst\n' },
    meldinger: [`${M}/15-c.md:1:1: feil: frontmatter er tom; den må ha tittel, type og minutter.`],
    kode: 1,
  },

  // --- encodings and line ends ---
  {
    navn: 'BOM foran frontmatter virker',
    filer: { [`${M}/13-a.md`]: `\ufeff${sak('tittel: Med BOM\ntype: beslutning\nminutter: 30')}` },
    meldinger: [],
    kode: 0,
    utskrift: ['  Sak 02.25  09.02–09.32  Med BOM (30 min)'],
  },
  {
    navn: 'CRLF-linjeslutt: feil får samme linje og kolonne som med LF',
    filer: { [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: null').replace(/\n/g, '\r\n') },
    meldinger: [`${M}/13-a.md:4:11: feil: «minutter» er tom. ${TILLATT_MINUTTER}`],
    kode: 1,
  },
  {
    navn: 'BOM, CRLF, og filnavn med mellomrom og æøå virker, også for vedlegg',
    filer: {
      [`${M}/13 Årsplan for 2026.md`]:
        `\ufeff${sak('tittel: Årsplan\ntype: beslutning\nminutter: 30\nvedlegg:\n  - { tittel: Høring, fil: vedlegg/Høringsnotat 2026.pdf }')}`.replace(
          /\n/g,
          '\r\n',
        ),
      [`${M}/vedlegg/Høringsnotat 2026.pdf`]: minimalPdf('Høring'),
      [`${M}/mote.yaml`]: `${MOTE}pauser:\n  - etter: 13 Årsplan for 2026\n    minutter: 15\n`.replace(/\n/g, '\r\n'),
    },
    meldinger: [UTAGGET(`${M}/13 Årsplan for 2026.md:6:28`, 'vedlegg/Høringsnotat 2026.pdf')],
    kode: 0,
    utskrift: ['  Sak 02.25  09.02–09.32  Årsplan (30 min)', '             09.32–09.47  Pause (15 min)', '  Vedlegg til innkallingen: 1'],
  },
  {
    navn: 'Latin-1 (Windows-1252): første ugyldige byte',
    filer: { [`${M}/13-a.md`]: Buffer.from(sak('tittel: Høring\ntype: tema\nminutter: 5'), 'latin1') },
    meldinger: [
      `${M}/13-a.md:2:10: feil: filen er ikke UTF-8 (ugyldig byte 0xF8, trolig æ, ø eller å lagret som Latin-1/Windows-1252); lagre filen med koding UTF-8.`,
    ],
    kode: 1,
  },
  {
    navn: 'UTF-16 med BOM',
    filer: {
      [`${M}/14-b.md`]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sak('tittel: A\ntype: tema\nminutter: 5'), 'utf16le')]),
    },
    meldinger: [`${M}/14-b.md:1:1: feil: filen er lagret som UTF-16; lagre den som UTF-8 (i Notisblokk: «Lagre som» → Koding: UTF-8).`],
    kode: 1,
  },
  {
    navn: 'UTF-16 uten BOM (NUL-tegn)',
    filer: { [`${M}/mote.yaml`]: Buffer.from(MOTE, 'utf16le'), [`${M}/13-a.md`]: BESLUTNING },
    meldinger: [
      `${M}/mote.yaml:1:2: feil: filen inneholder NUL-tegn og er ikke en tekstfil (kanskje UTF-16 uten BOM); lagre den som UTF-8.`,
    ],
    kode: 1,
  },

  // --- empty files ---
  {
    navn: 'tom sakfil (0 byte)',
    filer: { [`${M}/13-a.md`]: '' },
    meldinger: [`${M}/13-a.md:1:1: feil: filen er tom.`],
    kode: 1,
  },
  {
    navn: 'sakfil med bare mellomrom og linjeskift',
    filer: { [`${M}/16-d.md`]: '  \n\t\n\n' },
    meldinger: [`${M}/16-d.md:1:1: feil: filen er tom.`],
    kode: 1,
  },
  {
    navn: 'tom mote.yaml',
    filer: { [`${M}/mote.yaml`]: '', [`${M}/13-a.md`]: BESLUTNING },
    meldinger: [`${M}/mote.yaml:1:1: feil: filen er tom.`],
    kode: 1,
  },
  {
    navn: 'organisasjon.yaml med bare mellomrom',
    filer: { 'organisasjon.yaml': '   \n', [`${M}/13-a.md`]: BESLUTNING },
    meldinger: ['organisasjon.yaml:1:1: feil: filen er tom.'],
    kode: 1,
  },

  // --- size ---
  {
    navn: 'en sak på 50 MB leses ikke inn',
    filer: {},
    lag: (root) => {
      const fil = Buffer.alloc(50 * 1024 * 1024, 'Lang tekst uten slutt. ');
      Buffer.from(sak('tittel: Stor\ntype: tema\nminutter: 5')).copy(fil);
      writeFileSync(join(root, M, '13-stor.md'), fil);
    },
    meldinger: [
      `${M}/13-stor.md: feil: filen er for stor (50,0 MB); en tekstfil kan være høyst 5 MB. Legg store dokumenter ved som PDF under vedlegg/.`,
    ],
    kode: 1,
  },
  {
    navn: 'en linje på nesten en halv million tegn i saksfremlegget virker (en på 4 MB er over grensen: tilfeller-grenser.ts)',
    filer: {
      [`${M}/13-a.md`]: sak(
        'tittel: Lang\ntype: beslutning\nminutter: 30',
        `${'ord '.repeat(120_000)}\n\n## Forslag til vedtak\n\nGodkjent.\n`,
      ),
    },
    meldinger: [],
    kode: 0,
    utskrift: ['  Sak 02.25  09.02–09.32  Lang (30 min)'],
  },
  {
    navn: 'feil langt ut på en lang linje: kolonnen stemmer',
    filer: { [`${M}/13-a.md`]: sak(`tittel: A\ntype: tema\nminutter: ${' '.repeat(100_000)}fem`) },
    meldinger: [`${M}/13-a.md:4:100011: feil: «minutter» er «fem», som ikke er gyldig. ${TILLATT_MINUTTER}`],
    kode: 1,
  },

  // --- keys and types ---
  {
    navn: 'feilstavet felt: forslag, og ikke i tillegg «mangler»',
    filer: { [`${M}/13-a.md`]: sak('titel: En sak\ntype: beslutning\nminutter: 30') },
    meldinger: [
      `${M}/13-a.md:2:1: feil: ukjent felt «titel». Mente du «tittel»? Tillatte felt: tittel, type, minutter, beskrivelse, saksnummer, saksbehandler, vedlegg, unntatt_offentlighet, offentlig_tittel, trukket.`,
    ],
    kode: 1,
  },
  {
    navn: 'et påkrevd felt mangler',
    filer: { [`${M}/13-a.md`]: sak('tittel: En sak\ntype: beslutning') },
    meldinger: [`${M}/13-a.md:2:1: feil: mangler feltet «minutter». ${TILLATT_MINUTTER}`],
    kode: 1,
  },
  {
    navn: 'ukjent sakstype, med forslag',
    filer: { [`${M}/13-a.md`]: sak('tittel: A\ntype: beslutnig\nminutter: 30') },
    meldinger: [
      `${M}/13-a.md:3:7: feil: «type» er «beslutnig», men må være én av: beslutning, tema, referat og eventuelt. Mente du «beslutning»?`,
    ],
    kode: 1,
  },
  {
    navn: 'minutter skrevet med bokstaver',
    filer: { [`${M}/14-b.md`]: sak('tittel: B\ntype: tema\nminutter: tretti') },
    meldinger: [`${M}/14-b.md:4:11: feil: «minutter» er «tretti», som ikke er gyldig. ${TILLATT_MINUTTER}`],
    kode: 1,
  },
  {
    navn: 'negative minutter',
    filer: { [`${M}/15-c.md`]: sak('tittel: C\ntype: tema\nminutter: -5') },
    meldinger: [`${M}/15-c.md:4:11: feil: «minutter» må være større enn 0, men er tallet -5. ${TILLATT_MINUTTER}`],
    kode: 1,
  },
  {
    navn: 'null minutter',
    filer: { [`${M}/16-d.md`]: sak('tittel: D\ntype: tema\nminutter: 0') },
    meldinger: [`${M}/16-d.md:4:11: feil: «minutter» må være større enn 0, men er tallet 0. ${TILLATT_MINUTTER}`],
    kode: 1,
  },
  {
    navn: 'minutter med desimaler',
    filer: { [`${M}/17-e.md`]: sak('tittel: E\ntype: tema\nminutter: 12.5') },
    meldinger: [`${M}/17-e.md:4:11: feil: «minutter» må være et helt tall, men er tallet 12.5. ${TILLATT_MINUTTER}`],
    kode: 1,
  },
  {
    navn: 'tittel som er en liste',
    filer: { [`${M}/13-a.md`]: sak('tittel: [Del 1, Del 2]\ntype: tema\nminutter: 5') },
    meldinger: [
      `${M}/13-a.md:2:9: feil: «tittel» er en liste, som ikke er gyldig. Tillatt: en tekst. Tekst som begynner med { eller [ må stå i anførselstegn.`,
    ],
    kode: 1,
  },
  {
    navn: 'Handlebars-syntaks uten anførselstegn i frontmatter',
    filer: { [`${M}/13-a.md`]: sak('tittel: {{tittel}}\ntype: tema\nminutter: 5') },
    meldinger: [
      `${M}/13-a.md:2:9: feil: «tittel» er nøkler og verdier, som ikke er gyldig. Tillatt: en tekst. Tekst som begynner med { eller [ må stå i anførselstegn.`,
    ],
    kode: 1,
  },
  {
    navn: 'negative minutter i en pause',
    filer: { [`${M}/mote.yaml`]: `${MOTE}pauser:\n  - etter: 13-a\n    minutter: -10\n`, [`${M}/13-a.md`]: BESLUTNING },
    meldinger: [`${M}/mote.yaml:8:15: feil: «minutter» i pauser nr. 1 må være større enn 0, men er tallet -10. ${TILLATT_MINUTTER}`],
    kode: 1,
  },
  {
    navn: 'beslutningssak uten forslag til vedtak',
    filer: { [`${M}/13-a.md`]: sak('tittel: A\ntype: beslutning\nminutter: 30', '## Bakgrunn\n\nTekst.\n') },
    meldinger: [
      `${M}/13-a.md:3:7: feil: en beslutningssak må ha en seksjon «## Forslag til vedtak» med vedtaket, gjerne som nummerert liste.`,
    ],
    kode: 1,
  },

  // --- dates and times ---
  {
    navn: 'dato som ikke finnes (2025-02-30)',
    filer: { [`${M}/mote.yaml`]: MOTE.replace('2025-05-22', '2025-02-30'), [`${M}/13-a.md`]: BESLUTNING },
    meldinger: [`${M}/mote.yaml:2:7: feil: «dato»: datoen 2025-02-30 finnes ikke: februar 2025 har 28 dager.`],
    kode: 1,
  },
  {
    navn: 'måned 13',
    filer: { [`${M}/mote.yaml`]: MOTE.replace('2025-05-22', '2025-13-01'), [`${M}/13-a.md`]: BESLUTNING },
    meldinger: [`${M}/mote.yaml:2:7: feil: «dato»: «2025-13-01» har måned 13; måneden må være 1–12.`],
    kode: 1,
  },
  {
    navn: 'klokkeslett som ikke finnes (25:00)',
    filer: { [`${M}/mote.yaml`]: MOTE.replace('"09:00"', '"25:00"'), [`${M}/13-a.md`]: BESLUTNING },
    meldinger: [`${M}/mote.yaml:3:8: feil: «start»: klokkeslettet 25:00 finnes ikke: timen må være 00–23.`],
    kode: 1,
  },
  {
    navn: 'slutt før start',
    filer: {
      [`${M}/mote.yaml`]: MOTE.replace('"09:00"', '"14:00"').replace('slutt: "14:00"', 'slutt: "09:00"'),
      [`${M}/13-a.md`]: BESLUTNING,
    },
    meldinger: [
      `${M}/mote.yaml:4:8: feil: møtet slutter kl. 09.00, som ikke er etter start kl. 14.00; «slutt» må være senere enn «start».`,
    ],
    kode: 1,
  },
  {
    navn: 'sakslisten går over slutt: en advarsel, ikke en feil',
    filer: {
      [`${M}/mote.yaml`]: MOTE.replace('slutt: "14:00"', 'slutt: "10:00"'),
      [`${M}/13-a.md`]: sak('tittel: A\ntype: beslutning\nminutter: 60'),
      [`${M}/14-b.md`]: sak('tittel: B\ntype: tema\nminutter: 25'),
    },
    meldinger: [
      `${M}/mote.yaml:4:8: advarsel: sakslisten varer til kl. 10.27, 27 minutter etter møtets slutt kl. 10.00; kort ned minuttene, flytt en sak eller sett en senere «slutt».`,
    ],
    kode: 0,
  },

  // --- numbers and breaks ---
  {
    navn: 'saksnummer som ikke stemmer med det beregnede',
    filer: { [`${M}/13-a.md`]: sak('tittel: A\ntype: beslutning\nminutter: 30\nsaksnummer: "14.25"') },
    meldinger: [
      `${M}/13-a.md:5:13: feil: saksnummer «14.25» stemmer ikke med det beregnede 02.25 (møtet begynner på sak 01.25, og saken er nr. 2 i sakslisten). Fjern feltet, eller rett rekkefølgen eller forste_saksnummer i mote.yaml.`,
    ],
    kode: 1,
  },
  {
    navn: 'saksnummer i feil form',
    filer: { [`${M}/13-a.md`]: sak('tittel: A\ntype: beslutning\nminutter: 30\nsaksnummer: 13-25') },
    meldinger: [`${M}/13-a.md:5:13: feil: «saksnummer»: «13-25» er ikke et saksnummer; skriv det som løpenummer.år, for eksempel "13.25".`],
    kode: 1,
  },
  {
    navn: 'samme saksnummer i to møter i samme år',
    filer: {
      [`${M}/mote.yaml`]: `${MOTE}forste_saksnummer: 11\nfaste_saker: false\n`,
      [`${M}/11-a.md`]: BESLUTNING,
      [`${M}/12-b.md`]: BESLUTNING,
      '2025-09-18-ssu/mote.yaml': MOTE_2('2025-09-18', 'forste_saksnummer: 12\nfaste_saker: false\n'),
      '2025-09-18-ssu/12-c.md': BESLUTNING,
    },
    meldinger: (root) => [
      `2025-09-18-ssu/12-c.md:1:1: feil: saksnummer 12.25 brukes to ganger i SSU 2025: av ${root}/2025-09-18-ssu/12-c.md og av ${root}/${M}/12-b.md (møtet ${M}). Rett forste_saksnummer i mote.yaml.`,
    ],
    kode: 1,
  },
  {
    navn: 'pause etter en sak som ikke finnes',
    filer: {
      [`${M}/mote.yaml`]: `${MOTE}pauser:\n  - etter: 13-strategisamlig\n    minutter: 30\n`,
      [`${M}/13-strategisamling.md`]: BESLUTNING,
    },
    meldinger: [
      `${M}/mote.yaml:7:12: feil: pausen står «etter: 13-strategisamlig», men møtet har ingen sak med det filnavnet eller saksnummeret. Mente du «13-strategisamling»? Skriv filnavnet uten .md (13-strategisamling) eller et saksnummer.`,
    ],
    kode: 1,
  },
  {
    navn: 'pause etter eventuelt',
    filer: {
      [`${M}/mote.yaml`]: `${MOTE}pauser:\n  - etter: 14-ev\n    minutter: 10\n`,
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/14-ev.md`]: sak('tittel: E\ntype: eventuelt\nminutter: 5', 'Tekst.\n'),
    },
    meldinger: [`${M}/mote.yaml:7:12: feil: en pause kan ikke stå etter en eventuelt-sak; Eventuelt er alltid sist.`],
    kode: 1,
  },

  // --- committees, members, referat ---
  {
    navn: 'ukjent utvalg, med forslag',
    filer: { [`${M}/mote.yaml`]: MOTE.replace('utvalg: ssu', 'utvalg: sus'), [`${M}/13-a.md`]: BESLUTNING },
    meldinger: [`${M}/mote.yaml:1:9: feil: utvalg «sus» finnes ikke i organisasjon.yaml. Mente du «ssu»? Utvalgene er: ssu.`],
    kode: 1,
  },
  {
    navn: 'referat: ukjent medlem, seksjon for en sak som ikke finnes, og en sak som mangler',
    filer: {
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/referat.md`]: REFERAT(
        'til_stede: [kari, oal, Gjest Gjestesen]\nforfall: [per]\nreferent: Marte\nstatus: utkast',
        '## Sak 01.25 Godkjenning\n\n## Sak 07.25 Finnes ikke\n\nNotat.\n',
      ),
    },
    meldinger: [
      `${M}/referat.md:1:1: feil: sak 02.25 «En sak» mangler i referatet; legg til en seksjon «## Sak 02.25 En sak».`,
      `${M}/referat.md:2:1: advarsel: ola står verken i til_stede eller i forfall.`,
      `${M}/referat.md:2:19: feil: «oal» i «til_stede» er ikke et medlem av utvalg «ssu». Mente du «ola»? Skriv medlemmets id (kari, ola, per) eller fulle navn fra organisasjon.yaml, og legg en vara inn blant medlemmene der; andre som ikke er medlemmer (observatører, sekretariatet), føres under «andre».`,
      `${M}/referat.md:2:24: feil: «Gjest Gjestesen» i «til_stede» er ikke et medlem av utvalg «ssu». Skriv medlemmets id (kari, ola, per) eller fulle navn fra organisasjon.yaml, og legg en vara inn blant medlemmene der; andre som ikke er medlemmer (observatører, sekretariatet), føres under «andre».`,
      `${M}/referat.md:10:1: feil: sak 07.25 står ikke på sakslisten til møtet ${M}; sakene er 01.25, 02.25.`,
    ],
    kode: 1,
  },
  {
    navn: 'referat: ukjent medlem under forfall',
    filer: {
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/referat.md`]: REFERAT(
        'til_stede: [kari, ola]\nforfall: [pr]\nreferent: Marte\nstatus: utkast',
        '## Sak 01.25\n\n## Sak 02.25\n',
      ),
    },
    meldinger: [
      `${M}/referat.md:2:1: advarsel: per står verken i til_stede eller i forfall.`,
      `${M}/referat.md:3:11: feil: «pr» i «forfall» er ikke et medlem av utvalg «ssu». Mente du «per»? Skriv medlemmets id (kari, ola, per) eller fulle navn fra organisasjon.yaml; forfall føres bare for medlemmer.`,
    ],
    kode: 1,
  },
  {
    navn: 'referat: ukjent status og ukjent overskrift',
    filer: {
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/referat.md`]: REFERAT(REFERAT_FM.replace('utkast', 'ferdig'), '## Sak 01.25\n\n## Sak 02.25\n\n## Diverse\n'),
    },
    meldinger: [
      `${M}/referat.md:5:9: feil: «status» er «ferdig», men må være én av: utkast og godkjent.`,
      `${M}/referat.md:12:1: feil: ukjent overskrift «## Diverse»; i referatet er hver seksjon «## Sak NN.ÅÅ …» eller «## Eventuelt».`,
    ],
    kode: 1,
  },
  {
    navn: 'organisasjon.yaml: ugyldig farge og feilstavet felt',
    filer: {
      'organisasjon.yaml': 'navn: Test\nfarge: blå\nutvalg:\n  ssu:\n    navn: SSU\n    kortnavn: SSU\n    medlemer: []\n',
      [`${M}/13-a.md`]: BESLUTNING,
    },
    meldinger: [
      'organisasjon.yaml:2:8: feil: «farge» er «blå», som ikke er gyldig. Tillatt: en farge som "#RRGGBB" (i anførselstegn), for eksempel "#00509e".',
      'organisasjon.yaml:7:5: feil: ukjent felt «medlemer» i utvalg «ssu». Mente du «medlemmer»? Tillatte felt her: navn, kortnavn, medlemmer, standard.',
    ],
    kode: 1,
  },
  {
    navn: 'organisasjon.yaml: samme medlems-id to ganger',
    filer: {
      'organisasjon.yaml':
        'navn: T\nutvalg:\n  ssu:\n    navn: S\n    kortnavn: S\n    medlemmer:\n      - { id: kari, navn: Kari }\n      - { id: kari, navn: Kari Dobbel }\n',
      [`${M}/13-a.md`]: BESLUTNING,
    },
    meldinger: [
      'organisasjon.yaml:8:15: feil: medlems-id «kari» brukes to ganger i utvalg «ssu» (også medlem nr. 1); hver id må være unik.',
    ],
    kode: 1,
  },
  {
    navn: 'logo som ikke finnes',
    filer: { 'organisasjon.yaml': `logo: finnes-ikke.svg\n${ORGANISASJON}`, [`${M}/13-a.md`]: BESLUTNING },
    meldinger: [
      'organisasjon.yaml:1:7: feil: logoen «finnes-ikke.svg» finnes ikke ved siden av organisasjon.yaml; skriv stien relativt til organisasjon.yaml, eller fjern feltet.',
    ],
    kode: 1,
  },
  {
    navn: 'ingen organisasjon.yaml over møtemappen',
    filer: { [`${M}/mote.yaml`]: MOTE, [`${M}/13-a.md`]: BESLUTNING },
    utenStandard: true,
    meldinger: [
      `${M}/organisasjon.yaml: feil: fant ingen organisasjon.yaml i møtemappen eller mappene over den; den beskriver organisasjonen og utvalgene og ligger normalt i cases/.`,
    ],
    kode: 1,
  },

  // --- attachments ---
  {
    navn: 'vedlegg som mangler, med forslag',
    filer: { [`${M}/13-a.md`]: vedlegg('vedlegg/rapprot.pdf'), [`${M}/vedlegg/rapport.pdf`]: minimalPdf('Rapport') },
    meldinger: [`${M}/13-a.md:6:29: feil: vedleggsfilen «vedlegg/rapprot.pdf» finnes ikke. Mente du «vedlegg/rapport.pdf»?`],
    kode: 1,
  },
  {
    navn: 'vedlegg med ../ ut av møtemappen',
    filer: { [`${M}/13-a.md`]: vedlegg('../hemmelig.pdf'), 'hemmelig.pdf': minimalPdf('Hemmelig') },
    meldinger: [
      `${M}/13-a.md:6:29: feil: vedleggsfilen «../hemmelig.pdf» ligger utenfor møtemappen; legg filen i møtemappens vedlegg/-mappe.`,
    ],
    kode: 1,
  },
  {
    navn: 'vedlegg med absolutt sti',
    filer: { [`${M}/13-a.md`]: vedlegg('/etc/passwd') },
    meldinger: [
      `${M}/13-a.md:6:29: feil: vedleggsfilen «/etc/passwd» er en absolutt sti; skriv stien relativt til møtemappen, for eksempel vedlegg/rapport.pdf.`,
    ],
    kode: 1,
  },
  {
    navn: 'vedlegg som er en snarvei ut av møtemappen',
    filer: { [`${M}/13-a.md`]: vedlegg('vedlegg/lenke.pdf'), 'hemmelig.pdf': minimalPdf('Hemmelig') },
    lag: (root) => {
      mkdirSync(join(root, M, 'vedlegg'));
      symlinkSync(join(root, 'hemmelig.pdf'), join(root, M, 'vedlegg/lenke.pdf'));
    },
    meldinger: [
      `${M}/13-a.md:6:29: feil: vedleggsfilen «vedlegg/lenke.pdf» ligger utenfor møtemappen; legg filen i møtemappens vedlegg/-mappe.`,
    ],
    kode: 1,
  },
  {
    navn: 'vedlegg som ikke er PDF',
    filer: { [`${M}/13-a.md`]: vedlegg('vedlegg/notat.docx'), [`${M}/vedlegg/notat.docx`]: 'PK\u0003\u0004 et Word-dokument' },
    meldinger: [
      `${M}/13-a.md:6:29: feil: vedleggsfilen «vedlegg/notat.docx» er ikke en PDF; eksporter dokumentet til PDF og vis til PDF-filen.`,
    ],
    kode: 1,
  },
  {
    navn: 'vedlegg som er kryptert',
    filer: { [`${M}/13-a.md`]: vedlegg('vedlegg/låst.pdf'), [`${M}/vedlegg/låst.pdf`]: kryptertPdf('Låst') },
    meldinger: [
      `${M}/13-a.md:6:29: feil: vedleggsfilen «vedlegg/låst.pdf» er kryptert eller passordbeskyttet og kan ikke settes inn; lagre den som en vanlig PDF uten passord.`,
    ],
    kode: 1,
  },
  {
    navn: 'vedlegg som er avkortet (avbrutt nedlasting)',
    filer: { [`${M}/13-a.md`]: vedlegg('vedlegg/halv.pdf'), [`${M}/vedlegg/halv.pdf`]: minimalPdf('Halv').subarray(0, 400) },
    meldinger: [
      `${M}/13-a.md:6:29: feil: vedleggsfilen «vedlegg/halv.pdf» er skadet eller ufullstendig (slutten av PDF-en mangler, kanskje en avbrutt nedlasting); eksporter eller last den ned på nytt.`,
    ],
    kode: 1,
  },
  {
    navn: 'vedlegg som er en mappe',
    filer: { [`${M}/13-a.md`]: vedlegg('vedlegg'), [`${M}/vedlegg/rapport.pdf`]: minimalPdf('Rapport') },
    meldinger: [`${M}/13-a.md:6:29: feil: vedleggsfilen «vedlegg» er en mappe, ikke en PDF-fil.`],
    kode: 1,
  },

  // --- symlinks and paths ---
  {
    navn: 'sakfil som er en snarvei ut av prosjektmappen',
    filer: { [`${M}/13-a.md`]: BESLUTNING },
    lag: (root) =>
      symlinkSync(utenfor(root, 'hemmelig.md', sak('tittel: Hemmelig\ntype: tema\nminutter: 5')), join(root, M, '14-lenke.md')),
    meldinger: (root) => [
      `${M}/14-lenke.md: feil: filen er en snarvei til «${root}-utenfor/hemmelig.md», som ligger utenfor prosjektmappen (mappen med organisasjon.yaml); kopier filen inn i møtemappen i stedet.`,
    ],
    kode: 1,
  },
  {
    navn: 'referat.md som er en snarvei ut av prosjektmappen',
    filer: { [`${M}/13-a.md`]: BESLUTNING },
    lag: (root) =>
      symlinkSync(utenfor(root, 'referat.md', '---\ntil_stede: [kari]\nreferent: X\nstatus: utkast\n---\n'), join(root, M, 'referat.md')),
    meldinger: (root) => [
      `${M}/referat.md: feil: filen er en snarvei til «${root}-utenfor/referat.md», som ligger utenfor prosjektmappen (mappen med organisasjon.yaml); kopier filen inn i møtemappen i stedet.`,
    ],
    kode: 1,
  },
  {
    navn: 'bilde som er en snarvei til /etc/passwd',
    filer: { [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5', 'Se ![Kart](kart.png).\n') },
    lag: (root) => symlinkSync('/etc/passwd', join(root, M, 'kart.png')),
    meldinger: [`${M}/13-a.md:7:4: feil: bildet «kart.png» ligger utenfor møtemappen; legg bildefilen i møtemappen.`],
    kode: 1,
  },
  {
    navn: 'snarvei som peker på en fil som ikke finnes',
    filer: { [`${M}/13-a.md`]: BESLUTNING },
    lag: (root) => symlinkSync(join(root, M, 'borte.md'), join(root, M, '14-borte.md')),
    meldinger: [`${M}/14-borte.md: feil: filen kan ikke leses (en snarvei som peker til en fil som ikke finnes?).`],
    kode: 1,
  },
  {
    navn: 'bilder: uten alt-tekst (advarsel), mangler, utenfor med ../, og fra nett',
    filer: {
      [`${M}/13-a.md`]: sak(
        'tittel: A\ntype: tema\nminutter: 5',
        'Se figuren:\n\n![](figur.png)\n\n![Kart](kart.png) ![Ut](../ut.png) ![Nett](https://example.invalid/x.png)\n\n`![](kode.png)` ![Med mellomrom](<figur 1.png>)\n\n<!--\n![Gammel](borte.png)\n-->\n',
      ),
      [`${M}/figur.png`]: 'png',
      [`${M}/figur 1.png`]: 'png',
      'ut.png': 'png',
    },
    meldinger: [
      `${M}/13-a.md:9:1: advarsel: bildet «figur.png» mangler alternativ tekst; skriv en beskrivelse i klammene: ![beskrivelse](figur.png).`,
      `${M}/13-a.md:11:1: feil: bildet «kart.png» finnes ikke; legg bildefilen i møtemappen og skriv stien relativt til den.`,
      `${M}/13-a.md:11:19: feil: bildet «../ut.png» ligger utenfor møtemappen; legg bildefilen i møtemappen.`,
      `${M}/13-a.md:11:36: feil: bildet «https://example.invalid/x.png» er ikke en fil i møtemappen; bilder fra nett eller andre steder tas ikke med. Last ned bildet og legg det i møtemappen.`,
    ],
    kode: 1,
  },

  // --- a meeting without saker, and usage ---
  {
    navn: 'møtemappe uten saker: en advarsel, og sakslisten har de faste sakene',
    filer: { [`${M}/notater.txt`]: 'ikke en sak' },
    meldinger: [`${M}/mote.yaml:1:1: advarsel: møtemappen har ingen saker (ingen .md-filer ved siden av mote.yaml).`],
    kode: 0,
    utskrift: ['  Sak 01.25  09.00–09.02  Godkjenning av innkalling og saksliste (2 min)', '  Eventuelt  09.02–14.00'],
  },
  {
    navn: 'check av en mappe som ikke finnes',
    filer: {},
    args: ['check', 'finnes-ikke'],
    meldinger: ['motedok: fant ikke mappen «finnes-ikke».'],
    kode: 2,
  },
  {
    navn: 'check av en mappe uten møter',
    filer: { 'tom/les-meg.txt': 'ingenting' },
    args: ['check', 'tom'],
    meldinger: ['motedok: «tom» er ikke en møtemappe (ingen mote.yaml) og har ingen møtemapper under seg.'],
    kode: 2,
  },

  // --- characters that would forge, turn or hide text (issue: never lose text silently) ---
  {
    navn: 'en sak uten type',
    filer: { [`${M}/13-a.md`]: sak('tittel: A\nminutter: 5') },
    meldinger: [`${M}/13-a.md:2:1: feil: mangler feltet «type»; skriv én av: beslutning, tema, referat og eventuelt.`],
    kode: 1,
  },
  {
    navn: 'NUL fra en YAML-escape i tittelen',
    filer: { [`${M}/13-a.md`]: sak('tittel: "Budsjett\\u0000 2026"\ntype: tema\nminutter: 5') },
    meldinger: [`${M}/13-a.md:2:9: feil: teksten inneholder et kontrolltegn (U+0000), som ikke kan stå i et dokument; fjern det.`],
    kode: 1,
  },
  {
    navn: 'retningsoverstyring (U+202E) i tittelen',
    filer: { [`${M}/13-a.md`]: sak('tittel: "Ansettelse\u202Egnirøfeb"\ntype: tema\nminutter: 5') },
    meldinger: [
      `${M}/13-a.md:2:9: feil: teksten inneholder et tegn som snur eller skjuler tekst (U+202E), som ikke kan stå i et dokument; fjern det.`,
    ],
    kode: 1,
  },
  {
    navn: 'et halvt tegn (ensom surrogat) fra en YAML-escape i mote.yaml',
    filer: { [`${M}/mote.yaml`]: MOTE.replace('sted: Lillehammer', 'sted: "Lillehammer \\uD800"'), [`${M}/13-a.md`]: BESLUTNING },
    meldinger: [
      `${M}/mote.yaml:5:7: feil: teksten inneholder et halvt tegn (en ensom surrogat) (U+D800), som ikke kan stå i et dokument; fjern det.`,
    ],
    kode: 1,
  },
  {
    navn: 'et linjeskift i et filnavn lager ikke en egen meldingslinje',
    filer: { [`${M}/13-a\nfeil: falsk.md`]: sak('tittel: A\ntype: tema') },
    meldinger: [`${M}/13-a<U+000A>feil: falsk.md:2:1: feil: mangler feltet «minutter». ${TILLATT_MINUTTER}`],
    kode: 1,
  },

  // --- a referat's sections are tied to their saker ---
  {
    navn: 'referat med numrene byttet om: notatene om en unntatt personalsak ville havnet under en offentlig sak',
    filer: {
      [`${M}/13-a.md`]: sak('tittel: Budsjett 2026\ntype: beslutning\nminutter: 30'),
      [`${M}/14-b.md`]: sak('tittel: Personalsak\ntype: beslutning\nminutter: 20\nunntatt_offentlighet: offl. § 13 jf. fvl. § 13'),
      [`${M}/referat.md`]: REFERAT(
        REFERAT_FM,
        '## Sak 01.25 Godkjenning av innkalling og saksliste\n\n## Sak 02.25 Personalsak\n\nSensitivt.\n\n## Sak 03.25 Budsjett 2026\n\nÅpent.\n',
      ),
    },
    meldinger: [
      `${M}/14-b.md:5:23: advarsel: saken er unntatt etter offl. § 13 (taushetsplikt), men har ingen «offentlig_tittel», så tittelen står i de offentlige dokumentene, på nettstedet og i kalenderfilen. Er noe i tittelen taushetsbelagt, skriv en tittel uten det: offentlig_tittel: Personalsak.`,
      `${M}/referat.md:10:1: feil: overskriften «## Sak 02.25 Personalsak» har nummeret til sak 02.25 «Budsjett 2026», men tittelen til sak 03.25 «Personalsak»; rett nummeret eller tittelen, så notatene havner under riktig sak.`,
      `${M}/referat.md:14:1: feil: overskriften «## Sak 03.25 Budsjett 2026» har nummeret til sak 03.25 «Personalsak», men tittelen til sak 02.25 «Budsjett 2026»; rett nummeret eller tittelen, så notatene havner under riktig sak.`,
    ],
    kode: 1,
  },
  {
    navn: 'referat med en tittel som ikke er sakens',
    filer: {
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/referat.md`]: REFERAT(REFERAT_FM, '## Sak 01.25 Godkjenning\n\n## Sak 02.25 Noe helt annet\n\nDrøftet.\n'),
    },
    meldinger: [
      `${M}/referat.md:10:1: feil: overskriften «## Sak 02.25 Noe helt annet» har en annen tittel enn sak 02.25 «En sak»; skriv sakens tittel, eller bare «## Sak 02.25», så notatene havner under riktig sak.`,
    ],
    kode: 1,
  },
  {
    navn: 'referat med «### Sak» under en annen sak',
    filer: {
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/referat.md`]: REFERAT(REFERAT_FM, '## Sak 01.25\n\n### Sak 02.25 En sak\n\nHemmelig.\n\n## Sak 02.25\n'),
    },
    meldinger: [
      `${M}/referat.md:10:1: feil: «### Sak 02.25 En sak» nevner en sak, men står ikke som en egen seksjon; hver sak har sin «## Sak NN.ÅÅ …»-seksjon. Skriv den som «## Sak 02.25 En sak», eller flytt teksten dit den hører hjemme.`,
    ],
    kode: 1,
  },
  {
    navn: 'referat med tekst før første sak',
    filer: {
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/referat.md`]: REFERAT(
        REFERAT_FM,
        '# Referat fra SSU\n\nMøtet ble satt kl. 09.00.\n\n## Sak 01.25\n\n## Sak 02.25\n\n# Vedlegg\n\nListe.\n',
      ),
    },
    meldinger: [
      `${M}/referat.md:10:1: feil: teksten før første «## Sak»-overskrift hører ikke til noen sak og ville ikke kommet med i referatet; flytt den under saken den gjelder, eller under «## Eventuelt».`,
      `${M}/referat.md:16:1: feil: «# Vedlegg» er en overskrift på nivå 1 inne i referatet; teksten under den hører ikke til noen sak. Bruk «## Sak NN.ÅÅ …», «## Eventuelt» eller «###» under en sak.`,
    ],
    kode: 1,
  },
  {
    navn: 'referat med en tittellinje øverst og saker med bare nummer (skal virke)',
    filer: {
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/referat.md`]: REFERAT(REFERAT_FM, '# Referat fra SSU 22. mai 2025\n\n## Sak 01.25\n\n## Sak 2/25 *En sak*\n\nDrøftet.\n'),
    },
    meldinger: [],
    kode: 0,
  },

  {
    navn: 'et vedlegg som er et navngitt rør (FIFO) åpnes aldri',
    filer: { [`${M}/13-a.md`]: vedlegg('vedlegg/ror.pdf') },
    lag: (root) => {
      mkdirSync(join(root, M, 'vedlegg'), { recursive: true });
      expect(spawnSync('mkfifo', [join(root, M, 'vedlegg', 'ror.pdf')]).status).toBe(0);
    },
    meldinger: [
      `${M}/13-a.md:6:29: feil: vedleggsfilen «vedlegg/ror.pdf» er ikke en vanlig fil (et navngitt rør, en enhet eller lignende) og åpnes ikke; vis til en PDF-fil i møtemappen.`,
    ],
    kode: 1,
  },

  {
    navn: 'et vedlegg som er en snarvei i ring',
    filer: { [`${M}/13-a.md`]: vedlegg('vedlegg/ring.pdf') },
    lag: (root) => {
      mkdirSync(join(root, M, 'vedlegg'), { recursive: true });
      symlinkSync('ring.pdf', join(root, M, 'vedlegg', 'ring.pdf'));
    },
    meldinger: [
      `${M}/13-a.md:6:29: feil: vedleggsfilen «vedlegg/ring.pdf» er en snarvei som ikke fører til noen fil (den peker på seg selv, går i ring eller viser til noe som er borte); legg selve PDF-filen i møtemappen.`,
    ],
    kode: 1,
  },
  {
    navn: 'en tittel av bare usynlige tegn (U+200B)',
    filer: { [`${M}/13-a.md`]: sak('tittel: "\\u200B"\ntype: tema\nminutter: 5') },
    meldinger: [
      `${M}/13-a.md:2:9: feil: teksten består bare av usynlige tegn (som U+200B) og ser tom ut; skriv synlig tekst, eller fjern feltet.`,
    ],
    kode: 1,
  },

  {
    navn: 'en saksliste som går forbi midnatt',
    filer: {
      [`${M}/mote.yaml`]: 'utvalg: ssu\ndato: 2025-05-22\nstart: "22:00"\nslutt: "23:30"\nsted: Hamar\n',
      [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 180'),
    },
    meldinger: [
      `${M}/mote.yaml:3:8: feil: sakslisten går forbi midnatt: med start kl. 22.00 og 182 minutter blir den ikke ferdig samme dag; kort ned minuttene eller sett en tidligere «start».`,
    ],
    kode: 1,
  },

  // --- every error of a run at once ---
  {
    navn: 'feil i fire filer og to møter kommer samtidig, sortert etter fil og linje',
    filer: {
      'organisasjon.yaml': ORGANISASJON.replace('kortnavn: SSU', 'kortnavn: SSU\n    farge: rød'),
      [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 0'),
      [`${M}/14-b.md`]: sak('tittel: B\ntype: tema'),
      '2025-09-18-ssu/mote.yaml': MOTE_2('2025-09-31'),
      '2025-09-18-ssu/13-a.md': BESLUTNING,
    },
    meldinger: [
      `${M}/13-a.md:4:11: feil: «minutter» må være større enn 0, men er tallet 0. ${TILLATT_MINUTTER}`,
      `${M}/14-b.md:2:1: feil: mangler feltet «minutter». ${TILLATT_MINUTTER}`,
      '2025-09-18-ssu/mote.yaml:2:7: feil: «dato»: datoen 2025-09-31 finnes ikke: september 2025 har 30 dager.',
      'organisasjon.yaml:6:5: feil: ukjent felt «farge» i utvalg «ssu». Tillatte felt her: navn, kortnavn, medlemmer, standard.',
    ],
    kode: 1,
  },
  ...TILFELLER_GRENSER,
  ...TILFELLER_OFFENTLIG,
  ...TILFELLER_TEKST,
  ...TILFELLER_VEDLEGG,
  ...TILFELLER_UTSENDELSE,
  ...TILFELLER_OPPMOTE,
];
