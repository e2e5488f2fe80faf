import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { PROSJEKTMAPPE } from '../../src/domain/prosjekt.js';
import { journalFor } from '../helpers/journal.js';
import { motedokHer as motedok } from '../helpers/kommando.js';
import { check, MOTE, makeProject, sak } from '../helpers/prosjekt.js';

const repo = resolve(import.meta.dirname, '..', '..');

const ORGANISASJON = `navn: Helsefellesskap Test
utvalg:
  ssu:
    navn: Strategisk samarbeidsutvalg
    kortnavn: SSU
    standard:
      sted: Fylkeshuset Lillehammer, Kirkegata 76
      start: "09:30"
      slutt: "14:30"
    medlemmer:
      - { id: kari, navn: Kari Nordmann, rolle: leder }
      - { id: ola, navn: Ola Hansen, rolle: nestleder }
      - { id: per, navn: Per Solberg, rolle: medlem }
  pm:
    navn: Partnerskapsmøtet
    kortnavn: PM
`;

/** A project like cases/: organisasjon.yaml at the top, one meeting in May with saker 1–4. */
function prosjekt(ekstra: Record<string, string> = {}) {
  return makeProject(
    {
      [`${PROSJEKTMAPPE}/organisasjon.yaml`]: ORGANISASJON,
      [`${PROSJEKTMAPPE}/2025-05-22-ssu/mote.yaml`]: MOTE,
      [`${PROSJEKTMAPPE}/2025-05-22-ssu/3-budsjett.md`]: sak('tittel: Budsjett 2026\ntype: beslutning\nminutter: 30'),
      [`${PROSJEKTMAPPE}/2025-05-22-ssu/4-tema.md`]: sak('tittel: Strategi\ntype: tema\nminutter: 30', '## Bakgrunn\n\nTekst.\n'),
      ...ekstra,
    },
    false,
  );
}

/** `check` of the whole project: exit code, the planned agendas' lines, and the messages. */
async function sjekk(root: string) {
  const r = await motedok(['check'], root);
  return {
    ...r,
    saker: r.stdout
      .split('\n')
      .filter((l) => /^\s+Sak \d\d\.\d\d /.test(l))
      .map((l) => l.trim().replace(/\s{2,}\d\d\.\d\d–\d\d\.\d\d\s{2,}/, ' ')),
  };
}

describe('motedok new mote', () => {
  it("creates <dato>-<utvalg>/mote.yaml from the committee's defaults, naming its schema, and check passes it", async () => {
    const root = prosjekt();
    const r = await motedok(['new', 'mote', 'ssu', '2025-09-18'], root);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Opprettet cases/2025-09-18-ssu/mote.yaml');
    const fil = join(root, `${PROSJEKTMAPPE}/2025-09-18-ssu/mote.yaml`);
    const tekst = readFileSync(fil, 'utf8');
    expect(YAML.parse(tekst)).toEqual({
      utvalg: 'ssu',
      dato: '2025-09-18',
      start: '09:30',
      slutt: '14:30',
      sted: 'Fylkeshuset Lillehammer, Kirkegata 76',
    });
    const skjema = /^# yaml-language-server: \$schema=(\S+)\n/.exec(tekst)![1]!;
    expect(existsSync(resolve(dirname(fil), skjema))).toBe(true);
    expect(resolve(dirname(fil), skjema)).toBe(join(repo, 'schemas', 'mote.schema.json'));
    const check = await sjekk(root);
    expect(check.code).toBe(0);
    // The new meeting continues May's numbers (01–03): its fixed saker are 04.25 and 05.25.
    expect(check.stdout).toContain(
      'Strategisk samarbeidsutvalg – torsdag 18. september 2025, kl. 09.30–14.30, Fylkeshuset Lillehammer, Kirkegata 76',
    );
    expect(check.saker).toContain('Sak 05.25 Godkjenning av referat fra SSU-møtet 22.05.25 (3 min)');
  });

  it('takes --sted, --start and --slutt over the defaults, and asks for them when the committee has none', async () => {
    const root = prosjekt();
    expect(
      (await motedok(['new', 'mote', 'ssu', '18.09.2025', '--sted', 'Hamar: rådhuset', '--start', '0900', '--slutt', '12.00'], root)).code,
    ).toBe(0);
    expect(YAML.parse(readFileSync(join(root, `${PROSJEKTMAPPE}/2025-09-18-ssu/mote.yaml`), 'utf8'))).toMatchObject({
      start: '09:00',
      slutt: '12:00',
      sted: 'Hamar: rådhuset',
    });
    const pm = await motedok(['new', 'mote', 'pm', '2026-06-10', '--sted', 'Teams'], root);
    expect(pm).toMatchObject({
      code: 2,
      stderr: 'motedok: oppgi --start, --slutt (utvalget «pm» har ikke disse under «standard» i organisasjon.yaml).\n',
    });
    expect((await motedok(['new', 'mote', 'pm', '2026-06-10', '--sted', 'Teams', '--start', '09:00', '--slutt', '10:00'], root)).code).toBe(
      0,
    );
    expect((await sjekk(root)).code).toBe(0);
  });
});

