import { existsSync, statSync } from 'node:fs';
import { createServer, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMoter } from '../build/load.js';
import { type Plan, planDocuments } from '../build/plan.js';
import { allowedFiles } from '../build/tools.js';
import { type Diagnostic, formatDiagnostic } from '../domain/diagnostics.js';
import { UsageError } from '../domain/errors.js';
import type { Mote } from '../domain/types.js';
import { findProjectRoot, isMotemappe, ORGANISASJON_FIL } from '../pipeline/load/project.js';
import type { Templates } from '../pipeline/render/templates.js';
import { isLocalHost, readAllowedFile, realRoots } from './access.js';
import { type WatchTarget, watchFolders } from './watcher.js';

/**
 * `motedok watch <møtemappe>`: the meeting's documents as HTML on localhost, made by the same
 * templates and print stylesheet as the PDFs, reloaded in the open page when a file is saved.
 * Only here does a page get a script (a few lines listening for «endret» on /hendelser); the
 * PDFs are still printed with JavaScript off.
 */

export interface Preview {
  url: string;
  /** The diagnostics of the latest load, for the terminal. */
  diagnostics: Diagnostic[];
  close(): Promise<void>;
}

interface State {
  mote?: Mote;
  maler?: Templates;
  diagnostics: Diagnostic[];
  /** Document name (`innkalling`, `sak-13-25`) → template and data. */
  dokumenter: Map<string, Pick<Plan, 'mal' | 'data'>>;
  /** Real paths (links resolved) of the folders and files pages may load. */
  tillatt: string[];
}

const RELOAD = `<script>new EventSource('/hendelser').addEventListener('endret', () => location.reload());</script>`;

/** On screen, the page as an A4 sheet with the print margins, so lines break as in the PDF (page breaks are only in the PDF). */
const SKJERM = `<style>@media screen { html { background: #e6e8eb; } body { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 24mm 20mm 20mm 22mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25); } }</style>`;

