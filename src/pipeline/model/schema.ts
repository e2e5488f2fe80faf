import { z } from 'zod';
import { GRENSER, relativePath } from '../../domain/fields.js';
import { SAKTYPER } from '../../domain/saksliste.js';
import type { Saksnummer } from '../../domain/types.js';
import { MAX_NESTING, tooDeepNesting } from '../../util/nesting.js';
import { HJEMMEL_MONSTER, parseHjemmel, VANLIGE_HJEMLER } from './hjemmel.js';
import { parseDato, parseKlokkeslett, parseSaksnummer, type Tolket } from './tid.js';

/**
 * The authoring format. These schemas are the one description of every file the secretariat
 * writes: they validate, they type the code (`z.infer`), and their descriptions are the help text.
 */

function parsed<T>(parse: (text: string) => Tolket<T>) {
  return z.string().transform((text, ctx) => {
    const result = parse(text);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.why });
      return z.NEVER;
    }
    return result.value;
  });
}

/** One line of text: a title, a name, a place. */
const tekst = z.string().trim().min(1).max(GRENSER.linje);
const positivtHeltall = z.number().int().positive();
/** Committee keys and member ids: short, lowercase, used in folder names and referat lists. */
const key = z
  .string()
  .max(GRENSER.nokkel)
  .regex(/^[a-z0-9æøå][a-z0-9æøå_-]*$/);

/**
 * The legal basis of an exempt sak: a paragraph of offentleglova §§ 13–26 (`hjemmel.ts`). Checked,
 * but kept as the text that was written, which is what the documents print.
 */
const hjemmel = tekst
  .superRefine((text, ctx) => {
    if (text.length === 0 || text.length > GRENSER.linje) return;
    const result = parseHjemmel(text);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.why });
  })
  .meta({ pattern: HJEMMEL_MONSTER });

/** An e-mail address as the secretariat writes it; checked, since it goes into headers and invitations. */
const epost = z.email().max(GRENSER.linje);

export const dato = parsed(parseDato).describe('Dato som ÅÅÅÅ-MM-DD, for eksempel 2025-05-22');
export const klokkeslett = parsed(parseKlokkeslett).describe('Klokkeslett som TT:MM, for eksempel "09:30"');
export const saksnummer = parsed(parseSaksnummer).describe('Saksnummer som løpenummer.år, for eksempel "13.25"');
/** A saksnummer as a sak's frontmatter writes it: checked against the computed one, and quoted as written when it differs. */
const skrevetSaksnummer = parsed((text): Tolket<{ nummer: Saksnummer; tekst: string }> => {
  const read = parseSaksnummer(text);
  return read.ok ? { ok: true, value: { nummer: read.value, tekst: text } } : read;
});

export const medlemSchema = z.strictObject({
  id: key.describe('Kort id som brukes i referat.md, for eksempel kari-nordmann'),
  navn: tekst.describe('Fullt navn'),
  rolle: tekst.optional().describe('Rolle i utvalget: leder, nestleder, medlem, vara …'),
  representerer: tekst.optional().describe('Kommune, helseregion eller helseforetak medlemmet representerer'),
  epost: epost.optional().describe('E-postadresse; «motedok send» sender innkallingen og møteinvitasjonen hit'),
});

export const sekretariatSchema = z.strictObject({
  navn: tekst.describe('Avsenderen av innkallingene, for eksempel «Sekretariatet, Helsefellesskap Innlandet»'),
  epost: epost.describe('Sekretariatets e-postadresse: avsender av e-posten og arrangør av møteinvitasjonen'),
});

export const standardSchema = z.strictObject({
  sted: tekst.optional().describe('Vanlig møtested, for eksempel «Fylkeshuset Lillehammer»'),
  start: klokkeslett.optional().describe('Vanlig starttid, for eksempel "09:30"'),
  slutt: klokkeslett.optional().describe('Vanlig sluttid, for eksempel "14:30"'),
});

export const utvalgSchema = z.strictObject({
  navn: tekst.describe('Utvalgets navn, for eksempel Strategisk samarbeidsutvalg'),
  kortnavn: tekst.describe('Forkortelse, for eksempel SSU'),
  medlemmer: z.array(medlemSchema).default([]).describe('Utvalgets medlemmer'),
  standard: standardSchema.optional().describe('Utvalgets vanlige sted og tid; «motedok new mote» fyller dem inn i mote.yaml'),
});