describe('motedok new sak', () => {
  it('prints the number the sak gets, and check shows the same number for it', async () => {
    const root = prosjekt();
    const ny = await motedok(['new', 'sak', `${PROSJEKTMAPPE}/2025-05-22-ssu`, 'Årsplan 2026: møter og temaer'], root);
    expect(ny.code).toBe(0);
    const nummer = /Saken får nummer (\d\d\.\d\d)\./.exec(ny.stdout)![1]!;
    // The fixed sak is 01, Budsjett 02; a new beslutning sak goes after it and before the tema sak.
    expect(nummer).toBe('03.25');
    const check = await sjekk(root);
    expect(check).toMatchObject({ code: 0, stderr: '' });
    expect(check.stdout).toContain('ingen feil, 0 advarsler');
    expect(check.saker).toEqual([
      'Sak 01.25 Godkjenning av innkalling og saksliste (2 min)',
      'Sak 02.25 Budsjett 2026 (30 min)',
      `Sak ${nummer} Årsplan 2026: møter og temaer (30 min)`,
      'Sak 04.25 Strategi (30 min)',
    ]);
  });

  it('prints every sak number the new sak moves', async () => {
    const root = prosjekt();
    const ny = await motedok(['new', 'sak', `${PROSJEKTMAPPE}/2025-05-22-ssu`, 'Ny beslutning'], root);
    expect(ny.code).toBe(0);
    expect(ny.stdout).toContain(
      'Saken får nummer 03.25.\nDen flytter ett saksnummer:\n  sak 03.25 «Strategi» (2025-05-22-ssu) får nå nummer 04.25\n',
    );
  });

  it('refuses to move the numbers of a meeting that has a referat, makes no file, and says how to add the sak without moving any', async () => {
    const referat =
      '---\ntil_stede: [kari, ola]\nreferent: Marte\nstatus: utkast\n---\n\n## Sak 01.25\n\n## Sak 02.25\n\n## Sak 03.25 Strategi\n\nNotater.\n';
    const root = prosjekt({ [`${PROSJEKTMAPPE}/2025-05-22-ssu/referat.md`]: referat });
    const ny = await motedok(['new', 'sak', `${PROSJEKTMAPPE}/2025-05-22-ssu`, 'Ny beslutning'], root);
    expect(ny).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'motedok: den nye saken ville flyttet saksnumre (03.25 → 04.25) i 2025-05-22-ssu, som har referat; notatene i referatet ville da havnet under andre saker. Ingen fil er laget. Send innkallingen først («motedok send cases/2025-05-22-ssu»): etter det får en ny sak neste ledige nummer uten å flytte numrene i møtet med referat. Eller gi saken --type referat, så kommer den sist.\n',
    });
    expect(readdirSync(join(root, `${PROSJEKTMAPPE}/2025-05-22-ssu`)).sort()).toEqual([
      '3-budsjett.md',
      '4-tema.md',
      'mote.yaml',
      'referat.md',
    ]);
    // A referat sak goes last and moves nothing; the referat then lacks only its section.
    const sist = await motedok(['new', 'sak', `${PROSJEKTMAPPE}/2025-05-22-ssu`, 'Til orientering', '--type', 'referat'], root);
    expect(sist.stdout).toContain('Saken får nummer 04.25.');
    expect(sist.stdout).not.toContain('Den flytter');
    expect(sist.stderr).toContain('sak 04.25 «Til orientering» mangler i referatet');
  });

  it('prints the numbers it moves in later meetings of the year too, and refuses when a later meeting has a referat', async () => {
    const sept = {
      [`${PROSJEKTMAPPE}/2025-09-18-ssu/mote.yaml`]: MOTE.replace('2025-05-22', '2025-09-18'),
      [`${PROSJEKTMAPPE}/2025-09-18-ssu/3-host.md`]: sak('tittel: Høstens sak\ntype: tema\nminutter: 20', 'Tekst.\n'),
    };
    const ny = await motedok(['new', 'sak', `${PROSJEKTMAPPE}/2025-05-22-ssu`, 'Ny beslutning'], prosjekt(sept));
    expect(ny.code).toBe(0);
    expect(ny.stdout).toContain(
      [
        'Saken får nummer 03.25.',
        'Den flytter 4 saksnumre:',
        '  sak 03.25 «Strategi» (2025-05-22-ssu) får nå nummer 04.25',
        '  sak 04.25 «Godkjenning av innkalling og saksliste» (2025-09-18-ssu) får nå nummer 05.25',
        '  sak 05.25 «Godkjenning av referat fra SSU-møtet 22.05.25» (2025-09-18-ssu) får nå nummer 06.25',
        '  sak 06.25 «Høstens sak» (2025-09-18-ssu) får nå nummer 07.25',
      ].join('\n'),
    );
    const medReferat = prosjekt({
      ...sept,
      [`${PROSJEKTMAPPE}/2025-09-18-ssu/referat.md`]:
        '---\ntil_stede: [kari, ola, per]\nreferent: Marte\nstatus: utkast\n---\n\n## Sak 05.25\n\n## Sak 06.25\n\n## Sak 07.25 Høstens sak\n\nNotater.\n',
    });
    const nekter = await motedok(['new', 'sak', `${PROSJEKTMAPPE}/2025-05-22-ssu`, 'Ny beslutning'], medReferat);
    // Sending the May meeting would not help: the numbers to keep are September's, so its send is the advice.
    expect(nekter).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'motedok: den nye saken ville flyttet saksnumre (04.25 → 05.25, 05.25 → 06.25, 06.25 → 07.25) i 2025-09-18-ssu, som har referat; notatene i referatet ville da havnet under andre saker. Ingen fil er laget. Send innkallingen først («motedok send cases/2025-09-18-ssu»): etter det får en ny sak neste ledige nummer uten å flytte numrene i møtet med referat.\n',
    });
    expect(readdirSync(join(medReferat, `${PROSJEKTMAPPE}/2025-05-22-ssu`)).sort()).toEqual(['3-budsjett.md', '4-tema.md', 'mote.yaml']);
  });

  it('in a sent meeting takes the next free number of the year: the sent saker keep theirs, only numbers not yet sent move', async () => {
    const root = prosjekt({
      [`${PROSJEKTMAPPE}/2025-09-18-ssu/mote.yaml`]: MOTE.replace('2025-05-22', '2025-09-18'),
      [`${PROSJEKTMAPPE}/2025-09-18-ssu/3-host.md`]: sak('tittel: Høstens sak\ntype: tema\nminutter: 20', 'Tekst.\n'),
    });
    const mai = (await check(join(root, PROSJEKTMAPPE))).alleMoter.find((m) => m.mappe === '2025-05-22-ssu')!;
    writeFileSync(join(root, `${PROSJEKTMAPPE}/2025-05-22-ssu/journal.json`), journalFor(mai, '2025-05-08'));
    const ny = await motedok(['new', 'sak', `${PROSJEKTMAPPE}/2025-05-22-ssu`, 'Ny beslutning'], root);
    expect(ny.code).toBe(0);
    // May's saker 01–03 were sent; the new one sorts before Strategi (03.25) but takes 04.25.
    expect(ny.stdout).toContain(
      'Saken får nummer 04.25.\nDen flytter 3 saksnumre:\n  sak 04.25 «Godkjenning av innkalling og saksliste» (2025-09-18-ssu)',
    );
    expect(ny.stdout).not.toContain('«Strategi»');
    expect((await sjekk(root)).saker).toEqual([
      'Sak 01.25 Godkjenning av innkalling og saksliste (2 min)',
      'Sak 02.25 Budsjett 2026 (30 min)',
      'Sak 04.25 Ny beslutning (30 min)',
      'Sak 03.25 Strategi (30 min)',
      'Sak 05.25 Godkjenning av innkalling og saksliste (2 min)',
      'Sak 06.25 Godkjenning av referat fra SSU-møtet 22.05.25 (3 min)',
      'Sak 07.25 Høstens sak (20 min)',
    ]);
  });

  it('names the file so it sorts last under its heading, with the sections of its type; each number printed is the one check shows', async () => {
    const root = prosjekt();
    const mappe = join(root, `${PROSJEKTMAPPE}/2025-05-22-ssu`);
    const lagd: string[] = [];
    for (const [tittel, ...valg] of [
      ['Referat fra arbeidsutvalget', '--type', 'referat'],
      ['Kompetansebroen', '--type', 'tema', '--minutter', '45'],
      ['Fond for implementering'],
      ['Samhandlingskonferansen', '--type', 'eventuelt'],
    ]) {
      const r = await motedok(['new', 'sak', `${PROSJEKTMAPPE}/2025-05-22-ssu`, tittel!, ...valg], root);
      expect(r.code, r.stderr).toBe(0);
      const check = await sjekk(root);
      // Placed under its heading without the warning about files sorted out of agenda order.
      expect(check).toMatchObject({ code: 0, stderr: '' });
      const nummer = /Saken får nummer (\d\d\.\d\d)/.exec(r.stdout)?.[1];
      if (nummer) expect(check.saker.find((l) => l.includes(tittel!))).toMatch(new RegExp(`^Sak ${nummer} ${tittel} \\(\\d+ min\\)$`));
      else expect(r.stdout).toContain('Saken står under Eventuelt, uten saksnummer.');
      lagd.push(`${nummer ?? 'eventuelt'} ${tittel}`);
    }
    expect(lagd).toEqual([
      '04.25 Referat fra arbeidsutvalget',
      '04.25 Kompetansebroen',
      '03.25 Fond for implementering',
      'eventuelt Samhandlingskonferansen',
    ]);
    expect((await sjekk(root)).saker.map((l) => l.replace(/ \(\d+ min\)$/, ''))).toEqual([
      'Sak 01.25 Godkjenning av innkalling og saksliste',
      'Sak 02.25 Budsjett 2026',
      'Sak 03.25 Fond for implementering',
      'Sak 04.25 Strategi',
      'Sak 05.25 Kompetansebroen',
      'Sak 06.25 Referat fra arbeidsutvalget',
    ]);
    const filer = readdirSync(mappe).filter((n) => n.endsWith('.md'));
    const fond = filer.find((n) => n.includes('fond-for-implementering'))!;
    expect(readFileSync(join(mappe, fond), 'utf8')).toBe(
      '---\ntittel: Fond for implementering\ntype: beslutning\nminutter: 30\n---\n\n## Bakgrunn\n\n\n## Vurdering\n\n\n## Forslag til vedtak\n\n1. Strategisk samarbeidsutvalg …\n',
    );
    const tema = filer.find((n) => n.includes('kompetansebroen'))!;
    expect(readFileSync(join(mappe, tema), 'utf8')).toContain('minutter: 45\n---\n\n## Bakgrunn\n');
  });

  it('refuses bad usage with exit 2 and a Norwegian message', async () => {
    const root = prosjekt();
    expect(await motedok(['new', 'sak', `${PROSJEKTMAPPE}/2025-05-22-ssu`], root)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('motedok: oppgi møtemappen og tittelen i anførselstegn'),
    });
    expect(await motedok(['new', 'sak', `${PROSJEKTMAPPE}/2025-05-22-ssu`, 'X', '--type', 'vedtak'], root)).toMatchObject({
      code: 2,
      stderr: 'motedok: --type «vedtak» finnes ikke. Typene er: beslutning, tema, referat, eventuelt.\n',
    });
    expect(await motedok(['new', 'sak', `${PROSJEKTMAPPE}/2025-05-22-ssu`, 'X', '--minutter', 'tretti'], root)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--minutter «tretti» må være et helt antall minutter'),
    });
    expect(await motedok(['new', 'sak', `${PROSJEKTMAPPE}/finnes-ikke`, 'X'], root)).toMatchObject({
      code: 2,
      stderr: 'motedok: fant ikke mappen «cases/finnes-ikke».\n',
    });
    expect(await motedok(['new', 'mote', 'sus', '2025-09-18'], root)).toMatchObject({
      code: 2,
      stderr: 'motedok: utvalg «sus» finnes ikke i organisasjon.yaml. Mente du «ssu»? Utvalgene er: ssu, pm.\n',
    });
    expect(await motedok(['new', 'mote', 'ssu', '2025-02-30'], root)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('motedok: datoen «2025-02-30» kan ikke brukes'),
    });
    expect(await motedok(['new', 'mote', 'ssu', '2025-09-18', '--type', 'tema'], root)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('valget «--type» gjelder ikke for «motedok new mote»'),
    });
    expect(await motedok(['new', 'møte'], root)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('ukjent «møte»; motedok new lager mote, sak, referat eller ci.'),
    });
    expect(readdirSync(join(root, PROSJEKTMAPPE))).toEqual(['2025-05-22-ssu', 'organisasjon.yaml']);
  });
});

