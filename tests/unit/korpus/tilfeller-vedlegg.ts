import { aktivPdf, minimalPdf } from '../../helpers/pdf.js';
import { sak } from '../../helpers/prosjekt.js';
import type { Tilfelle } from './tilfeller.js';

/** Attachments with active content: check warns at the vedlegg entry about each thing build removes. */
const M = '2025-05-22-ssu';
const vedlegg = (fil: string) => sak(`tittel: A\ntype: tema\nminutter: 5\nvedlegg:\n  - { tittel: Rapport, fil: ${fil} }`);
const SLUTT = 'som fjernes når vedlegget settes inn; bare sidene og lenker til http, https og mailto tas med.';
const advarsel = (hva: string) => `${M}/13-a.md:6:29: advarsel: vedlegget «vedlegg/aktiv.pdf» har ${hva}, ${SLUTT}`;
const AKTIV = await aktivPdf('Rapport', ['Tekst i vedlegget']);
/** The test PDFs are untagged, as most attachments are: check says so once per attachment. */
export const UTAGGET = (hvor: string, fil: string) =>
  `${hvor}: advarsel: vedlegget «${fil}» er ikke tagget for skjermlesere (ikke tilgjengelighetsmerket): en skjermleser finner ikke teksten, og dokumentene det settes inn i, oppfyller ikke PDF/UA. Lagre det på nytt som tagget PDF (i Word: Lagre som → PDF → Alternativer → «Dokumentstrukturkoder for tilgjengelighet»).`;

export const TILFELLER_VEDLEGG: Tilfelle[] = [
  {
    navn: 'vedlegg med JavaScript, Launch, innebygde filer, file:-lenke og XFA',
    filer: { [`${M}/13-a.md`]: vedlegg('vedlegg/aktiv.pdf'), [`${M}/vedlegg/aktiv.pdf`]: AKTIV },
    meldinger: [
      advarsel('en handling som kjøres når dokumentet åpnes (/OpenAction)'),
      advarsel('automatiske handlinger (/AA) i dokumentet'),
      advarsel('JavaScript som kjøres når dokumentet åpnes (/Names /JavaScript)'),
      advarsel('innebygde filer (/EmbeddedFiles)'),
      advarsel('et XFA-skjema (/AcroForm /XFA)'),
      advarsel('automatiske handlinger (/AA) på side 1'),
      advarsel('en handling som starter et program eller åpner en fil (/Launch) i en lenke på side 1'),
      advarsel('en lenke til «file:///etc/passwd» i en lenke på side 1'),
      advarsel('automatiske handlinger (/AA) i skjemafeltet «navn» på side 1'),
      advarsel('et innebygd filvedlegg (FileAttachment-merknad) på side 1'),
      UTAGGET(`${M}/13-a.md:6:29`, 'vedlegg/aktiv.pdf'),
    ],
    kode: 0,
  },
  {
    navn: 'vedlegg uten aktivt innhold gir ingen advarsel om det (bare om at det ikke er tagget)',
    filer: {
      [`${M}/13-a.md`]: vedlegg('vedlegg/aktiv.pdf'),
      [`${M}/vedlegg/aktiv.pdf`]: minimalPdf('Rapport', ['/JS står bare i teksten']),
    },
    meldinger: [UTAGGET(`${M}/13-a.md:6:29`, 'vedlegg/aktiv.pdf')],
    kode: 0,
  },
  {
    navn: 'nummererte vedlegg med deler virker: nr som tall leses som skrevet, og check teller delene',
    filer: {
      [`${M}/13-a.md`]: sak(
        'tittel: A\ntype: tema\nminutter: 5\nvedlegg:\n  - { tittel: Budsjett, nr: 1 }\n  - tittel: Strategiplan\n    nr: 2\n    deler:\n      - { tittel: Visjon, nr: 2a }\n      - { tittel: Satsninger, nr: 2.10 }',
      ),
    },
    meldinger: [],
    kode: 0,
    utskrift: ['  Vedlegg til innkallingen: 2, med 2 deler under seg'],
  },
  {
    navn: 'vedleggsnummer brukt to ganger i samme sak, også mellom et vedlegg og en del',
    filer: {
      [`${M}/13-a.md`]: sak(
        'tittel: A\ntype: tema\nminutter: 5\nvedlegg:\n  - { tittel: Budsjett, nr: 1 }\n  - tittel: Plan\n    nr: 2\n    deler:\n      - { tittel: Visjon, nr: 2A }\n      - { tittel: Mål, nr: 1 }\n  - { tittel: Notat, nr: 2a }',
      ),
    },
    meldinger: [
      `${M}/13-a.md:11:28: feil: vedleggsnummeret «1» er brukt før i saken (linje 6); gi hvert vedlegg sitt eget nummer, for eksempel 2a og 2b.`,
      `${M}/13-a.md:12:26: feil: vedleggsnummeret «2a» er brukt før i saken (linje 10); gi hvert vedlegg sitt eget nummer, for eksempel 2a og 2b.`,
    ],
    kode: 1,
  },
  {
    navn: 'nummererte og unummererte vedlegg i samme liste',
    filer: {
      [`${M}/13-a.md`]: sak(
        'tittel: A\ntype: tema\nminutter: 5\nvedlegg:\n  - { tittel: Budsjett, nr: 1 }\n  - Notat\n  - tittel: Plan\n    deler: [{ tittel: Visjon, nr: 2a }, { tittel: Mål }]',
      ),
    },
    meldinger: [
      `${M}/13-a.md:7:5: feil: dette vedlegget har ikke nr, men andre i samme liste har det (for eksempel «1»); skriv det som { tittel: "Notat", nr: … }, eller ta nr bort fra alle i listen.`,
      `${M}/13-a.md:8:5: feil: dette vedlegget har ikke nr, men andre i samme liste har det (for eksempel «1»); gi det et nr, eller ta nr bort fra alle i listen.`,
      `${M}/13-a.md:9:41: feil: dette vedlegget har ikke nr, men andre i samme liste har det (for eksempel «2a»); gi det et nr, eller ta nr bort fra alle i listen.`,
    ],
    kode: 1,
  },
  {
    navn: 'vedleggsnummer med mellomrom, og en del med en fil som mangler',
    filer: {
      [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5\nvedlegg:\n  - { tittel: Budsjett, nr: "2 b" }'),
      [`${M}/14-b.md`]: sak(
        'tittel: B\ntype: tema\nminutter: 5\nvedlegg:\n  - tittel: Plan\n    deler:\n      - { tittel: Visjon, fil: vedlegg/visjon.pdf }',
      ),
    },
    meldinger: [
      `${M}/13-a.md:6:29: feil: «nr» i vedlegg nr. 1: «2 b» kan ikke være et vedleggsnummer; skriv et kort nummer av tall og bokstaver, for eksempel 1, 2a eller 3.1.`,
      `${M}/14-b.md:8:32: feil: vedleggsfilen «vedlegg/visjon.pdf» finnes ikke.`,
    ],
    kode: 1,
  },
];
