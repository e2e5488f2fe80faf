import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FinishedPdf } from '../pipeline/assemble/pdf.js';
import { writeAtomic } from '../pipeline/write/atomic.js';

/**
 * A content-addressed store of finished PDFs. A document's key is a hash of everything that
 * makes its bytes: the HTML it is printed from (which holds the sak's text, the templates' output
 * and the styles), its attachments' bytes, its metadata, and the tool itself (the running code,
 * the templates, the fonts and the browser). Same key, same bytes: the document is not printed
 * again. An entry whose bytes do not match its recorded hash, or that cannot be read, is
 * deleted and ignored, never trusted.
 */
/** Entries are checked when read (their hash, or JSON that must parse): no need to wait for the disk. */
const CACHE = { durable: false };

export class DocumentCache {
  private readonly fileHasher = new Map<string, string>();
  /** Keys looked up with success or stored in this run, in the order first used. */
  readonly brukt = new Set<string>();
  /** The keys used by what `tracked` runs, while other work uses the cache at the same time. */
  private readonly scope = new AsyncLocalStorage<Set<string>>();

  constructor(
    private readonly folder: string,
    private readonly grunnlag: string,
    /** `--force`: look nothing up, but store what is made. */
    private readonly readingOff = false,
  ) {}

  /** Runs `make`, and returns with its result the keys it looked up with success or stored. */
  async tracked<T>(make: () => Promise<T>): Promise<{ result: T; keys: string[] }> {
    const keys = new Set<string>();
    const result = await this.scope.run(keys, make);
    return { result, keys: [...keys] };
  }

  private use(key: string): void {
    this.brukt.add(key);
    this.scope.getStore()?.add(key);
  }

  key(...deler: (string | Uint8Array)[]): string {
    const hash = createHash('sha256').update(this.grunnlag);
    for (const del of deler) hash.update(`\u0000${del.length}\u0000`).update(del);
    return hash.digest('hex');
  }

  /** Hash of a file's bytes, read once per run. */
  fileHash(file: string): string {
    let hash = this.fileHasher.get(file);
    if (!hash) {
      hash = createHash('sha256').update(readFileSync(file)).digest('hex');
      this.fileHasher.set(file, hash);
    }
    return hash;
  }

  hent(key: string): FinishedPdf | undefined {
    if (this.readingOff) return undefined;
    const pdf = join(this.folder, `${key}.pdf`);
    const info = join(this.folder, `${key}.json`);
    if (!existsSync(pdf) || !existsSync(info)) return undefined;
    try {
      const bytes = readFileSync(pdf);
      const meta = JSON.parse(readFileSync(info, 'utf8')) as {
        sha256: string;
        sider: number;
        vedleggStart: number[];
        referanser?: FinishedPdf['referanser'];
        avhenger?: string[];
      };
      const gyldig =
        createHash('sha256').update(bytes).digest('hex') === meta.sha256 &&
        Number.isInteger(meta.sider) &&
        Array.isArray(meta.vedleggStart) &&
        meta.vedleggStart.every((n) => Number.isInteger(n) && n >= 0 && n < meta.sider) &&
        (meta.referanser === undefined ||
          (Array.isArray(meta.referanser) && meta.referanser.every((r) => Number.isInteger(r?.side) && r.side < meta.sider)));
      if (!gyldig) throw new Error('ødelagt');
      this.use(key);
      // The entries it was made from stay as long as it does (an overlay the next edit stamps again).
      for (const del of meta.avhenger ?? []) if (/^[0-9a-f]{64}$/.test(del)) this.use(del);
      return {
        bytes: new Uint8Array(bytes),
        sider: meta.sider,
        vedleggStart: meta.vedleggStart,
        ...(meta.referanser ? { referanser: meta.referanser } : {}),
      };
    } catch {
      rmSync(pdf, { force: true });
      rmSync(info, { force: true });
      return undefined;
    }
  }

  save(key: string, done: FinishedPdf, avhenger: string[] = []): void {
    writeAtomic(join(this.folder, `${key}.pdf`), done.bytes, CACHE);
    const sha256 = createHash('sha256').update(done.bytes).digest('hex');
    const { sider: pages, vedleggStart, referanser } = done;
    writeAtomic(
      join(this.folder, `${key}.json`),
      JSON.stringify({ sha256, sider: pages, vedleggStart, referanser, ...(avhenger.length ? { avhenger } : {}) }),
      CACHE,
    );
    this.use(key);
  }

