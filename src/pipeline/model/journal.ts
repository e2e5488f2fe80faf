import { z } from 'zod';
import type { Diagnostics } from '../../domain/diagnostics.js';
import { JOURNAL_FORMAT, type Journal } from '../../domain/journal.js';
import type { YamlSource } from '../../domain/sources.js';
import { validate } from './validate.js';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const text = z.string().min(1);

const journalSakSchema = z.strictObject({
  saksnummer: z
    .string()
    .regex(/^\d+\.\d{2}$/)
    .optional(),
  system_id: z.uuid().optional(),
  fil: text.optional(),
  fast: z.number().int().positive().optional(),
  tittel: text,
  type: text,
  minutter: z.number().int().positive(),
  unntatt_offentlighet: text.optional(),
  offentlig_tittel: text.optional(),
  sha256: z.strictObject({ forslag: sha256, saksfremlegg: sha256 }),
});

/** journal.json, as `motedok send` writes it. A hand edit that breaks it is an error where it broke. */
export const journalSchema = z.strictObject({
  format: z.literal(JOURNAL_FORMAT),
  mote: text,
  system_id: z.uuid().optional(),
  utsendelser: z.array(
    z.strictObject({
      nr: z.number().int().positive(),
      type: z.enum(['innkalling', 'tilleggsinnkalling']),
      dato: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      saker: z.array(journalSakSchema),
      dokumenter: z.array(z.strictObject({ fil: text, kopi: text, sha256 })),
    }),
  ),
  invitasjoner: z
    .array(
      z.strictObject({
        metode: z.enum(['REQUEST', 'CANCEL']),
        sekvens: z.number().int().nonnegative(),
        dato: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        fil: text,
        utsendelse: z.number().int().positive().optional(),
        mote: z.strictObject({ dato: text, start: text, slutt: text, sted: text }),
      }),
    )
    .optional(),
  referat: z
    .strictObject({ godkjent: text, sha256, rettelser: z.number().int().nonnegative(), rettelserSha256: z.array(sha256).optional() })
    .optional(),
});

export function readJournal(source: YamlSource | undefined, diags: Diagnostics): Journal | undefined {
  if (!source) return undefined;
  return validate(journalSchema, source, diags);
}
