import { describe, expect, it } from 'vitest';
import { overskrifter, seksjoner } from '../../src/pipeline/model/seksjoner.js';

describe('finding headings without parsing the body', () => {
  it('finds ATX and setext headings with their positions, and ignores fenced code', () => {
    const text = [
      '# Tittel', // 1
      '', // 2
      'Bakgrunn', // 3
      '--------', // 4
      '', // 5
      '```', // 6
      '## Ikke en overskrift', // 7
      '```', // 8
      '', // 9
      '   ## Forslag til **vedtak** ##', // 10
      '- punkt', // 11
      '---', // 12: a thematic break after a list item, not a heading
    ].join('\n');
    expect(overskrifter(text).map((h) => [h.depth, h.tittel, h.position.line, h.position.column])).toEqual([
      [1, 'Tittel', 1, 1],
      [2, 'Bakgrunn', 3, 1],
      [2, 'Forslag til vedtak', 10, 4],
    ]);
  });

  it('a section runs to the next heading of the same or a higher level', () => {
    const text = '## A\n\na\n\n### A1\n\na1\n\n## B\n\nb\n';
    const sections = seksjoner(text, overskrifter(text));
    expect(sections.map((s) => [s.tittel, s.innhold])).toEqual([
      ['A', 'a\n\n### A1\n\na1'],
      ['A1', 'a1'],
      ['B', 'b'],
    ]);
  });
});
