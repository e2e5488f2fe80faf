import { z } from 'zod';
import { moetemappeSchema } from './einnsyn-format.js';
import { arsplanSchema, moteSchema, organisasjonSchema, referatSchema, sakSchema } from './schema.js';

/**
 * JSON Schemas for editors, made from the zod schemas the tool validates with: one description
 * of the format, never written twice. `schemas/*.schema.json` are these, written by
 * `npm run skjemaer`; a test fails when they differ from what this makes.
 */
export const SCHEMAS = {
  'organisasjon.schema.json': organisasjonSchema,
  'mote.schema.json': moteSchema,
  'sak.schema.json': sakSchema,
  'referat.schema.json': referatSchema,
  'arsplan.schema.json': arsplanSchema,
  'einnsyn.schema.json': moetemappeSchema,
} as const;

export type SchemaFile = keyof typeof SCHEMAS;

/** Whether a zod schema is a text that the tool parses (dates, clock times, sak numbers). */
function erTolketText(schema: z.core.$ZodType): boolean {
  const def = (schema as { _zod: { def: { type: string; out?: { _zod: { def: { type: string } } } } } })._zod.def;
  return def.type === 'pipe' && def.out?._zod.def.type === 'transform';
}

/**
 * The JSON Schema of one file, as an editor sees the YAML: the input side of the schema.
 * motedok reads every value as the text that was written, so `start: 09.00` and
 * `saksnummer: 13.25`, which YAML calls numbers, are allowed where a clock time or sak number is.
 */
export function jsonSchema(file: SchemaFile): Record<string, unknown> {
  const skjema = z.toJSONSchema(SCHEMAS[file], {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (erTolketText(ctx.zodSchema) && ctx.jsonSchema.type === 'string') ctx.jsonSchema.type = ['string', 'number'];
    },
  });
  return skjema as Record<string, unknown>;
}

/** Every schema file's name and content, as written to `schemas/`. */
export function jsonSchemaFiles(): [SchemaFile, string][] {
  return (Object.keys(SCHEMAS) as SchemaFile[]).map((file) => [file, `${JSON.stringify(jsonSchema(file), null, 2)}\n`]);
}
