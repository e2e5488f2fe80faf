import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eksportMoter } from '../../src/build/eksport.js';
import { publishMoter } from '../../src/build/publish.js';
import { sendMote } from '../../src/build/send.js';
import { formatDiagnostic } from '../../src/domain/diagnostics.js';
import { filerUnder, lesbarTekst } from '../helpers/filer.js';
import { pdfInfo, pdfTekst } from '../helpers/pdftekst.js';
import { makeProject, sak, utmappe } from '../helpers/prosjekt.js';

const M = '2025-05-22-ssu';
const MERKE = 'PERSONALSAK-7F3Q';
const HJEMMEL = 'offl. § 13 jf. fvl. § 13 første ledd nr. 1';

const referat = (overskrift: string) =>
  `---\ntil_stede: [kari, ola, per]\nreferent: Marte\nstatus: utkast\n---\n\n## Sak 01.25\n\n${overskrift}\n\nSaken ble godkjent.\n\n## Sak 03.25 Tilsetting av daglig leder\n\nDrøftet. ${MERKE} fikk tilbudet.\n`;

/**
 * Everything the public can see: the public versions, the site (its pages, feeds, calendars and
 * the unpacked search index) and the eInnsyn export; their names, text and metadata.
 */
function offentligInnhold(out: string): string {
  const filer = filerUnder(out).filter((f) => /\/offentlig\/|\/nettsted\/|\/einnsyn\.json$/.test(f));
  return filer
    .map((fil) => {
      const innhold = fil.endsWith('.pdf') ? `${pdfTekst(fil)}\n${Object.values(pdfInfo(fil)).join('\n')}` : lesbarTekst(fil);
      return `${relative(out, fil)}\n${innhold}\n${readFileSync(fil, 'latin1')}`;
    })
    .join('\n');
}

/** The public files of each kind the leak checks read, so that a check finding nothing has read them. */
const SLAG = [
  /^nettsted\/2025-05-22-ssu\/index\.html$/,
  /^nettsted\/feed\.xml$/,
  /^nettsted\/utvalg\/ssu\/kalender\.ics$/,
  /^nettsted\/pagefind\/fragment\//,
  /^nettsted\/pagefind\/index\//,
  /^2025-05-22-ssu\/offentlig\/referat\.pdf$/,
  /^2025-05-22-ssu\/offentlig\/mote\.ics$/,
  /^2025-05-22-ssu\/einnsyn\.json$/,
];

describe("an exempt sak's notes under a mismatched referat heading do not leak", () => {
  it("publish refuses a heading whose number is a public sak's and whose title is the exempt one's; nothing public holds the notes", async () => {
    const root = makeProject({
      [`${M}/13-budsjett.md`]: sak('tittel: Budsjett 2026\ntype: beslutning\nminutter: 30'),
      [`${M}/14-tilsetting.md`]: sak(
        `tittel: Tilsetting av daglig leder\ntype: beslutning\nminutter: 20\nunntatt_offentlighet: ${HJEMMEL}`,
      ),
      [`${M}/referat.md`]: referat('## Sak 02.25 Budsjett 2026'),
    });
    const out = utmappe();
    await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-08' });
    // The journal, committed with the saker, records the exemption of what was sent.
    expect(JSON.parse(readFileSync(join(root, M, 'journal.json'), 'utf8')).utsendelser[0].saker[2]).toMatchObject({
      saksnummer: '03.25',
      tittel: 'Tilsetting av daglig leder',
      unntatt_offentlighet: HJEMMEL,
    });
    const forst = await publishMoter([join(root, M)], { cwd: root, out });
    expect(forst.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    await eksportMoter([join(root, M)], { cwd: root, out });
    expect(pdfTekst(join(out, M, 'referat.pdf'))).toContain(MERKE);
    const lest = filerUnder(out).map((f) => relative(out, f));
    for (const slag of SLAG)
      expect(
        lest.some((f) => slag.test(f)),
        String(slag),
      ).toBe(true);
    const offentlig = offentligInnhold(out);
    expect(offentlig).toContain('Tilsetting av daglig leder');
    // The search index is read unpacked: the public notes of the referat are in it.
    const sok = filerUnder(join(out, 'nettsted', 'pagefind')).filter((f) => /\/(fragment|index)\//.test(f));
    expect(sok.map(lesbarTekst).join('\n')).toContain('Saken ble godkjent.');
    expect(offentlig.toLowerCase()).not.toContain(MERKE.toLowerCase());

    // The notes filed under the public sak's number, with the exempt sak's title: the slip that used to publish them.
    const byttet = referat('## Sak 02.25 Budsjett 2026')
      .replace(`## Sak 03.25 Tilsetting av daglig leder\n\nDrøftet. ${MERKE} fikk tilbudet.\n`, '')
      .replace(
        '## Sak 02.25 Budsjett 2026\n\nSaken ble godkjent.',
        `## Sak 02.25 Tilsetting av daglig leder\n\nDrøftet. ${MERKE} fikk tilbudet.\n\n## Sak 03.25 Budsjett 2026\n\nSaken ble godkjent.`,
      );
    writeFileSync(join(root, M, 'referat.md'), byttet);
    const igjen = await publishMoter([join(root, M)], { cwd: root, out });
    const feil = igjen.diagnostics.filter((d) => d.severity === 'feil').map((d) => formatDiagnostic(d, root));
    expect(feil).toContain(
      `${M}/referat.md:9:1: feil: overskriften «## Sak 02.25 Tilsetting av daglig leder» har nummeret til sak 02.25 «Budsjett 2026», men tittelen til sak 03.25 «Tilsetting av daglig leder»; rett nummeret eller tittelen, så notatene havner under riktig sak.`,
    );
    expect(offentligInnhold(out).toLowerCase()).not.toContain(MERKE.toLowerCase());
    expect(pdfTekst(join(out, M, 'referat.pdf'))).not.toContain('Sak 02.25 Tilsetting');
  }, 180_000);

  it('does not publish why an exempt sak was withdrawn', async () => {
    const grunn = 'Trekkegrunn9K2';
    const tilsetting = (ekstra: string) =>
      sak(
        `tittel: Tilsetting av daglig leder\ntype: beslutning\nminutter: 20\nunntatt_offentlighet: ${HJEMMEL}\noffentlig_tittel: Personalsak${ekstra}`,
      );
    const root = makeProject({
      [`${M}/13-budsjett.md`]: sak('tittel: Budsjett 2026\ntype: beslutning\nminutter: 30'),
      [`${M}/14-tilsetting.md`]: tilsetting(''),
    });
    const out = utmappe();
    await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-08' });
    writeFileSync(join(root, M, '14-tilsetting.md'), tilsetting(`\ntrukket: ${grunn}`));
    const bygget = await publishMoter([join(root, M)], { cwd: root, out });
    expect(bygget.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    expect(pdfTekst(join(out, M, 'innkalling.pdf'))).toContain(grunn);
    const offentlig = offentligInnhold(out);
    expect(offentlig).toContain('Personalsak');
    expect(offentlig).not.toContain(grunn);
    expect(offentlig).not.toContain('Tilsetting av daglig leder');
  }, 180_000);
});
