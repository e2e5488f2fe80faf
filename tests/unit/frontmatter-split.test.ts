import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/domain/diagnostics.js';
import { parseMarkdown } from '../../src/pipeline/load/frontmatter.js';

const les = (text: string) => {
  const diags = new Diagnostics();
  const kilde = parseMarkdown('sak.md', text, diags);
  return { ...kilde, meldinger: diags.items.map((d) => `${d.position?.line}:${d.position?.column}: ${d.message}`) };
};

describe('frontmatter split', () => {
  it('finds the body after the closing line, also with spaces after either ---', () => {
    for (const tekst of ['---\ntittel: A\n---\n\nTekst\n', '---  \ntittel: A\n--- \t\n\nTekst\n']) {
      const kilde = les(tekst);
      expect(kilde.frontmatterStatus).toBe('ok');
      expect(kilde.frontmatter?.data).toEqual({ tittel: 'A' });
      expect(tekst.slice(kilde.bodyStart)).toBe('\nTekst\n');
      expect(kilde.bodyLine).toBe(4);
    }
    const slutt = les('---\ntittel: A\n---');
    expect([slutt.bodyStart, slutt.bodyLine]).toEqual([17, 3]);
  });

  it('reports a YAML error at its line and column in the file', () => {
    const kilde = les('---\ntittel: A\nminutter: 10\ntittel: B\n---\nTekst\n');
    expect(kilde.frontmatterStatus).toBe('ugyldig');
    expect(kilde.meldinger).toEqual(['4:1: nøkkelen «tittel» står to ganger; hver nøkkel kan bare stå én gang.']);
    expect(kilde.frontmatter).toBeUndefined();
    const plass = les('---\ntittel: A\nminutter: 10\n---\n').frontmatter!.locate(['minutter']);
    expect(plass).toEqual({ line: 3, column: 11 });
  });

  it('tells missing, unclosed and empty frontmatter apart, and parses a block of comments as YAML', () => {
    expect(les('Tekst\n').frontmatterStatus).toBe('mangler');
    expect(les('---json\n{}\n---\n').frontmatterStatus).toBe('mangler');
    expect(les('---\ntittel: A\n').frontmatterStatus).toBe('uavsluttet');
    expect(les('---\n\n---\nTekst\n').frontmatterStatus).toBe('tom');
    const kommentar = les('---\n# bare en kommentar\n---\nTekst\n');
    expect([kommentar.frontmatterStatus, kommentar.frontmatter?.data]).toEqual(['ok', null]);
  });

  it('parses every call anew: the same text twice reports its errors twice', () => {
    const tekst = '---\ntittel: "A\n---\n';
    expect(les(tekst).meldinger).toEqual(les(tekst).meldinger);
    expect(les(tekst).meldinger).toHaveLength(1);
  });
});
