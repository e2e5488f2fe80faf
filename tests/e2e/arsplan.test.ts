import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ArsplanResult, buildArsplan } from '../../src/build/arsplan.js';
import { loadMoter } from '../../src/build/load.js';
import { formatDiagnostic } from '../../src/domain/diagnostics.js';
import { moteAsIcs } from '../../src/pipeline/render/kalender.js';
import { forsteUtenforRekkefolge, pdfInfo, pdfStruktur, pdfTekst } from '../helpers/pdftekst.js';
import { pdfuaFindings } from '../helpers/pdfua.js';
import { EKSEMPEL, makeProject, sak } from '../helpers/prosjekt.js';

const repo = resolve(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'motedok.js');

const ORGANISASJON = `navn: Helsefellesskap Test
utvalg:
  ssu:
    navn: Strategisk samarbeidsutvalg
    kortnavn: SSU
    standard: { sted: Fylkeshuset Lillehammer, start: "09:30", slutt: "14:30" }
  partnerskap:
    navn: Partnerskapsmøtet
    kortnavn: PM
`;

const MOTE_2026 = `utvalg: ssu
dato: 2026-02-12
start: "09:30"
slutt: "14:30"
sted: Hamar rådhus
`;

const PLAN = `moter:
  - utvalg: ssu
    dato: 2026-09-17
    tema:
      - Kompetansebroen, forslag budsjett og plan
  - utvalg: partnerskap
    tidspunkt: juni
    start: "09:00"
    slutt: "10:00"
    sted: Teams
    tema: [Årsrapport 2025]
  - utvalg: ssu
    dato: 2026-02-12
    sted: Fylkeshuset Lillehammer
    tema: [Noe som møtemappen erstatter]
  - utvalg: ssu
    dato: 2026-03-11
    til_dato: 2026-03-12
    start: "12:00"
    slutt: "12:00"
    tema: [Strategisamling]
`;

function prosjekt(plan = PLAN) {
  return makeProject(
    {
      'organisasjon.yaml': ORGANISASJON,
      '2026-02-12-ssu/mote.yaml': MOTE_2026,
      '2026-02-12-ssu/03-arsplan-2027.md': sak('tittel: Årsplan 2027\ntype: beslutning\nminutter: 30'),
      'arsplan-2026.yaml': plan,
    },
    false,
  );
}

/** Every VEVENT of a calendar, read back as a calendar program would. */
function lesKalender(tekst: string) {
  const kalender = new ICAL.Component(ICAL.parse(tekst));
  ICAL.TimezoneService.register(new ICAL.Timezone(kalender.getFirstSubcomponent('vtimezone')!));
  return kalender.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      tittel: e.summary,
      sted: e.location,
      beskrivelse: e.description,
      heldag: e.startDate.isDate,
      start: e.startDate.isDate ? e.startDate.toString() : e.startDate.toJSDate().toISOString(),
      slutt: e.endDate.isDate ? e.endDate.toString() : e.endDate.toJSDate().toISOString(),
    };
  });
}