export const organisasjonSchema = z
  .strictObject({
    navn: tekst.describe('Organisasjonens navn, for eksempel Helsefellesskap Innlandet'),
    logo: relativePath.optional().describe('Sti til logo (SVG eller PNG), relativt til organisasjon.yaml'),
    farge: z
      .string()
      .regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/)
      .optional()
      .describe('Profilfarge som #RRGGBB, for eksempel "#00509e"'),
    maler: relativePath.optional().describe('Mappe med egne maler som overstyrer de innebygde'),
    sprak: z.enum(['nb', 'nn']).optional().describe('Målform i dokumentene: nb (bokmål, standard) eller nn (nynorsk)'),
    sekretariat: sekretariatSchema
      .optional()
      .describe('Sekretariatet: navn og e-post; avsender av e-posten og arrangør av møteinvitasjonen som «motedok send» lager'),
    offentlig: z
      .strictObject({
        skjul_andre: z.boolean().default(false).describe('true: navnene under «andre» i referatet tas ikke med i den offentlige versjonen'),
      })
      .optional()
      .describe('Innstillinger for de offentlige versjonene'),
    utvalg: z.record(key, utvalgSchema).describe('Utvalgene, med kort nøkkel (ssu) som brukes i møtemappenes navn'),
  })
  .meta({ title: 'organisasjon.yaml', description: 'Organisasjonen og utvalgene med medlemmer. Ligger i cases/.' });

export const pauseSchema = z.strictObject({
  etter: tekst.describe('Filnavnet (uten .md) eller saksnummeret til saken pausen kommer etter'),
  minutter: positivtHeltall.describe('Pausens lengde i minutter'),
  tittel: tekst.default('Pause').describe('For eksempel «Pause og lunsj»'),
});

export const moteSchema = z
  .strictObject({
    utvalg: key.describe('Nøkkelen til utvalget i organisasjon.yaml, for eksempel ssu'),
    dato: dato.describe('Møtedato som ÅÅÅÅ-MM-DD'),
    start: klokkeslett.describe('Når møtet starter, for eksempel "09:00"'),
    slutt: klokkeslett.describe('Når møtet slutter, for eksempel "14:00"'),
    sted: tekst.describe('Møtested, for eksempel «Fylkeshuset Lillehammer, Kirkegata 76» eller «Teams»'),
    forste_saksnummer: positivtHeltall.optional().describe('Første saksnummer i møtet, når årets tidligere møter ikke ligger i cases/'),
    forrige_mote: dato.optional().describe('Datoen for utvalgets forrige møte, når det ikke ligger i cases/'),
    pauser: z.array(pauseSchema).default([]).describe('Pauser i sakslisten'),
    faste_saker: z.boolean().default(true).describe('false: uten de faste sakene (godkjenning av innkalling og referat)'),
    trukket: z
      .array(
        z.strictObject({
          sak: saksnummer.describe('Nummeret saken ble sendt ut med'),
          grunn: tekst.describe('Hvorfor saken er trukket, for eksempel «Utsatt til neste møte»'),
        }),
      )
      .default([])
      .describe('Saker som er sendt ut og så trukket, og der saksfilen er fjernet; de beholder nummeret sitt'),
    sprak: z
      .enum(['nb', 'nn'])
      .optional()
      .describe('Målform for dette møtet: nb (bokmål) eller nn (nynorsk); overstyrer organisasjon.yaml'),
    avlyst: tekst
      .optional()
      .describe('Når møtet er avlyst: hvorfor; «motedok send» lager da en avlysning som tar møtet ut av medlemmenes kalendere'),
  })
  .meta({
    title: 'mote.yaml',
    description: 'Ett møte: utvalg, dato, tid, sted og pauser. Ligger i møtemappen, for eksempel cases/2025-05-22-ssu/.',
  });

