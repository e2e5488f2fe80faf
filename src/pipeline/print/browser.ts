import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type LaunchOptions, type Page, type Protocol } from 'puppeteer-core';
import { isInside } from '../../util/paths.js';
import { CHROMIUM_ARGS, findChromium, findPrinter, isExecutable } from './chromium.mjs';
import { endChromium, killGroup, makeTemp, removeLeftovers, removeTemp } from './cleanup.js';
import { BrowserError, type PdfBrowser, type PrintJob, printFailed } from './pdf-browser.js';

export { BrowserError, findChromium, findPrinter, type PrintJob };

/**
 * MOTEDOK_KEEP_HTML names a folder that gets a copy of every HTML document printed, for
 * `npm run bench` to print the same documents on their own (its floor). What they load is named
 * by absolute file: URLs, so the copies load the same files wherever they are.
 */
function keepCopy(html: string, number: number): void {
  const folder = process.env.MOTEDOK_KEEP_HTML;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${process.pid}-${String(number).padStart(5, '0')}.html`), html);
}

/**
 * How long Chromium may take over one document before it counts as hanging: MOTEDOK_TIDSGRENSE
 * seconds, 120 by default. A hung browser then ends the build with a message, not a wait.
 */
function timeLimit(): number {
  const sekunder = Number(process.env.MOTEDOK_TIDSGRENSE);
  return Number.isFinite(sekunder) && sekunder > 0 ? sekunder * 1000 : 120_000;
}

/** Why a call to Chromium failed, in Norwegian where we know the reason. */
function reason(error: unknown, grense: number): string {
  const message = (error as Error).message.split('\n')[0] ?? '';
  if ((error as Error).name === 'TimeoutError' || /timed out|timeout/i.test(message))
    return `nettleseren svarte ikke; tidsgrensen er ${Math.round(grense / 1000)} sekunder`;
  if (/Failed to launch the browser process|Target closed|Connection closed|socket hang up|ECONNRESET|ECONNREFUSED/i.test(message))
    return 'nettleseren ble avsluttet';
  return message;
}

/**
 * How Chromium is started: headless, over a pipe, signals left to the command line, and its
 * profile and temporary files (TMPDIR) in our temporary folder, which the exit listener removes.
 */
function launchOptions(executablePath: string, temp: string, grense: number, shell: boolean): LaunchOptions {
  return {
    executablePath,
    userDataDir: join(temp, 'profil'),
    env: { ...process.env, TMPDIR: temp },
    // chromium-headless-shell is Chromium's old headless mode, started as such.
    headless: shell ? 'shell' : true,
    // Talk to Chromium over a pipe, not a socket: when motedok dies, even by kill -9, the
    // pipe closes and Chromium quits with it instead of staying behind.
    pipe: true,
    timeout: Math.min(30_000, grense),
    // The command line decides what Ctrl-C does (exit 130); the exit listener closes Chromium.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    protocolTimeout: grense / 2,
    args: [...CHROMIUM_ARGS, '--disable-extensions', '--disable-dev-shm-usage'],
  };
}

/**
 * Kills Chromium with its renderers at once: puppeteer starts it as the leader of its own process
 * group, so the group gets the signal, and none of them goes on writing to the profile.
 */
function killChromium(browser: Browser): void {
  const chromium = browser.process();
  if (!chromium?.pid || chromium.exitCode !== null) return;
  killGroup(chromium.pid);
}

/** A page with what the document it prints may load: the document itself, and files in the allowed folders (real paths). */
type SealedPage = Page & { motedokJobb?: { dokument: string; tillatt: string[] } };

/** The path with links followed, or as it is when it does not exist (it then loads nothing either). */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** What a page may load (besides data: URLs), by the browser's resource types: images, styles and fonts. */
const LOADS = new Set<Protocol.Network.ResourceType>(['Image', 'Stylesheet', 'Font']);

/** A request the browser holds until we answer. */
type Paused = Protocol.Fetch.RequestPausedEvent;

/**
 * Whether a page may make a request: its own document, and images, styles and fonts whose real
 * path (links followed) is inside an allowed folder. Frames, objects, embeds, navigation away and
 * everything on the network are refused, so no file on the machine can be shown in a document.
 */
function mayLoad(request: Paused, page: SealedPage, mainFrame: string): boolean {
  const { url } = request.request;
  const navigation = request.resourceType === 'Document';
  if (url.startsWith('data:')) return !navigation;
  const jobb = page.motedokJobb;
  if (!url.startsWith('file:') || !jobb) return false;
  const file = realPath(fileURLToPath(url));
  if (navigation) return request.frameId === mainFrame && file === jobb.dokument;
  return LOADS.has(request.resourceType) && jobb.tillatt.some((folder) => isInside(folder, file));
}

/**
 * Every resource type but Font that the browser's request filter knows; what it cannot name
 * (text tracks, prefetches, manifests) is never drawn on a page, and arrives as Other when it is.
 */
const HELD_TYPES: Protocol.Network.ResourceType[] = [
  'Document',
  'Stylesheet',
  'Image',
  'Media',
  'Script',
  'XHR',
  'Fetch',
  'EventSource',
  'Ping',
  'CSPViolationReport',
  'Other',
];
/**
 * The requests held for mayLoad: all of them, except fonts from files. A font file can change
 * only the shapes of letters, never put a file's text in the document, and each document asks
 * for eight of them: answering each from here kept the browser waiting whenever this process
 * was busy (a tenth of the printing time). Fonts from the network are still held, and refused.
 */
const HELD: Protocol.Fetch.RequestPattern[] = [
  ...HELD_TYPES.map((resourceType) => ({ urlPattern: '*', resourceType })),
  ...['http*', 'ws*', 'ftp*', 'blob*', 'filesystem*', 'chrome*'].map((urlPattern) => ({ urlPattern, resourceType: 'Font' as const })),
];

/** What the browser tried to load and was refused: for tests and for the curious. */
export interface Blocked {
  url: string;
}

/**
 * One Chromium for a whole run, with a small pool of pages. Pages are sealed: JavaScript off,
 * and every request refused except file:// URLs inside the allowed folders. It starts with the
 * page Chromium opens, and opens another (up to `sider`) when a document waits for one: an edit
 * that prints one document does not pay for a second renderer.
 */
export class SealedBrowser implements PdfBrowser {
  readonly blokkert: Blocked[] = [];
  /** Every URL a page asked for, allowed or not, in order. */
  readonly forespurt: string[] = [];
  private ledige: Page[] = [];
  private ventende: { prioritet: number; gi: (page: Page) => void }[] = [];
  private teller = 0;
  /** Pages opened (or being opened). */
  private apnet = 0;

  private readonly ryddOpp = () => removeTemp(this.temp);
  /** On any exit (Ctrl-C included, see cli.ts): no Chromium left behind, no temporary HTML, no profile. */
  private readonly vedAvslutning = () => {
    killChromium(this.browser);
    this.ryddOpp();
  };

  private constructor(
    private readonly browser: Browser,
    /** The temporary folder: the HTML being printed, and Chromium's profile. */
    private readonly temp: string,
    /** At most this many pages print at once. */
    private readonly sider: number,
  ) {
    process.once('exit', this.vedAvslutning);
  }

  /** `temp`: the temporary folder to use (cleanup.ts makeTemp), when the caller must be able to remove it too; one of its own otherwise. */
  static async start(sider = 2, folder?: string): Promise<SealedBrowser> {
    const valgt = process.env.MOTEDOK_CHROMIUM;
    if (valgt && !isExecutable(valgt)) {
      throw new BrowserError(
        `MOTEDOK_CHROMIUM=${valgt} er ikke en kjørbar fil; sett den til Chromium eller Chrome (for eksempel /usr/bin/chromium), eller fjern den.`,
      );
    }
    const printer = findPrinter();
    const executablePath = printer?.path;
    if (!printer || !executablePath) {
      throw new BrowserError(
        'fant ingen Chromium eller Chrome. Kjør «npm start» (installerer Chromium som root), installer med «sudo apt-get install chromium», eller sett MOTEDOK_CHROMIUM=/sti/til/chrome.',
      );
    }
    let browser: Browser;
    const grense = timeLimit();
    // Chromium's profile goes in our own temporary folder, which an exit removes even while Chromium starts.
    removeLeftovers();
    const temp = folder ?? makeTemp();
    // While it starts there is no handle to close it by: a Chromium still writing its profile is
    // found by that folder on its command line and killed first, so the folder can go.
    const ryddOpp = () => endChromium(temp);
    process.once('exit', ryddOpp);
    try {
      browser = await puppeteer.launch(launchOptions(executablePath, temp, grense, printer.shell));
    } catch (error) {
      ryddOpp();
      process.removeListener('exit', ryddOpp);
      throw new BrowserError(`kunne ikke starte ${executablePath}: ${reason(error, Math.min(30_000, grense))}.`);
    }
    try {
      const [forste] = await browser.pages();
      const nettleser = new SealedBrowser(browser, temp, Math.max(1, sider));
      process.removeListener('exit', ryddOpp);
      const page = forste ?? (await browser.newPage());
      await nettleser.seal(page);
      nettleser.apnet = 1;
      nettleser.ledige.push(page);
      return nettleser;
    } catch (error) {
      killChromium(browser);
      ryddOpp();
      process.removeListener('exit', ryddOpp);
      throw new BrowserError(`Chromium startet, men kunne ikke åpne en side (${reason(error, grense)}).`);
    }
  }

  private async seal(page: Page): Promise<void> {
    await page.setJavaScriptEnabled(false);
    const session = await page.createCDPSession();
    const { frameTree } = await session.send('Page.getFrameTree');
    session.on('Fetch.requestPaused', (paused: Paused) => {
      const { url } = paused.request;
      this.forespurt.push(url);
      if (mayLoad(paused, page, frameTree.frame.id)) {
        session.send('Fetch.continueRequest', { requestId: paused.requestId }).catch(() => undefined);
        return;
      }
      this.blokkert.push({ url });
      session.send('Fetch.failRequest', { requestId: paused.requestId, errorReason: 'BlockedByClient' }).catch(() => undefined);
    });
    await session.send('Fetch.enable', { patterns: HELD });
  }

  private async borrowPage(prioritet: number): Promise<Page> {
    const page = this.ledige.pop();
    if (page) return page;
    if (this.apnet < this.sider) return this.openPage();
    return new Promise((gi) => {
      const at = this.ventende.findIndex((v) => v.prioritet > prioritet);
      this.ventende.splice(at === -1 ? this.ventende.length : at, 0, { prioritet, gi });
    });
  }

  private async openPage(): Promise<Page> {
    this.apnet++;
    try {
      const page = await this.browser.newPage();
      await this.seal(page);
      return page;
    } catch (error) {
      this.apnet--;
      throw this.failed(error);
    }
  }

  /** Chromium crashed, was killed or hung (printing, or opening a page to print on): a problem of the machine, not of the content. */
  private failed(error: unknown): BrowserError {
    return printFailed(this.browser.connected ? reason(error, timeLimit()) : 'nettleseren ble avsluttet');
  }

  private returnPage(page: Page): void {
    const next = this.ventende.shift();
    if (next) next.gi(page);
    else this.ledige.push(page);
  }

  /** Prints one HTML document to PDF bytes. */
  async pdf(utskrift: PrintJob): Promise<Uint8Array> {
    const page = await this.borrowPage(utskrift.prioritet ?? 0);
    const file = join(this.temp, `dokument-${++this.teller}.html`);
    try {
      writeFileSync(file, utskrift.html);
      keepCopy(utskrift.html, this.teller);
      (page as SealedPage).motedokJobb = { dokument: realPath(file), tillatt: utskrift.tillatt.map(realPath) };
      const grense = timeLimit();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: grense / 2 });
      await page.evaluateHandle('document.fonts.ready').catch(() => undefined);
      return await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, timeout: grense });
    } catch (error) {
      throw this.failed(error);
    } finally {
      rmSync(file, { force: true });
      this.returnPage(page);
    }
  }

  /** False once Chromium has quit, crashed or been killed. */
  get connected(): boolean {
    return this.browser.connected;
  }

  /** Chromium's process id (the leader of its process group). */
  get pid(): number | undefined {
    return this.browser.process()?.pid;
  }

  /** Calls `then` once Chromium has quit, crashed or been killed. */
  onDisconnect(then: () => void): void {
    this.browser.once('disconnected', then);
  }

  /**
   * Stops Chromium with its renderers at once: nothing of it is kept (the profile is removed), so
   * it need not be asked to shut down, which took 70–90 ms of every build.
   */
  async close(): Promise<void> {
    const chromium = this.browser.process();
    const ended =
      chromium && chromium.exitCode === null && chromium.signalCode === null
        ? new Promise((resolve) => chromium.once('exit', resolve))
        : Promise.resolve();
    try {
      killChromium(this.browser);
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    } finally {
      // Only now: Chromium writes to its profile until it has quit.
      this.ryddOpp();
      process.removeListener('exit', this.vedAvslutning);
    }
  }
}
