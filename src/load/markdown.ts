import type { Root, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Diagnostics } from '../diagnostics.js';
import { parseYaml, type YamlSource } from './yaml.js';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/** `ok`, or why there is no usable frontmatter (`ugyldig`: its YAML error is already reported). */
export type FrontmatterStatus = 'ok' | 'mangler' | 'uavsluttet' | 'tom' | 'ugyldig';

/** A Markdown file with its frontmatter: the syntax tree keeps positions for every node. */
export interface MarkdownSource {
  file: string;
  text: string;
  tree: Root;
  frontmatter?: YamlSource;
  frontmatterStatus: FrontmatterStatus;
}

export function parseMarkdown(file: string, text: string, diags: Diagnostics): MarkdownSource {
  const tree = parser.parse(text);
  const first = tree.children[0];
  if (first?.type !== 'yaml') {
    const status = /^---[ \t]*\n/.test(text) ? 'uavsluttet' : 'mangler';
    return { file, text, tree, frontmatterStatus: status };
  }
  const yamlNode = first as Yaml;
  if (yamlNode.value.trim() === '') return { file, text, tree, frontmatterStatus: 'tom' };
  // The YAML text starts on the line after the opening `---`.
  const frontmatter = parseYaml(file, yamlNode.value, diags, yamlNode.position?.start.line ?? 1);
  return { file, text, tree, frontmatter, frontmatterStatus: frontmatter ? 'ok' : 'ugyldig' };
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
