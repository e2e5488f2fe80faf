import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN } from './kommando.js';

const RECORDER = resolve(import.meta.dirname, 'moduler.mjs');

/** What a build must not load when nothing changed, nor `check` of saker without HTML, images or attachments. */
export const BYGGEPAKKER = /^(puppeteer-core|pdf-lib|remark-.*|micromark.*|mdast-util-from-markdown|parse5|unified|rehype-.*)$/;

/** The npm package a bundled source file (a path in a source map) comes from. */
function packageOf(source: string): string | undefined {
  const parts = source.split('node_modules/');
  return parts.length < 2 ? undefined : /^(@[^/]+\/)?[^/]+/.exec(parts.at(-1)!)?.[0];
}

/**
 * Runs the command as set-up built it (dist/, in chunks) and returns the npm packages whose code
 * it loaded: those inside each bundle chunk it read (from the chunk's source map) and those
 * loaded from node_modules directly.
 */
export function loadedPackages(args: string[], cwd: string) {
  const dir = mkdtempSync(join(tmpdir(), 'motedok-moduler-'));
  const log = join(dir, 'moduler.txt');
  try {
    const result = spawnSync(process.execPath, ['--import', RECORDER, BIN, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, MOTEDOK_MODULER: log },
    });
    const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    const packages = new Set<string>();
    for (const url of urls.filter((u) => u.startsWith('file:'))) {
      const file = fileURLToPath(url);
      const direct = packageOf(file);
      if (direct) packages.add(direct);
      else if (file.includes('/dist/')) {
        const { sources } = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
        for (const source of sources) {
          const name = packageOf(source);
          if (name) packages.add(name);
        }
      }
    }
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, packages: [...packages].sort() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
