import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two tiers, both run by `npm test`: unit (no browser, tests/unit/) and end-to-end (builds that
// print with Chromium, tests/e2e/). A unit test that starts a browser fails with a message.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    // A beforeAll often builds a project with Chromium: on a loaded 2-core machine that takes more than the default 10 s.
    hookTimeout: 120_000,
    // The test files of a worker share one module graph instead of importing src/, pdf-lib,
    // puppeteer and the Markdown stack again for each file: half the unit tier's CPU time and a
    // fifth of the end-to-end tier's. The files share no state: each makes its own folders,
    // and what touches the process (cwd, console, environment) is put back (tests/helpers/kommando.ts).
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/helpers/egenskaper.ts', 'tests/helpers/ingen-nettleser.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          setupFiles: ['tests/helpers/egenskaper.ts', 'tests/helpers/delt-nettleser.ts'],
          // A folder where the first file that builds all of the example meetings publishes them
          // once for all such files (tests/helpers/tilstand.ts, medEksempelbuffer).
          globalSetup: ['tests/helpers/eksempelbygg.ts'],
          // An end-to-end file spends much of its time waiting for Chromium, pdftotext or a
          // motedok it started: one worker per core, not vitest's default of one less.
          maxWorkers: availableParallelism(),
        },
      },
    ],
  },
});
