import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PACKAGE_DIR } from '../../util/package.js';
import { endChromium, makeTemp } from './cleanup.js';
import { BrowserError, GATE, type PdfBrowser, type PrintJob, printFailed } from './pdf-browser.js';
import type { FromWorker, ToWorker } from './print-worker.js';

/**
 * The browser a build prints with. From the bundle (dist/, what the `motedok` command runs) it
 * lives in a worker thread (print-worker.ts): while this thread is busy (loading the build's
 * modules, reading the meetings, composing a PDF) nothing answered Chromium, and its start, each
 * of its requests for a file and each PDF it sent waited. An edit of one sak spent 0.5–0.8 s
 * waiting for a browser that starts in 0.25 s on its own.
 */

const WORKER = join(PACKAGE_DIR, 'dist', 'print-worker.js');

/** From src/ (the tests) the worker's file would be the last bundle's code, not this: print in this thread. */
const fromBundle = fileURLToPath(import.meta.url).startsWith(join(PACKAGE_DIR, 'dist') + sep);

/** A sealed browser with `sider` tabs, in a worker thread when running from the bundle. */
export async function startBrowser(sider: number): Promise<PdfBrowser> {
  if (fromBundle && existsSync(WORKER)) return ThreadedBrowser.start(sider);
  const { SealedBrowser } = await import('./browser.js');
  return SealedBrowser.start(sider);
}

/** What waits for a worker that is gone is told that the browser ended. */
const gone = () => printFailed('nettleseren ble avsluttet');

class ThreadedBrowser implements PdfBrowser {
  private readonly jobs = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
  private teller = 0;
  private open = true;

  private constructor(
    private readonly worker: Worker,
    /** Kills Chromium and removes its folder if this process exits with it running. */
    private readonly vedAvslutning: () => void,
  ) {}

  static start(sider: number): Promise<ThreadedBrowser> {
    const temp = makeTemp();
    let pid: number | undefined;
    const gate = new Int32Array(new SharedArrayBuffer(8));
    // Until Chromium has told its process id, it is found by its profile folder: the worker is
    // told to start none, and one it is starting is waited for (at most 5 s), or it would be
    // forked after the search and live on.
    const vedAvslutning = () => {
      Atomics.store(gate, GATE.exiting, 1);
      if (!pid) Atomics.wait(gate, GATE.starting, 1, 5000);
      endChromium(temp, pid);
    };
    process.once('exit', vedAvslutning);
    const worker = new Worker(WORKER, { workerData: { sider, temp, gate } });
    const browser = new ThreadedBrowser(worker, vedAvslutning);
    return new Promise((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'started') {
          pid = message.pid;
          resolve(browser);
        } else if (message.type === 'failed') {
          browser.end();
          reject(message.browser ? new BrowserError(message.message) : new Error(message.message));
        } else browser.receive(message);
      });
      worker.on('error', (error) => reject(new BrowserError(`kunne ikke starte utskriften (${error.message}).`)));
      worker.on('exit', () => {
        reject(new BrowserError('kunne ikke starte utskriften (tråden for nettleseren ble avsluttet).'));
        browser.end();
      });
    });
  }

  get connected(): boolean {
    return this.open;
  }

  pdf(job: PrintJob): Promise<Uint8Array> {
    if (!this.open) return Promise.reject(gone());
    const id = ++this.teller;
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'pdf', id, job } satisfies ToWorker);
    });
  }

  /**
   * Kills Chromium with its renderers and removes its folder from here, without asking the worker
   * (which took a round trip and a wait for Chromium's exit, 35–60 ms of every build): nothing of
   * it is kept, and once killed it writes nothing more.
   */
  async close(): Promise<void> {
    this.end();
    await this.worker.terminate();
  }

  private receive(message: FromWorker): void {
    if (message.type === 'disconnected') {
      this.open = false;
      return;
    }
    if (message.type !== 'printed' && message.type !== 'refused') return;
    const job = this.jobs.get(message.id);
    this.jobs.delete(message.id);
    if (message.type === 'printed') job?.resolve(message.bytes);
    else job?.reject(message.browser ? new BrowserError(message.message) : new Error(message.message));
  }

  /** The worker is gone or going: what waits for it fails, and Chromium is not left behind. */
  private end(): void {
    this.open = false;
    for (const job of this.jobs.values()) job.reject(gone());
    this.jobs.clear();
    if (process.listeners('exit').includes(this.vedAvslutning)) {
      process.removeListener('exit', this.vedAvslutning);
      this.vedAvslutning();
    }
    void this.worker.terminate();
  }
}
