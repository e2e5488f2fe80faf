import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalReferat } from '../../src/pipeline/model/godkjenning.js';
import { journalFor } from '../helpers/journal.js';
import { check, MOTE, makeProject, sak } from '../helpers/prosjekt.js';

/**
 * What check says about a sent meeting (journal.json as send writes it, made here from the model
 * without a browser): each change after sending with its message and place, and the approved
 * referat's freeze. The sending itself, with PDFs, is in tests/e2e/utsendelse.test.ts.
 */
const M = '2025-05-22-ssu';
const SEPT = '2025-09-18-ssu';
const budsjett = (tittel = 'Budsjett 2026', bakgrunn = 'Bakgrunn.', ekstra = '') =>
  sak(`tittel: ${tittel}\ntype: beslutning\nminutter: 30${ekstra}`, `${bakgrunn}\n\n## Forslag til vedtak\n\nBudsjettet vedtas.\n`);
const referat = (tekst: string, rettelser = '') =>
  `---\ntil_stede: [kari, ola, per]\nreferent: Marte\nstatus: godkjent\n${rettelser}---\n\n## Sak 01.25\n\n## Sak 02.25 Budsjett 2026\n\n${tekst}\n`;

/** A project whose May meeting was sent on 8 May (and, with `godkjent`, its referat approved on 18 September). */
async function sendt(godkjent?: { tekst: string; rettelser?: string }) {
  const root = makeProject({
    [`${M}/13-a.md`]: budsjett(),
    [`${SEPT}/mote.yaml`]: MOTE.replace('2025-05-22', '2025-09-18'),
    [`${SEPT}/10-c.md`]: sak('tittel: Høstens sak\ntype: tema\nminutter: 20', 'Tekst.\n'),
    ...(godkjent ? { [`${M}/referat.md`]: referat(godkjent.tekst, godkjent.rettelser) } : {}),
  });
  const mote = (await check(root)).moter.find((m) => m.mappe === M)!;
  const journal = JSON.parse(journalFor(mote, '2025-05-08'));
  if (godkjent) journal.referat = { ...journalReferat(mote.referat!, '2025-09-18'), godkjent: '2025-09-18' };
  writeFileSync(join(root, M, 'journal.json'), JSON.stringify(journal, null, 2));
  return root;
}

const linjer = async (root: string) => (await check(root)).lines;

describe('check after sending: what changed is said where it changed', () => {
  it('a changed case paper, with the proposal as it was', async () => {
    const root = await sendt();
    writeFileSync(join(root, M, '13-a.md'), budsjett('Budsjett 2026', 'Bakgrunn, med nye tall.'));
    expect(await linjer(root)).toEqual([
      `${M}/13-a.md:1:1: advarsel: sak 02.25 ble sendt ut 08.05.25, og saksfremlegget er endret etter det. Innkallingen som bygges nå, sier at saken er endret etter utsendelsen; kopien som ble sendt, står urørt i sendt/.`,
    ]);
  });

  it('a changed title', async () => {
    const root = await sendt();
    writeFileSync(join(root, M, '13-a.md'), budsjett('Budsjett 2026 og økonomiplan'));
    expect(await linjer(root)).toEqual([
      `${M}/13-a.md:1:1: advarsel: sak 02.25 ble sendt ut 08.05.25, og tittelen er endret etter det. Innkallingen som bygges nå, sier at saken er endret etter utsendelsen; kopien som ble sendt, står urørt i sendt/.`,
    ]);
  });

  it('a sak made exempt after it was sent, and one made public again', async () => {
    const root = await sendt();
    writeFileSync(join(root, M, '13-a.md'), budsjett('Budsjett 2026', 'Bakgrunn.', '\nunntatt_offentlighet: offl. § 23 første ledd'));
    expect(await linjer(root)).toEqual([
      `${M}/13-a.md:1:1: advarsel: sak 02.25 ble sendt ut 08.05.25, og unntaket fra offentlighet er endret etter det (sendt som offentlig, nå unntatt etter offl. § 23 første ledd). Innkallingen som bygges nå, sier at saken er endret etter utsendelsen; kopien som ble sendt, står urørt i sendt/.`,
    ]);
    const journal = join(root, M, 'journal.json');
    const sendtUnntatt = JSON.parse(readFileSync(journal, 'utf8'));
    sendtUnntatt.utsendelser[0].saker[1].unntatt_offentlighet = 'offl. § 23 første ledd';
    writeFileSync(journal, JSON.stringify(sendtUnntatt, null, 2));
    writeFileSync(join(root, M, '13-a.md'), budsjett());
    expect(await linjer(root)).toEqual([
      `${M}/13-a.md:1:1: advarsel: sak 02.25 ble sendt ut 08.05.25, og unntaket fra offentlighet er endret etter det (sendt unntatt etter offl. § 23 første ledd, nå offentlig). Innkallingen som bygges nå, sier at saken er endret etter utsendelsen; kopien som ble sendt, står urørt i sendt/.`,
    ]);
  });

  it('a sak withdrawn in its own file that was never sent is an error', async () => {
    const root = await sendt();
    writeFileSync(join(root, M, '14-ny.md'), sak('tittel: Ny sak\ntype: tema\nminutter: 10\ntrukket: Feil møte', 'Tekst.\n'));
    expect(await linjer(root)).toEqual([
      `${M}/14-ny.md:5:1: feil: «trukket»: saken er ikke sendt ut, så den kan ikke trekkes; en sak som ikke er sendt ut, tar du bort ved å slette filen (eller flytte den til møtet der den skal behandles). «trukket» er for en sak som er sendt ut og så trekkes, og som beholder nummeret sitt.`,
    ]);
  });

  it('a removed sent sak with an empty reason in mote.yaml is an error', async () => {
    const root = await sendt();
    rmSync(join(root, M, '13-a.md'));
    writeFileSync(join(root, M, 'mote.yaml'), `${MOTE}trukket:\n  - { sak: "02.25", grunn: "" }\n`);
    expect(await linjer(root)).toEqual([
      `${M}/mote.yaml:1:1: advarsel: møtemappen har ingen saker (ingen .md-filer ved siden av mote.yaml).`,
      `${M}/mote.yaml:7:28: feil: «grunn» i trukket nr. 1 er tom. Tillatt: en tekst, for eksempel «Utsatt til neste møte».`,
    ]);
  });
});

