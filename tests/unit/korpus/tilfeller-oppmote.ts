import { BESLUTNING, ORGANISASJON } from '../../helpers/prosjekt.js';
import type { Tilfelle } from './tilfeller.js';

/**
 * Attendance (issue 12, kommuneloven § 11-4 the model): til_stede and forfall name members only,
 * by id or full name; members who came late or left early carry the saker (fra_sak, til_sak);
 * each sak's vote, by count or by name, is checked against the members present for that sak.
 */
const M = '2025-05-22-ssu';
const R = `${M}/referat.md`;
/** Sak 01.25 is the fixed one; these are 02.25, 03.25 and 04.25. */
const SAKER = {
  [`${M}/13-a.md`]: BESLUTNING,
  [`${M}/14-b.md`]: BESLUTNING.replace('En sak', 'Annen sak'),
  [`${M}/15-c.md`]: BESLUTNING.replace('En sak', 'Tredje sak'),
};
const SEKSJONER = '## Sak 01.25\n\n## Sak 02.25\n\n## Sak 03.25\n\n## Sak 04.25\n';
const referat = (frontmatter: string, body = SEKSJONER) => `---\n${frontmatter}\nreferent: Marte\nstatus: utkast\n---\n\n${body}`;
const IKKE_MEDLEM =
  'Skriv medlemmets id (kari, ola, per) eller fulle navn fra organisasjon.yaml, og legg en vara inn blant medlemmene der; andre som ikke er medlemmer (observatører, sekretariatet), føres under «andre».';

/** Seven members, for votes of six and seven. */
const ORG7 = `${ORGANISASJON}      - { id: anne, navn: Anne Lie, rolle: medlem }
      - { id: jon, navn: Jon Haugen, rolle: medlem }
      - { id: liv, navn: Liv Dahl, rolle: medlem }
      - { id: erik, navn: Erik Moen, rolle: medlem }
`;
const ALLE7_OLA_SENT = 'til_stede:\n  - kari\n  - { id: ola, fra_sak: "03.25" }\n  - per\n  - anne\n  - jon\n  - liv\n  - erik';
/** A body whose sak 02.25 has the given vote (ola not yet there), and whose 03.25 has seven for (ola there). */
const votering7 = (votering: string) =>
  `## Sak 01.25\n\n## Sak 02.25\n\n### Votering\n\n${votering}\n\n## Sak 03.25\n\n### Votering\n\n7 for, 0 mot\n\n## Sak 04.25\n`;

