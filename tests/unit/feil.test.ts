import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMoter } from '../../src/build/load.js';
import { formatDiagnostic } from '../../src/domain/diagnostics.js';
import { BESLUTNING, check, makeProject, sak } from '../helpers/prosjekt.js';

const M = '2025-05-22-ssu';

// Single mistakes and their exact messages are in the corpus (tests/korpus/); these are the ones
// where what the model makes of valid input matters too.

describe('mote.yaml', () => {
  it('times written 0900 and 09.00 (unquoted) are read as the user wrote them', async () => {
    const root = makeProject({
      [`${M}/mote.yaml`]: 'utvalg: ssu\ndato: 2025-05-22\nstart: 0900\nslutt: 14.00\nsted: Hamar\n',
      [`${M}/13-a.md`]: BESLUTNING,
    });
    const { lines, moter } = await check(root);
    expect(lines).toEqual([]);
    expect([moter[0]!.start, moter[0]!.slutt]).toEqual([540, 840]);
  });
});

describe('referat.md', () => {
  const REFERAT = (frontmatter: string, body: string) => `---\n${frontmatter}\n---\n\n${body}`;
  const FM = 'til_stede: [kari, ola]\nforfall: [per]\nreferent: Marte\nstatus: utkast';

  it('accepts a complete referat and reads the Vedtak under each sak', async () => {
    const root = makeProject({
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/referat.md`]: REFERAT(
        FM,
        '## Sak 01.25 Godkjenning\n\n### Vedtak\n\nGodkjent.\n\n## Sak 2/25 En sak\n\nDrøftet.\n\n## Eventuelt\n\nIngen.\n',
      ),
    });
    const { lines, moter } = await check(root);
    expect(lines).toEqual([]);
    const referat = moter[0]!.referat!;
    expect(referat.saker.map((s) => [s.nummer.lopenummer, s.notater, s.vedtak])).toEqual([
      [1, '', 'Godkjent.'],
      [2, 'Drøftet.', undefined],
    ]);
    expect(referat.eventuelt).toBe('Ingen.');
  });
});

describe('referat decisions', () => {
  const FORSLAG = sak(
    'tittel: Fond\ntype: beslutning\nminutter: 30',
    '## Forslag til vedtak\n\n1. SSU etablerer et fond på\n   a) Alt. 1: kr 750 000\n   b) Alt. 2: kr 500 000\n',
  );
  const REFERAT = (body: string, fm = 'til_stede: [kari, ola, per]\nreferent: Marte\nstatus: utkast') =>
    `---\n${fm}\n---\n\n## Sak 01.25 Godkjenning\n\n${body}`;

  it('a proposal with alternatives must have a Vedtak that chose one', async () => {
    const uten = makeProject({ [`${M}/13-fond.md`]: FORSLAG, [`${M}/referat.md`]: REFERAT('## Sak 02.25 Fond\n\nDrøftet.\n') });
    expect((await check(uten)).lines).toEqual([
      `${M}/referat.md:9:1: feil: forslaget til vedtak i sak 02.25 har alternativer (Alt. 1, Alt. 2), og referatet må si hvilket som ble valgt: skriv vedtaket som ble fattet under «### Vedtak».`,
    ]);
    const aapen = makeProject({
      [`${M}/13-fond.md`]: FORSLAG,
      [`${M}/referat.md`]: REFERAT(
        '## Sak 02.25 Fond\n\n### Vedtak\n\nSSU etablerer et fond, Alt. 1: kr 750 000 eller Alt. 2: kr 500 000.\n',
      ),
    });
    expect((await check(aapen)).lines).toEqual([
      `${M}/referat.md:11:1: feil: forslaget til vedtak i sak 02.25 har alternativer (Alt. 1, Alt. 2), og referatet må si hvilket som ble valgt: skriv vedtaket som ble fattet under «### Vedtak».`,
    ]);
    const valgt = makeProject({
      [`${M}/13-fond.md`]: FORSLAG,
      [`${M}/referat.md`]: REFERAT('## Sak 02.25 Fond\n\n### Vedtak\n\nSSU etablerer et fond på kr 500 000 (Alt. 2).\n'),
    });
    const { lines, moter } = await check(valgt);
    expect(lines).toEqual([]);
    expect(moter[0]!.referat!.saker.map((s) => [s.somForeslatt, s.vedtatt])).toEqual([
      [true, 'Innkalling og saksliste godkjennes.'],
      [false, 'SSU etablerer et fond på kr 500 000 (Alt. 2).'],
    ]);
  });

  it('an approved referat without the next meeting in cases/ asks for godkjent_dato; with it, it is used', async () => {
    const uten = makeProject({
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/referat.md`]: REFERAT('## Sak 02.25 En sak\n', 'til_stede: [kari, ola, per]\nreferent: Marte\nstatus: godkjent'),
    });
    expect((await check(uten)).lines).toEqual([
      `${M}/referat.md:1:1: advarsel: referatet har status godkjent, men utvalgets neste møte ligger ikke i cases/; skriv godkjent_dato (og godkjent_sak) i frontmatter så referatet kan si når det ble godkjent.`,
    ]);
    const med = makeProject({
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/referat.md`]: REFERAT(
        '## Sak 02.25 En sak\n',
        'til_stede: [kari, ola, per]\nreferent: Marte\nstatus: godkjent\ngodkjent_dato: 2025-09-18\ngodkjent_sak: "20.25"',
      ),
    });
    const { lines, moter } = await check(med);
    expect(lines).toEqual([]);
    expect(moter[0]!.referat!.godkjent).toEqual({ dato: '2025-09-18', sak: { lopenummer: 20, ar: 2025 } });
  });
});

describe('votes, statements for the record and disqualification in the referat', () => {
  const REFERAT = (body: string) =>
    `---\ntil_stede: [kari, ola, per]\nreferent: Marte\nstatus: utkast\n---\n\n## Sak 01.25 Godkjenning\n\n${body}`;

  it('reads the vote, the statement and who left, and leaves them out of the notes', async () => {
    const root = makeProject({
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/referat.md`]: REFERAT(
        '## Sak 02.25 En sak\n\nDrøftet.\n\n### Habilitet\n\n- per: styreleder i søkerorganisasjonen\n\n### Votering\n\n1 for, 1 mot\n\n### Protokolltilførsel\n\nOla ba om å få protokollert uenighet.\n',
      ),
    });
    const { lines, moter } = await check(root);
    expect(lines).toEqual([]);
    const sak = moter[0]!.referat!.saker[1]!;
    expect(sak).toMatchObject({
      notater: 'Drøftet.',
      enstemmig: false,
      votering: { for: 1, mot: 1, avstar: 0 },
      protokolltilforsel: 'Ola ba om å få protokollert uenighet.',
      inhabile: [{ medlem: { id: 'per' }, grunn: 'styreleder i søkerorganisasjonen' }],
    });
    expect(moter[0]!.referat!.saker[0]!.enstemmig).toBe(true);
  });

  it('a vote without counts, more votes than members present, an unknown member leaving, and an unknown subsection', async () => {
    const root = makeProject({
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/14-b.md`]: BESLUTNING.replace('En sak', 'Annen sak'),
      [`${M}/referat.md`]: REFERAT(
        '## Sak 02.25 En sak\n\n### Votering\n\nFlertall for.\n\n### Diskusjon\n\nTekst.\n\n## Sak 03.25 Annen sak\n\n### Habilitet\n\n- kari: inhabil\n- anne: inhabil\n\n### Votering\n\n2 for, 1 mot\n',
      ),
    });
    expect((await check(root)).lines).toEqual([
      `${M}/referat.md:11:1: feil: voteringen i sak 02.25 må begynne med stemmetallene, for eksempel «5 for, 2 mot» eller «5 for, 1 mot, 1 avstår», eller si hvem som stemte hva på egne linjer: «- For: kari-nordmann, ola-hansen», «- Mot: …», «- Avstår: …».`,
      `${M}/referat.md:15:1: advarsel: «### Diskusjon» er ikke en av referatets underoverskrifter (Vedtak, Votering, Protokolltilførsel, Habilitet); teksten tas med som notater.`,
      `${M}/referat.md:19:1: feil: voteringen i sak 03.25 har 3 stemmer, men bare 2 medlemmer var til stede under behandlingen (ola, per); rett stemmetallene, eller skriv i til_stede når medlemmer kom eller gikk (fra_sak, til_sak).`,
      `${M}/referat.md:24:3: feil: «anne» under «### Habilitet» i sak 03.25 er ikke et medlem som møtte. Skriv id-en til et medlem i til_stede, for eksempel «- kari: grunnen».`,
    ]);
  });
});

describe('checking one meeting', () => {
  it('reports problems of earlier meetings of the year its numbers depend on, and not of later ones', async () => {
    const root = makeProject({
      [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 0'),
      '2025-09-18-ssu/mote.yaml': 'utvalg: ssu\ndato: 2025-09-18\nstart: "10:00"\nslutt: "14:00"\nsted: Hamar\n',
      '2025-09-18-ssu/13-b.md': BESLUTNING,
      '2025-11-13-ssu/mote.yaml': 'utvalg: ssu\ndato: 2025-11-13\nstart: "10:00"\nslutt: "14:00"\nsted: Hamar\n',
      '2025-11-13-ssu/13-c.md': Buffer.from(sak('tittel: Høring\ntype: tema\nminutter: 5'), 'latin1'),
    });
    const result = await loadMoter([join(root, '2025-09-18-ssu')], { cwd: root });
    expect(result.diagnostics.map((d) => formatDiagnostic(d, root))).toEqual([
      `${M}/13-a.md:4:11: feil: «minutter» må være større enn 0, men er tallet 0. Tillatt: et helt antall minutter, større enn 0, for eksempel 30.`,
    ]);
  });
});

describe('images in a sak, in any Markdown form', () => {
  it('a reference-style image is checked like an inline one, at its place in the file; images in code and comments are not images', async () => {
    const body = [
      '## Bakgrunn',
      '',
      'Se ![Kart][kart] og ![Logo](logo.png).',
      '',
      '````',
      '![I kode](borte.png)',
      '```',
      '![Fortsatt kode](borte.png)',
      '````',
      '',
      '<!-- ![I kommentar](borte.png) -->',
      '',
      '[kart]: https://example.invalid/kart.png',
      '',
      '## Forslag til vedtak',
      '',
      'Saken godkjennes.',
      '',
    ].join('\n');
    const root = makeProject({ [`${M}/13-a.md`]: sak('tittel: En sak\ntype: beslutning\nminutter: 30', body), [`${M}/logo.png`]: 'png' });
    const { lines } = await check(root);
    expect(lines).toEqual([
      `${M}/13-a.md:9:4: feil: bildet «https://example.invalid/kart.png» er ikke en fil i møtemappen; bilder fra nett eller andre steder tas ikke med. Last ned bildet og legg det i møtemappen.`,
    ]);
  });
});
