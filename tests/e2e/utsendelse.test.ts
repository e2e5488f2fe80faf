import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMoter } from '../../src/build/build.js';
import { sendMote } from '../../src/build/send.js';
import { formatDiagnostic } from '../../src/domain/diagnostics.js';
import type { Mote } from '../../src/domain/types.js';
import { saksnummer } from '../../src/pipeline/model/tid.js';
import { sakslisteAsText } from '../../src/pipeline/render/saksliste-tekst.js';
import { stableUuid } from '../../src/util/uuid.js';
import { pdfTekst } from '../helpers/pdftekst.js';
import { check, MOTE, makeProject, sak, utmappe } from '../helpers/prosjekt.js';
import { lagreTilstand } from '../helpers/tilstand.js';

const M = '2025-05-22-ssu';
const SEPT = '2025-09-18-ssu';
const MOTE_SEPT = MOTE.replace('2025-05-22', '2025-09-18');

function project(extra: Record<string, string> = {}): string {
  return makeProject({
    [`${M}/13-a.md`]: sak(
      'tittel: Budsjett 2026\ntype: beslutning\nminutter: 30',
      'Bakgrunn.\n\n## Forslag til vedtak\n\nBudsjettet vedtas.\n',
    ),
    [`${M}/14-b.md`]: sak('tittel: Orientering om samhandling\ntype: tema\nminutter: 20', 'Orientering.\n'),
    [`${SEPT}/mote.yaml`]: MOTE_SEPT,
    [`${SEPT}/10-c.md`]: sak('tittel: Høstens sak\ntype: tema\nminutter: 20', 'Tekst.\n'),
    ...extra,
  });
}

// The project with its May meeting sent on 2025-05-08, made once; `sendtProsjekt()` puts the
// project and output folder back in the same paths as they were right after the send.
let sendtRoot: string;
let sendtOut: string;
let etterSending: ReturnType<typeof lagreTilstand>;

beforeAll(async () => {
  sendtRoot = project();
  sendtOut = utmappe();
  await sendMote(join(sendtRoot, M), { cwd: sendtRoot, out: sendtOut, dato: '2025-05-08' });
  etterSending = lagreTilstand(sendtRoot, sendtOut);
}, 120_000);

function sendtProsjekt(): { root: string; out: string } {
  etterSending.gjenopprett();
  return { root: sendtRoot, out: sendtOut };
}

/** Sak number by month and title (`05 Budsjett 2026`), for every meeting. */
function numbers(moter: Mote[]): Record<string, string> {
  return Object.fromEntries(
    moter.flatMap((m) => m.saker.filter((s) => s.nummer).map((s) => [`${m.dato.slice(5, 7)} ${s.tittel}`, saksnummer(s.nummer!)])),
  );
}

const lines = (diagnostics: Parameters<typeof formatDiagnostic>[0][], root: string) => diagnostics.map((d) => formatDiagnostic(d, root));

