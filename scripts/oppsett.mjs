#!/usr/bin/env node
// Set-up that `npm start`, `npm test` and `npm run motedok` run first. Plain Node without
// dependencies, because it has to work on a machine where node_modules does not exist yet.
// Idempotent: when nothing is missing it only compares a few hashes and mtimes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, findHeadlessShell, isExecutable } from '../src/pipeline/print/chromium.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const quiet = process.argv.includes('--stille');
const say = (line) => {
  if (!quiet) console.log(`oppsett: ${line}`);
};
const shout = (line) => console.log(`oppsett: ${line}`);

function fail(message) {
  console.error(`oppsett: feil: ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) return { ok: false, why: result.error.message };
  return { ok: result.status === 0, why: `avsluttet med kode ${result.status}` };
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(`motedok trenger Node.js 20.19 eller nyere, men dette er ${process.versions.node}. Installer en nyere Node.js og prøv igjen.`);
  }
}

// node_modules is stale when package.json's dependencies or the lock file changed since the last install.
function dependencyStamp() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const hash = createHash('sha256');
  hash.update(JSON.stringify([pkg.dependencies, pkg.devDependencies, process.versions.node.split('.')[0]]));
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex');
}

function ensureDependencies() {
  const stampFile = join(root, 'node_modules', '.motedok-oppsett');
  const wanted = dependencyStamp();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) return;
  shout('installerer avhengigheter (npm install) …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // `npm install` follows package-lock.json like `npm ci` does, but unlike `npm ci` it accepts a lock
  // file written on a machine whose registry left out other platforms' optional packages.
  // --no-save: set-up never rewrites the project's own files.
  const result = run(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error'], {
    // The browser comes from the system (see ensureChromium); never download one.
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: '1' },
  });
  if (!result.ok) fail(`npm kunne ikke installere avhengighetene (${result.why}). Se meldingene over.`);
  writeFileSync(stampFile, dependencyStamp());
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = isExecutable('/usr/bin/apt-get');

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = run('apt-get', ['update', '-qq'], { env });
  return update.ok ? run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env }) : update;
}

function onPath(name) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && isExecutable(join(dir, name)));
}

function ensureChromium() {
  if (findChromium()) return;
  if (isRoot && hasApt) {
    shout('fant ingen Chromium/Chrome; installerer Debians chromium med apt-get (tar et par minutter første gang) …');
    const install = aptInstall(['chromium']);
    if (install.ok && findChromium()) return;
    shout(`advarsel: apt-get klarte ikke å installere chromium (${install.why}).`);
  }
  shout('advarsel: fant ingen Chromium eller Chrome. «motedok check» virker uten, men PDF-er kan ikke lages.');
  shout(
    hasApt
      ? '  Installer med: sudo apt-get install chromium   (eller sett MOTEDOK_CHROMIUM=/sti/til/chrome)'
      : '  Installer Chromium eller Google Chrome, eller sett MOTEDOK_CHROMIUM=/sti/til/chrome.',
  );
}

// chromium-headless-shell (Chromium's old headless mode) prints the same PDFs 3–4 times faster;
// without it motedok prints with chromium. Not installed when the user named a browser.
function ensureHeadlessShell() {
  if (findHeadlessShell() || process.env.MOTEDOK_CHROMIUM || !isRoot || !hasApt) return;
  shout('installerer chromium-headless-shell med apt-get (skriver ut PDF-ene 3–4 ganger raskere enn chromium) …');
  const install = aptInstall(['chromium-headless-shell']);
  if (!install.ok)
    shout(`advarsel: apt-get klarte ikke å installere chromium-headless-shell (${install.why}); PDF-ene skrives ut med chromium.`);
}

// `motedok …` as a real command: without npm and this set-up check in front, a `check` starts in
// half the time. Only as root, into /usr/local/bin, and never over a command that is not ours.
function ensureCommand() {
  const target = '/usr/local/bin/motedok';
  const bin = join(root, 'bin', 'motedok.js');
  if (!isRoot || !existsSync(dirname(target))) return;
  let current;
  try {
    current = lstatSync(target).isSymbolicLink() ? readlinkSync(target) : 'ikke en lenke';
  } catch {
    current = undefined;
  }
  if (current === bin || (current !== undefined && (current === 'ikke en lenke' || existsSync(current)))) return;
  if (current !== undefined) rmSync(target);
  symlinkSync(bin, target);
  shout(`kommandoen «motedok» er lagt i ${dirname(target)} (en lenke til ${bin}).`);
}

// The tests read the PDFs with poppler's pdftotext/pdfinfo, the tools a user would check them with.
function ensureTestTools() {
  if (onPath('pdftotext') && onPath('pdfinfo')) return;
  if (isRoot && hasApt) {
    shout('installerer poppler-utils (pdftotext, pdfinfo) for testene …');
    if (aptInstall(['poppler-utils']).ok) return;
  }
  fail('testene trenger pdftotext og pdfinfo. Installer med: sudo apt-get install poppler-utils');
}

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * Puppeteer's launcher imports the code it downloads browsers with, and with it proxy-agent: a
 * JavaScript engine for proxy scripts, an FTP client, a parser of JavaScript, 1.5 MB in all.
 * motedok never downloads a browser (it prints with the system's), so the bundle gets a stand-in
 * that refuses, and every build loads that much less.
 */
const withoutDownloads = {
  name: 'uten-nedlasting',
  setup(build) {
    build.onResolve({ filter: /^proxy-agent$/ }, () => ({ path: 'proxy-agent', namespace: 'motedok-erstatning' }));
    // What Puppeteer needs only for Firefox and WebDriver BiDi (chromium-bidi), for a WebSocket
    // connection (ws; motedok talks to Chromium over a pipe), and for downloading and unpacking
    // browsers from its own command line (yargs, yauzl, tar-stream): left out, a third of the
    // browser's worker, which every build that prints loads.
    build.onResolve({ filter: /^(chromium-bidi|yargs|yauzl|tar-stream|ws)(\/.*)?$/ }, (args) => ({
      path: args.path,
      namespace: 'motedok-ubrukt',
    }));
    build.onLoad({ filter: /.*/, namespace: 'motedok-ubrukt' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    build.onLoad({ filter: /.*/, namespace: 'motedok-erstatning' }, () => ({
      contents:
        "export class ProxyAgent { constructor() { throw new Error('motedok laster ikke ned nettlesere; den bruker systemets Chromium.'); } }",
      loader: 'js',
    }));
  },
};

// esbuild leaves regular expressions as they are written (`/«([^»]*)»/`): their characters outside
// ASCII are escaped here. An escape means the same character in a regular expression, a string, a
// template and a name alike.
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  // `\«` would become `\\u00ab`, a backslash and four letters: not seen so far, and refused if it comes.
  if (/\\[^\x00-\x7f]/.test(text)) throw new Error(`${file} har et tegn utenfor ASCII etter en omvendt skråstrek`);
  // Without the u flag each UTF-16 unit matches on its own, so a surrogate pair becomes two escapes.
  writeFileSync(
    file,
    text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

// dist/ is bundled from src/ whenever a source file is newer than the last bundle. The command
// line is one CommonJS file, dist/cli.cjs, which bin/motedok.js compiles with V8's code cache
// (what V8 compiled in the first run of a command is kept beside it): loading the build's
// modules took 0.25 s of every build without it, 0.1 s with it. The browser runs in a worker
// thread of its own, from dist/print-worker.js (src/pipeline/print/threaded.ts). Types are
// checked by `npm test`.
async function ensureBuilt() {
  const out = join(root, 'dist', 'cli.cjs');
  const newestSource = Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'package-lock.json')));
  if (existsSync(out) && existsSync(join(root, 'dist', 'print-worker.js')) && statSync(out).mtimeMs >= newestSource) return;
  say('bygger dist/cli.cjs …');
  const esbuild = await import('esbuild');
  // Built beside and swapped in whole: a motedok that is running keeps its files.
  const ny = join(root, 'dist.ny');
  const felles = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    // No comments or indentation: less to read and compile.
    minifyWhitespace: true,
    packages: 'bundle',
    // Read only when a sak has a table from an Excel file, when the site is searched, or when a
    // PDF's text is read: loaded from node_modules then (util/external.ts), so the bundle does not
    // carry their megabytes. pagefind starts its binary and pdfjs-dist its worker from files beside
    // their own modules: both must load from node_modules.
    external: ['exceljs', 'pagefind', 'pdfjs-dist'],
    logLevel: 'silent',
    plugins: [withoutDownloads],
  };
  try {
    rmSync(ny, { recursive: true, force: true });
    await esbuild.build({
      ...felles,
      entryPoints: [join(root, 'src', 'cli', 'main.ts')],
      outfile: join(ny, 'cli.cjs'),
      format: 'cjs',
      // With every character outside ASCII escaped (here and by asciiOnly), bin/motedok.js reads
      // the bundle as Latin-1, which it checks: decoding it as UTF-8 took 20 ms of every run.
      charset: 'ascii',
      // Every module has its own import.meta.url in src/; in the one file, the file's.
      define: { 'import.meta.url': '__motedok_url' },
      banner: { js: "var __motedok_url = require('node:url').pathToFileURL(__filename).href;" },
    });
    await esbuild.build({
      ...felles,
      entryPoints: [join(root, 'src', 'pipeline', 'print', 'print-worker.ts')],
      outfile: join(ny, 'print-worker.js'),
      format: 'esm',
      // A few dependencies still call require(); give the ES module bundle one.
      banner: { js: "import { createRequire as __motedokRequire } from 'node:module'; const require = __motedokRequire(import.meta.url);" },
    });
    asciiOnly(join(ny, 'cli.cjs'));
  } catch (error) {
    fail(`kunne ikke bygge motedok: ${error.message}`);
  }
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  renameSync(ny, join(root, 'dist'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  checkNode();
  ensureDependencies();
  ensureChromium();
  ensureHeadlessShell();
  ensureCommand();
  if (process.argv.includes('--test')) ensureTestTools();
  await ensureBuilt();
  say('alt er på plass.');
}
