import { basename, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import Handlebars from 'handlebars';
import type { Diagnostic } from '../../domain/diagnostics.js';
import { type Fraser, frase } from '../../domain/sprak.js';

export type DocumentTemplate = (typeof DOCUMENT_TEMPLATES)[number];

import { DOCUMENT_TEMPLATES, type TemplateFiles } from '../../domain/sources.js';
import { BUILTIN_TEMPLATES_DIR, FONT_DIR, FONT_FACES } from '../../util/package.js';
import type { arsplanView } from './arsplan.js';
import type { ArPageData, IndeksPageData, MotePageData, SakPageData, SokPageData, UtvalgPageData } from './site-views.js';
import { checkTemplateProgram, partialInfo, partialName } from './template-check.js';
import type {
  InnkallingData,
  ReferatData,
  SaksdokumenterData,
  SakslisteData,
  TilleggsinnkallingData,
  VedleggData,
  VedtakslisteData,
} from './views.js';

export { BUILTIN_TEMPLATES_DIR, FONT_DIR };

function fontFaces(): string {
  return FONT_FACES.map(({ vekt, stil, fil: file }) => {
    const url = pathToFileURL(join(FONT_DIR, file)).href;
    return `@font-face { font-family: "Source Sans 3"; font-style: ${stil}; font-weight: ${vekt}; src: url("${url}") format("woff2"); }`;
  }).join('\n');
}

/** Text for a CSS string: quotes, backslashes and `<` escaped so it cannot leave the string or the <style>. */
function cssText(value: unknown): Handlebars.SafeString {
  const text = String(value ?? '').replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return new Handlebars.SafeString(text);
}

/** A template the organisation supplied does not parse; names the file and the line. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
    readonly column?: number,
  ) {
    super(message);
  }
}

/** The data each template is rendered with: the documents' views (views.ts) and the site's pages (site-views.ts). */
interface DataPerMal {
  innkalling: InnkallingData;
  tilleggsinnkalling: TilleggsinnkallingData;
  saksliste: SakslisteData;
  vedlegg: VedleggData;
  saksdokumenter: SaksdokumenterData;
  referat: ReferatData;
  vedtaksliste: VedtakslisteData;
  arsplan: ArsplanData;
  'nettsted/indeks': IndeksPageData;
  'nettsted/mote': MotePageData;
  'nettsted/sak': SakPageData;
  'nettsted/utvalg': UtvalgPageData;
  'nettsted/ar': ArPageData;
  'nettsted/sok': SokPageData;
}

/** Template name → the type of its data; every template in DOKUMENTMALER must have one. */
export type MalData = { [M in DocumentTemplate]: DataPerMal[M] };

/** The årsplan's data, as render/arsplan.ts builds it. */
export type ArsplanData = ReturnType<typeof arsplanView>;

export interface Templates {
  render<M extends DocumentTemplate>(mal: M, data: MalData[M]): string;
  /** The site's own stylesheet (templates/nettsted/nettsted.css). */
  nettstedStil: string;
  /** The folders templates were read from, for the list of files a page may load. */
  folders: string[];
  /** Text of every template and the stylesheet, for cache keys. */
  innhold: string;
}

export interface MalValg {
  /** Handlebars `strict`: a field the data does not have is an error instead of empty text. For tests only. */
  strict?: boolean;
}

/** The helpers templates may call: Handlebars' own (if, each, with, lookup …) and these. */
const HELPERS = { cssTekst: true, t: true };

/** Handlebars' syntax error or unknown helper in one of the organisation's templates, at its line; undefined when it compiles. */
function compileProblem(hb: typeof Handlebars, file: string, text: string): Diagnostic | undefined {
  try {
    hb.parse(text);
  } catch (error) {
    const line = /line (\d+)/.exec((error as Error).message)?.[1];
    return {
      severity: 'feil',
      file,
      position: line ? { line: Number(line), column: 1 } : undefined,
      message:
        'malen har ugyldig Handlebars-syntaks: sjekk at hver {{#if}}, {{#each}} og {{#> …}} er lukket med {{/if}}, {{/each}} og {{/…}} med samme navn.',
    };
  }
  try {
    hb.precompile(text, { knownHelpersOnly: true, knownHelpers: HELPERS });
  } catch (error) {
    const found = /unknown helper (\S+) - (\d+):(\d+)/.exec((error as Error).message);
    if (!found) throw error;
    return {
      severity: 'feil',
      file,
      position: { line: Number(found[2]), column: Number(found[3]) + 1 },
      message: `malen bruker hjelperen «${found[1]}», som ikke finnes; tillatt er Handlebars' egne (if, unless, each, with, lookup) og ${Object.keys(HELPERS).join(' og ')}.`,
    };
  }
  return undefined;
}

const isOwn = (file: string) => !file.startsWith(BUILTIN_TEMPLATES_DIR + sep);

/** The partial name a template file is registered under (see compileTemplates), if it is a partial. */
function registeredAs(relativePath: string, templateFiles: TemplateFiles): string | undefined {
  if (relativePath === join('nettsted', 'ramme.hbs')) return 'nettsted/ramme';
  return templateFiles.partials.includes(relativePath) ? partialName(relativePath) : undefined;
}

/**
 * The organisation's own templates, checked when meetings load so that `check` reports, with the
 * line, what would otherwise stop a build in the middle: Handlebars syntax, a helper that does
 * not exist (`{{frobnicate x}}`), and what template-check.ts finds (missing partials, circles,
 * helpers with the wrong number of values). Every problem, not only the first.
 */
export function checkOwnTemplates(templateFiles: TemplateFiles): Diagnostic[] {
  if (![...templateFiles.files.values()].some((f) => isOwn(f.file))) return [];
  const hb = Handlebars.create();
  const partials = new Map<string, unknown>();
  const problems: Diagnostic[] = [];
  const parsed = new Map<string, { program: hbs.AST.Program; name?: string }>();
  for (const [relativePath, { file, text }] of templateFiles.files) {
    if (!relativePath.endsWith('.hbs')) continue;
    const problem = isOwn(file) ? compileProblem(hb, file, text) : undefined;
    if (problem) problems.push(problem);
    const name = registeredAs(relativePath, templateFiles);
    // Built-in templates are parsed only when they are partials, for what they use.
    const program = problem || (!isOwn(file) && !name) ? undefined : hb.parse(text);
    if (program && isOwn(file)) parsed.set(file, { program, name });
    if (name && program) partials.set(name, program);
  }
  const known = new Set([...templateFiles.partials.map(partialName), 'nettsted/ramme']);
  const info = partialInfo(partials);
  for (const [file, { program, name }] of parsed) problems.push(...checkTemplateProgram(file, program, name, known, info));
  return problems;
}

/**
 * Compiles the templates read by load/templates.ts. The Markdown the secretariat writes is data
 * passed to the templates, never compiled as a template, so `{{…}}` in a sak is printed as text.
 * The organisation's own templates are parsed here, so that a syntax error is reported (with its
 * line) when meetings load; the built-in ones, which tests render, are parsed when first used.
 */
export function compileTemplates(templateFiles: TemplateFiles, valg: MalValg = {}): Templates {
  const [problem] = checkOwnTemplates(templateFiles);
  if (problem) throw new TemplateError(problem.file, problem.position?.line, problem.message, problem.position?.column);
  const hb = Handlebars.create();
  hb.registerHelper('cssTekst', cssText);
  // {{t "innkalling.saksliste"}}: a fixed text in the document's language (the data's `fraser`, Bokmål without).
  const bokmal = templateFiles.fraser.nb;
  hb.registerHelper('t', (key: string, options: Handlebars.HelperOptions) =>
    frase((options.data?.root as { fraser?: Fraser } | undefined)?.fraser ?? bokmal, key, options.hash as Record<string, string>),
  );
  let content = '';
  const read = (relativePath: string) => {
    const { text } = templateFiles.files.get(relativePath)!;
    content += `\n${relativePath}
${text}`;
    return text;
  };
  for (const partial of templateFiles.partials) hb.registerPartial(basename(partial, '.hbs'), read(partial));
  hb.registerPartial('nettsted/ramme', read(join('nettsted', 'ramme.hbs')));
  const stil = read('print.css');
  const fonter = fontFaces();
  const templates = new Map<DocumentTemplate, Handlebars.TemplateDelegate>();
  for (const mal of DOCUMENT_TEMPLATES) {
    templates.set(mal, hb.compile(read(`${mal}.hbs`), { strict: valg.strict ?? false, noEscape: false }));
  }
  const nettstedStil = read(join('nettsted', 'nettsted.css'));
  content += templateFiles.sprakText;
  return {
    nettstedStil,
    render: (mal, data) =>
      templates.get(mal)!({ ...data, stil, fonter }, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }),
    folders: templateFiles.folders,
    innhold: content,
  };
}
