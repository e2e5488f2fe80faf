import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROSJEKTMAPPE } from '../../src/domain/prosjekt.js';
import { motedok, motedokHer } from '../helpers/kommando.js';
import { BESLUTNING, EKSEMPELPROSJEKT, makeProject, sak } from '../helpers/prosjekt.js';

/** Where the commands run: a project folder holding the example meetings in cases/. */
const prosjekt = EKSEMPELPROSJEKT;

describe('the motedok command', () => {
  it('--help and --version answer in Norwegian and exit 0', () => {
    const help = motedok(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('motedok check [møtemapper …]');
    const version = motedok(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: expect.stringMatching(/^motedok \d+\.\d+\.\d+\n$/) });
  });

  it('wrong usage exits 2 with a message, not a stack trace', async () => {
    const unknown = await motedokHer(['lag']);
    expect(unknown).toMatchObject({
      code: 2,
      stderr:
        'motedok: ukjent kommando «lag». Kommandoene er: build, check, send, eksport, publish, new, arsplan og watch. Se «motedok --help».\n',
    });
    const option = await motedokHer(['check', '--fort']);
    expect(option).toMatchObject({ code: 2, stderr: 'motedok: ukjent valg «--fort». Se «motedok --help».\n' });
    const missing = await motedokHer(['check', 'finnes/ikke']);
    expect(missing).toMatchObject({ code: 2, stderr: 'motedok: fant ikke mappen «finnes/ikke».\n' });
    expect(await motedokHer(['watch', 'finnes/ikke'])).toMatchObject({ code: 2, stderr: 'motedok: fant ikke mappen «finnes/ikke».\n' });
    expect(await motedokHer(['watch', PROSJEKTMAPPE])).toMatchObject({
      code: 2,
      stderr: 'motedok: «cases» er ikke en møtemappe (ingen mote.yaml); oppgi én møtemappe, for eksempel cases/2025-05-22-ssu.\n',
    });
  });

  it('check of the examples prints every planned agenda and exits 0', async () => {
    const { code, stdout, stderr } = await motedokHer(['check']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const start = lines.indexOf(`${PROSJEKTMAPPE}/2025-05-22-ssu`);
    expect(lines.slice(start, start + 17)).toEqual([
      `${PROSJEKTMAPPE}/2025-05-22-ssu`,
      'Strategisk samarbeidsutvalg – torsdag 22. mai 2025, kl. 09.00–14.00, Fylkeshuset Lillehammer, Kirkegata 76',
      '  Sak 11.25  09.00–09.02  Godkjenning av innkalling og saksliste (2 min)',
      '  Sak 12.25  09.02–09.05  Godkjenning av referat fra SSU-møtet 20.02.25 (3 min)',
      '  Beslutningssaker',
      '  Sak 13.25  09.05–10.05  Strategisamling SSU 11.–12. mars 2025 – oppfølging (60 min)',
      '  Sak 14.25  10.05–11.05  Videreføre gode pasientforløp og etablere faglig samarbeidsutvalg (60 min)',
      '             11.05–11.35  Pause og lunsj (30 min)',
      '  Temasaker',
      '  Sak 15.25  11.35–12.05  Beregning av gevinst og evt. fordeling (30 min)',
      '  Sak 16.25  12.05–13.20  Rekrutterings- og samhandlingsmidler 2025 (75 min)',
      '  Sak 17.25  13.20–13.50  Strategiske prosesser hos partnerne (30 min)',
      '  Referatsaker',
      '  Sak 18.25  13.50–13.55  Handlingsdelen 2024–2025 – status (5 min)',
      '  Eventuelt  13.55–14.00',
      '  Vedlegg til innkallingen: 8',
      '  Referat: godkjent, 7 til stede, 1 forfall',
    ]);
    expect(stdout).toMatch(/motedok check: 3 møter og 23 saker kontrollert på \d+,\d\d s – ingen feil, 0 advarsler\.\n$/);
  });

  it('content errors go to stderr as file:line:column and exit 1; the valid meetings still print', async () => {
    const root = makeProject({
      '2025-05-22-ssu/13-a.md': sak('tittel: A\ntype: tema\nminutter: 0'),
      '2025-09-18-ssu/mote.yaml': 'utvalg: ssu\ndato: 2025-09-18\nstart: "10:00"\nslutt: "14:00"\nsted: Hamar\n',
      '2025-09-18-ssu/13-b.md': BESLUTNING,
    });
    const { code, stdout, stderr } = await motedokHer(['check', '.'], root);
    expect(code).toBe(1);
    expect(stderr).toBe(
      '2025-05-22-ssu/13-a.md:4:11: feil: «minutter» må være større enn 0, men er tallet 0. Tillatt: et helt antall minutter, større enn 0, for eksempel 30.\n',
    );
    expect(stdout).toContain('2025-09-18-ssu\n');
    expect(stdout).toMatch(/2 møter og \d+ saker kontrollert på .* – 1 feil, 0 advarsler\.\n$/);
    expect(stderr + stdout).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('a single meeting folder is checked with its year around it (numbers continue)', async () => {
    const { code, stdout } = await motedokHer(['check', `${PROSJEKTMAPPE}/2025-09-18-ssu`]);
    expect(code).toBe(0);
    expect(stdout).toContain('  Sak 19.25  10.00–10.02  Godkjenning av innkalling og saksliste (2 min)');
    expect(stdout).not.toContain('2025-05-22-ssu');
  });

  it('build without a usable Chromium fails with a clear message and exit 1, writing nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'motedok-cli-'));
    const { code, stderr } = await motedokHer(['build', `${PROSJEKTMAPPE}/2025-11-13-ssu`, '--out', out], prosjekt, {
      MOTEDOK_CHROMIUM: '/finnes/ikke/chrome',
    });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'motedok: MOTEDOK_CHROMIUM=/finnes/ikke/chrome er ikke en kjørbar fil; sett den til Chromium eller Chrome (for eksempel /usr/bin/chromium), eller fjern den.\n',
    );
    expect(existsSync(join(out, '2025-11-13-ssu'))).toBe(false);
  });
});
