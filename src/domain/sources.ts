import type { ActiveContent } from '../util/pdf-active-content.js';
import type { Diagnostic, Position } from './diagnostics.js';
import type { Fraser, Sprak } from './sprak.js';

export type YamlPath = readonly (string | number)[];

/** A parsed YAML text that remembers where every value was written. */
export interface YamlSource {
  file: string;
  data: unknown;
  /** Position of a value (or, with `'key'`, of its key); falls back to the nearest written ancestor. */
  locate(path: YamlPath, what?: 'key' | 'value'): Position;
}

/** `ok`, or why there is no usable frontmatter (`ugyldig`: its YAML error is already reported). */
export type FrontmatterStatus = 'ok' | 'mangler' | 'uavsluttet' | 'tom' | 'ugyldig';

/**
 * A Markdown file split into its frontmatter and its body. The body stays text: the model only
 * needs its headings (see seksjoner.ts), and the renderer parses each part it prints once.
 * Parsing every body with micromark just to check a year of meetings took most of a second.
 */
export interface MarkdownSource {
  file: string;
  text: string;
  frontmatter?: YamlSource;
  frontmatterStatus: FrontmatterStatus;
  /** Offset and line where the body starts (after the closing `---`). */
  bodyStart: number;
  bodyLine: number;
  /** What only a parser sees, read by load when the text has HTML, definitions or images (load/markdown-mdast.ts). */
  skrevet?: SkrevetMarkdown;
  /** The images written in it, with where each points (load/bilder.ts); read with `skrevet`. */
  bilder?: Bilde[];
}

/**
 * What a Markdown file holds that a line-by-line reading cannot tell, read from the mdast (and,
 * for HTML written in it, from the HTML parsed as the renderer parses it), with the file's own
 * offsets and positions. The model checks it and gives each part of a sak the definitions it uses.
 */
export interface SkrevetMarkdown {
  /** `[r]: url` (lenke) and `[^1]: …` (fotnote), in file order; a second one of the same name too. */
  definisjoner: Definisjon[];
  /** Where `[x][r]`, `![d][r]` and `[^1]` use a definition. */
  referanser: { type: Definisjon['type']; identifier: string; offset: number }[];
  /** HTML left out with what is in it: `<script>`, `<style>`, `<iframe>` … (util/html-rules.ts), `<?…?>`. */
  utelatt: { tag: string; position: Position; lukket: boolean }[];
  /** Offsets where text that shows (a letter or a digit) starts, in order. */
  synlig: number[];
  /** Where an HTML comment (`<!--`) opens that is never closed, so it swallows the text after it. */
  aapenKommentar?: Position;
  /** Where a `<!--` in running text is never closed in its paragraph: CommonMark shows it as written. */
  kommentarAsText?: Position;
  /** Headings written as HTML (`<h3>…</h3>`), with their text: the referat's sections are Markdown headings only. */
  htmlOverskrifter: { tag: string; tittel: string; position: Position }[];
}

export interface Definisjon {
  type: 'lenke' | 'fotnote';
  /** As CommonMark compares them: case and spaces folded. */
  identifier: string;
  /** As written. */
  label: string;
  start: number;
  end: number;
  position: Position;
}

export type VedleggStatus =
  | 'ok'
  | 'absolutt'
  | 'utenfor'
  | 'mangler'
  | 'mappe'
  | 'blindlenke'
  | 'ikke-fil'
  | 'ikke-pdf'
  | 'kryptert'
  | 'skadet';

export interface VedleggProbe {
  status: VedleggStatus;
  /** Absolute path, after Unicode normalisation found the file as it is named on disk. */
  path: string;
  /** For a missing file: the names in its folder, for "Mente du …?". */
  siblings?: string[];
  /** For a readable PDF: the active content build will remove, found by `findAktivtInnholdInProject`. */
  aktivtContent?: ActiveContent[];
  /** For a readable PDF: whether it is tagged (has a structure tree a screen reader reads). */
  tagget?: boolean;
}