/** An attachment's own label, «1», «2a», «3.1»: short, so it fits the label column. */
const VEDLEGG_NR = /^[0-9A-Za-zÆØÅæøå]([0-9A-Za-zÆØÅæøå.-]{0,7})$/;
const vedleggNr = parsed(
  (text): Tolket<string> =>
    VEDLEGG_NR.test(text.trim())
      ? { ok: true, value: text.trim() }
      : {
          ok: false,
          why: `«${text}» kan ikke være et vedleggsnummer; skriv et kort nummer av tall og bokstaver, for eksempel 1, 2a eller 3.1`,
        },
).describe('Vedleggets eget nummer, for eksempel 1, 2a eller 2b; uten nr nummereres vedleggene 1, 2, 3 …');

const vedleggFile = relativePath.optional().describe('PDF-fil relativt til møtemappen, for eksempel vedlegg/rapport.pdf');

export const vedleggDelSchema = z.union([
  tekst.describe('Tittel på en del av vedlegget som ikke ligger som fil'),
  z.strictObject({
    tittel: tekst.describe('Delens tittel'),
    nr: vedleggNr.optional(),
    fil: vedleggFile,
  }),
]);

export const vedleggSchema = z.union([
  tekst.describe('Tittel på et vedlegg som ikke ligger som fil'),
  z.strictObject({
    tittel: tekst.describe('Vedleggets tittel'),
    nr: vedleggNr.optional(),
    fil: vedleggFile,
    deler: z
      .array(vedleggDelSchema)
      .optional()
      .describe('Delene av vedlegget, listet under det: titler, eller { tittel, nr, fil }; en PDF-fil settes inn etter vedleggets egen'),
  }),
]);

export const sakSchema = z
  .strictObject({
    tittel: tekst.describe('Sakens tittel'),
    type: z.enum(SAKTYPER).describe('beslutning, tema, referat eller eventuelt'),
    minutter: positivtHeltall.describe('Tid i sakslisten, i minutter'),
    beskrivelse: z
      .string()
      .max(GRENSER.beskrivelse)
      .refine((text) => tooDeepNesting(text) === undefined, {
        message: `lister og sitater (>) ligger mer enn ${MAX_NESTING} nivåer inn i hverandre; høyst ${MAX_NESTING} nivåer er tillatt`,
      })
      .optional()
      .describe('Kort beskrivelse (Markdown) under tittelen i sakslisten'),
    saksnummer: skrevetSaksnummer.optional().describe('Saksnummeret; beregnes, men kontrolleres når det står her'),
    saksbehandler: tekst.optional().describe('Hvem som har forberedt saken'),
    vedlegg: z
      .array(vedleggSchema)
      .default([])
      .describe('Vedlegg til saken: titler, eller { tittel, nr, fil, deler } for nummererte vedlegg, PDF-er og vedlegg med deler'),
    unntatt_offentlighet: hjemmel
      .optional()
      .describe(
        `Hjemmel når saken er unntatt offentlighet: en paragraf i offentleglova §§ 13–26, for eksempel ${VANLIGE_HJEMLER.map((h) => `«${h}»`).join(', ')}`,
      ),
    offentlig_tittel: tekst
      .optional()
      .describe(
        'Tittelen de offentlige dokumentene, nettstedet og kalenderfilen viser i stedet for «tittel», når tittelen selv er taushetsbelagt; bare for saker som er unntatt offentlighet',
      ),
    trukket: tekst.optional().describe('Når saken er trukket etter at innkallingen er sendt: hvorfor; den beholder nummeret sitt'),
  })
  .meta({ title: 'Frontmatter i en sak', description: 'Feltene mellom «---»-linjene øverst i en saksfil (.md) i møtemappen.' });

/** A member in til_stede: the id or full name, or with the saker the member came for or left after. */
export const deltakerSchema = z.union([
  tekst.describe('Medlemmets id fra organisasjon.yaml, eller fulle navn'),
  z.strictObject({
    id: tekst.describe('Medlemmets id fra organisasjon.yaml, eller fulle navn'),
    fra_sak: saksnummer.optional().describe('Saken medlemmet kom til, for eksempel "14.25"; til stede fra den saken'),
    til_sak: saksnummer.optional().describe('Den siste saken medlemmet var til stede under før det gikk, for eksempel "15.25"'),
  }),
]);

