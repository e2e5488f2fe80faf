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
];
