import type { JournalMotetid } from '../../domain/journal.js';
import { type Fraser, frase, ukedagPa } from '../../domain/sprak.js';
import type { Dato, EpostAdresse, Mote } from '../../domain/types.js';
import { langDato } from '../model/tid.js';

/** What an e-mail of `motedok send` is about. */
export type Epostslag = 'innkalling' | 'tilleggsinnkalling' | 'endring' | 'avlysning';

/** A document as the e-mail names it: its file name and size. */
export interface Epostfil {
  fileName: string;
  bytes: number;
}

export interface EpostTextGrunnlag {
  slag: Epostslag;
  mote: Mote;
  /** The documents attached to the e-mail. */
  vedlagt: readonly Epostfil[];
  /** The documents left out because together they pass `grense`: the text says where to put the link. */
  forStore: readonly Epostfil[];
  /** Bytes the attachments may hold in all. */
  grense: number;
  /** The time and place the members have in their calendars, for a change. */
  forrige?: JournalMotetid;
  /** Whether the e-mail carries a calendar invitation (it needs an organiser: the secretariat). */
  medInvitasjon: boolean;
  avsender?: EpostAdresse;
}

/** `3,2 MB`; a megabyte here is 1024 × 1024 bytes, as mail servers count. */
export function megabyte(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb < 0.1 && bytes > 0 ? '0,1' : mb.toFixed(1).replace('.', ',')} MB`;
}

function list(fraser: Fraser, deler: readonly string[]): string {
  if (deler.length <= 1) return deler.join('');
  return `${deler.slice(0, -1).join(', ')} ${frase(fraser, 'epost.og')} ${deler.at(-1)}`;
}

function tidOgSted(fraser: Fraser, t: JournalMotetid): Record<string, string> {
  return { ukedag: ukedagPa(fraser, t.dato), dato: langDato(t.dato as Dato), start: t.start, slutt: t.slutt, sted: t.sted };
}

function innledning(g: EpostTextGrunnlag, naa: Record<string, string>): string[] {
  const { fraser, utvalg } = g.mote;
  const felles = { utvalg: utvalg.navn, ...naa };
  switch (g.slag) {
    case 'innkalling':
      return [frase(fraser, 'epost.innkalling', felles)];
    case 'tilleggsinnkalling':
      return [frase(fraser, 'epost.tilleggsinnkalling', felles)];
    case 'endring': {
      const forrige = g.forrige ? tidOgSted(fraser, g.forrige) : naa;
      const forText = `${forrige.ukedag} ${forrige.dato} kl. ${forrige.start}–${forrige.slutt}, ${forrige.sted}`;
      return [frase(fraser, 'epost.endring', { ...felles, for: forText })];
    }
    case 'avlysning':
      return [frase(fraser, 'epost.avlysning', felles), frase(fraser, 'epost.grunn', { grunn: g.mote.avlyst })];
  }
}

function kalenderLinje(g: EpostTextGrunnlag): string[] {
  if (!g.medInvitasjon) return [];
  const { fraser } = g.mote;
  if (g.slag === 'avlysning') return [frase(fraser, 'epost.kalender_avlyst')];
  if (g.slag === 'endring') return [frase(fraser, 'epost.kalender_endret')];
  return [frase(fraser, 'epost.kalender_ny')];
}

function vedleggLinjer(g: EpostTextGrunnlag): string[] {
  const { fraser } = g.mote;
  const name = (f: Epostfil) => `${f.fileName} (${megabyte(f.bytes)})`;
  const lines: string[] = [];
  if (g.vedlagt.length > 0) lines.push(frase(fraser, 'epost.vedlagt', { filer: list(fraser, g.vedlagt.map(name)) }));
  if (g.forStore.length > 0) {
    const storrelse = megabyte(g.forStore.reduce((sum, f) => sum + f.bytes, 0));
    lines.push(
      frase(fraser, 'epost.for_stort', {
        filer: list(
          fraser,
          g.forStore.map((f) => f.fileName),
        ),
        storrelse,
        grense: megabyte(g.grense),
      }),
    );
  }
  return lines;
}

function emne(g: EpostTextGrunnlag): string {
  const { fraser, utvalg, dato } = g.mote;
  const verdier = { utvalg: utvalg.navn, dato: langDato(dato) };
  switch (g.slag) {
    case 'innkalling':
      return frase(fraser, 'innkalling.tittel', verdier);
    case 'tilleggsinnkalling':
      return frase(fraser, 'tilleggsinnkalling.tittel', verdier);
    case 'endring':
      return frase(fraser, 'epost.endring_emne', verdier);
    case 'avlysning':
      return frase(fraser, 'epost.avlysning_emne', verdier);
  }
}

/**
 * The subject and plain text of an e-mail of `motedok send`, in the meeting's language: short,
 * since the documents say the rest. The secretariat reads it as a draft before it goes out.
 */
export function renderEpostText(g: EpostTextGrunnlag, naa: JournalMotetid): { emne: string; tekst: string } {
  const { fraser, utvalg, organisasjon } = g.mote;
  const avsnitt = [
    [frase(fraser, 'epost.til', { utvalg: utvalg.navn })],
    innledning(g, tidOgSted(fraser, naa)),
    vedleggLinjer(g),
    kalenderLinje(g),
    [frase(fraser, 'epost.hilsen'), ...(g.avsender ? [g.avsender.navn] : []), organisasjon.navn],
  ].filter((a) => a.length > 0);
  return { emne: emne(g), tekst: `${avsnitt.map((a) => a.join('\n')).join('\n\n')}\n` };
}
