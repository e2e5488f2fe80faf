import { availableParallelism } from 'node:os';
import { SealedBrowser } from '../pipeline/print/browser.js';

/**
 * Starts the browser a build prints with: one tab per core, since printing is bound by the
 * processor. Its own module, so that the command line can start it before it loads the rest of
 * the build (pdf-lib, the Markdown stack): Chromium starts while they load.
 */
export function startPrinter(): Promise<SealedBrowser> {
  const browser = SealedBrowser.start(Math.max(2, availableParallelism()));
  // Awaited where it is used; a browser that cannot start is reported there.
  browser.catch(() => undefined);
  return browser;
}
