import { z } from 'zod';
import type { Diagnostics } from '../../domain/diagnostics.js';
import { JOURNAL_FORMAT, type Journal } from '../../domain/journal.js';
import type { YamlSource } from '../../domain/sources.js';
import { validate } from './validate.js';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const tekst = z.string().min(1);

const journalSakSchema = z.strictObject({
  saksnummer: z
    .string()
    .regex(/^\d+\.\d{2}$/)
    .optional(),
  system_id: z.uuid().optional(),
  fil: tekst.optional(),
  fast: z.number().int().positive().optional(),
  tittel: tekst,
  type: tekst,
  minutter: z.number().int().positive(),
  unntatt_offentlighet: tekst.optional(),
  offentlig_tittel: tekst.optional(),
  sha256: z.strictObject({ forslag: sha256, saksfremlegg: sha256 }),
});

/** journal.json, as `motedok send` writes it. A hand edit that breaks it is an error where it broke. */
export const journalSchema = z.strictObject({
  format: z.literal(JOURNAL_FORMAT),
  mote: tekst,
  system_id: z.uuid().optional(),
  utsendelser: z.array(
    z.strictObject({
      nr: z.number().int().positive(),
      type: z.enum(['innkalling', 'tilleggsinnkalling']),
      dato: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      saker: z.array(journalSakSchema),
      dokumenter: z.array(z.strictObject({ fil: tekst, kopi: tekst, sha256 })),
    }),
  ),
  invitasjoner: z
    .array(
      z.strictObject({
        metode: z.enum(['REQUEST', 'CANCEL']),
        sekvens: z.number().int().nonnegative(),
        dato: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        fil: tekst,
        utsendelse: z.number().int().positive().optional(),
        mote: z.strictObject({ dato: tekst, start: tekst, slutt: tekst, sted: tekst }),
      }),
    )
    .optional(),
  referat: z
    .strictObject({ godkjent: tekst, sha256, rettelser: z.number().int().nonnegative(), rettelserSha256: z.array(sha256).optional() })
    .optional(),
});

export function readJournal(source: YamlSource | undefined, diags: Diagnostics): Journal | undefined {
  if (!source) return undefined;
  return validate(journalSchema, source, diags);
}
