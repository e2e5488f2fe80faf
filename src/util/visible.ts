/**
 * Characters that must not reach a document or a terminal as they are: control characters (a
 * newline in a file name would forge a line of its own), lone surrogates, and the bidi controls
 * that turn or hide text (U+202E). Zero-width characters are allowed in text but made visible
 * in messages, so a «tittel» that looks empty says why.
 */
const FORBUDT =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;
const USYNLIG =
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

export const kodepunkt = (tegn: string): string => `U+${tegn.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character of `text` that may not stand in a document, if any. */
export function findForbiddenChar(text: string): string | undefined {
  return FORBUDT.exec(text)?.[0];
}

/** What kind of character a forbidden one is, in words for the secretariat. */
export function describeChar(tegn: string): string {
  const kode = tegn.codePointAt(0)!;
  if (kode >= 0xd800 && kode <= 0xdfff) return 'et halvt tegn (en ensom surrogat)';
  if ((kode >= 0x202a && kode <= 0x202e) || (kode >= 0x2066 && kode <= 0x2069)) return 'et tegn som snur eller skjuler tekst';
  return 'et kontrolltegn';
}

/** The text with every control, zero-width or bidi character written as <U+XXXX>. */
export function visible(text: string): string {
  return text.replace(USYNLIG, (tegn) => (tegn === '\t' ? ' ' : `<${kodepunkt(tegn)}>`));
}

const USYNLIG_ELLER_TOMROM = /^[\s\u200b-\u200f\u2060-\u2064\ufeff]+$/u;

/** The first invisible character of a text that holds nothing visible but is not empty, if any. */
export function findOnlyInvisible(text: string): string | undefined {
  if (!USYNLIG_ELLER_TOMROM.test(text)) return undefined;
  return /[\u200b-\u200f\u2060-\u2064\ufeff]/u.exec(text)?.[0];
}
