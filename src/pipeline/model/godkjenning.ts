import { createHash } from 'node:crypto';
import type { JournalReferat } from '../../domain/journal.js';
import type { Dato, Referat } from '../../domain/types.js';
import { langDato } from './tid.js';
import type { Utkast } from './utkast.js';

/**
 * An approved referat is a record. Once the journal holds its checksum (build writes it when a
 * sent meeting's referat is built as godkjent), any edit is an error unless it comes with a new
 * correction (`rettelser:`), which the referat then shows.
 */

export function referatChecksum(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function rettelseChecksum(rettelse: Referat['rettelser'][number]): string {
  return referatChecksum(JSON.stringify([rettelse.dato, rettelse.tekst]));
}

export function checkGodkjentReferat(u: Utkast, referat: Referat): void {
  checkRettelser(u, referat);
  const godkjent = u.journal?.referat;
  if (!godkjent || referat.sha256 === godkjent.sha256) return;
  if (checkEarlierRettelser(u, referat, godkjent)) return;
  const file = referat.source.file;
  const dato = langDato(godkjent.godkjent as Dato);
  if (referat.status !== 'godkjent') {
    u.diags.error(
      file,
      { line: 1, column: 1 },
      `referatet ble godkjent ${dato} og kan ikke bli utkast igjen; sett status: godkjent, og skriv endringer som rettelser.`,
    );
  } else if (referat.rettelser.length < godkjent.rettelser) {
    u.diags.error(
      file,
      { line: 1, column: 1 },
      `referatet hadde ${godkjent.rettelser} ${godkjent.rettelser === 1 ? 'rettelse' : 'rettelser'} da det sist ble bygget, nå ${referat.rettelser.length}; en rettelse i et godkjent referat kan ikke fjernes.`,
    );
  } else if (referat.rettelser.length === godkjent.rettelser) {
    u.diags.error(
      file,
      { line: 1, column: 1 },
      `referatet ble godkjent ${dato} og er endret etter det. Et godkjent referat endres bare med en rettelse: skriv under «rettelser:» i frontmatter hva som er rettet, for eksempel rettelser: [{ dato: ÅÅÅÅ-MM-DD, tekst: "Navnet på … var feilstavet." }], eller sett teksten tilbake (det godkjente referatet ligger i sendt/referat/).`,
    );
  }
}

/** A correction, once recorded in the journal, stays as it was written: a new one is added instead. */
function checkEarlierRettelser(u: Utkast, referat: Referat, godkjent: JournalReferat): boolean {
  const frontmatter = u.source.referat?.frontmatter;
  const changed = (godkjent.rettelserSha256 ?? []).flatMap((sha, i) => {
    const rettelse = referat.rettelser[i];
    return rettelse && rettelseChecksum(rettelse) !== sha ? [{ rettelse, i }] : [];
  });
  for (const { rettelse, i } of changed)
    u.diags.error(
      referat.source.file,
      frontmatter?.locate(['rettelser', i]) ?? { line: 1, column: 1 },
      `rettelse ${i + 1} (${langDato(rettelse.dato)}) er endret etter at den ble registrert i journalen; en rettelse står slik den ble skrevet. Sett den tilbake, og skriv det nye som en ny rettelse nederst i «rettelser:».`,
    );
  return changed.length > 0;
}

/** A correction belongs to an approved referat, and is made after the approval. */
function checkRettelser(u: Utkast, referat: Referat): void {
  const frontmatter = u.source.referat?.frontmatter;
  if (!frontmatter || referat.rettelser.length === 0) return;
  if (referat.status !== 'godkjent') {
    u.diags.error(
      referat.source.file,
      frontmatter.locate(['rettelser'], 'key'),
      '«rettelser» er for et godkjent referat: det viser dem under «Rettelser etter godkjenning». Et utkast retter du direkte i teksten; fjern «rettelser».',
    );
    return;
  }
  const godkjent = referat.godkjent?.dato ?? u.journal?.referat?.godkjent;
  if (!godkjent) return;
  referat.rettelser.forEach((r, i) => {
    if (r.dato >= godkjent) return;
    u.diags.error(
      referat.source.file,
      frontmatter.locate(['rettelser', i, 'dato']),
      `rettelsen er datert ${langDato(r.dato)}, før referatet ble godkjent ${langDato(godkjent as Dato)}; en rettelse gjøres etter godkjenningen. Skriv datoen rettelsen ble gjort.`,
    );
  });
}

/** What the journal keeps of an approved referat. */
export function journalReferat(referat: Referat, idag: string): JournalReferat {
  return {
    godkjent: referat.godkjent?.dato ?? idag,
    sha256: referat.sha256,
    rettelser: referat.rettelser.length,
    rettelserSha256: referat.rettelser.map(rettelseChecksum),
  };
}