describe('motedok send: the innkalling as a record', () => {
  it('refuses a meeting with errors and writes nothing into the meeting folder', async () => {
    const root = project({ [`${M}/15-feil.md`]: sak('tittel: Uten type\nminutter: 5') });
    const result = await sendMote(join(root, M), { cwd: root, out: utmappe(), dato: '2025-05-08' });
    // The message itself is the corpus's (tests/korpus/); here: it is the reason nothing was sent.
    expect(
      lines(result.diagnostics, root)
        .filter((l) => l.includes(': feil: '))
        .map((l) => l.split(':')[0]),
    ).toEqual([`${M}/15-feil.md`]);
    expect(result.utsendelse).toBeUndefined();
    expect(existsSync(join(root, M, 'journal.json'))).toBe(false);
    expect(existsSync(join(root, M, 'sendt'))).toBe(false);
  });

  it('records the sending, keeps the sent PDFs, and a sak added afterwards goes into a tilleggsinnkalling only', async () => {
    const root = project();
    const out = utmappe();
    const sendt = await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-08' });
    expect(sendt.utsendelse?.saker.map((s) => `${s.saksnummer} ${s.fil ?? `fast ${s.fast}`} ${s.tittel}`)).toEqual([
      '01.25 fast 1 Godkjenning av innkalling og saksliste',
      '02.25 13-a.md Budsjett 2026',
      '03.25 14-b.md Orientering om samhandling',
    ]);
    const journal = JSON.parse(readFileSync(join(root, M, 'journal.json'), 'utf8'));
    expect(journal.utsendelser[0].dato).toBe('2025-05-08');
    // Identities for the archive that every machine derives alike (committee, year, number).
    expect(journal.utsendelser[0].saker[1].system_id).toBe(stableUuid('ssu', 2025, 2));
    expect(journal.system_id).toBe(stableUuid('ssu', '2025-05-22'));
    const kopi = join(root, M, 'sendt', '1', 'innkalling.pdf');
    const sendtInnkalling = readFileSync(kopi);
    expect(readFileSync(join(out, M, 'innkalling.pdf')).equals(sendtInnkalling)).toBe(true);
    expect(journal.utsendelser[0].dokumenter.map((d: { fil: string }) => d.fil)).toEqual([
      'innkalling.pdf',
      'saksliste.pdf',
      'vedlegg/sak-02-25.pdf',
      'vedlegg/sak-03-25.pdf',
      'saksdokumenter.pdf',
    ]);
    // Each sak as it went out, and each document's copy with the checksum of the bytes sent.
    expect(journal.utsendelser[0].saker[1]).toMatchObject({
      saksnummer: '02.25',
      fil: '13-a.md',
      tittel: 'Budsjett 2026',
      type: 'beslutning',
      minutter: 30,
    });
    expect(journal.utsendelser[0].saker[2]).toMatchObject({ saksnummer: '03.25', type: 'tema', minutter: 20 });
    for (const s of journal.utsendelser[0].saker) expect(Object.values(s.sha256).join(' ')).toMatch(/^[0-9a-f]{64} [0-9a-f]{64}$/);
    for (const d of journal.utsendelser[0].dokumenter as { fil: string; kopi: string; sha256: string }[]) {
      expect(d.kopi).toBe(`sendt/1/${d.fil}`);
      const bytes = readFileSync(join(root, M, d.kopi));
      expect(createHash('sha256').update(bytes).digest('hex'), d.fil).toBe(d.sha256);
      expect(readFileSync(join(out, M, d.fil)).equals(bytes), d.fil).toBe(true);
    }

    // A new sak whose file sorts first: the sent saker keep their numbers, it takes the next free one.
    writeFileSync(join(root, M, '10-ny.md'), sak('tittel: Tilleggssak om husleie\ntype: beslutning\nminutter: 10'));
    const etter = await check(root);
    expect(numbers(etter.alleMoter)).toEqual({
      '05 Godkjenning av innkalling og saksliste': '01.25',
      '05 Budsjett 2026': '02.25',
      '05 Orientering om samhandling': '03.25',
      '05 Tilleggssak om husleie': '04.25',
      '09 Godkjenning av innkalling og saksliste': '05.25',
      '09 Godkjenning av referat fra SSU-møtet 22.05.25': '06.25',
      '09 Høstens sak': '07.25',
    });

    // A sak added later stands where its file sorts: that is no change of the sent order.
    expect(etter.lines.filter((l) => l.includes('rekkefølgen er endret'))).toEqual([]);
    // `check` says what went out, and what still waits.
    const planlagt = sakslisteAsText(etter.moter.find((m) => m.mappe === M)!);
    expect(planlagt).toContain(
      '  Innkalling sendt 8. mai 2025 (motedok send)\n  Ikke sendt ennå: 04.25; kjør «motedok send» for en tilleggsinnkalling',
    );
    const bygget = await buildMoter([join(root, M)], { cwd: root, out });
    expect(bygget.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    expect(readFileSync(join(out, M, 'innkalling.pdf')).equals(sendtInnkalling)).toBe(true);
    expect(pdfTekst(join(out, M, 'saksliste.pdf'))).toContain('Tilleggssak om husleie');
    expect(existsSync(join(out, M, 'tilleggsinnkalling.pdf'))).toBe(false);

    const tillegg = await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-15' });
    expect(tillegg.utsendelse?.type).toBe('tilleggsinnkalling');
    expect(tillegg.utsendelse?.saker.map((s) => s.saksnummer)).toEqual(['04.25']);
    const tekst = pdfTekst(join(root, M, 'sendt', '2', 'tilleggsinnkalling.pdf')).replace(/\s+/g, ' ');
    expect(tekst).toContain('Tilleggsinnkalling til møte i Strategisk samarbeidsutvalg');
    expect(tekst).toContain('Sak 04.25 Tilleggssak om husleie');
    expect(tekst).toContain('innkallingen som ble sendt 8. mai 2025');
    expect(tekst).not.toContain('Budsjett 2026');
    expect(readFileSync(kopi).equals(sendtInnkalling)).toBe(true);
    expect(readFileSync(join(out, M, 'innkalling.pdf')).equals(sendtInnkalling)).toBe(true);

    // Sending again with nothing new records nothing.
    const igjen = await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-16' });
    expect(igjen.utsendelse).toBeUndefined();
    expect(JSON.parse(readFileSync(join(root, M, 'journal.json'), 'utf8')).utsendelser).toHaveLength(2);
  }, 120_000);

  it("keeps a sent sak's number when its file is renamed or its type changed, and warns", async () => {
    const { root } = sendtProsjekt();
    renameSync(join(root, M, '13-a.md'), join(root, M, '20-a.md'));
    writeFileSync(join(root, M, '14-b.md'), sak('tittel: Orientering om samhandling\ntype: referat\nminutter: 20', 'Orientering.\n'));
    const etter = await check(root);
    expect(numbers(etter.moter)).toMatchObject({ '05 Budsjett 2026': '02.25', '05 Orientering om samhandling': '03.25' });
    expect(etter.lines).toContain(
      `${M}/14-b.md:1:1: advarsel: sak 03.25 ble sendt ut 08.05.25, og typen og forslaget til vedtak er endret etter det (sendt som tema, nå referat; den beholder nummeret). Innkallingen som bygges nå, sier at saken er endret etter utsendelsen; kopien som ble sendt, står urørt i sendt/.`,
    );
    expect(etter.lines.filter((l) => l.includes(': feil: '))).toEqual([]);
  }, 60_000);

  it('warns when a renamed file changes the order of sent saker, and keeps their numbers', async () => {
    const { root } = sendtProsjekt();
    writeFileSync(
      join(root, M, '14-b.md'),
      sak(
        'tittel: Orientering om samhandling\ntype: beslutning\nminutter: 20',
        'Orientering.\n\n## Forslag til vedtak\n\nTatt til orientering.\n',
      ),
    );
    renameSync(join(root, M, '14-b.md'), join(root, M, '12-b.md'));
    const etter = await check(root);
    expect(numbers(etter.moter)).toMatchObject({ '05 Budsjett 2026': '02.25', '05 Orientering om samhandling': '03.25' });
    expect(etter.lines).toContain(
      `${M}/13-a.md:1:1: advarsel: sak 02.25 står nå etter sak 03.25 i sakslisten, men ble sendt ut foran den; rekkefølgen er endret etter utsendelsen. Sakene beholder numrene sine; gi filene navn som sorterer som før hvis rekkefølgen ikke skulle endres.`,
    );
  }, 60_000);

  it('makes a removed sent sak an error, unless it is withdrawn in mote.yaml; the withdrawn sak keeps its number', async () => {
    const { root } = sendtProsjekt();
    rmSync(join(root, M, '14-b.md'));
    const uten = await check(root);
    expect(uten.lines).toContain(
      `${M}/journal.json:35:9: feil: sak 03.25 «Orientering om samhandling» (14-b.md) ble sendt ut 08.05.25, men filen finnes ikke lenger. Legg filen tilbake, eller merk saken som trukket i mote.yaml: trukket: [{ sak: "03.25", grunn: "…" }]. En sak som er sendt ut, beholder nummeret sitt.`,
    );
    writeFileSync(join(root, M, 'mote.yaml'), `${MOTE}trukket:\n  - { sak: "03.25", grunn: Utsatt til høstens møte }\n`);
    const med = await check(root);
    expect(med.lines.filter((l) => l.includes(': feil: '))).toEqual([]);
    const trukket = med.moter[0]!.saker.find((s) => s.trukket);
    expect(trukket && [saksnummer(trukket.nummer!), trukket.tittel, trukket.trukket]).toEqual([
      '03.25',
      'Orientering om samhandling',
      'Utsatt til høstens møte',
    ]);
    expect(numbers(med.alleMoter)['09 Høstens sak']).toBe('06.25');
  }, 60_000);

  it('refuses to withdraw a sak that was never sent', async () => {
    const { root } = sendtProsjekt();
    writeFileSync(join(root, M, 'mote.yaml'), `${MOTE}trukket:\n  - { sak: "09.25", grunn: Feil }\n`);
    expect((await check(root)).lines).toContain(
      `${M}/mote.yaml:7:12: feil: sak 09.25 er ikke sendt ut i dette møtet, så den kan ikke trekkes her; en sak som ikke er sendt ut, fjerner du ved å slette filen, og en sak som er sendt, nevnes med nummeret den ble sendt med (01.25, 02.25, 03.25).`,
    );
  }, 60_000);

  it('says in the rebuilt innkalling what changed after sending; the sent copy stays as it was', async () => {
    const { root, out } = sendtProsjekt();
    const kopi = readFileSync(join(root, M, 'sendt', '1', 'innkalling.pdf'));
    writeFileSync(
      join(root, M, '13-a.md'),
      sak(
        'tittel: Budsjett 2026\ntype: beslutning\nminutter: 30',
        'Bakgrunn.\n\n## Forslag til vedtak\n\nBudsjettet vedtas med endringer.\n',
      ),
    );
    const etter = await check(root);
    expect(etter.lines).toContain(
      `${M}/13-a.md:1:1: advarsel: sak 02.25 ble sendt ut 08.05.25, og forslaget til vedtak er endret etter det. Innkallingen som bygges nå, sier at saken er endret etter utsendelsen; kopien som ble sendt, står urørt i sendt/.`,
    );
    await buildMoter([join(root, M)], { cwd: root, out });
    const tekst = pdfTekst(join(out, M, 'innkalling.pdf'));
    expect(tekst).toContain('Endret etter utsendelsen');
    expect(tekst).toContain('Forslaget til vedtak er endret etter at innkallingen ble sendt 8. mai 2025.');
    expect(tekst).toContain('Budsjettet vedtas med endringer.');
    expect(readFileSync(join(root, M, 'sendt', '1', 'innkalling.pdf')).equals(kopi)).toBe(true);
    expect(pdfTekst(join(root, M, 'sendt', '1', 'innkalling.pdf'))).not.toContain('med endringer');
  }, 120_000);

  it('gives a sak added to a sent meeting a number after those frozen in a later sent meeting', async () => {
    const { root } = sendtProsjekt();
    await sendMote(join(root, SEPT), { cwd: root, out: utmappe(), dato: '2025-09-01' });
    writeFileSync(join(root, M, '15-sen.md'), sak('tittel: Sen sak\ntype: tema\nminutter: 10', 'Tekst.\n'));
    const etter = await check(root);
    // September was sent with 04.25–06.25: the late sak in May takes 07.25.
    expect(numbers(etter.alleMoter)).toMatchObject({ '09 Høstens sak': '06.25', '05 Sen sak': '07.25', '05 Budsjett 2026': '02.25' });
  }, 120_000);

  it('freezes an approved referat: an edit is an error unless it comes with a rettelse, which the referat shows', async () => {
    const referat = (status: string, tekst: string, rettelser = '') =>
      `---\ntil_stede: [kari, ola]\nforfall: [per]\nreferent: Marte\nstatus: ${status}\n${rettelser}---\n\n## Sak 01.25\n\n## Sak 02.25 Budsjett 2026\n\n${tekst}\n\n## Sak 03.25\n\nOrientert.\n`;
    const root = project({ [`${M}/referat.md`]: referat('utkast', 'Drøftet.') });
    const out = utmappe();
    await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-08' });
    writeFileSync(join(root, M, 'referat.md'), referat('godkjent', 'Drøftet.'));
    await buildMoter([join(root, M)], { cwd: root, out });
    const journal = JSON.parse(readFileSync(join(root, M, 'journal.json'), 'utf8'));
    expect(journal.referat).toMatchObject({ godkjent: '2025-09-18', rettelser: 0 });
    const godkjent = readFileSync(join(root, M, 'sendt', 'referat', 'referat.pdf'));

    writeFileSync(join(root, M, 'referat.md'), referat('godkjent', 'Drøftet grundig.'));
    expect((await check(root)).lines).toContain(
      `${M}/referat.md:1:1: feil: referatet ble godkjent 18. september 2025 og er endret etter det. Et godkjent referat endres bare med en rettelse: skriv under «rettelser:» i frontmatter hva som er rettet, for eksempel rettelser: [{ dato: ÅÅÅÅ-MM-DD, tekst: "Navnet på … var feilstavet." }], eller sett teksten tilbake (det godkjente referatet ligger i sendt/referat/).`,
    );
    writeFileSync(join(root, M, 'referat.md'), referat('utkast', 'Drøftet.'));
    expect((await check(root)).lines).toContain(
      `${M}/referat.md:1:1: feil: referatet ble godkjent 18. september 2025 og kan ikke bli utkast igjen; sett status: godkjent, og skriv endringer som rettelser.`,
    );

    const rettelse = 'rettelser:\n  - { dato: 2025-10-01, tekst: "«grundig» manglet i sak 02.25." }\n';
    writeFileSync(join(root, M, 'referat.md'), referat('godkjent', 'Drøftet grundig.', rettelse));
    expect((await check(root)).lines.filter((l) => l.includes(': feil: '))).toEqual([]);
    await buildMoter([join(root, M)], { cwd: root, out });
    const tekst = pdfTekst(join(out, M, 'referat.pdf')).replace(/\s+/g, ' ');
    expect(tekst).toContain('Rettelser etter godkjenning 1. oktober 2025: «grundig» manglet i sak 02.25.');
    expect(pdfTekst(join(root, M, 'sendt', 'referat', 'referat-rettelse-1.pdf'))).toContain('Drøftet grundig.');
    expect(readFileSync(join(root, M, 'sendt', 'referat', 'referat.pdf')).equals(godkjent)).toBe(true);
    expect(JSON.parse(readFileSync(join(root, M, 'journal.json'), 'utf8')).referat.rettelser).toBe(1);
  }, 120_000);

  it('shows a withdrawn sak as withdrawn in the agenda and the referat, which needs no section for it', async () => {
    const referat = `---\ntil_stede: [kari, ola, per]\nreferent: Marte\nstatus: utkast\n---\n\n## Sak 01.25\n\n## Sak 02.25 Budsjett 2026\n\nDrøftet.\n`;
    const { root, out } = sendtProsjekt();
    writeFileSync(
      join(root, M, '14-b.md'),
      sak('tittel: Orientering om samhandling\ntype: tema\nminutter: 20\ntrukket: Utsatt til høsten', 'Orientering.\n'),
    );
    writeFileSync(join(root, M, 'referat.md'), referat);
    const bygget = await buildMoter([join(root, M)], { cwd: root, out });
    expect(bygget.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    expect(pdfTekst(join(out, M, 'referat.pdf')).replace(/\s+/g, ' ')).toContain(
      'Sak 03.25 Orientering om samhandling Saken ble trukket: Utsatt til høsten',
    );
    expect(pdfTekst(join(out, M, 'saksliste.pdf')).replace(/\s+/g, ' ')).toContain('Orientering om samhandling Trukket');
    expect(pdfTekst(join(out, M, 'innkalling.pdf')).replace(/\s+/g, ' ')).toContain(
      'Saken er trukket etter at innkallingen ble sendt 8. mai 2025: Utsatt til høsten',
    );
  }, 120_000);
});
