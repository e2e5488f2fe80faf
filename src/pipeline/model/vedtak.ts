import type { MarkdownSource } from '../../domain/sources.js';
import type { ForslagTilVedtak } from '../../domain/types.js';
import type { Heading, Section } from './seksjoner.js';
import { seksjoner } from './seksjoner.js';
import { addDefinisjoner } from './skrevet.js';

const FORSLAG_TIL_VEDTAK = /^forslag\s+til\s+vedtak\s*:?$/i;
const ALTERNATIV = /\balt(?:ernativ)?\.?\s*(\d+)\s*:/gi;

export function findForslagTilVedtak(text: string, headings: readonly Heading[]): Section[] {
  return seksjoner(text, headings).filter((section) => FORSLAG_TIL_VEDTAK.test(section.tittel));
}

/** `Alt. 1`, `Alt. 2` … named in a proposal or decision (`Alt. 1:` and `Alternativ 2:` both count). */
export function alternativer(markdown: string): string[] {
  const found = new Set<string>();
  for (const m of markdown.matchAll(ALTERNATIV)) found.add(`Alt. ${m[1]}`);
  return [...found];
}

/** A «Forslag til vedtak» section as written (with the definitions it uses from elsewhere in the file); the renderer turns `a)` lines into a lettered list. */
export function forslagFromSection(file: string, section: Section, source?: MarkdownSource): ForslagTilVedtak | undefined {
  if (section.innhold === '') return undefined;
  const markdown = source ? addDefinisjoner(source, [[section.contentStart, section.contentEnd]], section.innhold) : section.innhold;
  return { markdown, alternativer: alternativer(markdown), generert: false, source: { file, position: section.overskrift.position } };
}

export function generertForslag(file: string, text: string): ForslagTilVedtak {
  return { markdown: text, alternativer: [], generert: true, source: { file } };
}
