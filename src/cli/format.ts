import { relative } from 'node:path';
import { type Diagnostic, formatDiagnostic } from '../domain/diagnostics.js';

/** Milliseconds as seconds with a decimal comma: `1,23`. */
export function seconds(ms: number): string {
  return (ms / 1000).toFixed(2).replace('.', ',');
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A path as the user sees it: relative to the working folder. */
export function shownPath(path: string): string {
  return relative(process.cwd(), path);
}

export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) console.error(formatDiagnostic(d));
}

export function countErrors(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.filter((d) => d.severity === 'feil').length;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'feil');
}
