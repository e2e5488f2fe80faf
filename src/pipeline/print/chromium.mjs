// Finding the system's Chromium. Plain JavaScript without dependencies, because the set-up
// script (scripts/oppsett.mjs) needs it before anything is installed or built; the program
// imports the same module (see chromium.d.mts for its types).
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The flags every headless Chromium here starts with: no sandbox (root in CI), no GPU, and none
 * of the background traffic a closed network refuses.
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);

const NAVN = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** True for an existing file this process may execute. */
export function isExecutable(fil) {
  try {
    accessSync(fil, constants.X_OK);
    return statSync(fil).isFile();
  } catch {
    return false;
  }
}

/** The system's Chromium or Chrome: MOTEDOK_CHROMIUM, PUPPETEER_EXECUTABLE_PATH or CHROME_PATH, else PATH. */
export function findChromium(env = process.env) {
  for (const navn of ['MOTEDOK_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH']) {
    const verdi = env[navn];
    if (verdi && isExecutable(verdi)) return verdi;
  }
  const mapper = [...(env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/bin', '/snap/bin'];
  for (const mappe of mapper) for (const navn of NAVN) if (isExecutable(join(mappe, navn))) return join(mappe, navn);
  return undefined;
}

/** Debian's chromium-headless-shell: the binary itself first (its /usr/bin entry is a shell script around it). */
const SHELL_STIER = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell'];
const SHELL_NAVN = ['chromium-headless-shell', 'chrome-headless-shell', 'headless_shell'];

/** Chromium's old headless mode, a separate smaller program: it starts and prints 3–4 times faster. */
export function findHeadlessShell(env = process.env, stier = SHELL_STIER) {
  for (const sti of stier) if (isExecutable(sti)) return sti;
  const mapper = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const mappe of mapper) for (const navn of SHELL_NAVN) if (isExecutable(join(mappe, navn))) return join(mappe, navn);
  return undefined;
}

const ER_SHELL = /(?:headless[-_]shell)$/;

/**
 * The browser to print with: the one named by MOTEDOK_CHROMIUM (or PUPPETEER_EXECUTABLE_PATH,
 * CHROME_PATH), else chromium-headless-shell when installed, else Chromium or Chrome.
 * `shell` says whether it is the headless shell, which Puppeteer starts as `headless: 'shell'`.
 */
export function findPrinter(env = process.env, shellStier = SHELL_STIER) {
  for (const navn of ['MOTEDOK_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH']) {
    const verdi = env[navn];
    if (verdi && isExecutable(verdi)) return { path: verdi, shell: ER_SHELL.test(verdi) };
  }
  const shell = findHeadlessShell(env, shellStier);
  if (shell) return { path: shell, shell: true };
  const chromium = findChromium(env);
  return chromium ? { path: chromium, shell: false } : undefined;
}
