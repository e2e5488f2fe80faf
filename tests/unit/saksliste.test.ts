import { describe, expect, it } from 'vitest';
import type { Klokkeslett, Sak, Saksliste, SakType } from '../../src/domain/types.js';
import { orderSaker, planSaksliste } from '../../src/pipeline/model/saksliste.js';
import { klokkeslett } from '../../src/pipeline/model/tid.js';

const sak = (tittel: string, type: SakType, minutter: number, fast = false): Sak => ({
  source: { file: `${tittel}.md` },
  fileName: tittel,
  fast,
  type,
  tittel,
  minutter,
  vedlegg: [],
  saksfremlegg: '',
  harSaksfremlegg: false,
  referanser: [],
});
const kl = (t: string) => (Number(t.slice(0, 2)) * 60 + Number(t.slice(3))) as Klokkeslett;

function lines(plan: Saksliste): string[] {
  const out = plan.grupper.flatMap((g) => [
    ...(g.overskrift ? [`# ${g.overskrift}`] : []),
    ...g.punkter.map((p) => `${klokkeslett(p.start)}–${klokkeslett(p.slutt)} ${p.kind === 'sak' ? p.sak.tittel : p.tittel}`),
  ]);
  out.push(`# Eventuelt ${klokkeslett(plan.eventuelt.start)}–${klokkeslett(plan.eventuelt.slutt)}`);
  return [...out, ...plan.eventuelt.saker.map((p) => `${klokkeslett(p.start)}–${klokkeslett(p.slutt)} ${p.sak.tittel}`)];
}

describe('the planned agenda', () => {
  it("groups saker under the seeds' headings in their order, fixed saker first, Eventuelt last", () => {
    const ordered = orderSaker(
      [sak('innkalling', 'beslutning', 2, true)],
      [
        sak('a-tema', 'tema', 30),
        sak('b-eventuelt', 'eventuelt', 5),
        sak('c-beslutning', 'beslutning', 60),
        sak('d-referat', 'referat', 5),
      ],
    );
    expect(ordered.map((s) => s.tittel)).toEqual(['innkalling', 'c-beslutning', 'a-tema', 'd-referat', 'b-eventuelt']);
  });

  it('gives every sak and break its clock times from the start, and Eventuelt the time that is left', () => {
    const saker = [
      sak('fast', 'beslutning', 2, true),
      sak('a', 'beslutning', 60),
      sak('b', 'tema', 45),
      sak('c', 'referat', 5),
      sak('x', 'eventuelt', 10),
    ];
    const plan = planSaksliste(
      saker,
      [{ etter: saker[1]!, minutter: 30, tittel: 'Lunsj', source: { file: 'mote.yaml' } }],
      kl('09:30'),
      kl('14:30'),
    );
    expect(lines(plan)).toEqual([
      '09.30–09.32 fast',
      '# Beslutningssaker',
      '09.32–10.32 a',
      '10.32–11.02 Lunsj',
      '# Temasaker',
      '11.02–11.47 b',
      '# Referatsaker',
      '11.47–11.52 c',
      '# Eventuelt 11.52–14.30',
      '11.52–12.02 x',
    ]);
    expect(plan.overtid).toBe(0);
  });

  it('reports how many minutes the agenda runs past the end', () => {
    const plan = planSaksliste([sak('a', 'beslutning', 90), sak('b', 'tema', 45)], [], kl('10:00'), kl('12:00'));
    expect(plan.overtid).toBe(15);
    expect(klokkeslett(plan.slutt)).toBe('12.15');
  });
});
