import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMoter } from '../../src/build/build.js';
import { loadMoter } from '../../src/build/load.js';
import type { Mote } from '../../src/domain/types.js';
import { lesIcs } from '../helpers/ics.js';
import { EKSEMPEL } from '../helpers/prosjekt.js';
import { medEksempelbuffer } from '../helpers/tilstand.js';

const cases = EKSEMPEL;

let moter: Mote[];
beforeAll(async () => {
  moter = (await loadMoter([cases])).moter;
});
const mote = (mappe: string) => moter.find((m) => m.mappe === mappe)!;

describe('mote.ics', () => {
  it('is built next to the PDFs, for members and the public, byte for byte the same on every build', async () => {
    const ut = mkdtempSync(join(tmpdir(), 'motedok-ics-'));
    const igjen = mkdtempSync(join(tmpdir(), 'motedok-ics-'));
    const mappe = join(cases, '2025-11-13-ssu');
    await medEksempelbuffer(ut);
    await medEksempelbuffer(igjen);
    const forste = await buildMoter([mappe], { out: ut });
    expect(forste.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    await buildMoter([mappe], { out: igjen });
    const intern = readFileSync(join(ut, '2025-11-13-ssu', 'mote.ics'));
    const offentlig = readFileSync(join(ut, '2025-11-13-ssu', 'offentlig', 'mote.ics'));
    expect(readFileSync(join(igjen, '2025-11-13-ssu', 'mote.ics')).equals(intern)).toBe(true);
    expect(lesIcs(intern.toString('utf8')).dtstamp).toBe('2025-11-13T00:00:00Z');
    // The exempt sak 31.25 keeps its number and title in public, as in the public PDFs; nothing more of it is in the calendar.
    const sak31 = mote('2025-11-13-ssu').saker.find((s) => s.unntattOffentlighet)!;
    expect(lesIcs(offentlig.toString('utf8')).beskrivelse).toContain(`Sak 31.25  12.05–12.25  ${sak31.tittel}`);
    expect(offentlig.equals(intern)).toBe(true);
  }, 60_000);
});
