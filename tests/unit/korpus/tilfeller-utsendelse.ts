import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dato } from '../../../src/domain/types.js';
import { langDato } from '../../../src/pipeline/model/tid.js';
import { today } from '../../../src/util/today.js';
import { BESLUTNING } from '../../helpers/prosjekt.js';
import type { Tilfelle } from './tilfeller.js';

/**
 * Sending and the journal: how `motedok send` is called, and a journal.json that was edited by
 * hand. (What sending does to numbers and documents is in utsendelse.test.ts.)
 */
const M = '2025-05-22-ssu';
const SAK = { tittel: 'En sak', type: 'beslutning', minutter: 30, sha256: { forslag: 'a'.repeat(64), saksfremlegg: 'b'.repeat(64) } };
const journal = (utsendelse: object) =>
  JSON.stringify(
    { format: 1, mote: M, utsendelser: [{ nr: 1, type: 'innkalling', dato: '2025-05-08', dokumenter: [], ...utsendelse }] },
    null,
    2,
  );

/** A sending whose copy sendt/1/innkalling.pdf held `innhold` when it was recorded. */
const KOPI = 'sendt/1/innkalling.pdf';
const dokument = (innhold: string) => ({ fil: 'innkalling.pdf', kopi: KOPI, sha256: createHash('sha256').update(innhold).digest('hex') });
const lagKopi = (innhold: string) => (root: string) => {
  mkdirSync(join(root, M, 'sendt', '1'), { recursive: true });
  writeFileSync(join(root, M, KOPI), innhold);
};

