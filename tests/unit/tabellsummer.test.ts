import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBelop, tabellsummer } from '../../src/pipeline/model/tabellsummer.js';
import { check, EKSEMPEL, MOTE, makeProject, sak } from '../helpers/prosjekt.js';

const SEED_001 = readFileSync(resolve(import.meta.dirname, '../fixtures/seed-001-budsjett.md'), 'utf8');
const EKSEMPEL_22 = join(EKSEMPEL, '2025-09-18-ssu/22-rekrutterings-og-samhandlingsmidler-2025.md');

/** The seed's tables in a one-meeting project: the fixture is a valid tema sak. */
async function sjekkSak(tekst: string) {
  const root = makeProject({ '2025-05-22-ssu/mote.yaml': MOTE, '2025-05-22-ssu/10-budsjett.md': tekst });
  const { lines } = await check(root);
  return lines.filter((l) => l.includes('summen stemmer ikke'));
}

describe('amounts as the secretariat writes them', () => {
  it('reads the forms of the seeds, and leaves text, percentages, dates and sak numbers alone', () => {
    expect(parseBelop('10 700 000')).toBe(10_700_000_00);
    expect(parseBelop('1.250.000')).toBe(1_250_000_00);
    expect(parseBelop('Kr. 980 000')).toBe(980_000_00);
    expect(parseBelop('Kr.  9 720 000')).toBe(9_720_000_00);
    expect(parseBelop('750 000,-')).toBe(750_000_00);
    expect(parseBelop('kr 750.000,-')).toBe(750_000_00);
    expect(parseBelop('**8 720 000**')).toBe(8_720_000_00);
    expect(parseBelop('10\u00A0700\u00A0000')).toBe(10_700_000_00);
    expect(parseBelop('10\u202F700\u202F000')).toBe(10_700_000_00);
    expect(parseBelop('\u2212500 000')).toBe(-500_000_00);
    expect(parseBelop('-500 000')).toBe(-500_000_00);
    expect(parseBelop('kr -1 000')).toBe(-1_000_00);
    expect(parseBelop('1 250,50')).toBe(1_250_50);
    expect(parseBelop('kr 10,7 mill.')).toBe(10_700_000_00);
    for (const ikke of ['', '25 %', '13.25', '2025-05-22', 'Pågående', '1 000 000 over justert ramme', '12:30']) {
      expect(parseBelop(ikke), ikke).toBeUndefined();
    }
  });
});

