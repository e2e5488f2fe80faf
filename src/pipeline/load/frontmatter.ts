import type { Diagnostics } from '../../domain/diagnostics.js';
import { parseYaml, type YamlSource } from './yaml.js';

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
}

const OPEN = /^---[ \t]*\n/;
const CLOSE = /^---[ \t]*$/m;

/** Frontmatter as remark-frontmatter and most static-site tools read it: `---` on the first line, closed by `---` on a line of its own. */
export function parseMarkdown(file: string, text: string, diags: Diagnostics): MarkdownSource {
  const open = OPEN.exec(text);
  if (!open) return { file, text, frontmatterStatus: 'mangler', bodyStart: 0, bodyLine: 1 };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { file, text, frontmatterStatus: 'uavsluttet', bodyStart: 0, bodyLine: 1 };
  const yamlText = rest.slice(0, close.index);
  const bodyStart = Math.min(text.length, open[0].length + close.index + close[0].length + 1);
  const bodyLine = text.slice(0, bodyStart).split('\n').length;
  const base = { file, text, bodyStart, bodyLine };
  if (yamlText.trim() === '') return { ...base, frontmatterStatus: 'tom' };
  // The YAML text starts on line 2, after the opening `---`.
  const frontmatter = parseYaml(file, yamlText, diags, 1);
  return { ...base, frontmatter, frontmatterStatus: frontmatter ? 'ok' : 'ugyldig' };
}

/** The frontmatter, or an error saying what is wrong with it; `felt` names the fields it needs. */
export function requireFrontmatter(source: MarkdownSource, felt: string, diags: Diagnostics): YamlSource | undefined {
  const top = { line: 1, column: 1 };
  switch (source.frontmatterStatus) {
    case 'ok':
      return source.frontmatter;
    case 'mangler':
      diags.error(source.file, top, `filen mangler frontmatter: den må begynne med en linje «---», så ${felt}, så en linje «---».`);
      return undefined;
    case 'uavsluttet':
      diags.error(source.file, top, 'frontmatter som starter med «---» på linje 1 mangler en avsluttende «---»-linje.');
      return undefined;
    case 'tom':
      diags.error(source.file, top, `frontmatter er tom; den må ha ${felt}.`);
      return undefined;
    case 'ugyldig':
      return undefined;
  }
}