export const referatSchema = z
  .strictObject({
    til_stede: z
      .array(deltakerSchema)
      .min(1)
      .describe(
        'Medlemmer som møtte: id fra organisasjon.yaml eller fullt navn; { id, fra_sak, til_sak } for den som kom senere eller gikk tidligere',
      ),
    forfall: z.array(tekst).default([]).describe('Medlemmer med forfall: id eller fullt navn'),
    andre: z.array(tekst).default([]).describe('Andre til stede (observatører, sekretariatet)'),
    referent: tekst.describe('Hvem som skrev referatet'),
    status: z.enum(['utkast', 'godkjent']).describe('utkast eller godkjent'),
    godkjent_dato: dato.optional().describe('Når referatet ble godkjent; beregnes fra neste møte når det ligger i cases/'),
    godkjent_sak: saksnummer
      .optional()
      .describe('Saken referatet ble godkjent i, for eksempel "20.25"; beregnes fra neste møte når det ligger i cases/'),
    rettelser: z
      .array(
        z.strictObject({
          dato: dato.describe('Når rettelsen ble gjort'),
          tekst: z.string().trim().min(1).max(GRENSER.beskrivelse).describe('Hva som er rettet, og hvorfor'),
        }),
      )
      .default([])
      .describe('Rettelser i et godkjent referat; referatet viser dem, og bare slik kan et godkjent referat endres'),
  })
  .meta({ title: 'Frontmatter i referat.md', description: 'Feltene mellom «---»-linjene øverst i referat.md i møtemappen.' });

export const arsplanMoteSchema = z
  .strictObject({
    utvalg: key.describe('Nøkkelen til utvalget i organisasjon.yaml, for eksempel ssu'),
    dato: dato.optional().describe('Møtedato som ÅÅÅÅ-MM-DD, når den er bestemt'),
    til_dato: dato.optional().describe('Siste dag når møtet går over flere dager, for eksempel en strategisamling'),
    tidspunkt: tekst.optional().describe('Når datoen ikke er bestemt: omtrent når, for eksempel «april/mai» eller «juni»'),
    start: klokkeslett.optional().describe('Når møtet starter; utvalgets vanlige starttid når det mangler'),
    slutt: klokkeslett.optional().describe('Når møtet slutter; utvalgets vanlige sluttid når det mangler'),
    sted: tekst.optional().describe('Møtested; utvalgets vanlige sted når det mangler'),
    tema: z.array(tekst).default([]).describe('Planlagte saker og tema, ett per linje'),
  })
  .meta({ description: 'Et planlagt møte' });

export const arsplanSchema = z
  .strictObject({
    moter: z.array(arsplanMoteSchema).default([]).describe('Møtene som er planlagt, men som ikke har egen møtemappe ennå'),
  })
  .meta({
    title: 'arsplan-ÅÅÅÅ.yaml',
    description:
      'Årsplanen: møter som er planlagt, men ikke opprettet med «motedok new mote». Ligger i cases/, for eksempel cases/arsplan-2026.yaml.',
  });

/**
 * The plan's meetings, each still unread: the model takes every meeting that is valid on its own,
 * so a mistake in one hides neither the others nor their other problems.
 */
export const arsplanRaderSchema = z.object({ moter: z.array(z.unknown()) });
/** The committee a planned meeting names, read also when the meeting has other mistakes (for «ukjent utvalg»). */
export const skrevetUtvalgSchema = z.object({ utvalg: z.string() });

export type OrganisasjonData = z.infer<typeof organisasjonSchema>;
export type MoteData = z.infer<typeof moteSchema>;
export type SakData = z.infer<typeof sakSchema>;
export type ReferatData = z.infer<typeof referatSchema>;
export type ArsplanData = z.infer<typeof arsplanSchema>;
export type ArsplanMoteData = z.output<typeof arsplanMoteSchema>;