  private texts?: Map<string, string>;
  private readonly brukteTexts = new Set<string>();
  private newTexts = false;

  /**
   * Markdown converted to HTML, by a hash of the text, its options and the tool: one JSON file,
   * read when first asked, oldest use first.
   */
  readonly markdown = {
    get: (key: string): string | undefined => {
      const hash = this.key('markdown', key);
      const texts = this.readTexts();
      const html = texts.get(hash);
      if (html !== undefined) {
        this.brukteTexts.add(hash);
        // Most recently used last: what goes when there are too many.
        texts.delete(hash);
        texts.set(hash, html);
      }
      return html;
    },
    set: (key: string, html: string): void => {
      const hash = this.key('markdown', key);
      this.readTexts().set(hash, html);
      this.brukteTexts.add(hash);
      this.newTexts = true;
    },
  };

  private readTexts(): Map<string, string> {
    if (!this.texts) {
      this.texts = new Map();
      try {
        if (!this.readingOff) this.texts = new Map(Object.entries(JSON.parse(readFileSync(join(this.folder, 'markdown.json'), 'utf8'))));
      } catch {
        /* none yet, or unreadable: converted again */
      }
    }
    return this.texts;
  }

  /**
   * Writes the conversions if any are new, at most `limit` of them: those used in this run and
   * then the most recently used. Every save of a sak being edited adds one, and an edit must not
   * get slower through the day as the file grows (it reached 11 MB after a few hundred edits).
   */
  saveMarkdown(limit: number): void {
    if (!this.newTexts || !this.texts) return;
    const alle = [...this.texts];
    let spare = Math.max(0, limit - this.brukteTexts.size);
    const kept: [string, string][] = [];
    for (let i = alle.length - 1; i >= 0; i--) {
      const [hash, html] = alle[i]!;
      if (this.brukteTexts.has(hash)) kept.push([hash, html]);
      else if (spare > 0) {
        kept.push([hash, html]);
        spare--;
      }
    }
    writeAtomic(join(this.folder, 'markdown.json'), JSON.stringify(Object.fromEntries(kept.reverse())), CACHE);
  }

  /** Removes every entry not in `behold`, so the cache holds what the current documents are made of and no more. */
  prune(behold: ReadonlySet<string>): void {
    if (!existsSync(this.folder)) return;
    for (const name of readdirSync(this.folder)) {
      const key = /^([0-9a-f]{64})\.(pdf|json)$/.exec(name)?.[1];
      if (key && !behold.has(key)) rmSync(join(this.folder, name), { force: true });
    }
  }
}

/**
 * The files of the running program: the bundle in dist/ (the command line and the browser's
 * worker; source maps and code caches left out), or this module when run from the sources (the tests).
 */
export function programFiles(): string[] {
  const denne = fileURLToPath(import.meta.url);
  const dist = denne.slice(0, denne.lastIndexOf('/dist/') + '/dist'.length);
  if (!denne.includes('/dist/')) return [denne];
  const files: string[] = [];
  const besok = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) besok(path);
      else if (/\.c?js$/.test(name)) files.push(path);
    }
  };
  besok(dist);
  return files;
}

let program: string | undefined;

/** A hash of the running program's code, made once per run. */
export function programFingerprint(): string {
  if (program === undefined) {
    const hash = createHash('sha256');
    for (const file of programFiles()) hash.update(readFileSync(file));
    program = hash.digest('hex');
  }
  return program;
}

/** What every key depends on: this program's code, the templates, the fonts, and the browser binary. */
export function toolFingerprint(malContent: string, fontmappe: string, chromium: string | undefined): string {
  const hash = createHash('sha256');
  hash.update(programFingerprint());
  hash.update(malContent);
  for (const font of readdirSync(fontmappe)
    .filter((f) => f.endsWith('.woff2'))
    .sort())
    hash.update(font).update(readFileSync(join(fontmappe, font)));
  for (const avtrykk of browserFingerprint(chromium)) hash.update(avtrykk);
  return hash.digest('hex');
}

/**
 * Which browser prints, by path, size and time: hashing its 250 MB on every run would cost more
 * than the run. Debian's /usr/bin/chromium is a shell script; the browser itself lives in /usr/lib.
 */
export function browserFingerprint(chromium: string | undefined): string[] {
  return [chromium, '/usr/lib/chromium/chromium']
    .filter((file): file is string => !!file && existsSync(file))
    .map((file) => {
      const stat = statSync(file);
      return `${file}:${stat.size}:${stat.mtimeMs}`;
    });
}
