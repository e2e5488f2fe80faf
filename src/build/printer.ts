import { availableParallelism } from 'node:os';
import { SealedBrowser } from '../pipeline/print/browser.js';

/**
 * Starts the browser a build prints with: one tab per core, since printing is bound by the
 * processor. Its own module, so that the command line can start it before it loads the rest of
 * the build (pdf-lib, the Markdown stack): Chromium starts while they load.
 */
export function startPrinter(): Promise<SealedBrowser> {
  if (kept?.alive && kept.browser.connected && kept.valg === chosen()) return Promise.resolve(kept.browser);
  const browser = SealedBrowser.start(Math.max(2, availableParallelism()));
  // Awaited where it is used; a browser that cannot start is reported there.
  browser.catch(() => undefined);
  if (kept) {
    kept.alive = false;
    const valg = chosen();
    browser.then(
      (b) => {
        if (kept) kept = { browser: b, alive: true, valg };
      },
      () => undefined,
    );
  }
  return browser;
}

/** The browser kept open between builds (keepPrinterOpen), while it is alive. */
let kept: { browser: SealedBrowser; alive: boolean; valg: string } | undefined;

/** What the environment says about the browser (which one, its time limit): a kept browser is used only while it says the same. */
const chosen = () => `${process.env.MOTEDOK_CHROMIUM ?? ''}\u0000${process.env.MOTEDOK_TIDSGRENSE ?? ''}`;

/**
 * For a process that runs many builds one after another (the test suite): the builds share one
 * browser, started by the first, left open by each, and replaced when it has died. Chromium
 * ends with the process (SealedBrowser's exit listener).
 */
export function keepPrinterOpen(): void {
  kept ??= { browser: undefined as unknown as SealedBrowser, alive: false, valg: '' };
}

/** Ends a build's use of its browser: closed, unless it is the one kept open. */
export async function releasePrinter(browser: Promise<SealedBrowser> | undefined): Promise<void> {
  const started = await browser?.catch(() => undefined);
  if (!started) return;
  if (kept?.browser === started) {
    if (!started.connected) kept.alive = false;
    return;
  }
  await started.close();
}
