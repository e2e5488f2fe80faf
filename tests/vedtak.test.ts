import { describe, expect, it } from 'vitest';
import { overskrifter } from '../src/model/seksjoner.js';
import { findForslagTilVedtak, forslagFromSection } from '../src/model/vedtak.js';

function forslag(markdown: string) {
  const section = findForslagTilVedtak(markdown, overskrifter(markdown))[0]!;
  return forslagFromSection('sak.md', section)!;
}

describe('Forslag til vedtak', () => {
  it('keeps numbered items with their a) b) sub-items, written as continuation lines', () => {
    const f = forslag(`## Vurdering\n\nTekst.\n\n## Forslag til vedtak\n\n1. SSU beslutter mandater for\n   a) programstyrene\n   b) faglig samarbeidsutvalg,\n      med innspill fra møtet\n2. SSU ber sekretariatet følge opp.\n\n## Vedlegg\n\nIkke med.\n`);
    expect(f.punkter).toEqual([
      { tekst: 'SSU beslutter mandater for', underpunkter: [{ merke: 'a', tekst: 'programstyrene' }, { merke: 'b', tekst: 'faglig samarbeidsutvalg, med innspill fra møtet' }] },
      { tekst: 'SSU ber sekretariatet følge opp.', underpunkter: [] },
    ]);
    expect(f.markdown).toContain('   a) programstyrene');
    expect(f.markdown).not.toContain('Ikke med');
    expect(f.kilde.position).toEqual({ line: 5, column: 1 });
  });

  it('accepts "Forslag til vedtak:" at any heading level, a paragraph as one item, and finds alternatives', () => {
    const f = forslag(`### Forslag til vedtak:\n\nSSU etablerer et fond på\na. Alt. 1: kr 750.000,-\nb. Alt. 2: kr. 500.000,-\nc. Alt. 3: ikke etablere\n`);
    expect(f.punkter).toHaveLength(1);
    expect(f.punkter[0]!.underpunkter.map((u) => u.merke)).toEqual(['a', 'b', 'c']);
    expect(f.alternativer).toEqual(['Alt. 1', 'Alt. 2', 'Alt. 3']);
  });

  it('only takes the next letter as a sub-item, so "i." under "a)" stays text', () => {
    const f = forslag(`## Forslag til vedtak\n\n1. SSU ber sekretariatet sikre at:\n   a) modellen legges frem\n   i. tydeliggjøre konsekvenser\n   b) rutiner legges frem\n`);
    expect(f.punkter[0]!.underpunkter).toEqual([
      { merke: 'a', tekst: 'modellen legges frem i. tydeliggjøre konsekvenser' },
      { merke: 'b', tekst: 'rutiner legges frem' },
    ]);
  });
});
