import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Position } from '../../domain/diagnostics.js';
import type { Tabellcelle, Tabellfil } from '../../domain/sources.js';
import { importExternal } from '../../util/external.js';
import { markdownLines } from '../../util/markdown-lines.js';
import { isInside } from '../../util/paths.js';
export const DIREKTIV = /^( {0,3})<!--\s*tabell\s*:(.*?)-->\s*$/i;
const EKSEMPEL = '<!-- tabell: tall.csv sum --> eller <!-- tabell: budsjett.xlsx ark="Budsjett 2025" område="A1:D12" sum -->';
const TILLATT = 'tillatt er ark="…" (bare for .xlsx), område="A1:D12" og sum';

/** Words of a directive: `navn`, `"navn med mellomrom"`, `nøkkel="verdi"`, `nøkkel=verdi`. */
function words(text: string): { key?: string; verdi: string }[] {
  const result: { key?: string; verdi: string }[] = [];
  for (const m of text.matchAll(/(?:([\p{L}_-]+)\s*=\s*)?(?:"([^"]*)"|'([^']*)'|«([^»]*)»|(\S+))/gu)) {
    result.push({ key: m[1]?.toLowerCase(), verdi: m[2] ?? m[3] ?? m[4] ?? m[5] ?? '' });
  }
  return result;
}

/** The table directives of a Markdown body outside code blocks, parsed; syntax errors in `feil`. */
export function findTabelldirektiver(text: string, from: number): Tabellfil[] {
  const found: Tabellfil[] = [];
  for (const line of markdownLines(text, from)) {
    if (line.inFence || line.commentBefore) continue;
    const current = line.text.replace(/\r$/, '');
    const m = DIREKTIV.exec(current);
    if (m) found.push(interpret(current.trim(), m[2]!, { line: line.number, column: m[1]!.length + 1 }));
  }
  return found;
}

function interpret(direktiv: string, content: string, position: Position): Tabellfil {
  const [forste, ...resten] = words(content.trim());
  const tabell: Tabellfil = { direktiv, position, file: forste?.verdi ?? '', sum: false };
  if (!forste || forste.key) {
    tabell.error = `tabell-direktivet mangler filnavn; skriv for eksempel ${EKSEMPEL}.`;
    return tabell;
  }
  for (const { key, verdi } of resten) {
    if (key === 'ark') tabell.ark = verdi;
    else if (key === 'område' || key === 'omrade') tabell.omrade = verdi;
    else if (!key && verdi.toLowerCase() === 'sum') tabell.sum = true;
    else {
      tabell.error = `ukjent valg «${key ? `${key}=` : ''}${verdi}» i tabell-direktivet; ${TILLATT}.`;
      return tabell;
    }
  }
  return tabell;
}

type Plassering = { kind: 'ok'; path: string } | { kind: 'feil'; melding: string };

/** Same rule as images: a file inside the meeting folder, also after following links. */
function place(meetingDir: string, sakDir: string, file: string): Plassering {
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) && !/^[a-z]:[\\/]/i.test(file)) {
    return {
      kind: 'feil',
      melding: `tabellfilen «${file}» er ikke en fil i møtemappen; tabeller fra nett tas ikke med. Last ned filen og legg den i møtemappen.`,
    };
  }
  const path = resolve(sakDir, file);
  const utenfor = {
    kind: 'feil',
    melding: `tabellfilen «${file}» ligger utenfor møtemappen; legg filen i møtemappen og skriv stien relativt til saken.`,
  } as const;
  if (isAbsolute(file) || !isInside(meetingDir, path)) return utenfor;
  if (!existsSync(path))
    return {
      kind: 'feil',
      melding: `tabellfilen «${file}» finnes ikke; legg filen i møtemappen og skriv stien relativt til saken (store og små bokstaver teller).`,
    };
  if (!isInside(realpathSync(meetingDir), realpathSync(path))) return utenfor;
  if (!statSync(path).isFile()) return { kind: 'feil', melding: `tabellfilen «${file}» er en mappe, ikke en fil.` };
  return { kind: 'ok', path };
}

interface Omrade {
  forsteRad: number;
  sisteRad: number;
  forsteKolonne: number;
  sisteKolonne: number;
}

