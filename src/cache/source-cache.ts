import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnownSource, SourceStore } from '../pipeline/load/source-store.js';
import { writeAtomic } from '../pipeline/write/atomic.js';
import { programFingerprint } from './document-cache.js';

/**
 * The Markdown and YAML files read before (load/source-store.ts), in `kilder.json` in the cache folder,
 * by a hash of the program, the file's path and its text: another program, or another text,
 * is another key. Only the entries used in the last run are kept.
 */
export class SourceCache implements SourceStore {
  private entries?: Map<string, KnownSource>;
  private readonly used = new Map<string, KnownSource>();
  private changed = false;
  private readonly program = programFingerprint();

  constructor(private readonly folder: string) {}

  private key(file: string, text: string): string {
    return createHash('sha256').update(this.program).update('\u0000').update(file).update('\u0000').update(text).digest('hex');
  }

  private read(): Map<string, KnownSource> {
    if (!this.entries) {
      try {
        this.entries = new Map(Object.entries(JSON.parse(readFileSync(join(this.folder, 'kilder.json'), 'utf8'))));
      } catch {
        // None yet, or unreadable: every file is read again.
        this.entries = new Map();
      }
    }
    return this.entries;
  }

  get(file: string, text: string): KnownSource | undefined {
    const key = this.key(file, text);
    const known = this.read().get(key);
    if (known) this.used.set(key, known);
    return known;
  }

  set(file: string, text: string, known: KnownSource): void {
    this.used.set(this.key(file, text), known);
    this.changed = true;
  }

  /** Writes what this run used, when anything was new or left unused. */
  save(): void {
    if (!this.changed && this.used.size === this.read().size) return;
    // A cache: JSON that does not parse after a power cut is read again from the sources.
    writeAtomic(join(this.folder, 'kilder.json'), JSON.stringify(Object.fromEntries(this.used)), { durable: false });
  }
}
