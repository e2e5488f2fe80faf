import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMoter } from '../../src/build/build.js';
import type { BuildResult } from '../../src/domain/documents.js';
import type { Mote } from '../../src/domain/types.js';
import { tilStedeISaken } from '../../src/pipeline/model/deltakelse.js';
import { saksnummer } from '../../src/pipeline/model/tid.js';
import { referatView } from '../../src/pipeline/render/views.js';
import { forsteUtenforRekkefolge, pdfTekst } from '../helpers/pdftekst.js';
import { BESLUTNING, check, makeProject, ORGANISASJON, sak } from '../helpers/prosjekt.js';

// Attendance (issue 12): who came late and left early, who was present for each sak, votes by
// name. The exact messages for what is wrong are in the corpus (tests/korpus/tilfeller-oppmote.ts);
// these are what the model and the referat make of what is right.

const M = '2025-05-22-ssu';
const ORG = `${ORGANISASJON}      - { id: anne, navn: Anne Lie, rolle: medlem, representerer: Valdres }\n`;
const REFERAT = `---
til_stede:
  - Kari Nordmann
  - { id: ola, fra_sak: "03.25" }
  - { id: per, til_sak: 03.25 }
forfall: [anne]
referent: Marte
status: utkast
---

## Sak 01.25 Godkjenning

## Sak 02.25 En sak

### Votering

- For: kari
- Mot: Per Solberg

Per ville vente med saken.

## Sak 03.25 Annen sak

### Votering

- For: kari og Ola Hansen
- Avstår: per

## Sak 04.25 Personalsak

### Habilitet

- ola: nær venn av den saken gjelder

### Votering

1 for, 0 mot

## Eventuelt
`;

function prosjekt(): string {
  return makeProject({
    'organisasjon.yaml': ORG,
    [`${M}/13-a.md`]: BESLUTNING,
    [`${M}/14-b.md`]: BESLUTNING.replace('En sak', 'Annen sak'),
    [`${M}/15-c.md`]: sak(
      'tittel: Personalsak\ntype: beslutning\nminutter: 30\nunntatt_offentlighet: offl. § 13 jf. fvl. § 13\noffentlig_tittel: Personalsak',
    ),
    [`${M}/referat.md`]: REFERAT,
  });
}

describe('the attendance of the meeting and of each sak', () => {
  let mote: Mote;
  beforeAll(async () => {
    const { lines, moter } = await check(prosjekt());
    expect(lines).toEqual([]);
    mote = moter[0]!;
  });

  it('reads full names as the members, with the saker they came for and left after', () => {
    const referat = mote.referat!;
    expect(referat.tilStede.map((d) => [d.medlem.id, d.fraSak && saksnummer(d.fraSak), d.tilSak && saksnummer(d.tilSak)])).toEqual([
      ['kari', undefined, undefined],
      ['ola', '03.25', undefined],
      ['per', undefined, '03.25'],
    ]);
    expect(referat.forfall.map((d) => d.medlem.id)).toEqual(['anne']);
  });

  it('knows who was present for each sak: not before they came, not after they left, not when disqualified', () => {
    const perSak = mote.referat!.saker.map((s) => [saksnummer(s.nummer), tilStedeISaken(s).map((m) => m.id)]);
    expect(perSak).toEqual([
      ['01.25', ['kari', 'per']],
      ['02.25', ['kari', 'per']],
      ['03.25', ['kari', 'ola', 'per']],
      ['04.25', ['kari']],
    ]);
    expect(mote.referat!.saker[3]!.motende.map((m) => m.id)).toEqual(['kari', 'ola']);
  });

  it('counts a vote by name from the names, and keeps the text under them', () => {
    const [, to, tre] = mote.referat!.saker;
    expect(to!.votering).toMatchObject({ for: 1, mot: 1, avstar: 0, tekst: 'Per ville vente med saken.' });
    expect(to!.votering!.navn!.mot!.map((m) => m.id)).toEqual(['per']);
    expect(to!.enstemmig).toBe(false);
    expect(tre!.votering).toMatchObject({ for: 2, mot: 0, avstar: 1, tekst: '' });
    expect(tre!.votering!.navn!.for!.map((m) => m.id)).toEqual(['kari', 'ola']);
  });
});

