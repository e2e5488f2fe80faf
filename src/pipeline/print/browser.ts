import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type CDPSession, type LaunchOptions, type Protocol, type Target } from 'puppeteer-core';
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

/**
 * A tab, driven over its own DevTools session rather than through puppeteer's Page: a Page
 * follows every request, response and frame of its document (the Network domain, its lifecycle
 * watchers), and that bookkeeping cost more processor time, in this process and in Chromium's,
 * than printing needs (0.9 s in a cold build of a year). `jobb`: what the document printed now
 * may load: the document itself, and files in the allowed folders (real paths).
 */
interface Tab {
  session: CDPSession;
  mainFrame: string;
  jobb?: { dokument: string; tillatt: string[] };
}

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
function mayLoad(request: Paused, tab: Tab): boolean {
  const { url } = request.request;
  const navigation = request.resourceType === 'Document';
  if (url.startsWith('data:')) return !navigation;
  const jobb = tab.jobb;
  if (!url.startsWith('file:') || !jobb) return false;
  const file = realPath(fileURLToPath(url));
  if (navigation) return request.frameId === tab.mainFrame && file === jobb.dokument;
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

/** As puppeteer's page.pdf asks for it with our options: the page's CSS decides its size and margins. */
const PRINT: Protocol.Page.PrintToPDFRequest = {
  landscape: false,
  displayHeaderFooter: false,
  headerTemplate: '',
  footerTemplate: '',
  printBackground: true,
  scale: 1,
  paperWidth: 8.5,
  paperHeight: 11,
  marginTop: 0,
  marginBottom: 0,
  marginLeft: 0,
  marginRight: 0,
  pageRanges: '',
  preferCSSPageSize: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
  transferMode: 'ReturnAsBase64',
};

class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * Resolves when the tab's session sends `event` (never, without one), and fails when the tab
 * crashes, Chromium ends, or `ms` pass.
 */
function untilEvent(browser: Browser, session: CDPSession, event: 'Page.loadEventFired' | undefined, ms: number) {
  let cancel = () => {};
  const promise = new Promise<void>((resolve, reject) => {
    const done = () => {
      cancel();
      resolve();
    };
    const crashed = () => {
      cancel();
      reject(new Error('Target closed: the tab crashed'));
    };
    const closed = () => {
      cancel();
      reject(new Error('Target closed'));
    };
    const timer = setTimeout(() => {
      cancel();
      reject(new TimeoutError(`timed out after ${ms} ms`));
    }, ms);
    if (event) session.on(event, done);
    session.on('Inspector.targetCrashed', crashed);
    browser.on('disconnected', closed);
    cancel = () => {
      clearTimeout(timer);
      if (event) session.off(event, done);
      session.off('Inspector.targetCrashed', crashed);
      browser.off('disconnected', closed);
    };
  });
  promise.catch(() => undefined);
  return { promise, cancel: () => cancel() };
}

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
  private ledige: Tab[] = [];
  private ventende: { prioritet: number; gi: (tab: Tab) => void }[] = [];
  private teller = 0;
  /** Tabs made. */
  private faner = 0;
  private closing = false;
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
      const forste = browser.targets().find((target) => target.type() === 'page');
      const nettleser = new SealedBrowser(browser, temp, Math.max(1, sider));
      process.removeListener('exit', ryddOpp);
      const tab = await nettleser.seal(forste ?? (await nettleser.newTarget()));
      nettleser.apnet = 1;
      nettleser.ledige.push(tab);
      return nettleser;
    } catch (error) {
      killChromium(browser);
      ryddOpp();
      process.removeListener('exit', ryddOpp);
      throw new BrowserError(`Chromium startet, men kunne ikke åpne en side (${reason(error, grense)}).`);
    }
  }

  /** A new tab, found by an address of its own (puppeteer names targets by no public id). */
  private async newTarget(): Promise<Target> {
    const url = `about:blank#motedok-${++this.faner}`;
    const session = await this.browser.target().createCDPSession();
    try {
      await session.send('Target.createTarget', { url });
      return await this.browser.waitForTarget((target) => target.url() === url, { timeout: timeLimit() / 2 });
    } finally {
      await session.detach().catch(() => undefined);
    }
  }

  /** The tab's own session: scripts off, and every request held for mayLoad. */
  private async seal(target: Target): Promise<Tab> {
    const session = await target.createCDPSession();
    await session.send('Page.enable');
    await session.send('Emulation.setScriptExecutionDisabled', { value: true });
    const { frameTree } = await session.send('Page.getFrameTree');
    const tab: Tab = { session, mainFrame: frameTree.frame.id };
    session.on('Fetch.requestPaused', (paused: Paused) => {
      const { url } = paused.request;
      this.forespurt.push(url);
      if (mayLoad(paused, tab)) {
        session.send('Fetch.continueRequest', { requestId: paused.requestId }).catch(() => undefined);
        return;
      }
      this.blokkert.push({ url });
      session.send('Fetch.failRequest', { requestId: paused.requestId, errorReason: 'BlockedByClient' }).catch(() => undefined);
    });
    await session.send('Fetch.enable', { patterns: HELD });
    return tab;
  }

  private async borrowTab(prioritet: number): Promise<Tab> {
    const tab = this.ledige.pop();
    if (tab) return tab;
    if (this.apnet < this.sider) return this.openTab();
    return new Promise((gi) => {
      const at = this.ventende.findIndex((v) => v.prioritet > prioritet);
      this.ventende.splice(at === -1 ? this.ventende.length : at, 0, { prioritet, gi });
    });
  }

  private async openTab(): Promise<Tab> {
    this.apnet++;
    try {
      return await this.seal(await this.newTarget());
    } catch (error) {
      this.apnet--;
      throw this.failed(error);
    }
  }

  /** Chromium crashed, was killed or hung (printing, or opening a page to print on): a problem of the machine, not of the content. */
  private failed(error: unknown): BrowserError {
    return printFailed(this.browser.connected ? reason(error, timeLimit()) : 'nettleseren ble avsluttet');
  }

  private returnTab(tab: Tab): void {
    const next = this.ventende.shift();
    if (next) next.gi(tab);
    else this.ledige.push(tab);
  }

  /** Prints one HTML document to PDF bytes. */
  async pdf(utskrift: PrintJob): Promise<Uint8Array> {
    const tab = await this.borrowTab(utskrift.prioritet ?? 0);
    const file = join(this.temp, `dokument-${++this.teller}.html`);
    try {
      writeFileSync(file, utskrift.html);
      keepCopy(utskrift.html, this.teller);
      tab.jobb = { dokument: realPath(file), tillatt: utskrift.tillatt.map(realPath) };
      const grense = timeLimit();
      const lastet = untilEvent(this.browser, tab.session, 'Page.loadEventFired', grense / 2);
      const { errorText } = await tab.session.send('Page.navigate', { url: pathToFileURL(file).href });
      if (errorText) {
        lastet.cancel();
        throw new Error(errorText);
      }
      await lastet.promise;
      // The load event does not wait for fonts that layout asked for.
      await tab.session
        .send('Runtime.evaluate', { expression: 'document.fonts.ready.then(() => true)', awaitPromise: true })
        .catch(() => undefined);
      const skrevet = untilEvent(this.browser, tab.session, undefined, grense);
      const { data } = await Promise.race([tab.session.send('Page.printToPDF', PRINT), skrevet.promise as Promise<never>]).finally(
        skrevet.cancel,
      );
      return Buffer.from(data, 'base64');
    } catch (error) {
      throw this.failed(error);
    } finally {
      rmSync(file, { force: true });
      this.returnTab(tab);
    }
  }

  /** False once Chromium has quit, crashed or been killed, and once close() is called (its pipe may close a moment later). */
  get connected(): boolean {
    return !this.closing && this.browser.connected;
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
    this.closing = true;
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