describe('motedok new referat', () => {
  it('has every sak of the agenda with its proposal, the members in til_stede, and passes check', async () => {
    const root = prosjekt();
    const r = await motedok(['new', 'referat', `${PROSJEKTMAPPE}/2025-05-22-ssu`], root);
    expect(r).toMatchObject({
      code: 0,
      stderr: '',
      stdout: 'Opprettet cases/2025-05-22-ssu/referat.md med 3 saker og 3 medlemmer i til_stede.\n',
    });
    const tekst = readFileSync(join(root, `${PROSJEKTMAPPE}/2025-05-22-ssu/referat.md`), 'utf8');
    const fm = YAML.parse(/^---\n([\s\S]*?)\n---/.exec(tekst)![1]!);
    expect(fm).toEqual({ til_stede: ['kari', 'ola', 'per'], forfall: [], referent: 'Sekretariatet', status: 'utkast' });
    expect(tekst.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## Sak 01.25 Godkjenning av innkalling og saksliste',
      '## Sak 02.25 Budsjett 2026',
      '## Sak 03.25 Strategi',
      '## Eventuelt',
    ]);
    expect(tekst).toContain(
      '## Sak 02.25 Budsjett 2026\n\n### Vedtak\n\nSaken godkjennes.\n\n## Sak 03.25 Strategi\n\n## Eventuelt\n\nIngen saker.\n',
    );
    expect(await sjekk(root)).toMatchObject({ code: 0, stderr: '' });
  });

  it('says which saker still need the chosen alternative', async () => {
    const root = prosjekt({
      [`${PROSJEKTMAPPE}/2025-05-22-ssu/5-fond.md`]: sak(
        'tittel: Fond\ntype: beslutning\nminutter: 10',
        '## Forslag til vedtak\n\n1. Utvalget etablerer et fond på\n   a) Alt. 1: kr 750 000\n   b) Alt. 2: kr 500 000\n',
      ),
    });
    const r = await motedok(['new', 'referat', `${PROSJEKTMAPPE}/2025-05-22-ssu`], root);
    expect(r.stdout).toContain('Sak 03.25 har alternativer (Alt. 1, Alt. 2); skriv under «### Vedtak» hvilket som ble valgt.');
    // Until then check says the same, at that sak.
    const check = await sjekk(root);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(
      'forslaget til vedtak i sak 03.25 har alternativer (Alt. 1, Alt. 2), og referatet må si hvilket som ble valgt',
    );
  });
});

