import matter from 'gray-matter';
import type { Diagnostics } from '../../domain/diagnostics.js';
import type { MarkdownSource, YamlSource } from '../../domain/sources.js';
import { findMarkdownLimit, MARKDOWN_GRENSER, type MarkdownGrense } from '../../util/nesting.js';
import { parseYaml, tusener } from './yaml.js';

const OPEN = /^---[ \t]*\n/;
const CLOSE = /^---[ \t]*$/m;

/**
 * Frontmatter as remark-frontmatter and most static-site tools read it: `---` on the first line,
 * closed by `---` on a line of its own. gray-matter splits it off; its YAML engine is our own
 * parseYaml, which keeps positions and reports errors in Norwegian. The frontmatter gray-matter
 * hands the engine starts right after the opening `---` (on line 1), so lines need no offset.
 */
export function parseMarkdown(file: string, text: string, diags: Diagnostics): MarkdownSource {
  // Missing and unclosed frontmatter are told apart before splitting: gray-matter would take an
  // unclosed block to the end of the file as frontmatter, and `---yaml` as a language tag.
  const open = OPEN.exec(text);
  if (!open) return { file, text, frontmatterStatus: 'mangler', bodyStart: 0, bodyLine: 1 };
  if (!CLOSE.test(text.slice(open[0].length))) return { file, text, frontmatterStatus: 'uavsluttet', bodyStart: 0, bodyLine: 1 };
  let frontmatter: YamlSource | undefined;
  let parsed = false;
  const yaml = (yamlText: string) => {
    parsed = true;
    frontmatter = parseYaml(file, yamlText, diags);
    return {};
  };
  // With options, gray-matter neither caches nor reuses a result: every call parses (and reports) anew.
  const split = matter(text, { language: 'yaml', engines: { yaml } });
  let bodyStart = text.length - split.content.length;
  // gray-matter leaves what follows the closing `---` on its line (spaces, tabs) in the body.
  if (text[bodyStart - 1] !== '\n') bodyStart += /^[ \t]*\n?/.exec(split.content)![0].length;
  const bodyLine = text.slice(0, bodyStart).split('\n').length;
  reportMarkdownLimits(file, text.slice(bodyStart), bodyLine, diags);
  const base = { file, text, bodyStart, bodyLine };
  if (split.matter.trim() === '') return { ...base, frontmatterStatus: 'tom' };
  // A block of only comments is empty to gray-matter, which then calls no engine; to YAML it is a document.
  if (!parsed) yaml(split.matter);
  return { ...base, frontmatter, frontmatterStatus: frontmatter ? 'ok' : 'ugyldig' };
}

const GRENSEMELDINGER: Record<MarkdownGrense, string> = {
  nivaer: `lister og sitater (>) ligger her mer enn ${MARKDOWN_GRENSER.nivaer} nivåer inn i hverandre; høyst ${MARKDOWN_GRENSER.nivaer} nivåer er tillatt. Bruk færre nivåer.`,
  elementer: `teksten har for mange elementer (avsnitt, overskrifter, tabellrader, kodelinjer, listepunkter og sitatmerker): grensen på ${tusener(MARKDOWN_GRENSER.elementer)} passeres her. Del teksten på flere saker, eller legg den ved som PDF under vedlegg/.`,
  linjenivaer: `for mye av teksten ligger inne i lister og sitater: hver linje teller én gang for hvert nivå den ligger inne i, og grensen på ${tusener(MARKDOWN_GRENSER.linjenivaer)} passeres her. Bruk færre nivåer, eller legg teksten ved som PDF under vedlegg/.`,
  tegn: `teksten er for lang: grensen på ${tusener(MARKDOWN_GRENSER.tegn)} tegn (om lag 150 sider) passeres her. Del teksten på flere saker, eller legg den ved som PDF under vedlegg/.`,
  klammer: `teksten har for mange hakeparenteser ([ og ], som lenker, bilder og fotnoter skrives med): grensen på ${tusener(MARKDOWN_GRENSER.klammer)} passeres her. Del teksten på flere saker, eller legg den ved som PDF under vedlegg/.`,
};

/**
 * Markdown the parser cannot take in well under a second (or at all: nesting that overflows the
 * stack), reported where the first limit is passed; the text is then never parsed.
 */
function reportMarkdownLimits(file: string, body: string, bodyLine: number, diags: Diagnostics): void {
  const passed = findMarkdownLimit(body);
  if (passed) diags.error(file, { line: passed.line + bodyLine - 1, column: passed.column }, GRENSEMELDINGER[passed.grense]);
}
