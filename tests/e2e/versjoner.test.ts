import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishMoter } from '../../src/build/publish.js';
import { sendMote } from '../../src/build/send.js';
import { langDato } from '../../src/pipeline/model/tid.js';
import { today } from '../../src/util/today.js';
import { pdfTekst } from '../helpers/pdftekst.js';
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
    expect(side).toContain('<dt>Innkallingen sendt</dt> <dd>8. mai 2025</dd>');
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

describe("the site follows the meeting's life: sent, supplemented, a sak withdrawn, approved, corrected", () => {
  it('shows the tilleggsinnkalling, the withdrawn sak, the dates sent and approved; a corrected referat is published beside the approved one, dated', async () => {
    const SEPT = '2025-09-18-ssu';
    const referat = (tekst: string, rettelser = '') =>
      `---\ntil_stede: [kari, ola, per]\nreferent: Marte\nstatus: godkjent\n${rettelser}---\n\n## Sak 01.25\n\n## Sak 02.25 Budsjett 2026\n\n${tekst}\n\n## Sak 04.25 Husleie\n\nDrøftet.\n`;
    const root = makeProject({
      [`${M}/13-budsjett.md`]: budsjett('Budsjettet vedtas.'),
      [`${M}/14-orientering.md`]: sak('tittel: Orientering om samhandling\ntype: tema\nminutter: 20', 'Orientering.\n'),
      [`${SEPT}/mote.yaml`]: MOTE.replace('2025-05-22', '2025-09-18'),
    });
    const out = utmappe();
    const nettsted = join(out, 'nettsted', M);
    await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-08' });
    writeFileSync(join(root, M, '15-husleie.md'), sak('tittel: Husleie\ntype: beslutning\nminutter: 10'));
    expect((await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-15' })).utsendelse?.type).toBe('tilleggsinnkalling');
    writeFileSync(join(root, M, 'mote.yaml'), `${MOTE}trukket:\n  - { sak: "03.25", grunn: Utsatt til høsten }\n`);
    rmSync(join(root, M, '14-orientering.md'));
    writeFileSync(join(root, M, 'referat.md'), referat('Vedtatt.'));
    const publisert = await publishMoter([join(root, M)], { cwd: root, out });
    expect(publisert.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);

    const side = readFileSync(join(nettsted, 'index.html'), 'utf8');
    expect(side).toContain('<dt>Innkallingen sendt</dt> <dd>8. mai 2025</dd>');
    expect(side).toContain('<dt>Tilleggsinnkalling sendt</dt> <dd>15. mai 2025</dd>');
    expect(side).toContain('<dt>Referatet godkjent</dt> <dd>18. september 2025</dd>');
    expect(side).toMatch(
      /<a class="ds-link" href="tilleggsinnkalling\.pdf">Tilleggsinnkalling sendt 15\. mai 2025 \(PDF, \d sider?\)<\/a>/,
    );
    expect(side).toContain('Orientering om samhandling</a><br><span class="unntatt">Trukket: Utsatt til høsten</span>');
    // The public documents say the same.
    const tekst = (fil: string) => pdfTekst(join(out, M, 'offentlig', fil)).replace(/\s+/g, ' ');
    expect(tekst('tilleggsinnkalling.pdf')).toContain('Sak 04.25 Husleie');
    expect(tekst('tilleggsinnkalling.pdf')).not.toContain('Budsjett 2026');
    expect(tekst('saksliste.pdf')).toContain('Orientering om samhandling Trukket');
    expect(tekst('referat.pdf')).toContain('Sak 03.25 Orientering om samhandling Saken ble trukket: Utsatt til høsten');
    expect(tekst('referat.pdf')).toContain('Godkjent 18. september 2025');
    expect(
      readFileSync(join(nettsted, 'tilleggsinnkalling.pdf')).equals(readFileSync(join(out, M, 'offentlig', 'tilleggsinnkalling.pdf'))),
    ).toBe(true);
    const godkjent = readFileSync(join(nettsted, 'referat.pdf'));

    // A correction after approval: the corrected referat is published, the approved one stays beside it, dated.
    const rettelse = 'rettelser:\n  - { dato: 2025-10-01, tekst: "«med endringer» manglet i sak 02.25." }\n';
    writeFileSync(join(root, M, 'referat.md'), referat('Vedtatt med endringer.', rettelse));
    expect((await publishMoter([join(root, M)], { cwd: root, out })).diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    expect(readFileSync(join(nettsted, 'tidligere', `${today()}-referat.pdf`)).equals(godkjent)).toBe(true);
    expect(pdfTekst(join(nettsted, 'referat.pdf')).replace(/\s+/g, ' ')).toContain(
      'Rettelser etter godkjenning 1. oktober 2025: «med endringer» manglet i sak 02.25.',
    );
    expect(readFileSync(join(nettsted, 'index.html'), 'utf8')).toContain(`href="tidligere/${today()}-referat.pdf">Referat`);
  }, 240_000);
});
