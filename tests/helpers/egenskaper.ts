import fc from 'fast-check';

// Property tests run a fixed number of cases (each test's numRuns) from a fixed seed, so a run
// tests the same cases on every machine and a failure can be replayed; never a time budget.
fc.configureGlobal({ seed: 20_261_202 });