describe('motedok arsplan', () => {
  let rot: string;
  let ut: string;
  let resultat: ArsplanResult;
  beforeAll(async () => {
    rot = prosjekt();
    ut = mkdtempSync(join(tmpdir(), 'motedok-arsplan-'));
    resultat = await buildArsplan(2026, { cwd: rot, out: ut });
  }, 60_000);

  it('lists each committee with its meetings in date order: day, date, time, place and planned saker', () => {
    expect(resultat.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    // -raw: the order the text was laid out in, the tagged reading order (an empty cell confuses pdftotext's column guessing).
    const tekst = pdfTekst(join(ut, 'arsplan-2026.pdf'), '-raw');
    expect(
      forsteUtenforRekkefolge(tekst, [
        'Årsplan Helsefellesskap Test 2026',
        'Strategisk samarbeidsutvalg',
        'Torsdag',
        '12. feb.',
        '09.30–14.30',
        'Hamar rådhus',
        'Årsplan 2027',
        'Onsdag–torsdag',
        '11.–12. mars',
        'Strategisamling',
        'Torsdag',
        '17. sep.',
        '09.30–14.30',
        'Fylkeshuset Lillehammer',
        'Kompetansebroen, forslag budsjett og plan',
        'Partnerskapsmøtet',
        'juni',
        '09.00–10.00',
        'Teams',
        'Årsrapport 2025',
      ]),
    ).toBeUndefined();
    // The folder wins: its saker replace the plan's topics, and the fixed saker are not topics.
    expect(tekst).not.toContain('Noe som møtemappen erstatter');
    expect(tekst).not.toContain('Godkjenning av innkalling');
  });

  it('warns, positioned, when a planned meeting and its folder disagree', () => {
    const linjer = resultat.diagnostics.map((d) => formatDiagnostic(d, rot));
    expect(linjer).toContain(
      'arsplan-2026.yaml:12:5: advarsel: møtet 2026-02-12 har også møtemappen 2026-02-12-ssu, og de er ulike (årsplanen / møtemappen): sted «Fylkeshuset Lillehammer» / «Hamar rådhus». Møtemappen gjelder; rett eller fjern møtet i årsplanen.',
    );
  });

  it('is a tagged PDF with title and language, and a bookmark per committee', async () => {
    const fil = join(ut, 'arsplan-2026.pdf');
    expect(pdfInfo(fil)).toMatchObject({ Title: 'Årsplan Helsefellesskap Test 2026', Tagged: 'yes' });
    const { bokmerker, lang } = await pdfStruktur(fil);
    expect(lang).toBe('nb-NO');
    expect(bokmerker.map((b) => b.trim())).toEqual(expect.arrayContaining(['Strategisk samarbeidsutvalg', 'Partnerskapsmøtet']));
  });

  it('passes the machine-checkable PDF/UA-1 checkpoints, as every document of a meeting does', async () => {
    const { findings, fullyTagged } = await pdfuaFindings(join(ut, 'arsplan-2026.pdf'));
    expect(findings).toEqual([]);
    expect(fullyTagged).toBe(true);
  });

  it("writes a calendar with one event per dated meeting; the folder's is the same event as its mote.ics", async () => {
    const hendelser = lesKalender(readFileSync(join(ut, 'arsplan-2026.ics'), 'utf8'));
    expect(hendelser.map((h) => h.uid)).toEqual([
      '2026-02-12-ssu@helsefellesskap-test.motedok',
      '2026-03-11-ssu@helsefellesskap-test.motedok',
      '2026-09-17-ssu@helsefellesskap-test.motedok',
    ]);
    const mote = (await loadMoter([join(rot, '2026-02-12-ssu')], { cwd: rot })).moter[0]!;
    expect(lesKalender(moteAsIcs(mote))[0]).toEqual(hendelser[0]);
    // 09.30 in February is 08.30 UTC, 09.30 in September 07.30 UTC (summer time).
    expect(hendelser[2]).toMatchObject({
      tittel: 'Møte i Strategisk samarbeidsutvalg',
      sted: 'Fylkeshuset Lillehammer',
      start: '2026-09-17T07:30:00.000Z',
      slutt: '2026-09-17T12:30:00.000Z',
    });
    expect(hendelser[2]!.beskrivelse).toContain('Kompetansebroen, forslag budsjett og plan');
    expect(hendelser[1]).toMatchObject({ start: '2026-03-11T11:00:00.000Z', slutt: '2026-03-12T11:00:00.000Z' });
  });

  it('reports a mistake in arsplan-<år>.yaml at file:line:column, exits 1 and writes nothing', () => {
    const feil = prosjekt(`moter:\n  - utvalg: sus\n    dato: 2026-02-30\n  - utvalg: ssu\n    dato: 2025-12-01\n    temaer: [x]\n`);
    const tom = mkdtempSync(join(tmpdir(), 'motedok-arsplan-'));
    const r = spawnSync(process.execPath, [bin, 'arsplan', '2026', '--out', tom], { cwd: feil, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('arsplan-2026.yaml:2:13: feil: ukjent utvalg «sus». Mente du «ssu»?');
    expect(r.stderr).toContain(
      'arsplan-2026.yaml:3:11: feil: «dato» i moter nr. 1: datoen 2026-02-30 finnes ikke: februar 2026 har 28 dager.',
    );
    expect(r.stderr).toContain('arsplan-2026.yaml:6:5: feil: ukjent felt «temaer» i moter nr. 2. Mente du «tema»?');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(tom, 'arsplan-2026.pdf'))).toBe(false);
  });

  it('check of the whole project checks the plan file too', () => {
    const feil = prosjekt(PLAN.replace('utvalg: partnerskap', 'utvalg: partnerskp'));
    const r = spawnSync(process.execPath, [bin, 'check', '.'], { cwd: feil, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('arsplan-2026.yaml:6:13: feil: ukjent utvalg «partnerskp». Mente du «partnerskap»?');
    // One meeting checked on its own: the plan is not its business.
    const en = spawnSync(process.execPath, [bin, 'check', '2026-02-12-ssu'], { cwd: feil, encoding: 'utf8' });
    expect(en.status).toBe(0);
    expect(en.stderr).not.toContain('arsplan-2026.yaml');
  });

  it('needs a four-digit year (exit 2)', () => {
    const r = spawnSync(process.execPath, [bin, 'arsplan', '26'], { cwd: repo, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('oppgi året som fire sifre');
  });

  it('the example cases/arsplan-2026.yaml is valid', async () => {
    const { Diagnostics } = await import('../../src/domain/diagnostics.js');
    const { loadProjectSource } = await import('../../src/pipeline/load/project.js');
    const { buildModel } = await import('../../src/pipeline/model/mote.js');
    const { parseYaml } = await import('../../src/pipeline/load/yaml.js');
    const { makeArsplan } = await import('../../src/pipeline/model/arsplan.js');
    const diags = new Diagnostics();
    const modell = await buildModel(await loadProjectSource(EKSEMPEL, diags), diags);
    const fil = join(EKSEMPEL, 'arsplan-2026.yaml');
    const plan = makeArsplan(2026, modell.organisasjon!, modell.alleMoter, parseYaml(fil, readFileSync(fil, 'utf8'), diags), diags);
    expect(diags.items).toEqual([]);
    expect(plan.utvalg.map((u) => [u.utvalg.kortnavn, u.moter.length])).toEqual([
      ['SSU', 5],
      ['PM', 1],
    ]);
  });
});
