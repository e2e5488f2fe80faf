import type { Diagnostic } from './diagnostics.js';
import type { Mote } from './types.js';

export interface LoadOptions {
  cwd?: string;
}

export interface BuildOptions extends LoadOptions {
  /** Output folder; `output/` under the working folder by default. */
  out?: string;
  /** Also write the HTML each PDF was printed from. */
  html?: boolean;
  /** Ignore the document cache (but fill it). */
  force?: boolean;
  /** Called for each document once it is written (not for files whose content did not change). */
  underveis?: (dokument: BuiltDocument) => void;
}

export interface BuiltDocument {
  mote: string;
  fil: string;
  sider: number;
  /** True when the PDF came from the cache: nothing it depends on changed since it was printed. */
  fraBuffer: boolean;
}

export interface BuildResult {
  moter: Mote[];
  /** Every meeting of the projects built from, for what spans them (the site's index). */
  alleMoter: Mote[];
  dokumenter: BuiltDocument[];
  diagnostics: Diagnostic[];
}
