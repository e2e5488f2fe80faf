import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Diagnostics } from '../../domain/diagnostics.js';
import { readLogo, readVedleggFiles } from '../../domain/fields.js';
import { JOURNAL_FILE } from '../../domain/journal.js';
import { fileOrder } from '../../domain/saksliste.js';
import type { MarkdownSource, MoteSource, ProjectSource, SakSource, VedleggProbe, YamlSource } from '../../domain/sources.js';
import { yieldToEventLoop } from '../../util/event-loop.js';
import { findMarkdownLimit } from '../../util/nesting.js';
import { isInside } from '../../util/paths.js';
import { findBilder, findMotefiler } from './bilder.js';
import { checkLogo } from './logo.js';
import { findMotemapper, MOTE_FILE, ORGANISASJON_FILE } from './mapper.js';
import { readKnownContents, readMarkdownSource, readYamlSource } from './source-store.js';
import { loadFraser } from './sprak.js';
import { readTabellfiler } from './tabellfiler.js';
import { readText } from './text.js';
import { mayHaveActiveContent, probeVedlegg, taggedFromBytes } from './vedlegg.js';
import { parseYaml } from './yaml.js';

export {
  findMotemapper,
  findProjectRoot,
  findProjectRootFromCwd,
  isMotemappe,
  MOTE_FILE as MOTE_FIL,
  ORGANISASJON_FILE as ORGANISASJON_FIL,
} from './mapper.js';

export const REFERAT_FILE = 'referat.md';

function isSakFile(name: string): boolean {
  return /\.md$/i.test(name) && !name.startsWith('.') && !name.startsWith('~') && name.toLowerCase() !== REFERAT_FILE;
}

function probeAttachments(meetingDir: string, markdown: MarkdownSource | undefined): Map<string, VedleggProbe> {
  const files = readVedleggFiles(markdown?.frontmatter?.data);
  return new Map(files.map((file) => [file, probeVedlegg(meetingDir, file)]));
}

function loadMarkdown(file: string, diags: Diagnostics): MarkdownSource | undefined {
  const text = readText(file, diags);
  if (text === undefined) return undefined;
  return readMarkdownSource(file, text, diags);
}

function loadYaml(file: string, diags: Diagnostics) {
  const text = readText(file, diags);
  if (text === undefined) return undefined;
  return readYamlSource(file, text, diags);
}

/**
 * A file that is a symlink to somewhere outside the project (/etc/passwd, another user's files)
 * is refused: what is in the project folder is what gets published, nothing else.
 */
function utenforProsjektet(root: string, file: string, diags: Diagnostics): boolean {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return false;
  }
  if (isInside(realpathSync(root), real)) return false;
  diags.error(
    file,
    undefined,
    `filen er en snarvei til «${real}», som ligger utenfor prosjektmappen (mappen med ${ORGANISASJON_FILE}); kopier filen inn i møtemappen i stedet.`,
  );
  return true;
}

/** A meeting folder's files; the event loop runs between one file and the next (see yieldToEventLoop). */
export async function loadMoteSource(dir: string, root = dir): Promise<MoteSource> {
  const diags = new Diagnostics();
  const moteFile = join(dir, MOTE_FILE);
  const mote = utenforProsjektet(root, moteFile, diags) ? undefined : loadYaml(moteFile, diags);
  const names = readdirSync(dir).filter((name) => {
    if (!isSakFile(name)) return false;
    try {
      if (!statSync(join(dir, name)).isFile()) return false;
    } catch {
      diags.error(join(dir, name), undefined, 'filen kan ikke leses (en snarvei som peker til en fil som ikke finnes?).');
      return false;
    }
    return !utenforProsjektet(root, join(dir, name), diags);
  });
  const saker: SakSource[] = [];
  for (const name of names.sort(fileOrder.compare)) {
    await yieldToEventLoop();
    const file = join(dir, name);
    const markdown = loadMarkdown(file, diags);
    saker.push({
      file,
      fileName: name.replace(/\.md$/i, ''),
      markdown,
      vedlegg: probeAttachments(dir, markdown),
      bilder: [],
      tabeller: [],
    });
  }
  const referatName = readdirSync(dir).find((name) => name.toLowerCase() === REFERAT_FILE);
  const referatFile = join(dir, referatName ?? REFERAT_FILE);
  await yieldToEventLoop();
  const referat = referatName && !utenforProsjektet(root, referatFile, diags) ? loadMarkdown(referatFile, diags) : undefined;
  const journalFile = join(dir, JOURNAL_FILE);
  const journal = loadJournal(root, journalFile, diags);
  return {
    diagnostics: diags.items,
    dir,
    mappe: basename(dir),
    moteFile,
    mote,
    saker,
    referat,
    referatFile,
    journal,
    journalFile,
    files: findMotefiler(dir),
  };
}