export const TILFELLER_OPPMOTE: Tilfelle[] = [
  // --- who may stand in til_stede and forfall ---
  {
    navn: 'oppmøte: et navn som ikke er medlem («Per Hansen») er en feil, ikke et fritt navn som telles med',
    filer: { ...SAKER, [R]: referat('til_stede: [kari, ola, Per Hansen]\nforfall: [per]') },
    meldinger: [`${R}:2:24: feil: «Per Hansen» i «til_stede» er ikke et medlem av utvalg «ssu». ${IKKE_MEDLEM}`],
    kode: 1,
  },
  {
    navn: 'oppmøte: fulle navn gjelder som medlemmet, uansett store bokstaver, mellomrom og Unicode-form (skal virke)',
    filer: {
      'organisasjon.yaml': `${ORGANISASJON}      - { id: asne, navn: Åsne Strøm, rolle: medlem }\n`,
      ...SAKER,
      // «Åsne» written decomposed (A + U+030A), as some Mac editors save it.
      [R]: referat('til_stede:\n  - Kari Nordmann\n  - "  ola   HANSEN "\n  - per\nforfall:\n  - "A\\u030Asne Strøm"'),
    },
    meldinger: [],
    kode: 0,
    utskrift: ['  Referat: utkast, 3 til stede, 1 forfall'],
  },
  {
    navn: 'oppmøte: et feilstavet fullt navn og et etternavn alene får forslag',
    filer: { ...SAKER, [R]: referat('til_stede: [Kari Nordman, ola]\nforfall: [Solberg]') },
    meldinger: [
      // What could not be read is not there: kari and per are then missing from both lists.
      `${R}:2:1: advarsel: kari, per står verken i til_stede eller i forfall.`,
      `${R}:2:13: feil: «Kari Nordman» i «til_stede» er ikke et medlem av utvalg «ssu». Mente du «Kari Nordmann»? ${IKKE_MEDLEM}`,
      `${R}:3:11: feil: «Solberg» i «forfall» er ikke et medlem av utvalg «ssu». Mente du «Per Solberg»? Skriv medlemmets id (kari, ola, per) eller fulle navn fra organisasjon.yaml; forfall føres bare for medlemmer.`,
    ],
    kode: 1,
  },
  {
    navn: 'oppmøte: samme medlem to ganger, med id og med navn, er en feil ved den andre',
    filer: { ...SAKER, [R]: referat('til_stede: [kari, ola, Kari Nordmann]\nforfall: [per, per]') },
    meldinger: [
      `${R}:2:24: feil: «Kari Nordmann» i til_stede nr. 3 står der allerede som nr. 1 («kari»); skriv hvert medlem bare én gang.`,
      `${R}:3:16: feil: «per» (Per Solberg) i forfall nr. 2 står der allerede som nr. 1 («per»); skriv hvert medlem bare én gang.`,
    ],
    kode: 1,
  },
  {
    navn: 'oppmøte: et medlem både i til_stede og i forfall',
    filer: { ...SAKER, [R]: referat('til_stede: [kari, ola]\nforfall: [Ola Hansen, per]') },
    meldinger: [
      `${R}:3:11: feil: «Ola Hansen» står både i til_stede og i forfall; et medlem kan bare stå i én av dem. Kom medlemmet senere eller gikk det tidligere, skriv det i til_stede som { id: ola, fra_sak: … } eller med til_sak.`,
    ],
    kode: 1,
  },
  {
    navn: 'oppmøte: to medlemmer med samme navn må skrives med id',
    filer: {
      'organisasjon.yaml': `${ORGANISASJON}      - { id: kari-2, navn: Kari Nordmann, rolle: vara }\n`,
      ...SAKER,
      [R]: referat('til_stede: [Kari Nordmann, ola, per]\nforfall: [kari-2]'),
    },
    meldinger: [
      `${R}:2:1: advarsel: kari står verken i til_stede eller i forfall.`,
      `${R}:2:13: feil: «Kari Nordmann» i «til_stede» er navnet til flere medlemmer (kari, kari-2); skriv id-en til den som er ment.`,
    ],
    kode: 1,
  },

  // --- came late, left early ---
  {
    navn: 'oppmøte: fra_sak og til_sak som ikke står på sakslisten, og til_sak før fra_sak',
    filer: {
      ...SAKER,
      [R]: referat(
        'til_stede:\n  - kari\n  - { id: ola, fra_sak: "07.25" }\n  - { id: per, fra_sak: "04.25", til_sak: "02.25" }\n  - { id: Kari Nordmann, til_sak: "9.25" }',
      ),
    },
    meldinger: [
      `${R}:4:25: feil: «fra_sak» i til_stede nr. 2 («ola») er sak 07.25, som ikke står på sakslisten til møtet ${M}; sakene er 01.25, 02.25, 03.25, 04.25.`,
      `${R}:5:43: feil: til_stede nr. 3 («per») kom til sak 04.25 (fra_sak), men gikk etter sak 02.25 (til_sak), som står før på sakslisten; til_sak er den siste saken medlemmet var til stede under: 04.25 eller en sak etter den.`,
      `${R}:6:11: feil: «Kari Nordmann» i til_stede nr. 4 står der allerede som nr. 1 («kari»); skriv hvert medlem bare én gang.`,
    ],
    kode: 1,
  },
  {
    navn: 'oppmøte: feil i { id, fra_sak, til_sak }: ukjent felt, et saksnummer som ikke er et, og id som mangler',
    filer: {
      ...SAKER,
      [R]: referat('til_stede:\n  - kari\n  - { id: ola, fra: "03.25" }\n  - { id: per, til_sak: sak tre }\n  - { fra_sak: "03.25" }'),
    },
    meldinger: [
      `${R}:4:16: feil: ukjent felt «fra» i til_stede nr. 2. Tillatte felt her: id, fra_sak, til_sak.`,
      `${R}:5:25: feil: «til_sak» i til_stede nr. 3: «sak tre» er ikke et saksnummer; skriv det som løpenummer.år, for eksempel "13.25".`,
      `${R}:6:5: feil: mangler feltet «id» i til_stede nr. 4. Tillatt: en kort id med små bokstaver, tall og bindestrek, for eksempel kari-nordmann.`,
    ],
    kode: 1,
  },
  {
    navn: 'oppmøte: et medlem som kom senere kan ikke fratre som inhabil før det kom',
    filer: {
      ...SAKER,
      [R]: referat(
        'til_stede:\n  - kari\n  - { id: ola, fra_sak: 03.25 }\n  - { id: per, til_sak: "02.25" }',
        '## Sak 01.25\n\n## Sak 02.25\n\n### Habilitet\n\n- ola: styreleder\n\n## Sak 03.25\n\n### Habilitet\n\n- per: eier\n\n## Sak 04.25\n',
      ),
    },
    meldinger: [
      `${R}:16:3: feil: «ola» under «### Habilitet» i sak 02.25 var ikke til stede under saken (kom først til sak 03.25); bare et medlem som var til stede, kan fratre som inhabil.`,
      `${R}:22:3: feil: «per» under «### Habilitet» i sak 03.25 var ikke til stede under saken (gikk etter sak 02.25); bare et medlem som var til stede, kan fratre som inhabil.`,
    ],
    kode: 1,
  },

  // --- votes are counted against the members present for the sak ---
  {
    navn: 'votering: 7 stemmer når 6 var til stede under saken (ett medlem kom senere) er en feil',
    filer: { 'organisasjon.yaml': ORG7, ...SAKER, [R]: referat(ALLE7_OLA_SENT, votering7('7 for, 0 mot')) },
    meldinger: [
      `${R}:16:1: feil: voteringen i sak 02.25 har 7 stemmer, men bare 6 medlemmer var til stede under behandlingen (kari, per, anne, jon, liv, erik); rett stemmetallene, eller skriv i til_stede når medlemmer kom eller gikk (fra_sak, til_sak).`,
    ],
    kode: 1,
  },
  {
    navn: 'votering: 6 stemmer når 6 var til stede, og 7 i saken der medlemmet var kommet (skal virke)',
    filer: { 'organisasjon.yaml': ORG7, ...SAKER, [R]: referat(ALLE7_OLA_SENT, votering7('5 for, 1 mot')) },
    meldinger: [],
    kode: 0,
  },
  {
    navn: 'votering: et medlem som gikk teller ikke i sakene etter, og færre stemmer enn de til stede er en advarsel',
    filer: {
      ...SAKER,
      [R]: referat(
        'til_stede:\n  - kari\n  - ola\n  - { id: per, til_sak: "02.25" }',
        '## Sak 01.25\n\n## Sak 02.25\n\n### Votering\n\n2 for, 0 mot\n\n## Sak 03.25\n\n### Votering\n\n2 for, 1 mot\n\n## Sak 04.25\n',
      ),
    },
    meldinger: [
      `${R}:12:1: advarsel: voteringen i sak 02.25 har 2 stemmer, men 3 medlemmer var til stede under behandlingen; skriv den som ikke stemte for eller mot under «avstår», og den som gikk før saken med til_sak i til_stede.`,
      `${R}:18:1: feil: voteringen i sak 03.25 har 3 stemmer, men bare 2 medlemmer var til stede under behandlingen (kari, ola); rett stemmetallene, eller skriv i til_stede når medlemmer kom eller gikk (fra_sak, til_sak).`,
    ],
    kode: 1,
  },

  // --- votes by name ---
  {
    navn: 'votering med navn: tallene følger av navnene, med id eller fullt navn (skal virke)',
    filer: {
      ...SAKER,
      [R]: referat(
        'til_stede: [kari, ola, per]',
        '## Sak 01.25\n\n## Sak 02.25\n\n### Votering\n\n- For: kari og Ola Hansen\n- Mot: per\n\nPer ville utsette saken.\n\n## Sak 03.25\n\n## Sak 04.25\n',
      ),
    },
    meldinger: [],
    kode: 0,
  },
  {
    navn: 'votering med navn: ikke et medlem, ikke til stede under saken, og et medlem to ganger',
    filer: {
      ...SAKER,
      [R]: referat(
        'til_stede:\n  - kari\n  - { id: ola, fra_sak: "03.25" }\nforfall: [per]',
        '## Sak 01.25\n\n## Sak 02.25\n\n### Votering\n\n- For: kari, Kari Nordman, ola\n- Mot: per\n- Avstår: Kari Nordmann\n\n## Sak 03.25\n\n## Sak 04.25\n',
      ),
    },
    meldinger: [
      `${R}:16:14: feil: «Kari Nordman» under «- For:» i voteringen i sak 02.25 er ikke et medlem av utvalget. Mente du «Kari Nordmann»? Skriv id-en eller det fulle navnet til et medlem som var til stede under saken (kari).`,
      `${R}:16:28: feil: «ola» (Ola Hansen) under «- For:» i voteringen i sak 02.25 var ikke til stede under saken (kom først til sak 03.25); bare medlemmer som var til stede, kan stemme (kari).`,
      `${R}:17:8: feil: «per» (Per Solberg) under «- Mot:» i voteringen i sak 02.25 var ikke til stede under saken (hadde forfall); bare medlemmer som var til stede, kan stemme (kari).`,
      `${R}:18:11: feil: «Kari Nordmann» under «- Avstår:» i voteringen i sak 02.25 står allerede i voteringen, under «For»; hvert medlem har én stemme, så skriv medlemmet bare én gang.`,
    ],
    kode: 1,
  },
  {
    navn: 'votering med navn og tall som ikke stemmer overens',
    filer: {
      ...SAKER,
      [R]: referat(
        'til_stede: [kari, ola, per]',
        '## Sak 01.25\n\n## Sak 02.25\n\n### Votering\n\n2 for, 1 mot\n\n- For: kari\n- Mot: per\n\n## Sak 03.25\n\n## Sak 04.25\n',
      ),
    },
    meldinger: [
      `${R}:15:8: feil: voteringen i sak 02.25 sier 2 for, men har 1 navn under «For»; tallene og navnene må stemme overens. Rett tallet, eller skriv alle navnene.`,
    ],
    kode: 1,
  },
  {
    navn: 'votering med navn der et medlem som var til stede mangler, er en advarsel som nevner det',
    filer: {
      ...SAKER,
      [R]: referat(
        'til_stede: [kari, ola, per]',
        '## Sak 01.25\n\n## Sak 02.25\n\n### Votering\n\n- For: kari\n- Mot: per\n\n## Sak 03.25\n\n## Sak 04.25\n',
      ),
    },
    meldinger: [
      `${R}:9:1: advarsel: voteringen i sak 02.25 har 2 stemmer, men 3 medlemmer var til stede under behandlingen (ola står ikke i voteringen); skriv den som ikke stemte for eller mot under «avstår», og den som gikk før saken med til_sak i til_stede.`,
    ],
    kode: 0,
  },
];