describe('an approved referat is frozen', () => {
  it('unchanged, it passes', async () => {
    expect(await linjer(await sendt({ tekst: 'Vedtatt.' }))).toEqual([]);
  });

  it('a rettelse cannot be taken away again', async () => {
    const rettelse = 'rettelser:\n  - { dato: 2025-10-01, tekst: "Rettet." }\n';
    const root = await sendt({ tekst: 'Vedtatt med endringer.', rettelser: rettelse });
    writeFileSync(join(root, M, 'referat.md'), referat('Vedtatt med endringer.'));
    expect(await linjer(root)).toEqual([
      `${M}/referat.md:1:1: feil: referatet hadde 1 rettelse da det sist ble bygget, nå 0; en rettelse i et godkjent referat kan ikke fjernes.`,
    ]);
  });

  it('a recorded rettelse cannot be rewritten, also when a new one is added', async () => {
    const root = await sendt({ tekst: 'Vedtatt.', rettelser: 'rettelser:\n  - { dato: 2025-10-01, tekst: "Navnet var feilstavet." }\n' });
    const omskrevet =
      'rettelser:\n  - { dato: 2025-10-01, tekst: "Ingenting ble rettet." }\n  - { dato: 2025-11-01, tekst: "Ny rettelse." }\n';
    writeFileSync(join(root, M, 'referat.md'), referat('Vedtatt!', omskrevet));
    expect(await linjer(root)).toEqual([
      `${M}/referat.md:6:5: feil: rettelse 1 (1. oktober 2025) er endret etter at den ble registrert i journalen; en rettelse står slik den ble skrevet. Sett den tilbake, og skriv det nye som en ny rettelse nederst i «rettelser:».`,
    ]);
    const ny = 'rettelser:\n  - { dato: 2025-10-01, tekst: "Navnet var feilstavet." }\n  - { dato: 2025-11-01, tekst: "Ny rettelse." }\n';
    writeFileSync(join(root, M, 'referat.md'), referat('Vedtatt!', ny));
    expect(await linjer(root)).toEqual([]);
  });

  it('a rettelse in a draft is an error: a draft is corrected in its text', async () => {
    const root = await sendt();
    writeFileSync(
      join(root, M, 'referat.md'),
      referat('Vedtatt.', 'rettelser:\n  - { dato: 2025-10-01, tekst: "Rettet." }\n').replace('status: godkjent', 'status: utkast'),
    );
    expect(await linjer(root)).toEqual([
      `${M}/referat.md:5:1: feil: «rettelser» er for et godkjent referat: det viser dem under «Rettelser etter godkjenning». Et utkast retter du direkte i teksten; fjern «rettelser».`,
    ]);
  });

  it('a rettelse dated before the approval is an error', async () => {
    const root = await sendt({ tekst: 'Vedtatt.' });
    writeFileSync(join(root, M, 'referat.md'), referat('Vedtatt!', 'rettelser:\n  - { dato: 2025-09-01, tekst: "Rettet." }\n'));
    expect(await linjer(root)).toEqual([
      `${M}/referat.md:6:13: feil: rettelsen er datert 1. september 2025, før referatet ble godkjent 18. september 2025; en rettelse gjøres etter godkjenningen. Skriv datoen rettelsen ble gjort.`,
    ]);
  });
});