/** journal.json, when `motedok send` has written one; JSON is YAML, so its values keep their positions. */
function loadJournal(root: string, file: string, diags: Diagnostics): YamlSource | undefined {
  if (!existsSync(file) || utenforProsjektet(root, file, diags)) return undefined;
  const text = readText(file, diags);
  return text === undefined ? undefined : parseYaml(file, text, diags);
}

/** Reads organisasjon.yaml and every meeting below the project root. */
export async function loadProjectSource(root: string, diags: Diagnostics): Promise<ProjectSource> {
  const organisasjonFile = join(root, ORGANISASJON_FILE);
  const organisasjon = loadYaml(organisasjonFile, diags);
  const meetings: MoteSource[] = [];
  for (const dir of findMotemapper(root).filter((d) => d !== root)) meetings.push(await loadMoteSource(dir, root));
  const logo = readLogo(organisasjon?.data);
  const logoStatus = logo === undefined ? undefined : checkLogo(root, logo);
  return { root, organisasjonFile, organisasjon, logo: logoStatus, meetings, fraser: loadFraser() };
}

/** A text readSkrevet has something to find in: HTML (comments too), definitions, footnotes or images. */
const NEEDS_MDAST = /<[a-z/?!]|\]:|\[\^|!\[/i;

/**
 * Reads what only a parser sees in every sak and referat (images in any form, definitions,
 * HTML, where text shows; see markdown-mdast.ts). A step of its own after loading: the Markdown
 * parser is loaded only when some file has HTML, definitions or images.
 */
export async function readSkrevetInProject(project: ProjectSource): Promise<void> {
  for (const meeting of project.meetings) {
    for (const markdown of [...meeting.saker.map((sak) => sak.markdown), meeting.referat]) {
      // A text over the Markdown limits is reported and never parsed (parsing it could take minutes).
      if (
        !markdown ||
        !NEEDS_MDAST.test(markdown.text.slice(markdown.bodyStart)) ||
        findMarkdownLimit(markdown.text.slice(markdown.bodyStart))
      )
        continue;
      await yieldToEventLoop();
      const { skrevet, bilder } = await readKnownContents(markdown.file, markdown.text, 'skrevet', async () => {
        const { readSkrevet } = await import('./markdown-mdast.js');
        return readSkrevet(markdown.text);
      });
      markdown.skrevet = skrevet;
      markdown.bilder = findBilder(meeting.dir, bilder);
      const sak = meeting.saker.find((s) => s.markdown === markdown);
      if (sak) sak.bilder = markdown.bilder;
    }
  }
}

/**
 * Reads the files that `<!-- tabell: … -->` directives name (Excel files can only be read
 * asynchronously, so this is a step of its own after loading).
 */
export async function readTabellfilerInProject(project: ProjectSource): Promise<void> {
  for (const meeting of project.meetings) {
    for (const sak of meeting.saker) {
      if (sak.markdown?.text.includes('tabell')) {
        await yieldToEventLoop();
        sak.tabeller = await readTabellfiler(meeting.dir, sak.file, sak.markdown.text, sak.markdown.bodyStart);
      }
    }
  }
}

/**
 * Finds the active content (scripts, launch actions, embedded files, file: links) in every
 * readable attachment, which build removes and check warns about, and whether it is tagged for
 * screen readers. Only files whose bytes may name active content, or hide their catalog in an
 * object stream, are parsed, and pdf-lib is loaded only for them.
 */
export async function findAktivtContentInProject(project: ProjectSource): Promise<void> {
  for (const meeting of project.meetings) {
    for (const sak of meeting.saker) {
      for (const probe of sak.vedlegg.values()) {
        if (probe.status !== 'ok') continue;
        const bytes = readFileSync(probe.path);
        probe.tagget = taggedFromBytes(bytes);
        if (!mayHaveActiveContent(bytes) && probe.tagget !== undefined) continue;
        const content = await readKnownContents(probe.path, bytes, 'vedlegg-innhold', async () => {
          const { readVedleggContent } = await import('./vedlegg-innhold.js');
          return readVedleggContent(bytes);
        });
        probe.aktivtContent = content.aktivtContent;
        probe.tagget ??= content.tagget;
      }
    }
  }
}
