import { availableParallelism } from 'node:os';
import type { PdfBrowser } from '../pipeline/print/pdf-browser.js';
import { startBrowser } from '../pipeline/print/threaded.js';

/** Whether builds leave their browser open for the next one (keepPrinterOpen), and the one left open. */
let keeping = false;
let kept: { browser: PdfBrowser; valg: string } | undefined;

/** What the environment says about the browser (which one, its time limit): a kept browser is used only while it says the same. */
const chosen = () => `${process.env.MOTEDOK_CHROMIUM ?? ''}\u0000${process.env.MOTEDOK_TIDSGRENSE ?? ''}`;

/**
 * Starts the browser a build prints with: one tab per core, since printing is bound by the
 * processor. Its own module, so that the command line can start it before it loads the rest of
 * the build (pdf-lib, the Markdown stack): Chromium starts while they load.
 */
export function startPrinter(): Promise<PdfBrowser> {
  if (kept?.browser.connected && kept.valg === chosen()) return Promise.resolve(kept.browser);
  const browser = startBrowser(Math.max(2, availableParallelism()));
  // Awaited where it is used; a browser that cannot start is reported there.
  browser.catch(() => undefined);
  if (keeping) {
    const valg = chosen();
    kept = undefined;
    browser.then(
      (started) => {
        kept = { browser: started, valg };
      },
      () => undefined,
    );
  }
  return browser;
}

/**
 * For a process that runs many builds one after another (the test suite): the builds share one
 * browser, started by the first and left open by each, and a new one replaces it when it has
 * died. Chromium ends with the process (the browser's exit listener, and its pipe).
 */
export function keepPrinterOpen(): void {
  keeping = true;
}

/** Ends a build's use of its browser: closed, unless it is the one kept open. */
export async function releasePrinter(browser: Promise<PdfBrowser> | undefined): Promise<void> {
  const started = await browser?.catch(() => undefined);
  if (started && started !== kept?.browser) await started.close();
}