function columnNumber(bokstaver: string): number {
  return [...bokstaver.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/** `A1:D12` as 1-based rows and columns; undefined when it is not a range of cells. */
export function parseOmrade(text: string): Omrade | undefined {
  const m = /^\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*:\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*$/.exec(text);
  if (!m) return undefined;
  const o = { forsteKolonne: columnNumber(m[1]!), forsteRad: Number(m[2]), sisteKolonne: columnNumber(m[3]!), sisteRad: Number(m[4]) };
  if (o.forsteRad < 1 || o.sisteRad < o.forsteRad || o.sisteKolonne < o.forsteKolonne || o.sisteKolonne > 16384) return undefined;
  return o;
}

const OMRADE_ERROR = (text: string) =>
  `området «${text}» er ikke et gyldig celleområde; skriv første og siste celle med kolon, for eksempel område="A1:D12".`;

/** Text of a file exported by Excel: UTF-8 with or without BOM, or Windows-1252 from older versions. */
function textFrom(cache: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(cache).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(cache);
  }
}

/** `;` in Norwegian Excel exports (where the comma is the decimal sign), `,` elsewhere, or tab. */
function skilletegn(text: string): string {
  const forste = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const utenSitat = forste.replace(/"[^"]*"/g, '');
  const count = (c: string) => utenSitat.split(c).length - 1;
  return [';', '\t', ','].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

/** A number written plainly (`1250000`, `-12,5` with `;`, `12.5` with `,`), as a number; anything else stays text. */
function numberFromCsv(celle: string, desimal: string): Tabellcelle {
  const t = celle.trim();
  const m = desimal === ',' ? /^-?(?:0|[1-9]\d*)(?:,\d+)?$/.exec(t) : /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.exec(t);
  return m ? Number(t.replace(',', '.')) : t;
}

function readCsv(path: string, file: string): Tabellcelle[][] | string {
  const text = textFrom(readFileSync(path));
  const delimiter = skilletegn(text);
  let rader: string[][];
  try {
    rader = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: true, relax_quotes: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return `tabellfilen «${file}» kan ikke leses som CSV${line ? ` (feil ved linje ${line}, kanskje et anførselstegn som ikke er lukket)` : ''}; lagre den på nytt fra regnearket som «CSV (semikolondelt)».`;
  }
  const desimal = delimiter === ';' ? ',' : '.';
  return rader.map((rad) => rad.map((celle) => numberFromCsv(celle, desimal)));
}

function cutOut(rader: Tabellcelle[][], omrade: Omrade): Tabellcelle[][] {
  return rader.slice(omrade.forsteRad - 1, omrade.sisteRad).map((rad) => {
    const celler: Tabellcelle[] = [];
    for (let k = omrade.forsteKolonne; k <= omrade.sisteKolonne; k++) celler.push(rad[k - 1] ?? '');
    return celler;
  });
}

const TO = (n: number) => String(n).padStart(2, '0');

/** An Excel cell's value as text or number: formulas give their last computed result. */
function excelValue(v: unknown): Tabellcelle {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'Ja' : 'Nei';
  if (v instanceof Date) return `${TO(v.getUTCDate())}.${TO(v.getUTCMonth() + 1)}.${v.getUTCFullYear()}`;
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
    if ('richText' in o && Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return excelValue(o.result);
    if ('formula' in o || 'sharedFormula' in o) return '';
    if ('text' in o) return excelValue(o.text);
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

async function readXlsx(path: string, tabell: Tabellfil): Promise<Tabellcelle[][] | string> {
  const { default: ExcelJS } = await importExternal<{ default: typeof import('exceljs') }>('exceljs');
  const bok = new ExcelJS.Workbook();
  try {
    await bok.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  } catch {
    return `tabellfilen «${tabell.file}» kan ikke leses som Excel-fil (.xlsx); åpne den i Excel og lagre den på nytt som «Excel-arbeidsbok (.xlsx)».`;
  }
  const ark =
    tabell.ark === undefined
      ? bok.worksheets[0]
      : (bok.worksheets.find((a) => a.name === tabell.ark) ??
        bok.worksheets.find((a) => a.name.toLowerCase() === tabell.ark!.toLowerCase()));
  if (!ark) {
    const name = bok.worksheets.map((a) => `«${a.name}»`).join(', ');
    return tabell.ark === undefined
      ? `tabellfilen «${tabell.file}» har ingen ark.`
      : `arket «${tabell.ark}» finnes ikke i «${tabell.file}»; arkene er: ${name}.`;
  }
  const omrade =
    tabell.omrade === undefined
      ? { forsteRad: 1, sisteRad: ark.rowCount, forsteKolonne: 1, sisteKolonne: ark.columnCount }
      : parseOmrade(tabell.omrade)!;
  const rader: Tabellcelle[][] = [];
  for (let r = omrade.forsteRad; r <= omrade.sisteRad; r++) {
    const rad = ark.getRow(r);
    const celler: Tabellcelle[] = [];
    for (let k = omrade.forsteKolonne; k <= omrade.sisteKolonne; k++) celler.push(excelValue(rad.getCell(k).value));
    rader.push(celler);
  }
  return rader;
}

/** Reads the file of one directive (already parsed), resolved against the sak's folder. */
async function read(meetingDir: string, sakFile: string, tabell: Tabellfil): Promise<void> {
  if (tabell.error) return;
  if (tabell.omrade !== undefined && !parseOmrade(tabell.omrade)) {
    tabell.error = OMRADE_ERROR(tabell.omrade);
    return;
  }
  const plass = place(meetingDir, dirname(sakFile), tabell.file);
  if (plass.kind === 'feil') {
    tabell.error = plass.melding;
    return;
  }
  const type = extname(tabell.file).toLowerCase();
  let rader: Tabellcelle[][] | string;
  try {
    if (type === '.csv' || type === '.txt') {
      if (tabell.ark !== undefined) {
        tabell.error = `«ark» gjelder bare Excel-filer (.xlsx); en CSV-fil har bare ett ark. Fjern ark="${tabell.ark}".`;
        return;
      }
      rader = readCsv(plass.path, tabell.file);
      if (typeof rader !== 'string' && tabell.omrade !== undefined) rader = cutOut(rader, parseOmrade(tabell.omrade)!);
    } else if (type === '.xlsx' || type === '.xlsm') {
      rader = await readXlsx(plass.path, tabell);
    } else {
      tabell.error = `tabellfilen «${tabell.file}» kan ikke leses: bare .csv og .xlsx støttes. Lagre regnearket som «Excel-arbeidsbok (.xlsx)» eller «CSV (semikolondelt)».`;
      return;
    }
  } catch {
    tabell.error = `tabellfilen «${tabell.file}» kan ikke leses; sjekk at filen ikke er åpen i et annet program eller skadet.`;
    return;
  }
  if (typeof rader === 'string') {
    tabell.error = rader;
    return;
  }
  // Empty rows and columns at the edges (Excel's used range often has some) are not part of the table.
  const tom = (c: Tabellcelle) => c === '';
  while (rader.length > 0 && rader[rader.length - 1]!.every(tom)) rader.pop();
  while (rader.length > 0 && rader[0]!.every(tom)) rader.shift();
  const brukt = (rad: Tabellcelle[]) => {
    for (let k = rad.length - 1; k >= 0; k--) if (!tom(rad[k]!)) return k + 1;
    return 0;
  };
  const bredde = Math.max(0, ...rader.map(brukt));
  rader = rader.map((rad) => Array.from({ length: bredde }, (_, k) => rad[k] ?? ''));
  if (rader.length === 0 || bredde === 0) {
    tabell.error = `tabellen fra «${tabell.file}»${tabell.omrade ? ` (område ${tabell.omrade})` : ''} er tom; første rad blir overskriftene, og under den kommer radene.`;
    return;
  }
  tabell.rader = rader;
}

/** The directives of a sak body with their files read. */
export async function readTabellfiler(meetingDir: string, sakFile: string, text: string, from: number): Promise<Tabellfil[]> {
  const tabeller = findTabelldirektiver(text, from);
  for (const tabell of tabeller) await read(meetingDir, sakFile, tabell);
  return tabeller;
}