describe('the referat shows arrivals, departures, attendance per sak and votes by name', () => {
  let ut: string;
  let resultat: BuildResult;
  beforeAll(async () => {
    const rot = prosjekt();
    ut = mkdtempSync(join(tmpdir(), 'motedok-oppmote-'));
    resultat = await buildMoter([rot], { cwd: rot, out: ut });
  }, 120_000);

  it('in the members’ version', () => {
    expect(resultat.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    const tekst = pdfTekst(join(ut, M, 'referat.pdf'), '-raw');
    expect(
      forsteUtenforRekkefolge(tekst, [
        'Av utvalgets 4 medlemmer møtte 3.',
        'Kari Nordmann',
        'Ola Hansen (fra sak 03.25)',
        'Per Solberg (til og med sak 03.25)',
        'Forfall',
        'Anne Lie',
        'Sak 01.25',
        'Til stede under saken: 2 av 4 medlemmer.',
        'Sak 02.25 En sak',
        'Til stede under saken: 2 av 4 medlemmer.',
        'Vedtatt med 1 mot 1 stemmer.',
        'For: Kari Nordmann',
        'Mot: Per Solberg',
        'Per ville vente med saken.',
        'Sak 03.25 Annen sak',
        'Vedtatt med 2 mot 0 stemmer, 1 avsto.',
        'For: Kari Nordmann og Ola Hansen',
        'Avsto: Per Solberg',
        'Sak 04.25 Personalsak',
        'Ola Hansen (nestleder) var inhabil og fratrådte under behandlingen: nær venn av den saken gjelder.',
        'Til stede under saken: 1 av 4 medlemmer.',
      ]),
    ).toBeUndefined();
    // Sak 03.25 had everyone who met: no line of its own.
    const sak3 = tekst.slice(tekst.indexOf('Sak 03.25 Annen sak'), tekst.indexOf('Sak 04.25 Personalsak'));
    expect(sak3).not.toContain('Til stede under saken');
  });

  it('in the public version, an exempt sak’s count does not tell that someone left as disqualified', () => {
    const tekst = pdfTekst(join(ut, M, 'offentlig', 'referat.pdf'), '-raw');
    const sak4 = tekst.slice(tekst.indexOf('Sak 04.25 Personalsak'));
    expect(sak4).toContain('Til stede under saken: 2 av 4 medlemmer.');
    expect(sak4).not.toMatch(/inhabil|1 av 4|nær venn/);
    expect(tekst.replace(/\s+/g, ' ')).toContain('Ola Hansen (fra sak 03.25)');
  });
});

describe('the referat’s view of a member who came and left', () => {
  it('gives both saker, in Bokmål and in Nynorsk', async () => {
    const fra = async (sprak: string) => {
      const rot = makeProject({
        [`${M}/mote.yaml`]: `utvalg: ssu\ndato: 2025-05-22\nstart: "09:00"\nslutt: "14:00"\nsted: Hamar\n${sprak}`,
        [`${M}/13-a.md`]: BESLUTNING,
        [`${M}/14-b.md`]: BESLUTNING.replace('En sak', 'Annen sak'),
        [`${M}/referat.md`]: `---\ntil_stede: [kari, ola, { id: per, fra_sak: "02.25", til_sak: "02.25" }]\nreferent: Marte\nstatus: utkast\n---\n\n## Sak 01.25\n\n## Sak 02.25\n\n## Sak 03.25\n`,
      });
      const { lines, moter } = await check(rot);
      expect(lines).toEqual([]);
      const view = referatView(moter[0]!, moter[0]!.referat!);
      return [view.tilStede.map((d) => d.tidsrom), view.saker.map((s) => s.tilStede)];
    };
    expect(await fra('')).toEqual([
      [undefined, undefined, 'fra sak 02.25, til og med sak 02.25'],
      ['Til stede under saken: 2 av 3 medlemmer.', undefined, 'Til stede under saken: 2 av 3 medlemmer.'],
    ]);
    expect((await fra('sprak: nn\n'))[0]).toEqual([undefined, undefined, 'frå sak 02.25, til og med sak 02.25']);
  });
});
