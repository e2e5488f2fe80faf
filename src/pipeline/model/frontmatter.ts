import type { Diagnostics } from '../../domain/diagnostics.js';
import type { MarkdownSource, YamlSource } from '../../domain/sources.js';

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