const TYPER: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Pages load fonts, images and the logo as file: URLs; here they come through /fil, and only from the allowed folders. */
function toHttp(html: string): string {
  return html.replace(/file:\/\/[^"')\s]+/g, (url) => `/fil?sti=${encodeURIComponent(fileURLToPath(url.replace(/&amp;/g, '&')))}`);
}

function page(tittel: string, content: string): string {
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${escapeHtml(tittel)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
.feil{color:#a4262c}.advarsel{color:#8a5a00}pre{white-space:pre-wrap}</style></head>
<body>${content}${RELOAD}</body></html>`;
}

async function last(folder: string): Promise<State> {
  const result = await loadMoter([folder]);
  const mote = result.moter.find((m) => m.dir === folder);
  const tilstand: State = { diagnostics: result.diagnostics, dokumenter: new Map(), tillatt: [] };
  if (!mote || result.diagnostics.some((d) => d.severity === 'feil')) return tilstand;
  // The templates come with the meetings, checked like `check` checks them: a missing `maler:`
  // folder or a template that does not parse is an error in the page, never the built-in ones instead.
  if (!result.maler) return tilstand;
  tilstand.maler = result.maler;
  tilstand.mote = mote;
  for (const plan of planDocuments(mote, '/')) tilstand.dokumenter.set(basename(plan.file, '.pdf'), { mal: plan.mal, data: plan.data });
  tilstand.tillatt = realRoots(allowedFiles([mote], tilstand.maler));
  return tilstand;
}

function errorPage(t: State, folder: string): string {
  const lines = t.diagnostics.map((d) => `<li class="${d.severity}">${escapeHtml(formatDiagnostic(d, dirname(folder)))}</li>`).join('\n');
  return page(
    'Feil i møtet',
    `<h1>Møtet har feil</h1><p>Rett feilene og lagre filen; siden lastes inn på nytt av seg selv.</p><ul>${lines}</ul>`,
  );
}

function indexPage(t: State, folder: string): string {
  const lenker = [...t.dokumenter]
    .map(([name, d]) => `<li><a href="/${encodeURIComponent(name)}">${escapeHtml(d.data.tittel)}</a></li>`)
    .join('\n');
  const warnings = t.diagnostics.length
    ? `<h2>Advarsler</h2><ul>${t.diagnostics.map((d) => `<li class="${d.severity}">${escapeHtml(formatDiagnostic(d, dirname(folder)))}</li>`).join('')}</ul>`
    : '';
  return page(`Forhåndsvisning ${basename(folder)}`, `<h1>${escapeHtml(basename(folder))}</h1><ul>${lenker}</ul>${warnings}`);
}

/** The document name in a path; a malformed escape (`/%E0`) names no document rather than throwing. */
function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname.slice(1));
  } catch {
    return '';
  }
}

type Underveis = (t: { diagnostics: Diagnostic[] }) => void;

export async function startPreview(
  folderArg: string,
  options: { port?: number; cwd?: string; underveis?: Underveis } = {},
): Promise<Preview> {
  const folder = resolve(options.cwd ?? process.cwd(), folderArg);
  checkMeetingFolder(folder, folderArg);
  let tilstand = await last(folder);
  const lyttere = new Set<ServerResponse>();
  const server = createServer(handleRequest(() => tilstand, folder, lyttere));
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const vakt = watchMeeting(
    folder,
    () => tilstand,
    async () => {
      tilstand = await last(folder);
      options.underveis?.({ diagnostics: tilstand.diagnostics });
      for (const res of lyttere) res.write('event: endret\ndata: 1\n\n');
    },
  );
  return {
    url,
    get diagnostics() {
      return tilstand.diagnostics;
    },
    close: async () => {
      vakt.close();
      for (const res of lyttere) res.end();
      lyttere.clear();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

function checkMeetingFolder(folder: string, folderArg: string): void {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`fant ikke mappen «${folderArg}».`);
  if (!isMotemappe(folder))
    throw new UsageError(`«${folderArg}» er ikke en møtemappe (ingen mote.yaml); oppgi én møtemappe, for eksempel cases/2025-05-22-ssu.`);
}

/** The pages: the event stream that reloads them, the files they show, and the documents (or the errors). */
function handleRequest(tilstand: () => State, folder: string, lyttere: Set<ServerResponse>): RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const svar = (status: number, type: string, content: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(content);
    };
    if (!isLocalHost(req.headers.host))
      return svar(421, 'text/plain; charset=utf-8', 'forhåndsvisningen svarer bare på localhost og 127.0.0.1');
    if (url.pathname === '/hendelser') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': motedok\n\n');
      lyttere.add(res);
      req.on('close', () => lyttere.delete(res));
      return;
    }
    const t = tilstand();
    if (url.pathname === '/fil') {
      const file = url.searchParams.get('sti') ?? '';
      const content = readAllowedFile(file, t.tillatt);
      if (!content) return svar(404, 'text/plain; charset=utf-8', 'finnes ikke');
      return svar(200, TYPER[extname(file).toLowerCase()] ?? 'application/octet-stream', content);
    }
    if (!t.mote || !t.maler) return svar(200, 'text/html; charset=utf-8', errorPage(t, folder));
    if (url.pathname === '/') return svar(200, 'text/html; charset=utf-8', indexPage(t, folder));
    const dokument = t.dokumenter.get(decodePath(url.pathname));
    if (!dokument)
      return svar(404, 'text/html; charset=utf-8', page('Finnes ikke', '<p>Dokumentet finnes ikke. <a href="/">Til oversikten</a></p>'));
    const html = toHttp(t.maler.render(dokument.mal, dokument.data)).replace('</body>', `${SKJERM}${RELOAD}</body>`);
    return svar(200, 'text/html; charset=utf-8', html);
  };
}

/**
 * Watches the meeting folder, the project's organisasjon.yaml and logo, and the template folders;
 * calls `endret` once a save has settled, one reload at a time (a save during one asks for another,
 * so an older reload never finishes last).
 */
function watchMeeting(folder: string, tilstand: () => State, endret: () => Promise<void>): { close(): void } {
  let templates: readonly string[] = [];
  const targets = () => {
    templates = tilstand().maler?.folders ?? templates;
    return watchTargets(folder, tilstand(), templates);
  };
  let running = false;
  let again = false;
  let closed = false;
  const reload = async (): Promise<void> => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    // Watch new folders before reading, so a file saved in one while loading is not missed.
    vakt.sync(targets());
    await endret().finally(() => {
      running = false;
    });
    vakt.sync(targets());
    if (again) {
      again = false;
      await reload();
    }
  };
  // Saving in an editor fires several events (write, rename, chmod): wait until they settle.
  let vent: NodeJS.Timeout | undefined;
  const vakt = watchFolders(() => {
    clearTimeout(vent);
    vent = setTimeout(reload, 150);
  });
  vakt.sync(targets());
  return {
    close: () => {
      closed = true;
      clearTimeout(vent);
      vakt.close();
    },
  };
}

/** Whole trees for the meeting and the templates; only the named entries in the folders of the project's files. */
function watchTargets(folder: string, t: State, templates: readonly string[]): WatchTarget[] {
  const named = new Map<string, Set<string>>();
  const add = (file: string) => named.set(dirname(file), (named.get(dirname(file)) ?? new Set()).add(basename(file)));
  const root = findProjectRoot(folder);
  if (root) add(join(root, ORGANISASJON_FIL));
  const organisasjon = t.mote?.organisasjon;
  if (organisasjon?.logo) add(resolve(dirname(organisasjon.file), organisasjon.logo));
  // Later targets win for the same folder: a whole tree over a named few.
  return [...[...named].map(([dir, names]) => ({ dir, names })), ...templates.map((dir) => ({ dir })), { dir: folder }];
}
