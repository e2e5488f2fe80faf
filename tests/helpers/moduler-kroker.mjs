// Module hooks (registered by moduler.mjs): every URL a module is loaded from is written, one a
// line, to the file named by MOTEDOK_MODULER, as it is loaded.
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  if (process.env.MOTEDOK_MODULER) appendFileSync(process.env.MOTEDOK_MODULER, `${url}\n`);
  return nextLoad(url, context);
}
