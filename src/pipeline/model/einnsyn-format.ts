import { z } from 'zod';

/**
 * What `motedok eksport` writes: eInnsyn's meeting model, as the API takes it when an object is
 * created (the models of felleslosninger/einnsyn-api-spec, typespec/einnsyn.arkiv.models.tsp,
 * commit b25174c). Field names and enums are the spec's. Only what we fill in is here; what
 * eInnsyn sets itself (id, entity, deleted, utvalgObjekt, publisertDato) is left out, since the
 * spec makes those read-only. One extension: `skjerming` on Moetesak, which the spec has on
 * Journalpost only (see README, «motedok eksport»).
 *
 * The types of the conversion (render/einnsyn.ts) are `z.infer` of these, and
 * schemas/einnsyn.schema.json is made from them (`npm run skjemaer`).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** `utcDateTime` in the spec: always written in UTC, to the second. */
const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
/** `plainDate` in the spec. */
const DATO = /^\d{4}-\d{2}-\d{2}$/;
const SHA256 = /^[0-9a-f]{64}$/;

const text = z.string().min(1);
const systemId = z.string().regex(UUID).describe('Stabil UUID (versjon 5) fra motedok, lik på alle maskiner og i alle bygginger');
/** eInnsyn's ExpandableField given as a reference: the other object's systemId. */
const referanse = (hva: string) => z.string().regex(UUID).describe(`systemId til ${hva}`);

export const moetesaksbeskrivelseSchema = z.strictObject({
  systemId,
  tekstInnhold: text.describe('Teksten slik den er skrevet (Markdown)'),
  tekstFormat: z.literal('text/markdown').describe('Formatet til tekstInnhold: alltid text/markdown'),
});

export const dokumentobjektSchema = z.strictObject({
  systemId,
  referanseDokumentfil: text.describe('Stien til PDF-en, relativt til mappen einnsyn.json ligger i: den offentlige versjonen'),
  format: z.literal('PDF').describe('Filformatet: PDF'),
  sjekksum: z.string().regex(SHA256).describe('SHA-256 av filen, heksadesimalt'),
  sjekksumAlgoritme: z.literal('SHA-256').describe('Algoritmen sjekksummen er laget med'),
});

export const dokumentbeskrivelseSchema = z.strictObject({
  systemId,
  tittel: text.describe('Dokumentets offentlige tittel'),
  tittelSensitiv: text.describe('Dokumentets tittel med skjermet innhold; motedok skriver den offentlige tittelen'),
  dokumentnummer: z.number().int().positive().describe('Dokumentets nummer i registreringen, fra 1'),
  tilknyttetRegistreringSom: z.enum(['hoveddokument', 'vedlegg']).describe('Dokumentets rolle i registreringen (Noark 5)'),
  dokumentobjekt: z.array(dokumentobjektSchema).min(1).describe('Filen dokumentet er lagret i'),
});

export const skjermingSchema = z.strictObject({
  systemId,
  tilgangsrestriksjon: z.literal('UO').describe('Tilgangskoden: UO, unntatt offentlighet'),
  skjermingshjemmel: text.describe('Hjemmelen for unntaket slik den står i saken, for eksempel «offl. § 13 jf. fvl. § 13»'),
});

export const moetedeltakerSchema = z.strictObject({
  systemId,
  moetedeltakerNavn: text.describe('Medlemmets navn'),
  moetedeltakerFunksjon: text.optional().describe('Medlemmets rolle i utvalget, når organisasjon.yaml har den'),
});

export const voteringSchema = z.strictObject({
  systemId,
  moetedeltaker: moetedeltakerSchema.describe('Medlemmet som stemte'),
  stemme: z.enum(['Ja', 'Nei', 'Blankt']).describe('Ja for, Nei mot, Blankt for den som avsto'),
});

export const vedtakSchema = z.strictObject({
  systemId,
  vedtakstekst: moetesaksbeskrivelseSchema.describe('Vedtaket slik det godkjente referatet har det'),
  votering: z.array(voteringSchema).optional().describe('Hvordan hvert medlem stemte, når referatet sier det ved navn'),
  behandlingsprotokoll: z
    .strictObject({
      systemId,
      tekstInnhold: text.describe('Avstemningen («Enstemmig vedtatt.», «Vedtatt med 5 mot 1 stemmer.»), og det som står under votering'),
      tekstFormat: z.literal('text/markdown').describe('Formatet til tekstInnhold: alltid text/markdown'),
    })
    .describe('Hvordan vedtaket ble fattet'),
  dato: z.string().regex(DATO).describe('Datoen vedtaket ble fattet: møtedatoen'),
});

