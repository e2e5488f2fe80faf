import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/pipeline/render/markdown.js';

/** The body rows of the first table, each as its cells' tag, rowspan and text: `td*3:Bo trygt hjemme`. */
function rader(html: string): string[][] {
  const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)![1]!;
  return [...tbody.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, rad]) =>
    [...rad!.matchAll(/<(td|th)([^>]*)>([\s\S]*?)<\/\1>/g)].map(([, tag, attr, tekst]) => {
      const span = /rowspan="(\d+)"/.exec(attr!)?.[1];
      return `${tag}${span ? `*${span}` : ''}:${tekst!.replace(/<[^>]+>/g, '|').replace(/\u00a0/g, ' ')}`;
    }),
  );
}

describe('lists inside table cells', () => {
  it('«- a<br>- b» in a cell is a bulleted list, «1. …<br>2. …» a numbered one, after any text before it', () => {
    const html = markdownToHtml(
      '| Region | Tiltak |\n|---|---|\n| Valdres | - Digital hjemmeoppfølging<br>- Previs 2 |\n| Nord | Prioritert:<br>2. Allmennlege<br>3. Psykolog |',
    );
    expect(html).toContain('<td><ul><li>Digital hjemmeoppfølging</li><li>Previs 2</li></ul></td>');
    expect(html).toContain('<td>Prioritert:<ol start="2"><li>Allmennlege</li><li>Psykolog</li></ol></td>');
  });

  it('an HTML list in a cell is kept, through the sanitiser; one dash, a minus amount or mixed lines stay text', () => {
    const html = markdownToHtml(
      '| A | B |\n|---|---|\n| x | <ul><li class="c" onclick="y()">En</li><li>To</li></ul> |\n| y | - Bare én |\n| z | - En<br>ikke et punkt |',
    );
    expect(html).toContain('<td><ul><li>En</li><li>To</li></ul></td>');
    expect(html).toContain('<td>- Bare én</td>');
    expect(html).toContain('<td>- En<br>ikke et punkt</td>');
  });
});

describe('a category written once, over the rows under it', () => {
  it('an empty first cell continues the category above: the category cell spans its rows, the sum row is its own', () => {
    const html = markdownToHtml(
      '| Område | Tiltak | Beløp |\n|---|---|---:|\n| Bo trygt hjemme | VIP | 1 000 |\n| | Kunnskap | 250 |\n| | Legevaktbil | |\n| Sum Bo trygt hjemme | | 1 250 |\n| | Etter summen | 5 |\n| Barn og unge | Autisme | 200 |\n| | | |\n| Totalt | | 1 455 |',
    );
    expect(rader(html)).toEqual([
      ['td*3:Bo trygt hjemme', 'td:VIP', 'td:1 000'],
      ['td:Kunnskap', 'td:250'],
      ['td:Legevaktbil', 'td:'],
      ['td:Sum Bo trygt hjemme', 'td:', 'td:1 250'],
      // Not after a sum row, and not an empty row.
      ['td:', 'td:Etter summen', 'td:5'],
      ['td:Barn og unge', 'td:Autisme', 'td:200'],
      ['td:', 'td:', 'td:'],
      ['td:Totalt', 'td:', 'td:1 455'],
    ]);
    expect(html).toContain('<td rowspan="3" class="kategori">Bo trygt hjemme</td>');
    // Subtotals are sum rows too, set apart like the last one.
    expect(html.match(/<tr class="sum">/g)).toHaveLength(2);
  });

  it('a first column of amounts is never merged: there an empty cell is 0', () => {
    const html = markdownToHtml('| Beløp | Post |\n|---|---|\n| 1 000 | Drift |\n| | Lønn |');
    expect(rader(html)).toEqual([
      ['td:1 000', 'td:Drift'],
      ['td:', 'td:Lønn'],
    ]);
  });

  it("seed 001's budget table: each of its five areas spans its rows, with no empty cell left in the first column but before the total", () => {
    const seed = readFileSync(resolve(import.meta.dirname, '../fixtures/seed-001-budsjett.md'), 'utf8');
    const forste = seed.slice(seed.indexOf('| Område'), seed.indexOf('## Vedlegg 1'));
    const spenn = rader(markdownToHtml(forste))
      .map((rad) => rad[0]!)
      .filter((celle) => celle.startsWith('td*'));
    expect(spenn).toEqual([
      'td*9:Bo trygt hjemme med integrerte helsetjenester',
      'td*2:Barn og unge',
      'td*6:Desentrale tjenester og digitalisering',
      'td*7:Utvikle Helsefellesskap Innlandet',
      'td*2:Nye innspill',
    ]);
  });
});

describe('headings over amounts', () => {
  it('a long one may wrap (class lang), a short one stays on one line', () => {
    const html = markdownToHtml(
      '| Post | Innspill 2024 | Overføre pågående satsninger fra 2024 til 2025 |\n|---|---:|---:|\n| A | 1 000 | 2 000 |',
    );
    expect(html).toContain('<th align="right">Innspill 2024</th>');
    expect(html).toMatch(/<th align="right" class="lang">Overføre pågående/);
  });
});
