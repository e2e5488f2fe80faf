import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN } from './kommando.js';

/** What a build must not load when nothing changed, nor `check` of saker without HTML, images or attachments. */
export const BYGGEPAKKER = /^(puppeteer-core|pdf-lib|remark-.*|micromark.*|mdast-util-from-markdown|parse5|unified|rehype-.*)$/;

/** The npm package a path (a file, or a module of the bundle named by its path) belongs to. */
function packageOf(path: string): string | undefined {
  const parts = path.split('node_modules/');
  return parts.length < 2 ? undefined : /^(@[^/]+\/)?[^/]+/.exec(parts.at(-1)!)?.[0];
}

interface Coverage {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
}

/**
 * Runs the command as set-up built it (dist/cli.cjs) and returns the npm packages whose code it
 * ran, from V8's coverage of the run: the bundle sets each module up on first use, in a function
 * named for the module's path (esbuild's lazy modules), so a package counts when one of its
 * modules was set up; a package loaded from node_modules itself counts by its file.
 */
export function loadedPackages(args: string[], cwd: string) {
  const dir = mkdtempSync(join(tmpdir(), 'motedok-moduler-'));
  try {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NODE_V8_COVERAGE: dir } });
    const packages = new Set<string>();
    for (const file of readdirSync(dir)) {
      const { result: scripts } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Coverage;
      for (const script of scripts.filter((s) => s.url.startsWith('file:'))) {
        const path = fileURLToPath(script.url);
        const direct = packageOf(path);
        if (direct) packages.add(direct);
        else if (path.includes('/dist/'))
          for (const fn of script.functions) {
            const name = fn.ranges[0]!.count > 0 ? packageOf(fn.functionName) : undefined;
            if (name) packages.add(name);
          }
      }
    }
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, packages: [...packages].sort() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
