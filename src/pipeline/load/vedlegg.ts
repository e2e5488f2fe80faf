import { closeSync, existsSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { VedleggProbe } from '../../domain/sources.js';
import { isInside } from '../../util/paths.js';

/** macOS writes names in NFD, editors and YAML in NFC: try both so `Høring.pdf` is found either way. */
function findOnDisk(path: string): string | undefined {
  for (const candidate of [path, path.normalize('NFC'), path.normalize('NFD')]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * What the start and end of a file say about it as a PDF, without parsing it (that is for
 * build): the header, the `%%EOF` a complete file ends with (a cut-off download lacks it), and
 * the `/Encrypt` entry of the trailer, which sits near the end (or the start, when linearized).
 */
function pdfStatus(path: string): 'ok' | 'ikke-pdf' | 'kryptert' | 'skadet' {
  const fd = openSync(path, 'r');
  try {
    const size = statSync(path).size;
    const head = Buffer.alloc(Math.min(size, 4096));
    readSync(fd, head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(size, 4096));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    if (!head.subarray(0, 1024).includes('%PDF-')) return 'ikke-pdf';
    if (head.includes('/Encrypt') || tail.includes('/Encrypt')) return 'kryptert';
    if (!tail.includes('%%EOF')) return 'skadet';
    return 'ok';
  } finally {
    closeSync(fd);
  }
}

function erLenke(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Checks an attachment path from a sak: relative, inside the meeting folder (symlinks too), a PDF. */
export function probeVedlegg(meetingDir: string, written: string): VedleggProbe {
  const wanted = resolve(meetingDir, written);
  if (isAbsolute(written)) return { status: 'absolutt', path: wanted };
  if (!isInside(meetingDir, wanted)) return { status: 'utenfor', path: wanted };
  const onDisk = findOnDisk(wanted);
  // A link that leads nowhere (to itself, round in a circle, or to something gone) is not «missing».
  if (!onDisk && erLenke(wanted)) return { status: 'blindlenke', path: wanted };
  if (!onDisk) {
    let siblings: string[] = [];
    try {
      siblings = readdirSync(dirname(wanted));
    } catch {
      // the folder itself is missing; no suggestions
    }
    return { status: 'mangler', path: wanted, siblings };
  }
  if (!isInside(realpathSync(meetingDir), realpathSync(onDisk))) return { status: 'utenfor', path: onDisk };
  const stat = statSync(onDisk);
  if (stat.isDirectory()) return { status: 'mappe', path: onDisk };
  // A named pipe or a device would block the reader forever: never opened.
  if (!stat.isFile()) return { status: 'ikke-fil', path: onDisk };
  return { status: pdfStatus(onDisk), path: onDisk };
}

/**
 * Whether a PDF is tagged, from its bytes: a structure tree root is named in it. Undefined when
 * the answer may be hidden in a compressed object stream, or no page is written plainly either
 * (the file may be damaged), so the file has to be parsed.
 */
export function taggedFromBytes(bytes: Uint8Array): boolean | undefined {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (latin1.includes('/StructTreeRoot')) return true;
  if (latin1.includes('/ObjStm')) return undefined;
  return /\/Type\s*\/Page\b/.test(latin1) ? false : undefined;
}

/**
 * Whether a PDF's bytes may hold active content: false only when none of the names it takes is
 * written in the file (see util/pdf-active-content.ts) and nothing is hidden in compressed object streams or by `#xx` escapes in
 * names. `check` parses only the files this says yes to.
 */
export function mayHaveActiveContent(bytes: Uint8Array): boolean {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return /\/(?:ObjStm|JS|JavaScript|AA|OpenAction|Launch|GoToR|EmbeddedFiles|FileAttachment|XFA|URI|A(?=[\s/[\]<>(){}%]))|\/[^\s/[\]<>(){}%]*#[0-9A-Fa-f]{2}/.test(
    latin1,
  );
}
