import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishMoter } from '../../src/build/publish.js';
import { sendMote } from '../../src/build/send.js';
import { langDato } from '../../src/pipeline/model/tid.js';
import { today } from '../../src/util/today.js';
import { MOTE, makeProject, sak, utmappe } from '../helpers/prosjekt.js';

const M = '2025-05-22-ssu';
const budsjett = (forslag: string, ekstra = '') =>
  sak(`tittel: Budsjett 2026\ntype: beslutning\nminutter: 30${ekstra}`, `Bakgrunn.\n\n## Forslag til vedtak\n\n${forslag}\n`);

describe('the site keeps what it published', () => {
  it('shows when the innkalling went out; a changed document is published beside the old one, dated; a sak made exempt takes the old versions down', async () => {
    const root = makeProject({ [`${M}/mote.yaml`]: MOTE, [`${M}/13-budsjett.md`]: budsjett('Budsjettet vedtas.') });
    const out = utmappe();
    const nettsted = join(out, 'nettsted', M);
    await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-08' });
    expect((await publishMoter([join(root, M)], { cwd: root, out })).diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    const side = readFileSync(join(nettsted, 'index.html'), 'utf8');
    expect(side).toContain('<dt>Innkallingen sendt</dt><dd>8. mai 2025</dd>');
    const idag = langDato(today() as never);
    expect(side).toContain(`Innkalling med saksliste og forslag til vedtak (PDF, 2 sider)</a>, publisert ${idag}`);
    const forste = readFileSync(join(nettsted, 'innkalling.pdf'));

    // A corrected proposal: the new innkalling is published, the first one stays beside it.
    writeFileSync(join(root, M, '13-budsjett.md'), budsjett('Budsjettet vedtas med endringene i punkt 2.'));
    await publishMoter([join(root, M)], { cwd: root, out });
    const gammel = join(nettsted, 'tidligere', `${today()}-innkalling.pdf`);
    expect(readFileSync(gammel).equals(forste)).toBe(true);
    expect(readFileSync(join(nettsted, 'innkalling.pdf')).equals(forste)).toBe(false);
    const etter = readFileSync(join(nettsted, 'index.html'), 'utf8');
    expect(etter).toContain('<h2 class="ds-heading" data-size="md">Tidligere versjoner</h2>');
    expect(etter).toContain(
      `<a class="ds-link" href="tidligere/${today()}-innkalling.pdf">Innkalling med saksliste og forslag til vedtak, publisert ${idag} (PDF)</a>`,
    );

    // Made exempt: no earlier version that showed it may stay on the site.
    writeFileSync(join(root, M, '13-budsjett.md'), budsjett('Budsjettet vedtas.', '\nunntatt_offentlighet: offl. § 23 første ledd'));
    await publishMoter([join(root, M)], { cwd: root, out });
    expect(existsSync(join(nettsted, 'tidligere')) ? readdirSync(join(nettsted, 'tidligere')) : []).toEqual([]);
    expect(readFileSync(join(nettsted, 'index.html'), 'utf8')).not.toContain('Tidligere versjoner');
  }, 180_000);
});
