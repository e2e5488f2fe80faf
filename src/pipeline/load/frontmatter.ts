import type { Diagnostics } from '../../domain/diagnostics.js';
import type { MarkdownSource } from '../../domain/sources.js';
import { parseYaml } from './yaml.js';

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
