import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROSJEKTMAPPE } from '../../src/domain/prosjekt.js';
import { innholdUnder } from '../helpers/filer.js';
import { motedokHer } from '../helpers/kommando.js';
import { lagProsjektMedCases } from '../helpers/prosjekt.js';

// Pruning outdated outputs once ran on the source folder (`cd cases && motedok build <møte> --out .`)
// and deleted every sak. These tests hold the two guards: an output folder among the sources is
// refused before anything is read or written, and pruning removes only what a build recorded as
// its own outputs, inside the output folder.

const M = '2025-05-22-ssu';

describe('an output folder among the sources is refused (exit 2), and no source is touched', () => {
  let base: string;
  let kilder: Map<string, Buffer>;
  beforeAll(() => {
    base = lagProsjektMedCases();
    symlinkSync(join(base, PROSJEKTMAPPE), join(base, 'lenke-til-cases'));
    symlinkSync(join(base, PROSJEKTMAPPE, M), join(base, 'lenke-til-motet'));
    kilder = innholdUnder(join(base, PROSJEKTMAPPE));
  });

  const tilfeller: { hva: string; cwd: string; mappe: string; out: string; melding: string }[] = [
    {
      hva: 'the project folder itself (cd cases; --out .)',
      cwd: PROSJEKTMAPPE,
      mappe: M,
      out: '.',
      melding: `utmappen «${'<base>'}/cases» er kildemappen «${'<base>'}/cases»`,
    },
    {
      hva: 'the meeting folder',
      cwd: '.',
      mappe: `${PROSJEKTMAPPE}/${M}`,
      out: `${PROSJEKTMAPPE}/${M}`,
      melding: `utmappen «cases/${M}» ligger inne i kildemappen «cases»`,
    },
    {
      hva: 'a folder inside the meeting folder',
      cwd: '.',
      mappe: `${PROSJEKTMAPPE}/${M}`,
      out: `${PROSJEKTMAPPE}/${M}/ut`,
      melding: `utmappen «cases/${M}/ut» ligger inne i kildemappen «cases»`,
    },
    {
      hva: 'a folder inside cases/',
      cwd: '.',
      mappe: `${PROSJEKTMAPPE}/${M}`,
      out: `${PROSJEKTMAPPE}/output`,
      melding: 'utmappen «cases/output» ligger inne i kildemappen «cases»',
    },
    {
      hva: 'a folder that contains cases/ (the folder above)',
      cwd: '.',
      mappe: `${PROSJEKTMAPPE}/${M}`,
      out: '.',
      melding: `utmappen «${'<base>'}» inneholder kildemappen «cases»`,
    },
    {
      hva: 'a link to cases/',
      cwd: '.',
      mappe: `${PROSJEKTMAPPE}/${M}`,
      out: 'lenke-til-cases',
      melding: 'utmappen «lenke-til-cases» er kildemappen «cases»',
    },
    {
      hva: 'a folder under a link to the meeting',
      cwd: '.',
      mappe: `${PROSJEKTMAPPE}/${M}`,
      out: 'lenke-til-motet/ut',
      melding: 'utmappen «lenke-til-motet/ut» ligger inne i kildemappen «cases»',
    },
  ];

  for (const kommando of ['build', 'publish']) {
    for (const t of tilfeller) {
      it(`${kommando}: ${t.hva}`, async () => {
        const r = await motedokHer([kommando, t.mappe, '--out', t.out], join(base, t.cwd));
        expect(r.stderr).toBe(
          `motedok: ${t.melding.replaceAll('<base>', base)}; motedok skriver aldri blant sakene. ` +
            'Velg en utmappe utenfor prosjektmappen med --out, for eksempel «output» ved siden av «cases».\n',
        );
        expect(r.code).toBe(2);
        const etter = innholdUnder(join(base, PROSJEKTMAPPE));
        expect([...etter.keys()].sort()).toEqual([...kilder.keys()].sort());
        for (const [fil, bytes] of kilder) expect(etter.get(fil)!.equals(bytes), fil).toBe(true);
      });
    }
  }
});
