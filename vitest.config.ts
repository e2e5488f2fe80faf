import { defineConfig } from 'vitest/config';

// Two tiers, both run by `npm test`: unit (no browser, tests/unit/) and end-to-end (builds that
// print with Chromium, tests/e2e/). A unit test that starts a browser fails with a message.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    // A beforeAll often builds a project with Chromium: on a loaded 2-core machine that takes more than the default 10 s.
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/helpers/egenskaper.ts', 'tests/helpers/ingen-nettleser.ts'],
        },
      },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], setupFiles: ['tests/helpers/egenskaper.ts'] } },
    ],
  },
});
