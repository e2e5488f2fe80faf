import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadMoter } from '../../src/build/load.js';
import { formatDiagnostic } from '../../src/domain/diagnostics.js';
import { PROSJEKTMAPPE } from '../../src/domain/prosjekt.js';

export const ORGANISASJON = `navn: Helsefellesskap Test
utvalg:
  ssu:
    navn: Strategisk samarbeidsutvalg
    kortnavn: SSU
    medlemmer:
      - { id: kari, navn: Kari Nordmann, rolle: leder, representerer: Sykehuset }
      - { id: ola, navn: Ola Hansen, rolle: nestleder, representerer: Hamar }
      - { id: per, navn: Per Solberg, rolle: medlem, representerer: Gjøvik }
`;

export const MOTE = `utvalg: ssu
dato: 2025-05-22
start: "09:00"
slutt: "14:00"
sted: Lillehammer
`;

export function sak(frontmatter: string, body = '## Forslag til vedtak\n\nSaken godkjennes.\n'): string {
  return `---\n${frontmatter.trim()}\n---\n\n${body}`;
}

export const BESLUTNING = sak('tittel: En sak\ntype: beslutning\nminutter: 30');

/** Writes a project to a fresh temporary folder: file path → content (string or bytes). */
export function makeProject(files: Record<string, string | Uint8Array>, withDefaults = true): string {
  const root = mkdtempSync(join(tmpdir(), 'motedok-test-'));
  const all: Record<string, string | Uint8Array> = withDefaults
    ? { 'organisasjon.yaml': ORGANISASJON, '2025-05-22-ssu/mote.yaml': MOTE, ...files }
    : files;
  for (const [path, content] of Object.entries(all)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

/** Loads every meeting of a project; diagnostics come back as the lines `check` prints. */
export async function check(root: string) {
  const result = await loadMoter([root], { cwd: root });
  return { ...result, lines: result.diagnostics.map((d) => formatDiagnostic(d, root)) };
}

/**
 * A fresh output folder beside the project, never inside it: motedok refuses an output folder
 * among the sources, since removing outdated outputs there could reach the secretariat's files.
 */
export function utmappe(): string {
  return mkdtempSync(join(tmpdir(), 'motedok-ut-'));
}

/**
 * The example meetings as shipped, frozen for the tests: `${PROSJEKTMAPPE}/` belongs to the secretariat
 * once they start writing, so no test reads or writes it.
 */
export const EKSEMPELPROSJEKT = resolve(import.meta.dirname, '..', 'fixtures', 'eksempel');
export const EKSEMPEL = join(EKSEMPELPROSJEKT, PROSJEKTMAPPE);

const UTMAPPE_SAKSFREMLEGG = '## Bakgrunn\n\nTekst.\n\n## Forslag til vedtak\n\nSaken godkjennes.\n';

/** A project laid out as the README teaches: <base>/<PROSJEKTMAPPE>/organisasjon.yaml and one meeting with an attachment. */
export function lagProsjektMedCases(): string {
  const base = mkdtempSync(join(tmpdir(), 'motedok-utmappe-'));
  const filer: Record<string, string> = {
    [`${PROSJEKTMAPPE}/organisasjon.yaml`]: ORGANISASJON,
    [`${PROSJEKTMAPPE}/2025-05-22-ssu/mote.yaml`]: MOTE,
    [`${PROSJEKTMAPPE}/2025-05-22-ssu/13-a.md`]: sak('tittel: En sak\ntype: beslutning\nminutter: 30', UTMAPPE_SAKSFREMLEGG),
    [`${PROSJEKTMAPPE}/2025-05-22-ssu/14-b.md`]: sak('tittel: En annen sak\ntype: beslutning\nminutter: 20', UTMAPPE_SAKSFREMLEGG),
    [`${PROSJEKTMAPPE}/2025-05-22-ssu/notater.txt`]: 'sekretariatets egne notater\n',
  };
  for (const [sti, innhold] of Object.entries(filer)) {
    mkdirSync(dirname(join(base, sti)), { recursive: true });
    writeFileSync(join(base, sti), innhold);
  }
  return base;
}
