import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import type { Diagnostics } from '../../domain/diagnostics.js';

/** Case papers are text; anything larger is a pasted file or a mistake, and would stall parsing. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function positionOfByte(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a) [line, lineStart] = [line + 1, i + 1];
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, index));
  return { line, column: [...before].length + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points past U+10FFFF, which the decoder also refuses.
    const second = bytes[i + 1]!;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f))
      return i;
    i += length;
  }
  return -1;
}

/**
 * Decodes a file the secretariat wrote: UTF-8 with or without BOM, CRLF or LF line ends. Files
 * saved as UTF-16 or Latin-1 (Word and Notepad do this) are refused with the place of the first
 * bad byte, because guessing the encoding would silently garble æøå in published documents.
 */
function reportTooLarge(file: string, size: number, diags: Diagnostics): void {
  const mb = (size / 1024 / 1024).toFixed(1).replace('.', ',');
  diags.error(
    file,
    undefined,
    `filen er for stor (${mb} MB); en tekstfil kan være høyst ${MAX_TEXT_BYTES / 1024 / 1024} MB. Legg store dokumenter ved som PDF under vedlegg/.`,
  );
}

export function decodeText(file: string, bytes: Uint8Array, diags: Diagnostics): string | undefined {
  if (bytes.length > MAX_TEXT_BYTES) {
    reportTooLarge(file, bytes.length, diags);
    return undefined;
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    diags.error(
      file,
      { line: 1, column: 1 },
      'filen er lagret som UTF-16; lagre den som UTF-8 (i Notisblokk: «Lagre som» → Koding: UTF-8).',
    );
    return undefined;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const index = firstInvalidUtf8(bytes);
    const hex = (bytes[index] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    diags.error(
      file,
      positionOfByte(bytes, Math.max(index, 0)),
      `filen er ikke UTF-8 (ugyldig byte 0x${hex}, trolig æ, ø eller å lagret som Latin-1/Windows-1252); lagre filen med koding UTF-8.`,
    );
    return undefined;
  }
  if (text.includes('\u0000')) {
    diags.error(
      file,
      positionOfByte(bytes, bytes.indexOf(0)),
      'filen inneholder NUL-tegn og er ikke en tekstfil (kanskje UTF-16 uten BOM); lagre den som UTF-8.',
    );
    return undefined;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    diags.error(file, { line: 1, column: 1 }, 'filen er tom.');
    return undefined;
  }
  return text;
}

function whatItIs(stat: Stats): string {
  if (stat.isDirectory()) return 'en mappe';
  if (stat.isFIFO()) return 'et navngitt rør (FIFO)';
  if (stat.isSocket()) return 'en socket';
  return 'en enhet';
}

/**
 * Reads a file the secretariat wrote. It is opened without blocking and looked at before it is
 * read: a FIFO or device is refused (reading one waits forever), and a file over the limit is
 * refused without reading it.
 */
export function readText(file: string, diags: Diagnostics): string | undefined {
  let bytes: Uint8Array;
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      diags.error(
        file,
        undefined,
        `dette er ${whatItIs(stat)}, ikke en vanlig fil; bare vanlige tekstfiler kan leses. Erstatt den med en vanlig fil.`,
      );
      return undefined;
    }
    if (stat.size > MAX_TEXT_BYTES) {
      reportTooLarge(file, stat.size, diags);
      return undefined;
    }
    bytes = readFileSync(fd);
  } catch (error) {
    diags.error(file, undefined, `kunne ikke lese filen (${(error as NodeJS.ErrnoException).code ?? 'ukjent feil'}).`);
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return decodeText(file, bytes, diags);
}
