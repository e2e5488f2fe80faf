import type { Diagnostics, Position } from '../../domain/diagnostics.js';
import type { MarkdownSource } from '../../domain/sources.js';
import type { Stemme, Votering } from '../../domain/types.js';
import type { Section } from './seksjoner.js';

/**
 * `### Votering` in a referat: the counts (`5 for, 1 mot, 1 avstår`), and how each member voted
 * on lines of their own (`- For: kari, ola` / `- Mot: per` / `- Avstår: …`). Either may stand
 * alone; with both, the names of a kind must be as many as its count. Whether the names are
 * members present for the sak is for deltakelse.ts, which knows who was there.
 */

/** A name on a `- For: …` line, as written, and where. */
export interface Stemmenavn {
  tekst: string;
  stemme: Stemme;
  position: Position;
}

export const STEMMER: readonly Stemme[] = ['for', 'mot', 'avstar'];

/** The kinds of vote as the referat writes them, for messages. */
export const STEMMEORD: Record<Stemme, string> = { for: 'For', mot: 'Mot', avstar: 'Avstår' };

const TALL = /(\d+)\s+for\b[^\d]*(\d+)\s+mot\b(?:[^\d]*(\d+)\s+avst)?/i;
const NAVNELINJE = /^(\s*[-*]\s+)(for|mot|avst[a-zæøå]*)\s*:(.*)$/i;
/** What a list of names may say when nobody voted so. */
const INGEN = /^(?:ingen|[-–—])$/i;

function parseStemme(ord: string): Stemme {
  const lower = ord.toLowerCase();
  return lower === 'for' ? 'for' : lower === 'mot' ? 'mot' : 'avstar';
}

/** The names after the colon of a names line, split at commas, semicolons and «og». */
function readNames(rest: string, stemme: Stemme, line: number, column: number): Stemmenavn[] {
  const found: Stemmenavn[] = [];
  let offset = 0;
  rest.split(/(,|;|\s+og\s+)/).forEach((part, i) => {
    const text = part.trim().replace(/\.$/, '').trim();
    if (i % 2 === 0 && text !== '' && !INGEN.test(text)) {
      found.push({ tekst: text, stemme, position: { line, column: column + offset + part.search(/\S/) } });
    }
    offset += part.length;
  });
  return found;
}

/** Reads the section: the vote, the names as written (checked later), and an error when it says neither. */
export function readVotering(
  source: MarkdownSource,
  section: Section,
  key: string,
  diags: Diagnostics,
): { votering: Votering | undefined; navn: Stemmenavn[] } {
  const lines = source.text.slice(section.contentStart, section.contentEnd).split('\n');
  const forste = section.overskrift.position.line + 1;
  const names: Stemmenavn[] = [];
  const brukt = new Set<number>();
  lines.forEach((linje, i) => {
    const m = NAVNELINJE.exec(linje);
    if (!m) return;
    brukt.add(i);
    names.push(...readNames(m[3]!, parseStemme(m[2]!), forste + i, linje.length - m[3]!.length + 1));
  });
  const tallLinje = lines.findIndex((linje, i) => !brukt.has(i) && TALL.test(linje));
  const tall = tallLinje === -1 ? undefined : TALL.exec(lines[tallLinje]!)!;
  if (!tall && brukt.size === 0) {
    diags.error(
      source.file,
      section.overskrift.position,
      `voteringen i sak ${key} må begynne med stemmetallene, for eksempel «5 for, 2 mot» eller «5 for, 1 mot, 1 avstår», ` +
        'eller si hvem som stemte hva på egne linjer: «- For: kari-nordmann, ola-hansen», «- Mot: …», «- Avstår: …».',
    );
    return { votering: undefined, navn: names };
  }
  if (tall) brukt.add(tallLinje);
  const text = lines
    .filter((_, i) => !brukt.has(i))
    .join('\n')
    .trim();
  const count = (stemme: Stemme, skrevet: string | undefined) =>
    skrevet !== undefined ? Number(skrevet) : names.filter((n) => n.stemme === stemme).length;
  const votering: Votering = {
    for: count('for', tall?.[1]),
    mot: count('mot', tall?.[2]),
    avstar: count('avstar', tall?.[3]),
    tekst: text,
  };
  if (tall) matchStemmetall(source, votering, names, key, diags);
  return { votering, navn: names };
}

/** With counts and names both written, the names under a kind are as many as its count. */
function matchStemmetall(source: MarkdownSource, votering: Votering, names: readonly Stemmenavn[], key: string, diags: Diagnostics): void {
  for (const stemme of STEMMER) {
    const under = names.filter((n) => n.stemme === stemme);
    if (under.length === 0 || under.length === votering[stemme]) continue;
    diags.error(
      source.file,
      under[0]!.position,
      `voteringen i sak ${key} sier ${votering[stemme]} ${stemme === 'avstar' ? 'avstår' : stemme}, men har ${under.length} navn under «${STEMMEORD[stemme]}»; ` +
        'tallene og navnene må stemme overens. Rett tallet, eller skriv alle navnene.',
    );
  }
}
