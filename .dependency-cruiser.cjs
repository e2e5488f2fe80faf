// The direction of src/: each folder imports only what is before it in the pipeline.
//   util → domain → pipeline/{load → model → render → print → assemble → write} → cache, publish
//   → build (the one orchestrator) → preview, scaffold → api.ts → cli
// model and render read no disk: no file system, no child processes. Run by `npm test` (npm run lint).

/** Folders a folder may import from, besides itself and npm packages. */
const allowed = {
  util: [],
  domain: ['util'],
  'pipeline/load': ['util', 'domain'],
  'pipeline/model': ['util', 'domain'],
  'pipeline/render': ['util', 'domain', 'pipeline/model'],
  'pipeline/print': ['util', 'domain'],
  'pipeline/assemble': ['util', 'domain'],
  'pipeline/write': ['util', 'domain'],
  cache: ['util', 'domain', 'pipeline/[a-z]+'],
  publish: ['util', 'domain', 'pipeline/[a-z]+'],
  build: ['util', 'domain', 'pipeline/[a-z]+', 'cache', 'publish'],
  preview: ['util', 'domain', 'pipeline/[a-z]+', 'build'],
  scaffold: ['util', 'domain', 'pipeline/[a-z]+', 'build'],
};

const folder = (name) => `^src/${name}/`;

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle hides which module depends on which.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...Object.entries(allowed).map(([name, may]) => ({
      name: `direction-${name.replace('/', '-')}`,
      severity: 'error',
      comment: `src/${name}/ imports only ${may.length ? may.map((m) => `src/${m}/`).join(', ') : 'itself'} (the pipeline runs one way).`,
      from: { path: folder(name) },
      to: {
        path: '^src/',
        pathNot: [folder(name), ...may.map(folder)],
      },
    })),
    {
      name: 'model-and-render-read-no-disk',
      severity: 'error',
      comment: 'src/pipeline/model/ and render/ work on what load read: no file system, no processes.',
      from: { path: ['^src/pipeline/model/', '^src/pipeline/render/'] },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|child_process|worker_threads|net|http)$' },
    },
    {
      name: 'no-api-inside',
      severity: 'error',
      comment: 'api.ts is the facade for the CLI and tests; nothing inside src/ builds on it.',
      from: { path: '^src/', pathNot: ['^src/cli/', '^src/api\\.ts$'] },
      to: { path: '^src/api\\.ts$' },
    },
    {
      name: 'no-cli-inside',
      severity: 'error',
      comment: 'The CLI is the outermost shell.',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mts', '.mjs', '.js'] },
  },
};