export const utredningSchema = z.strictObject({
  systemId,
  saksbeskrivelse: moetesaksbeskrivelseSchema.describe('Saksfremlegget (bakgrunn, vurdering) uten forslaget'),
  innstilling: moetesaksbeskrivelseSchema.describe('Forslag til vedtak'),
  utredningsdokument: z.array(dokumentbeskrivelseSchema).optional().describe('Saksfremlegget som PDF (offentlig versjon)'),
});

/** Registrering's fields that every Moetesak and Moetedokument has. */
const registrering = {
  systemId,
  offentligTittel: text.describe('Tittelen som kan vises offentlig (offentlig_tittel for en unntatt sak)'),
  offentligTittelSensitiv: text.describe(
    'Tittelen med skjermet innhold; motedok skriver aldri en skjermet tittel ut, så den er lik offentligTittel for en unntatt sak',
  ),
  beskrivelse: z.string().min(1).max(1000).optional().describe('Kort beskrivelse: sakslistens beskrivelse, eller når dokumentet ble sendt'),
};

export const moetesakSchema = z.strictObject({
  ...registrering,
  moetesakstype: z
    .enum(['moete', 'politisk', 'delegert', 'interpellasjon', 'godkjenning', 'orientering', 'referat', 'annet'])
    .describe('Sakstypen: godkjenning (de faste sakene), politisk (beslutningssak), annet (temasak), referat (referatsak)'),
  moetesaksaar: z.number().int().min(1700).describe('Året i saksnummeret (2025 for sak 13.25)'),
  moetesakssekvensnummer: z.number().int().min(0).describe('Løpenummeret i saksnummeret (13 for sak 13.25)'),
  utvalg: text.describe('Utvalget som behandler saken'),
  utredning: utredningSchema.optional().describe('Saksfremlegget og forslaget, for en sak som har saksfremlegg'),
  innstilling: moetesaksbeskrivelseSchema.optional().describe('Forslag til vedtak'),
  vedtak: vedtakSchema.optional().describe('Vedtaket, når referatet er godkjent'),
  dokumentbeskrivelse: z
    .array(dokumentbeskrivelseSchema)
    .optional()
    .describe('Saksfremlegget som PDF for en sak uten forslag til vedtak (med forslag ligger det under utredning)'),
  skjerming: skjermingSchema
    .optional()
    .describe('Utvidelse (eInnsyn har skjerming på Journalpost, ikke Moetesak): hjemmelen for en sak unntatt offentlighet'),
});

export const moetedokumentSchema = z.strictObject({
  ...registrering,
  moetedokumenttype: z.enum(['innkalling', 'tilleggsinnkalling', 'protokoll']).describe('Hva dokumentet er'),
  dokumentbeskrivelse: z.array(dokumentbeskrivelseSchema).min(1).describe('Dokumentet og filen det er lagret i'),
});

export const moetemappeSchema = z
  .strictObject({
    systemId,
    offentligTittel: text.describe('Møtets tittel, for eksempel «Møte i Strategisk samarbeidsutvalg 22. mai 2025»'),
    offentligTittelSensitiv: text.describe('Møtets tittel med skjermet innhold; den samme, møtets tittel er aldri skjermet'),
    moetenummer: text.describe('Møtets nummer i utvalgets år, for eksempel «2/2025»'),
    utvalg: text.describe('Utvalgets navn, for eksempel Strategisk samarbeidsutvalg'),
    moetedato: z.string().regex(UTC).describe('Når møtet begynner, i UTC'),
    moetested: text.describe('Møtestedet'),
    referanseForrigeMoete: referanse('utvalgets forrige møte i prosjektet').optional(),
    referanseNesteMoete: referanse('utvalgets neste møte i prosjektet').optional(),
    moetedokument: z.array(moetedokumentSchema).describe('Innkallingen, tilleggsinnkallingene og protokollen (det godkjente referatet)'),
    moetesak: z.array(moetesakSchema).describe('Sakene, i sakslistens rekkefølge'),
  })
  .describe('Ett møte i eInnsyns møtemodell (Moetemappe), skrevet av «motedok eksport»');

export type Moetemappe = z.infer<typeof moetemappeSchema>;
export type Moetesak = z.infer<typeof moetesakSchema>;
export type Moetedokument = z.infer<typeof moetedokumentSchema>;
export type Moetesaksbeskrivelse = z.infer<typeof moetesaksbeskrivelseSchema>;
export type Dokumentbeskrivelse = z.infer<typeof dokumentbeskrivelseSchema>;
export type Vedtak = z.infer<typeof vedtakSchema>;
export type Votering = z.infer<typeof voteringSchema>;
