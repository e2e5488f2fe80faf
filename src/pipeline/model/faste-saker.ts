import { frase } from '../../domain/sprak.js';
import type { Mote, Sak, Utvalg } from '../../domain/types.js';
import { kortDato } from './tid.js';
import type { Utkast } from './utkast.js';
import { generertForslag } from './vedtak.js';

/** The fixed saker; the referat sak lists the previous meeting's referat as its attachment when there is one. */
export function buildFasteSaker(utkast: Utkast, previous: string | undefined, utvalg: Utvalg, forrigeHarReferat: boolean): Sak[] {
  const source = { file: utkast.source.moteFile, position: { line: 1, column: 1 } };
  const fast = (tittel: string, minutter: number, forslag: string): Sak => ({
    source,
    fast: true,
    type: 'beslutning',
    tittel,
    minutter,
    vedlegg: [],
    saksfremlegg: '',
    harSaksfremlegg: false,
    referanser: [],
    forslagTilVedtak: generertForslag(utkast.source.moteFile, forslag),
  });
  const f = (key: string, verdier: Record<string, string> = {}) => frase(utkast.fraser, `faste_saker.${key}`, verdier);
  const saker = [fast(f('innkalling'), 2, f('innkalling_forslag'))];
  if (previous) {
    const dato = kortDato(previous as Mote['dato']);
    const verdier = { kortnavn: utvalg.kortnavn, utvalg: utvalg.navn, dato };
    const sak = fast(f('referat', verdier), 3, f('referat_forslag', verdier));
    if (forrigeHarReferat) sak.vedlegg.push({ tittel: f('referat_vedlegg', verdier), source });
    saker.push(sak);
  }
  return saker;
}