describe('sum rows in the budget tables of seed 001', () => {
  it('every subtotal and total of both tables adds up: 30 sums checked, none wrong', () => {
    const celler = tabellsummer(SEED_001);
    // Worked out by hand from seeds/001: the rows of each group, then the groups.
    const forventet: [number, string, string, number][] = [];
    const tabell1 = [
      'Overføre pågående satsninger og gjenstående midler fra 2024 til 2025',
      'Innspill friske midler 2025',
      'Anbefalte prioriteringer 2025',
    ];
    const tabell2 = ['Prioritert 2024', 'Pågående aktivitet 2024', 'Innspill 2025'];
    const rader1: [string, number[]][] = [
      ['Sum Bo trygt hjemme', [1_000_000 + 750_000 + 1_250_000, 5_000_000 + 1_250_000, 3_000_000 + 1_250_000]],
      ['Sum Barn og unge', [200_000 + 1_000_000, 1_000_000, 1_000_000]],
      [
        'Sum Desentrale tjenester og digitalisering',
        [750_000 + 500_000 + 575_000 + 1_245_000, 2_500_000 + 750_000 + 1_245_000, 1_500_000 + 750_000 + 1_245_000],
      ],
      ['Sum Utvikle Helsefellesskap Innlandet', [300_000 + 500_000 + 150_000 + 250_000 + 250_000, 2_000_000, 2_000_000]],
      [
        'Totalt',
        [
          3_000_000 + 1_200_000 + 3_070_000 + 1_450_000,
          6_250_000 + 1_000_000 + 4_495_000 + 2_000_000,
          4_250_000 + 1_000_000 + 3_495_000 + 2_000_000 + 600_000,
        ],
      ],
    ];
    const rader2: [string, number[]][] = [
      ['Sum Bo trygt hjemme', [1_000_000 + 750_000 + 1_250_000, 1_000_000 + 750_000 + 1_250_000, 5_000_000 + 1_250_000]],
      ['Sum Barn og unge', [200_000 + 1_000_000, 200_000 + 1_000_000, 1_000_000]],
      [
        'Sum Desentrale tjenester og digitalisering',
        [750_000 + 500_000 + 575_000 + 1_245_000 + 500_000, 750_000 + 500_000 + 575_000 + 1_245_000, 2_500_000 + 750_000 + 1_245_000],
      ],
      [
        'Sum Utvikle Helsefellesskap Innlandet',
        [300_000 + 500_000 + 500_000 + 150_000 + 250_000 + 250_000, 300_000 + 500_000 + 150_000 + 250_000 + 250_000, 2_000_000],
      ],
      [
        'Totalt',
        [
          3_000_000 + 1_200_000 + 3_570_000 + 1_950_000,
          3_000_000 + 1_200_000 + 3_070_000 + 1_450_000,
          6_250_000 + 1_000_000 + 4_495_000 + 2_000_000,
        ],
      ],
    ];
    for (const [rad, tall] of rader1) for (const [i, t] of tall.entries()) forventet.push([1, rad, tabell1[i]!, t * 100]);
    for (const [rad, tall] of rader2) for (const [i, t] of tall.entries()) forventet.push([2, rad, tabell2[i]!, t * 100]);
    expect(celler.map((c) => [c.tabell, c.rad, c.kolonne, c.skrevet])).toEqual(forventet);
    expect(celler.filter((c) => !c.stemmer)).toEqual([]);
    // The written totals are the seed's: 8 720 000 / 13 745 000 / 11 345 000 and 9 720 000 / 8 720 000 / 13 745 000.
    expect(celler.filter((c) => c.rad === 'Totalt').map((c) => c.skrevet / 100)).toEqual([
      8_720_000, 13_745_000, 11_345_000, 9_720_000, 8_720_000, 13_745_000,
    ]);
  });

  it("check finds no wrong sum in the seed's tables, and the example meeting's budget sak has none either", async () => {
    expect(await sjekkSak(SEED_001)).toEqual([]);
    const eksempel = tabellsummer(readFileSync(EKSEMPEL_22, 'utf8'));
    expect(eksempel.map((c) => `${c.rad} ${c.kolonne}: ${c.skrevet / 100}`)).toEqual([
      'Sum Overført fra 2024: 8720000',
      'Sum Innspill 2025: 13745000',
      'Sum Anbefalt 2025: 11345000',
      'Sum Innspill 2024: 5995000',
      'Sum Prioritert 2024: 5995000',
      'Sum Pågående 2024: 5995000',
      'Sum Innspill 2025: 11245000',
    ]);
    expect(eksempel.every((c) => c.stemmer)).toBe(true);
  });

  it('a changed amount gives exactly one warning, at the subtotal of its group, with table, column and both numbers', async () => {
    // VIP's «innspill 2025» in the first table: 5 000 000 → 4 000 000.
    const endret = SEED_001.replace(
      '| VIP (very important patient) | 1 000 000 | 5 000 000 |',
      '| VIP (very important patient) | 1 000 000 | 4 000 000 |',
    );
    expect(endret).not.toBe(SEED_001);
    const linje = endret.split('\n').findIndex((l) => l.startsWith('| Sum Bo trygt hjemme |')) + 1;
    const kolonne = endret.split('\n')[linje - 1]!.indexOf('6 250 000') + 1;
    expect(await sjekkSak(endret)).toEqual([
      `2025-05-22-ssu/10-budsjett.md:${linje}:${kolonne}: advarsel: summen stemmer ikke i tabell 1 (under «Vurderinger»), kolonne «Innspill friske midler 2025», rad «Sum Bo trygt hjemme»: det står 6 250 000, men radene over blir 5 250 000 (1 000 000 for mye). Rett summen eller tallene over; en rad «Sum …» foran flere rader regnes som delsum.`,
    ]);
  });

  it('a wrong total after correct subtotals is reported against all the rows, and a wrong subtotal only once', async () => {
    const total = SEED_001.replace('| Totalt | | | 9 720 000 |', '| Totalt | | | 9 270 000 |');
    expect(await sjekkSak(total)).toEqual([
      expect.stringContaining(
        'tabell 2 (under «Vedlegg 1: Rekrutterings og samhandlingsmidler: prioritert og pågående 2024, innspill 2025»), kolonne «Prioritert 2024», rad «Totalt»: det står 9 270 000, men radene over blir 9 720 000 (450 000 for lite)',
      ),
    ]);
    // A subtotal written wrong: the total still agrees with the rows, so only the subtotal is reported.
    const delsum = SEED_001.replace('| Sum Barn og unge | | 1 200 000 |', '| Sum Barn og unge | | 1 300 000 |');
    expect(await sjekkSak(delsum)).toEqual([
      expect.stringContaining(
        'kolonne «Overføre pågående satsninger og gjenstående midler fra 2024 til 2025», rad «Sum Barn og unge»: det står 1 300 000, men radene over blir 1 200 000 (100 000 for mye)',
      ),
    ]);
  });
});

describe('what is not summed', () => {
  it('percentages, years, text columns, empty cells and dashes give no false warnings', async () => {
    const tekst = sak(
      'tittel: Tabeller\ntype: tema\nminutter: 10',
      [
        '## Fordeling',
        '',
        '| Post | År | Andel | Beløp | Merknad |',
        '|---|---|---:|---:|---|',
        '| Drift | 2024 | 40 % | 1.250.000 | pågående |',
        '| Utvikling | 2025 | 60 % | Kr. 980 000 | ny |',
        '| Reserve | 2025 | | – | |',
        '| Fond | 2025 | | 750 000,- | |',
        '| Tilbakeført | 2025 | | \u22121 000 | |',
        '| Sum | 2025 | 100 % | 2\u00A0979\u00A0000 | |',
        '',
        '| Måned | Antall møter |',
        '|---|---:|',
        '| Januar | 2 |',
        '| Februar | 3 |',
        '| Totalt | 5 |',
        '',
        '```',
        '| Sum | 1 |',
        '|---|---:|',
        '| Sum | 99 |',
        '```',
        '',
      ].join('\n'),
    );
    expect(await sjekkSak(tekst)).toEqual([]);
    expect(tabellsummer(tekst).map((c) => `${c.kolonne} ${c.skrevet / 100}`)).toEqual(['Beløp 2979000', 'Antall møter 5']);
  });
});
