/**
 * The fixed texts of the documents in Bokmål and Nynorsk, from `templates/sprak/nb.yaml` and
 * `nn.yaml` (read by load/sprak.ts; the model only looks them up). `sprak: nn` in
 * organisasjon.yaml or mote.yaml chooses Nynorsk for a meeting; mote.yaml wins.
 */

export const SPRAK = ['nb', 'nn'] as const;
export type Sprak = (typeof SPRAK)[number];

/** A phrase file: nested keys, texts with `{navn}` placeholders, and the weekdays as a list. */
export interface Fraser {
  lang: string;
  pdf_lang: string;
  ukedager: string[];
  [gruppe: string]: unknown;
}

/** `frase(f, 'innkalling.tittel', { utvalg, dato })`; a missing key gives the key itself (a test keeps nb and nn complete). */
export function frase(fraser: Fraser, key: string, verdier: Record<string, string | number | undefined> = {}): string {
  let her: unknown = fraser;
  for (const del of key.split('.')) her = her && typeof her === 'object' ? (her as Record<string, unknown>)[del] : undefined;
  if (typeof her !== 'string') return key;
  return her.replace(/\{(\w+)\}/g, (hele, name: string) => (verdier[name] === undefined ? hele : String(verdier[name])));
}

/** `torsdag` / `tysdag`, from the phrase file. */
export function ukedagPa(fraser: Fraser, dato: string): string {
  const d = new Date(`${dato.slice(0, 10)}T00:00:00Z`);
  return fraser.ukedager[d.getUTCDay()] ?? '';
}
