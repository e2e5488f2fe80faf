#!/usr/bin/env node
// Writes schemas/*.schema.json (JSON Schemas for editors) from the zod schemas in
// src/pipeline/model/schema.ts, through src/pipeline/model/json-schema.ts. Run with `npm run skjemaer` after
// changing the schemas; tests/skjemaer.test.ts fails while the files are out of date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const esbuild = await import('esbuild');
const bundle = await esbuild.build({
  entryPoints: [join(root, 'src', 'pipeline', 'model', 'json-schema.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  logLevel: 'silent',
});
const { jsonSchemaFiles } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
mkdirSync(join(root, 'schemas'), { recursive: true });
for (const [fil, innhold] of jsonSchemaFiles()) {
  writeFileSync(join(root, 'schemas', fil), innhold);
  console.log(`skrev schemas/${fil}`);
}