export const TILFELLER_UTSENDELSE: Tilfelle[] = [
  {
    navn: 'send: uten møtemappe',
    filer: { [`${M}/13-a.md`]: BESLUTNING },
    args: ['send'],
    meldinger: ['motedok: oppgi møtemappen som skal sendes, for eksempel: motedok send cases/2026-02-12-ssu'],
    kode: 2,
  },
  {
    navn: 'send: en dato som ikke finnes',
    filer: { [`${M}/13-a.md`]: BESLUTNING },
    args: ['send', M, '--dato', '2025-02-30'],
    meldinger: ['motedok: --dato: datoen 2025-02-30 finnes ikke: februar 2025 har 28 dager.'],
    kode: 2,
  },
  {
    navn: 'send: --dato hører bare til send',
    filer: { [`${M}/13-a.md`]: BESLUTNING },
    args: ['check', '--dato', '2025-05-08'],
    meldinger: ['motedok: valget «--dato» hører til «motedok send». Se «motedok --help».'],
    kode: 2,
  },
  {
    navn: 'send: et møte med feil sendes ikke',
    filer: { [`${M}/13-a.md`]: '---\ntittel: A\nminutter: 5\n---\n' },
    args: ['send', M],
    meldinger: [
      `${M}/13-a.md:2:1: feil: mangler feltet «type»; skriv én av: beslutning, tema, referat og eventuelt.`,
      'motedok send: 1 feil; ingenting er sendt eller registrert. Rett feilene og kjør «motedok send» igjen.',
    ],
    kode: 1,
  },
  {
    navn: 'send: en dato som ikke har kommet ennå',
    filer: { [`${M}/13-a.md`]: BESLUTNING },
    args: ['send', M, '--dato', '2999-01-01'],
    meldinger: [
      'motedok: --dato: 2999-01-01 er etter i dag; «motedok send» registrerer det som er sendt, så datoen er dagen det gikk ut (i dag eller før).',
    ],
    kode: 2,
  },
  {
    navn: 'send: en dato etter møtet',
    filer: { [`${M}/13-a.md`]: BESLUTNING },
    args: ['send', M, '--dato', '2025-05-23'],
    meldinger: [
      `motedok: --dato: 2025-05-23 er etter møtet 22. mai 2025; en innkalling sendes før møtet. Ble den sendt før møtet, oppgi dagen den gikk ut: motedok send ${M} --dato ÅÅÅÅ-MM-DD.`,
    ],
    kode: 2,
  },
  {
    navn: 'send: uten --dato etter møtet registrerer ikke dagens dato',
    filer: { [`${M}/13-a.md`]: BESLUTNING },
    args: ['send', M],
    meldinger: () => [
      `motedok: i dag (${langDato(today() as Dato)}) er etter møtet 22. mai 2025; en innkalling sendes før møtet. Ble den sendt før møtet, oppgi dagen den gikk ut: motedok send ${M} --dato ÅÅÅÅ-MM-DD.`,
    ],
    kode: 2,
  },
  {
    navn: 'send: en dato før forrige utsendelse i journalen',
    filer: {
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/journal.json`]: journal({ saker: [], dokumenter: [dokument('%PDF sendt')] }),
    },
    lag: lagKopi('%PDF sendt'),
    args: ['send', M, '--dato', '2025-05-07'],
    meldinger: [
      'motedok: --dato: 2025-05-07 er før det journalen sist registrerte (8. mai 2025); en ny utsendelse kan ikke være eldre enn den forrige. Oppgi dagen den gikk ut, 8. mai 2025 eller senere, med --dato ÅÅÅÅ-MM-DD.',
    ],
    kode: 2,
  },
  {
    navn: 'journal: et saksnummer redigert for hånd',
    filer: { [`${M}/13-a.md`]: BESLUTNING, [`${M}/journal.json`]: journal({ saker: [{ ...SAK, saksnummer: '13', fil: '13-a.md' }] }) },
    meldinger: [
      `${M}/journal.json:19:25: feil: «saksnummer» i saker nr. 1 i utsendelser nr. 1 er «13», som ikke er gyldig. Tillatt: et saksnummer som "13.25".`,
    ],
    kode: 1,
  },
  {
    navn: 'journal: ikke JSON lenger',
    filer: { [`${M}/13-a.md`]: BESLUTNING, [`${M}/journal.json`]: '{ "format": 1, "mote": \n' },
    meldinger: [`${M}/journal.json:1:24: feil: et tegn mangler (ofte et avsluttende anførselstegn eller en parentes).`],
    kode: 1,
  },
  {
    navn: 'journal: kopien av det som ble sendt, er endret',
    filer: { [`${M}/13-a.md`]: BESLUTNING, [`${M}/journal.json`]: journal({ saker: [], dokumenter: [dokument('%PDF sendt')] }) },
    lag: lagKopi('%PDF endret etterpå'),
    meldinger: [
      `${M}/journal.json:12:19: feil: sendt/1/innkalling.pdf er endret etter at den ble sendt: sjekksummen i journal.json stemmer ikke med filen. Kopien er det som ble sendt ut 08.05.25, og lages ikke på nytt; hent den tilbake fra versjonskontrollen (git checkout -- sendt/1/innkalling.pdf), i møtemappen.`,
    ],
    kode: 1,
  },
  {
    navn: 'journal: kopien av det som ble sendt, er borte',
    filer: { [`${M}/13-a.md`]: BESLUTNING, [`${M}/journal.json`]: journal({ saker: [], dokumenter: [dokument('%PDF sendt')] }) },
    meldinger: [
      `${M}/journal.json:12:19: feil: sendt/1/innkalling.pdf finnes ikke lenger. Kopien er det som ble sendt ut 08.05.25, og lages ikke på nytt; hent den tilbake fra versjonskontrollen (git checkout -- sendt/1/innkalling.pdf), i møtemappen.`,
    ],
    kode: 1,
  },
  {
    navn: 'journal: en kopi utenfor sendt/',
    filer: {
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/journal.json`]: journal({ saker: [], dokumenter: [{ ...dokument('x'), kopi: '../../organisasjon.yaml' }] }),
    },
    meldinger: [
      `${M}/journal.json:12:19: feil: «../../organisasjon.yaml» er ikke en fil i møtemappens sendt/, der «motedok send» legger kopiene; journalen er endret for hånd. Sett den tilbake fra versjonskontrollen.`,
    ],
    kode: 1,
  },
  {
    navn: 'journal: journalen til et annet møte',
    filer: {
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/journal.json`]: journal({ saker: [] }).replace(`"mote": "${M}"`, '"mote": "2025-02-20-ssu"'),
    },
    meldinger: [
      `${M}/journal.json:3:11: feil: journal.json er journalen til møtet «2025-02-20-ssu», men ligger i møtemappen «${M}». En journal hører til møtet den ble skrevet for; flytt den tilbake, eller fjern den herfra hvis dette møtet aldri er sendt.`,
    ],
    kode: 1,
  },
  {
    navn: 'journal: utsendelsene i feil rekkefølge',
    filer: {
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/journal.json`]: JSON.stringify(
        {
          format: 1,
          mote: M,
          utsendelser: [
            { nr: 1, type: 'innkalling', dato: '2025-05-08', saker: [], dokumenter: [] },
            { nr: 3, type: 'tilleggsinnkalling', dato: '2025-05-01', saker: [], dokumenter: [] },
          ],
        },
        null,
        2,
      ),
    },
    meldinger: [
      `${M}/journal.json:13:13: feil: utsendelse nr. 3 står som nr. 2 i journalen; «motedok send» nummererer utsendelsene 1, 2, 3 … i den rekkefølgen de ble sendt. Journalen er endret for hånd; sett den tilbake fra versjonskontrollen.`,
      `${M}/journal.json:15:15: feil: utsendelse nr. 3 er datert 01.05.25, før utsendelsen foran den (08.05.25); utsendelsene står i den rekkefølgen de ble sendt. Journalen er endret for hånd; sett den tilbake fra versjonskontrollen.`,
    ],
    kode: 1,
  },
];
