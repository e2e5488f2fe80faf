import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { innholdUnder } from '../helpers/filer.js';
import { kryptertPdf } from '../helpers/pdf.js';
import { EKSEMPEL, sak, utmappe } from '../helpers/prosjekt.js';

/** Anything that looks like a stack trace or an internal error name. */
const STAKK = /\n\s+at |\bat .*\.(?:js|ts):\d+|\b(?:TypeError|ReferenceError|RangeError|SyntaxError|Error):/;

describe('a build that fails leaves the earlier output byte for byte as it was', () => {
  const repo = resolve(import.meta.dirname, '../..');
  const M = '2025-05-22-ssu';

  let prosjekt: string;
  let ut: string;
  beforeEach(() => {
    prosjekt = mkdtempSync(join(tmpdir(), 'motedok-korpus-bygg-'));
  });
  afterEach(() => vi.restoreAllMocks());

  it('for content errors and an encrypted attachment: exit 1, every message, no file changed', () => {
    cpSync(EKSEMPEL, prosjekt, { recursive: true });
    ut = utmappe();
    const bygg = () =>
      spawnSync(process.execPath, [join(repo, 'bin/motedok.js'), 'build', join(prosjekt, M), '--out', ut], {
        cwd: prosjekt,
        encoding: 'utf8',
      });
    expect(bygg().status).toBe(0);
    const før = innholdUnder(ut);
    expect(før.size).toBeGreaterThan(10);

    writeFileSync(join(prosjekt, M, '13-strategisamling.md'), sak('tittel: A\ntype: tema\nminutter: 0'));
    writeFileSync(
      join(prosjekt, M, '14-gode-pasientforlop.md'),
      sak('tittel: B\ntype: beslutning\nminutter: 30\nvedlegg:\n  - { tittel: Låst, fil: vedlegg/låst.pdf }'),
    );
    writeFileSync(join(prosjekt, M, 'vedlegg', 'låst.pdf'), kryptertPdf('Låst'));
    const feil = bygg();
    expect(feil.stderr.split('\n')).toEqual([
      `${M}/13-strategisamling.md:4:11: feil: «minutter» må være større enn 0, men er tallet 0. Tillatt: et helt antall minutter, større enn 0, for eksempel 30.`,
      `${M}/14-gode-pasientforlop.md:6:26: feil: vedleggsfilen «vedlegg/låst.pdf» er kryptert eller passordbeskyttet og kan ikke settes inn; lagre den som en vanlig PDF uten passord.`,
      // With sak 13 unreadable, the saker after it have numbers one lower: the referat's headings
      // no longer match their saker's titles (notes would be filed under the wrong sak), and 18.25 has no sak.
      `${M}/referat.md:30:1: feil: overskriften «## Sak 13.25 Strategisamling SSU 11.–12. mars 2025 – oppfølging» har en annen tittel enn sak 13.25 «B»; skriv sakens tittel, eller bare «## Sak 13.25», så notatene havner under riktig sak.`,
      `${M}/referat.md:35:1: feil: overskriften «## Sak 14.25 Videreføre gode pasientforløp og etablere faglig samarbeidsutvalg» har en annen tittel enn sak 14.25 «Beregning av gevinst og evt. fordeling»; skriv sakens tittel, eller bare «## Sak 14.25», så notatene havner under riktig sak.`,
      `${M}/referat.md:52:1: feil: overskriften «## Sak 15.25 Beregning av gevinst og evt. fordeling» har nummeret til sak 15.25 «Rekrutterings- og samhandlingsmidler 2025», men tittelen til sak 14.25 «Beregning av gevinst og evt. fordeling»; rett nummeret eller tittelen, så notatene havner under riktig sak.`,
      `${M}/referat.md:56:1: feil: overskriften «## Sak 16.25 Rekrutterings- og samhandlingsmidler 2025» har nummeret til sak 16.25 «Strategiske prosesser hos partnerne», men tittelen til sak 15.25 «Rekrutterings- og samhandlingsmidler 2025»; rett nummeret eller tittelen, så notatene havner under riktig sak.`,
      `${M}/referat.md:60:1: feil: overskriften «## Sak 17.25 Strategiske prosesser hos partnerne» har nummeret til sak 17.25 «Handlingsdelen 2024–2025 – status», men tittelen til sak 16.25 «Strategiske prosesser hos partnerne»; rett nummeret eller tittelen, så notatene havner under riktig sak.`,
      `${M}/referat.md:64:1: feil: sak 18.25 står ikke på sakslisten til møtet ${M}; sakene er 11.25, 12.25, 13.25, 14.25, 15.25, 16.25, 17.25.`,
      'motedok build: 8 feil; ingen dokumenter ble skrevet for møtene med feil.',
      '',
    ]);
    expect(feil.status).toBe(1);
    expect(feil.stdout + feil.stderr).not.toMatch(STAKK);
    const etter = innholdUnder(ut);
    expect([...etter.keys()]).toEqual([...før.keys()]);
    for (const [fil, bytes] of før) expect(etter.get(fil)!.equals(bytes), fil).toBe(true);
  }, 120_000);
});
