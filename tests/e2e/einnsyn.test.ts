import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { eksportMoter } from '../../src/build/eksport.js';
import { sendMote } from '../../src/build/send.js';
import { formatDiagnostic } from '../../src/domain/diagnostics.js';
import { utcTid } from '../../src/pipeline/render/einnsyn.js';
import { stableUuid } from '../../src/util/uuid.js';
import { MOTE, makeProject, sak, utmappe } from '../helpers/prosjekt.js';
import { medBufferFra } from '../helpers/tilstand.js';

const repo = resolve(import.meta.dirname, '..', '..');
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(JSON.parse(readFileSync(join(repo, 'schemas', 'einnsyn.schema.json'), 'utf8')));

const MAI = '2025-05-22-ssu';
const SEPT = '2025-09-18-ssu';
const NOV = '2025-11-13-ssu';

/** Words that stand only in the exempt sak: its real title, its case paper, its proposal, its decision. */
const HEMMELIG = ['Oppsigelse', 'Nordstrand', 'lønnsslipp', 'Taushetsbelagt', 'sluttpakke'];
const HJEMMEL = 'offl. § 13 jf. fvl. § 13 første ledd nr. 1';

const referatMai = (status: string) => `---
til_stede: [kari, ola, per]
referent: Marte
status: ${status}
---

## Sak 01.25

## Sak 02.25 Budsjett 2026

Drøftet.

### Vedtak

Budsjettet vedtas med en rammeøkning.

### Votering

- For: kari, ola
- Mot: per

## Sak 03.25 Orientering om samhandling

Orientert.
`;

const referatSept = `---
til_stede: [kari, ola, per]
referent: Marte
status: godkjent
---

## Sak 04.25

## Sak 05.25

## Sak 06.25

Drøftet Nordstrand sin lønnsslipp.

### Vedtak

Taushetsbelagt sluttpakke innvilges.

## Sak 07.25 Høstens sak

Drøftet.
`;

function project(): string {
  return makeProject({
    [`${MAI}/13-a.md`]: sak(
      'tittel: Budsjett 2026\ntype: beslutning\nminutter: 30',
      'Bakgrunn for budsjettet.\n\n## Forslag til vedtak\n\nBudsjettet vedtas.\n',
    ),
    [`${MAI}/14-b.md`]: sak('tittel: Orientering om samhandling\ntype: tema\nminutter: 20', 'Orientering.\n'),
    [`${MAI}/referat.md`]: referatMai('utkast'),
    [`${SEPT}/mote.yaml`]: MOTE.replace('2025-05-22', '2025-09-18'),
    [`${SEPT}/10-personal.md`]: sak(
      `tittel: Oppsigelse av Nordstrand\ntype: beslutning\nminutter: 20\nunntatt_offentlighet: ${HJEMMEL}\noffentlig_tittel: Personalsak`,
      'Nordstrand har levert lønnsslipp.\n\n## Forslag til vedtak\n\nTaushetsbelagt sluttpakke innvilges.\n',
    ),
    [`${SEPT}/11-host.md`]: sak('tittel: Høstens sak\ntype: tema\nminutter: 20', 'Tekst om høsten.\n'),
    [`${SEPT}/referat.md`]: referatSept,
    [`${NOV}/mote.yaml`]: MOTE.replace('2025-05-22', '2025-11-13'),
    [`${NOV}/10-c.md`]: sak('tittel: Vintersak\ntype: tema\nminutter: 20', 'Tekst.\n'),
  });
}

const les = (out: string, mappe: string) => JSON.parse(readFileSync(join(out, mappe, 'einnsyn.json'), 'utf8'));
const journal = (root: string, mappe: string) => JSON.parse(readFileSync(join(root, mappe, 'journal.json'), 'utf8'));

/** Every systemId in the document, where it stands: `moetesak.1.vedtak.systemId` → id. */
function ider(verdi: unknown, sti = ''): Record<string, string> {
  if (Array.isArray(verdi)) return Object.assign({}, ...verdi.map((v, i) => ider(v, `${sti}${i}.`)));
  if (!verdi || typeof verdi !== 'object') return {};
  return Object.assign(
    {},
    ...Object.entries(verdi).map(([k, v]) => (k === 'systemId' ? { [`${sti}systemId`]: v as string } : ider(v, `${sti}${k}.`))),
  );
}

const advarsler = (diagnostics: Parameters<typeof formatDiagnostic>[0][], root: string) =>
  diagnostics.filter((d) => d.message.startsWith('eksport: ')).map((d) => formatDiagnostic(d, root));