describe('motedok new never overwrites', () => {
  it('refuses an existing mote.yaml and referat.md with exit 1, leaving them as they were', async () => {
    const root = prosjekt({ [`${PROSJEKTMAPPE}/2025-05-22-ssu/referat.md`]: 'mitt referat\n' });
    const mote = join(root, `${PROSJEKTMAPPE}/2025-05-22-ssu/mote.yaml`);
    const r = await motedok(['new', 'mote', 'ssu', '2025-05-22'], root);
    expect(r).toMatchObject({
      code: 1,
      stderr:
        'motedok: cases/2025-05-22-ssu/mote.yaml finnes allerede; motedok new skriver ikke over filer. Gi den nye filen et annet navn, eller slett den gamle først.\n',
    });
    expect(readFileSync(mote, 'utf8')).toBe(MOTE);
    expect(await motedok(['new', 'referat', `${PROSJEKTMAPPE}/2025-05-22-ssu`], root)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('referat.md finnes allerede'),
    });
    expect(readFileSync(join(root, `${PROSJEKTMAPPE}/2025-05-22-ssu/referat.md`), 'utf8')).toBe('mitt referat\n');
    // A sak with the same title as one made before gets its own file; the first is left alone.
    const annet = prosjekt();
    expect((await motedok(['new', 'sak', `${PROSJEKTMAPPE}/2025-05-22-ssu`, 'Strategi', '--type', 'tema'], annet)).code).toBe(0);
    const forste = readdirSync(join(annet, `${PROSJEKTMAPPE}/2025-05-22-ssu`)).find(
      (n) => n.endsWith('-strategi.md') && n !== '4-tema.md',
    )!;
    writeFileSync(
      join(annet, `${PROSJEKTMAPPE}/2025-05-22-ssu`, forste),
      sak('tittel: Strategi\ntype: tema\nminutter: 10', 'Min tekst.\n'),
    );
    expect((await motedok(['new', 'sak', `${PROSJEKTMAPPE}/2025-05-22-ssu`, 'Strategi', '--type', 'tema'], annet)).code).toBe(0);
    expect(readdirSync(join(annet, `${PROSJEKTMAPPE}/2025-05-22-ssu`)).filter((n) => n.includes('strategi')).length).toBe(2);
    expect(readFileSync(join(annet, `${PROSJEKTMAPPE}/2025-05-22-ssu`, forste), 'utf8')).toContain('Min tekst.');
  });
});
