import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { findChromium } from '../../src/pipeline/print/browser.js';
import { CHROMIUM_ARGS } from '../../src/pipeline/print/chromium.mjs';

const TYPER: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.pdf': 'application/pdf',
  '.xml': 'application/atom+xml',
  '.ics': 'text/calendar',
  '.woff2': 'font/woff2',
};

/** Serves the published site as a web host would (the search needs fetch, which file:// does not give), on a free local port. */
export async function serveSite(nettsted: string): Promise<{ server: Server; adresse: string }> {
  const server = createServer((req, res) => {
    const fil = join(nettsted, normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname)));
    if (!fil.startsWith(nettsted) || !existsSync(fil) || statSync(fil).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPER[extname(fil)] ?? 'application/octet-stream' });
    createReadStream(fil).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, adresse: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The project's Chromium as a reader's browser: JavaScript on, as on the search page. */
export function startBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: findChromium()!, headless: true, args: [...CHROMIUM_ARGS] });
}
