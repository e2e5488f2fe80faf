import { relative } from 'node:path';
import { visible } from '../util/visible.js';

export type Severity = 'feil' | 'advarsel';

/** A position in a source file, 1-based like editors and compilers show it. */
export interface Position {
  line: number;
  column: number;
}

/** One message to the user about their content, tied to a file and (when known) a position. */
export interface Diagnostic {
  severity: Severity;
  file: string;
  position?: Position;
  message: string;
}

export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(file: string, position: Position | undefined, message: string): void {
    this.items.push({ severity: 'feil', file, position, message });
  }

  warning(file: string, position: Position | undefined, message: string): void {
    this.items.push({ severity: 'advarsel', file, position, message });
  }

  addAll(others: readonly Diagnostic[]): void {
    this.items.push(...others);
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === 'feil').length;
  }

  get warningCount(): number {
    return this.items.filter((d) => d.severity === 'advarsel').length;
  }
}

/** Sorted by file, then position, so a run's messages read top to bottom like the files. */
export function sortDiagnostics(items: readonly Diagnostic[]): Diagnostic[] {
  return [...items].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
      (a.position?.column ?? 0) - (b.position?.column ?? 0),
  );
}

/**
 * `cases/2025-05-22-ssu/13-strategisamling.md:3:1: feil: …`, the form editors and terminals link.
 * Control, zero-width and bidi characters are written as <U+XXXX>: one diagnostic is one line.
 */
export function formatDiagnostic(d: Diagnostic, cwd = process.cwd()): string {
  const where = d.position ? `${relative(cwd, d.file) || d.file}:${d.position.line}:${d.position.column}` : relative(cwd, d.file) || d.file;
  return visible(`${where}: ${d.severity}: ${d.message}`);
}
