import { resolve } from 'node:path';

// Set up for every file of the unit tier (vitest.config.ts): a test that starts Chromium, in this
// process or in a motedok it runs, gets a script that fails with a message instead of a browser.
process.env.MOTEDOK_CHROMIUM = resolve(import.meta.dirname, 'ingen-nettleser.sh');