/** What each field allows, in the words of the error messages. */
export const TILLATT: Record<string, string> = {
  navn: 'en tekst',
  kortnavn: 'en kort tekst, for eksempel SSU',
  logo: 'en filsti, for eksempel logo.svg',
  farge: 'en farge som "#RRGGBB" (i anførselstegn), for eksempel "#00509e"',
  maler: 'en mappesti',
  offentlig: 'nøkler og verdier, for eksempel { skjul_andre: true }',
  skjul_andre: 'true eller false',
  utvalg: 'en kort nøkkel med små bokstaver, tall og bindestrek, for eksempel ssu',
  medlemmer: 'en liste med { id, navn, rolle, representerer, epost }',
  epost: 'en e-postadresse, for eksempel kari.nordmann@kommune.no',
  sekretariat: 'nøkler og verdier, for eksempel { navn: Sekretariatet, epost: post@helsefellesskap.no }',
  avlyst: 'hvorfor møtet er avlyst, som tekst, for eksempel «Avlyst på grunn av få saker»',
  standard: 'nøkler og verdier, for eksempel { sted: Hamar, start: "09:30", slutt: "14:30" }',
  id: 'en kort id med små bokstaver, tall og bindestrek, for eksempel kari-nordmann',
  rolle: 'en tekst, for eksempel leder',
  representerer: 'en tekst, for eksempel Hamar kommune',
  dato: 'en dato som ÅÅÅÅ-MM-DD, for eksempel 2025-05-22',
  forrige_mote: 'en dato som ÅÅÅÅ-MM-DD, for eksempel 2025-02-20',
  start: 'et klokkeslett som "09:00"',
  slutt: 'et klokkeslett som "14:00"',
  sted: 'en tekst, for eksempel Fylkeshuset Lillehammer',
  forste_saksnummer: 'et helt tall fra 1 og oppover, for eksempel 11',
  pauser: 'en liste med { etter, minutter, tittel }',
  etter: 'filnavnet til en sak (uten .md) eller et saksnummer',
  minutter: 'et helt antall minutter, større enn 0, for eksempel 30',
  faste_saker: 'true eller false',
  tittel: 'en tekst',
  type: 'beslutning, tema, referat eller eventuelt',
  beskrivelse: 'en tekst (Markdown)',
  saksnummer: 'et saksnummer som "13.25"',
  saksbehandler: 'en tekst',
  vedlegg: 'en liste der hvert vedlegg er en tittel eller { tittel, nr, fil, deler }',
  nr: 'et kort vedleggsnummer av tall og bokstaver, for eksempel 1, 2a eller 3.1',
  deler: 'en liste der hver del er en tittel eller { tittel, nr, fil }',
  fil: 'en sti til en PDF relativt til møtemappen, for eksempel vedlegg/rapport.pdf',
  unntatt_offentlighet: 'hjemmelen som tekst, en paragraf i offentleglova §§ 13–26, for eksempel "offl. § 13 jf. fvl. § 13"',
  offentlig_tittel: 'en tekst: tittelen de offentlige versjonene viser for en sak som er unntatt offentlighet',
  til_stede:
    'en liste med medlemmer, hvert som id eller fullt navn, eller som { id: ola-hansen, fra_sak: "14.25" } for den som kom senere (til_sak for den som gikk tidligere)',
  forfall: 'en liste med medlemmer, hvert som id eller fullt navn',
  fra_sak: 'et saksnummer fra sakslisten, for eksempel "14.25": saken medlemmet kom til',
  til_sak: 'et saksnummer fra sakslisten, for eksempel "15.25": den siste saken medlemmet var til stede under',
  andre: 'en liste med navn',
  referent: 'et navn',
  status: 'utkast eller godkjent',
  godkjent_dato: 'en dato som ÅÅÅÅ-MM-DD',
  godkjent_sak: 'et saksnummer som "20.25"',
  trukket: 'hvorfor saken er trukket, som tekst (i mote.yaml: en liste med { sak, grunn })',
  grunn: 'en tekst, for eksempel «Utsatt til neste møte»',
  rettelser: 'en liste med { dato, tekst }',
  tekst: 'en tekst om hva som er rettet',
  sprak: 'nb (bokmål) eller nn (nynorsk)',
  moter: 'en liste med { utvalg, dato, start, slutt, sted, tema }',
  til_dato: 'en dato som ÅÅÅÅ-MM-DD, etter «dato»',
  tidspunkt: 'en tekst, for eksempel april/mai',
  tema: 'en liste med tekster, ett tema per linje',
};
