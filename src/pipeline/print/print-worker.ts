import { parentPort, workerData } from 'node:worker_threads';
import { SealedBrowser } from './browser.js';
import { BrowserError, GATE, type PrintJob } from './pdf-browser.js';

/**
 * The sealed browser in a worker thread of its own (threaded.ts starts it): Chromium's messages,
 * its requests to load a file and the PDFs it sends are answered here at once, while the build's
 * thread loads modules, reads the meetings and composes PDFs.
 */

export type ToWorker = { type: 'pdf'; id: number; job: PrintJob };

export type FromWorker =
  | { type: 'started'; pid: number | undefined }
  | { type: 'failed'; message: string; browser: boolean }
  | { type: 'printed'; id: number; bytes: Uint8Array }
  | { type: 'refused'; id: number; message: string; browser: boolean }
  | { type: 'disconnected' };

const port = parentPort!;
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const failure = (error: unknown) => ({ message: (error as Error).message, browser: error instanceof BrowserError });

/** The PDF's memory is handed over, not copied, when the bytes have their buffer to themselves. */
function handOver(bytes: Uint8Array): ArrayBuffer[] {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? [buffer] : [];
}

function serve(browser: SealedBrowser): void {
  browser.onDisconnect(() => send({ type: 'disconnected' }));
  port.on('message', ({ id, job }: ToWorker) => {
    browser.pdf(job).then(
      (bytes) => send({ type: 'printed', id, bytes }, handOver(bytes)),
      (error) => send({ type: 'refused', id, ...failure(error) }),
    );
  });
  send({ type: 'started', pid: browser.pid });
}

const { sider, temp, gate } = workerData as { sider: number; temp: string; gate: Int32Array };
// Starting: the exiting thread waits until Chromium has started (or not) before it kills it by its
// folder (threaded.ts); once that thread is exiting, no Chromium is started.
Atomics.store(gate, GATE.starting, 1);
if (Atomics.load(gate, GATE.exiting) === 0) {
  SealedBrowser.start(sider, temp)
    .finally(() => {
      Atomics.store(gate, GATE.starting, 0);
      Atomics.notify(gate, GATE.starting);
    })
    .then(serve, (error) => send({ type: 'failed', ...failure(error) }));
}
