import type { Mote, SakPunkt, Sakslistepunkt } from '../../domain/types.js';
import { klokkeslett, langDato, saksnummer, ukedag } from '../model/tid.js';

function tid(punkt: { start: number; slutt: number }): string {
  return `${klokkeslett(punkt.start)}–${klokkeslett(punkt.slutt)}`;
}

function linje(punkt: Sakslistepunkt, bredde: number): string {
  if (punkt.kind === 'pause') return `  ${' '.repeat(bredde)}  ${tid(punkt)}  ${punkt.tittel} (${punkt.minutter} min)`;
  return sakslinje(punkt, `Sak ${saksnummer(punkt.sak.nummer!)}`, bredde);
}

function sakslinje(punkt: SakPunkt, merke: string, bredde: number): string {
  const { sak } = punkt;
  const flagg = [
    sak.unntattOffentlighet ? '  [unntatt offentlighet]' : '',
    sak.trukket ? '  [trukket]' : '',
    sak.utsendelse && sak.utsendelse > 1 ? '  [tilleggssak]' : '',
  ].join('');
  return `  ${merke.padEnd(bredde)}  ${tid(punkt)}  ${sak.tittel} (${sak.minutter} min)${flagg}`;
}

/** The column of sak numbers: «Sak 13.25» wide, wider when a running number has three digits or more. */
function nummerbredde(mote: Mote): number {
  return Math.max(9, ...mote.saker.map((sak) => (sak.nummer ? `Sak ${saksnummer(sak.nummer)}`.length : 0)));
}

/** The planned agenda as `check` prints it: one line per sak and break, with clock times. */
export function sakslisteAsText(mote: Mote): string {
  const lines = [
    `${mote.utvalg.navn} – ${ukedag(mote.dato)} ${langDato(mote.dato)}, kl. ${klokkeslett(mote.start)}–${klokkeslett(mote.slutt)}, ${mote.sted}${mote.avlyst ? '  [AVLYST]' : ''}`,
    ...(mote.avlyst ? [`  Avlyst: ${mote.avlyst}`] : []),
  ];
  const bredde = nummerbredde(mote);
  for (const gruppe of mote.saksliste.grupper) {
    if (gruppe.overskrift) lines.push(`  ${gruppe.overskrift}`);
    for (const punkt of gruppe.punkter) lines.push(linje(punkt, bredde));
  }
  const { eventuelt } = mote.saksliste;
  lines.push(`  ${'Eventuelt'.padEnd(bredde)}  ${tid(eventuelt)}`);
  for (const punkt of eventuelt.saker) lines.push(sakslinje(punkt, '  –', bredde));
  const deler = mote.vedlegg.reduce((sum, { vedlegg }) => sum + (vedlegg.deler?.length ?? 0), 0);
  if (mote.vedlegg.length > 0)
    lines.push(
      `  Vedlegg til innkallingen: ${mote.vedlegg.length}${deler > 0 ? `, med ${deler} ${deler === 1 ? 'del' : 'deler'} under seg` : ''}`,
    );
  lines.push(...utsendelseslinjer(mote));
  if (mote.referat)
    lines.push(`  Referat: ${mote.referat.status}, ${mote.referat.tilStede.length} til stede, ${mote.referat.forfall.length} forfall`);
  return lines.join('\n');
}

/** When the innkalling went out, and which saker still wait for a tilleggsinnkalling; for a cancelled meeting, what is left to do. */
function utsendelseslinjer(mote: Mote): string[] {
  if (mote.avlyst && mote.utsendelser.length === 0)
    return [
      '  Innkallingen ble aldri sendt: «motedok build» lager ingen dokumenter for møtet, bare mote.ics (avlyst), og det trenger ikke referat',
    ];
  if (mote.utsendelser.length === 0) return [];
  const lines = mote.utsendelser.map(
    (u) => `  ${u.type === 'innkalling' ? 'Innkalling' : 'Tilleggsinnkalling'} sendt ${langDato(u.dato)} (motedok send)`,
  );
  if (mote.avlyst) {
    lines.push('  Møtet holdes ikke, så det trenger ikke referat; de sendte dokumentene blir stående');
    return lines;
  }
  const venter = mote.saker.filter((s) => s.utsendelse === undefined && !s.trukket);
  if (venter.length > 0) {
    const numre = venter.map((s) => (s.nummer ? saksnummer(s.nummer) : s.tittel)).join(', ');
    lines.push(`  Ikke sendt ennå: ${numre}; kjør «motedok send» for en tilleggsinnkalling`);
  }
  return lines;
}
