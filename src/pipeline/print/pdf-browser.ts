/** Chromium could not be found or started, or failed to print: a problem of the machine, reported without a stack trace. */
export class BrowserError extends Error {}

/** A document could not be printed because Chromium crashed, was killed or hung (`hvorfor`). */
export function printFailed(hvorfor: string): BrowserError {
  return new BrowserError(
    `Chromium klarte ikke å skrive ut et dokument (${hvorfor}). Møtet som ble bygget, er ikke endret (møter som var ferdige før feilen, er skrevet); prøv igjen.`,
  );
}

export interface PrintJob {
  /** HTML of a complete document. */
  html: string;
  /** Folders the page may load files from (the meeting folder, templates, fonts). */
  tillatt: readonly string[];
  /** Lower goes first when documents wait for a tab (the meeting built first); equal ones in the order asked. */
  prioritet?: number;
}

/** What a build prints with: a sealed Chromium (browser.ts), in this thread or in a worker of its own (threaded.ts). */
export interface PdfBrowser {
  /** Prints one HTML document to PDF bytes. */
  pdf(utskrift: PrintJob): Promise<Uint8Array>;
  /** False once Chromium has quit, crashed or been killed. */
  readonly connected: boolean;
  /** Stops Chromium and removes what it left. */
  close(): Promise<void>;
}

/** The two flags the build's thread and the browser's worker share while Chromium starts (an Int32Array over a SharedArrayBuffer; threaded.ts). */
export const GATE = { exiting: 0, starting: 1 } as const;