describe('motedok eksport: the records of each meeting in eInnsyn’s meeting model', () => {
  it('exports what is final, with the journal’s ids, the vote, the exempt sak without its text, and the meetings around it', async () => {
    const root = project();
    const out = utmappe();
    await sendMote(join(root, MAI), { cwd: root, out, dato: '2025-05-08' });
    await sendMote(join(root, SEPT), { cwd: root, out, dato: '2025-09-04' });

    // Sent, referat not approved: the saker and the innkalling, no decisions and no protokoll.
    const forst = await eksportMoter([root], { cwd: root, out });
    expect(forst.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    expect(advarsler(forst.diagnostics, root)).toEqual([
      `${MAI}/referat.md: advarsel: eksport: referatet er ikke godkjent (status: utkast), så protokollen og vedtakene er ikke med; de kommer med når referatet er godkjent.`,
      `${NOV}/mote.yaml: advarsel: eksport: møtet er ikke sendt («motedok send») og har ikke godkjent referat, så ingenting i det er endelig; einnsyn.json er ikke skrevet. Saksnumrene kan ennå endre seg.`,
    ]);
    expect(existsSync(join(out, NOV, 'einnsyn.json'))).toBe(false);
    const utkast = les(out, MAI);
    expect(validate(utkast) ? [] : validate.errors).toEqual([]);
    expect(utkast.moetedokument.map((d: { moetedokumenttype: string }) => d.moetedokumenttype)).toEqual(['innkalling']);
    expect(utkast.moetesak.filter((s: { vedtak?: unknown }) => s.vedtak)).toEqual([]);

    writeFileSync(join(root, MAI, 'referat.md'), referatMai('godkjent'));
    const result = await eksportMoter([root], { cwd: root, out });
    expect(result.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    const mai = les(out, MAI);
    const sept = les(out, SEPT);
    for (const dokument of [mai, sept]) expect(validate(dokument) ? [] : validate.errors).toEqual([]);

    // The ids are those `send` stored; the innkalling's checksum is the one of the file that was sent.
    const jMai = journal(root, MAI);
    expect(mai.systemId).toBe(jMai.system_id);
    expect(mai.moetesak.map((s: { systemId: string }) => s.systemId)).toEqual(
      jMai.utsendelser[0].saker.map((s: { system_id: string }) => s.system_id),
    );
    expect(mai.moetesak.map((s: { moetesakssekvensnummer: number }) => s.moetesakssekvensnummer)).toEqual([1, 2, 3]);
    const innkalling = mai.moetedokument.find((d: { moetedokumenttype: string }) => d.moetedokumenttype === 'innkalling');
    expect(innkalling.dokumentbeskrivelse[0].dokumentobjekt[0]).toMatchObject({
      referanseDokumentfil: 'offentlig/innkalling.pdf',
      sjekksum: jMai.utsendelser[0].dokumenter.find((d: { fil: string }) => d.fil === 'innkalling.pdf').sha256,
      sjekksumAlgoritme: 'SHA-256',
    });
    expect(mai.moetedokument.map((d: { moetedokumenttype: string }) => d.moetedokumenttype)).toEqual(['innkalling', 'protokoll']);
    expect(mai).toMatchObject({ moetenummer: '1/2025', moetedato: '2025-05-22T07:00:00Z', utvalg: 'Strategisk samarbeidsutvalg' });

    // The decision as the approved referat has it, and the vote by name.
    const budsjett = mai.moetesak[1];
    expect(budsjett).toMatchObject({
      offentligTittel: 'Budsjett 2026',
      moetesakstype: 'politisk',
      moetesaksaar: 2025,
      innstilling: { tekstInnhold: 'Budsjettet vedtas.' },
      utredning: { saksbeskrivelse: { tekstInnhold: 'Bakgrunn for budsjettet.' } },
      vedtak: {
        vedtakstekst: { tekstInnhold: 'Budsjettet vedtas med en rammeøkning.' },
        behandlingsprotokoll: { tekstInnhold: 'Vedtatt med 2 mot 1 stemmer.' },
        dato: '2025-05-22',
      },
    });
    expect(
      budsjett.vedtak.votering.map(
        (v: { moetedeltaker: { moetedeltakerNavn: string }; stemme: string }) => `${v.moetedeltaker.moetedeltakerNavn}: ${v.stemme}`,
      ),
    ).toEqual(['Kari Nordmann: Ja', 'Ola Hansen: Ja', 'Per Solberg: Nei']);

    // The exempt sak: its public title, its legal basis, and nothing of what is exempt, anywhere.
    const personal = sept.moetesak.find((s: { moetesakssekvensnummer: number }) => s.moetesakssekvensnummer === 6);
    expect(personal).toEqual({
      systemId: stableUuid('ssu', 2025, 6),
      offentligTittel: 'Personalsak',
      offentligTittelSensitiv: 'Personalsak',
      moetesakstype: 'politisk',
      moetesaksaar: 2025,
      moetesakssekvensnummer: 6,
      utvalg: 'Strategisk samarbeidsutvalg',
      skjerming: { systemId: stableUuid('ssu', 2025, 6, 'skjerming'), tilgangsrestriksjon: 'UO', skjermingshjemmel: HJEMMEL },
    });
    const tekst = readFileSync(join(out, SEPT, 'einnsyn.json'), 'utf8');
    for (const ord of HEMMELIG) expect(tekst, ord).not.toContain(ord);
    // The other sak of the same meeting is there, so the words above are missing for the right reason.
    // It has no proposal, so no utredning (which needs an innstilling): its case paper is there as the PDF.
    expect(sept.moetesak.at(-1)).toMatchObject({
      offentligTittel: 'Høstens sak',
      moetesakstype: 'annet',
      dokumentbeskrivelse: [{ dokumentobjekt: [{ referanseDokumentfil: 'offentlig/vedlegg/sak-07-25.pdf' }] }],
    });

    // Previous and next meeting of the committee: November is in the project though not exported.
    expect(mai.referanseForrigeMoete).toBeUndefined();
    expect(mai.referanseNesteMoete).toBe(sept.systemId);
    expect(sept.referanseForrigeMoete).toBe(mai.systemId);
    expect(sept.referanseNesteMoete).toBe(stableUuid('ssu', '2025-11-13'));
  }, 240_000);

  it('gives the same ids in every build and in a copy of the project elsewhere, derived as send would store them', async () => {
    const root = project();
    writeFileSync(join(root, MAI, 'referat.md'), referatMai('godkjent'));
    const a = utmappe();
    const forst = await eksportMoter([join(root, MAI)], { cwd: root, out: a });
    expect(advarsler(forst.diagnostics, root)).toEqual([
      `${MAI}/mote.yaml: advarsel: eksport: innkallingen er ikke registrert sendt («motedok send»), så den er ikke med; sakene er med fra det godkjente referatet.`,
    ]);
    // The other builds start from the first one's document cache: the ids do not come from the printing.
    const igjen = utmappe();
    medBufferFra(a, igjen);
    await eksportMoter([join(root, MAI)], { cwd: root, out: igjen });
    const kopi = join(mkdtempSync(join(tmpdir(), 'motedok-kopi-')), 'et annet sted');
    cpSync(root, kopi, { recursive: true });
    const b = utmappe();
    medBufferFra(a, b);
    await eksportMoter([join(kopi, MAI)], { cwd: kopi, out: b });

    const ids = ider(les(a, MAI));
    expect(Object.keys(ids).length).toBeGreaterThan(20);
    expect(new Set(Object.values(ids)).size).toBe(Object.keys(ids).length);
    expect(ider(les(igjen, MAI))).toEqual(ids);
    expect(ider(les(b, MAI))).toEqual(ids);
    expect(ids.systemId).toBe(stableUuid('ssu', '2025-05-22'));
    expect(ids['moetesak.1.systemId']).toBe(stableUuid('ssu', 2025, 2));

    // And send stores those same ids.
    await sendMote(join(kopi, MAI), { cwd: kopi, out: b, dato: '2025-05-08' });
    const j = journal(kopi, MAI);
    expect(j.system_id).toBe(ids.systemId);
    expect(j.utsendelser[0].saker.map((s: { system_id: string }) => s.system_id)).toEqual(
      [0, 1, 2].map((i) => ids[`moetesak.${i}.systemId`]),
    );
  }, 240_000);

  it('gives the meeting’s start in UTC, in summer and winter time and next to the change', () => {
    expect(utcTid('2025-05-22', 9 * 60)).toBe('2025-05-22T07:00:00Z');
    expect(utcTid('2025-11-13', 9 * 60)).toBe('2025-11-13T08:00:00Z');
    // 30 March 2025: clocks went from 02.00 to 03.00; 26 October: back from 03.00 to 02.00.
    expect(utcTid('2025-03-30', 4 * 60)).toBe('2025-03-30T02:00:00Z');
    expect(utcTid('2025-03-30', 60)).toBe('2025-03-30T00:00:00Z');
    expect(utcTid('2025-10-26', 4 * 60)).toBe('2025-10-26T03:00:00Z');
    expect(utcTid('2025-12-31', 23 * 60 + 30)).toBe('2025-12-31T22:30:00Z');
  });

  it('says in Norwegian, with exit code 2, that a folder it was given does not exist', () => {
    const root = project();
    const result = spawnSync(process.execPath, [join(repo, 'bin', 'motedok.js'), 'eksport', 'finnes-ikke'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('motedok: fant ikke mappen «finnes-ikke».\n');
    expect(result.stdout).toBe('');
  });
});