export interface SakSource {
  file: string;
  /** File name without `.md`: how breaks (`pauser: etter`) refer to the sak. */
  fileName: string;
  markdown?: MarkdownSource;
  /** Every `vedlegg[].fil` the frontmatter names, checked on disk, keyed by the text written. */
  vedlegg: Map<string, VedleggProbe>;
  /** Images in the body, checked on disk. */
  bilder: Bilde[];
  /** Tables from CSV/XLSX files (`<!-- tabell: … -->`), read by `lesTabellfilerIProsjekt`; empty until then. */
  tabeller: Tabellfil[];
}

export interface MoteSource {
  /** Problems found while reading the meeting's files; reported with the meeting's own. */
  diagnostics: Diagnostic[];
  dir: string;
  mappe: string;
  moteFile: string;
  mote?: YamlSource;
  saker: SakSource[];
  referat?: MarkdownSource;
  referatFile: string;
  /** The record `motedok send` keeps (journal.json), parsed; undefined before anything was sent. */
  journal?: YamlSource;
  journalFile: string;
  /** Every file under the meeting folder that a page may show, relative path → real path (see load/bilder.ts). */
  files: Record<string, string>;
}

/** A logo is shown only when it is `ok`: an image file inside the project folder, links followed. */
export type LogoStatus = 'ok' | 'mangler' | 'utenfor' | 'ikke-fil' | 'ikke-bilde' | 'for-stor';

export interface ProjectSource {
  /** The folder that holds organisasjon.yaml; meetings are found below it. */
  root: string;
  organisasjonFile: string;
  organisasjon?: YamlSource;
  /** What the logo named in organisasjon.yaml points at (undefined: no logo named). */
  logo?: LogoStatus;
  meetings: MoteSource[];
  /** The fixed texts in Bokmål and Nynorsk (templates/sprak/). */
  fraser: Record<Sprak, Fraser>;
}

/**
 * Tables from CSV and Excel files next to a sak. A line of its own in the body,
 *
 *     <!-- tabell: budsjett.xlsx ark="Budsjett 2025" område="A1:D12" sum -->
 *
 * names the file (relative to the sak, inside the meeting folder), and for Excel files the sheet
 * and the cells. Other Markdown viewers show nothing for the comment. The load stage reads the
 * file here; the model gets the cells as data (see model/tabellfil.ts) and never touches the disk.
 */

/** A cell as read: text, or a number when the file holds one (Excel) or writes one plainly (CSV). */
export type Tabellcelle = string | number;

export interface Tabellfil {
  /** The directive as written (trimmed): the model replaces this line with the table. */
  direktiv: string;
  position: Position;
  file: string;
  ark?: string;
  omrade?: string;
  sum: boolean;
  /** The rows, first row the header; undefined when `feil` says why not. */
  rader?: Tabellcelle[][];
  error?: string;
}

export interface Bilde {
  alt: string;
  url: string;
  position: Position;
  status: BildeStatus;
  /** Written as HTML (`<img src=…>`): left out with a warning rather than an error. */
  html?: boolean;
}

export type BildeStatus = 'ok' | 'mangler' | 'utenfor' | 'ekstern';

/** A template file as read: where it was found, and its text. */
export interface TemplateFile {
  file: string;
  text: string;
}

/** Every file the templates are made of, read from disk; render/templates.ts compiles them. */
export interface TemplateFiles {
  /** The folders templates were read from, built-in first. */
  folders: string[];
  /** By path relative to the template folder, in the order they were read. */
  files: Map<string, TemplateFile>;
  /** The partials' paths (`partials/x.hbs`), keys of `files`. */
  partials: string[];
  fraser: Record<Sprak, Fraser>;
  /** Text of the phrase files, for cache keys. */
  sprakText: string;
}

export const DOCUMENT_TEMPLATES = [
  'innkalling',
  'tilleggsinnkalling',
  'saksliste',
  'vedlegg',
  'saksdokumenter',
  'referat',
  'vedtaksliste',
  'arsplan',
  'nettsted/indeks',
  'nettsted/mote',
  'nettsted/sak',
  'nettsted/utvalg',
  'nettsted/ar',
  'nettsted/sok',
] as const;
