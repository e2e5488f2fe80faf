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
];
