import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMoter } from '../../src/build/build.js';
import { publishMoter } from '../../src/build/publish.js';
import { sendMote } from '../../src/build/send.js';
import { innholdUnder } from '../helpers/filer.js';
import { check, MOTE, makeProject, sak, utmappe } from '../helpers/prosjekt.js';

/**
 * Issue 14: a cancelled meeting (`avlyst:` in mote.yaml) is cancelled everywhere: in what check
 * prints, in what build makes, in mote.ics and the committee calendar (STATUS, SEQUENCE, the same
 * UID), and on the site; the copies kept in sendt/ are never touched.
 */

const M = '2025-05-22-ssu';
const UID = `${M}@helsefellesskap-test.motedok`;
const GRUNN = 'For få saker til å holde møtet';

const ORGANISASJON = `navn: Helsefellesskap Test
sekretariat: { navn: Sekretariatet i Helsefellesskap Test, epost: post@hf-test.no }
utvalg:
  ssu:
    navn: Strategisk samarbeidsutvalg
    kortnavn: SSU
    medlemmer:
      - { id: kari, navn: Kari Nordmann, rolle: leder, epost: kari.nordmann@sykehuset.no }
      - { id: ola, navn: Ola Hansen, rolle: nestleder, epost: ola.hansen@hamar.kommune.no }
`;

const SAK = sak('tittel: Budsjett 2026\ntype: beslutning\nminutter: 30', 'Bakgrunn.\n\n## Forslag til vedtak\n\nBudsjettet vedtas.\n');

const bin = resolve(import.meta.dirname, '..', '..', 'bin', 'motedok.js');
function motedok(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The VEVENTs of a calendar file as [UID, SEQUENCE, STATUS]. */
function hendelser(file: string): [unknown, unknown, unknown][] {
  const cal = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  return cal
    .getAllSubcomponents('vevent')
    .map((e) => [e.getFirstPropertyValue('uid'), e.getFirstPropertyValue('sequence'), e.getFirstPropertyValue('status')]);
}

describe('a meeting cancelled after its innkalling went out', () => {
  const root = makeProject({ 'organisasjon.yaml': ORGANISASJON, [`${M}/13-budsjett.md`]: SAK });
  const out = utmappe();
  const kalender = () => hendelser(join(out, 'nettsted', 'utvalg', 'ssu', 'kalender.ics'));
  const moteIcs = () => [...hendelser(join(out, M, 'mote.ics')), ...hendelser(join(out, M, 'offentlig', 'mote.ics'))];
  let sendt: Map<string, Buffer>;
  let innkalling: Buffer;
  const steg: Record<string, { mote: unknown[]; kalender: unknown[] }> = {};

  beforeAll(async () => {
    await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-08' });
    sendt = innholdUnder(join(root, M, 'sendt'));
    await publishMoter([root], { cwd: root, out });
    steg.sendt = { mote: moteIcs(), kalender: kalender() };
    innkalling = readFileSync(join(out, M, 'innkalling.pdf'));

    writeFileSync(join(root, M, 'mote.yaml'), `${MOTE}avlyst: ${GRUNN}\n`);
    await publishMoter([root], { cwd: root, out });
    steg.avlyst = { mote: moteIcs(), kalender: kalender() };

    await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-19' });
    await publishMoter([root], { cwd: root, out });
    steg.avlysningSendt = { mote: moteIcs(), kalender: kalender() };
  }, 180_000);

  it('mote.ics and the committee calendar: the same UID, SEQUENCE of the last invitation, STATUS:CANCELLED once cancelled', () => {
    expect(steg.sendt).toEqual({
      mote: [
        [UID, 0, 'CONFIRMED'],
        [UID, 0, 'CONFIRMED'],
      ],
      kalender: [[UID, 0, 'CONFIRMED']],
    });
    // Cancelled, the cancellation not sent yet: the sequence is still the invitation's the members have.
    expect(steg.avlyst).toEqual({
      mote: [
        [UID, 0, 'CANCELLED'],
        [UID, 0, 'CANCELLED'],
      ],
      kalender: [[UID, 0, 'CANCELLED']],
    });
    // The cancellation went out with sequence 1: the files carry the same.
    expect(steg.avlysningSendt).toEqual({
      mote: [
        [UID, 1, 'CANCELLED'],
        [UID, 1, 'CANCELLED'],
      ],
      kalender: [[UID, 1, 'CANCELLED']],
    });
    const journal = JSON.parse(readFileSync(join(root, M, 'journal.json'), 'utf8'));
    expect(journal.invitasjoner.map((i: { metode: string; sekvens: number }) => `${i.metode} ${i.sekvens}`)).toEqual([
      'REQUEST 0',
      'CANCEL 1',
    ]);
  });

  it('keeps the documents as sent, and never touches the copies in sendt/', () => {
    expect(innholdUnder(join(root, M, 'sendt'))).toEqual(sendt);
    expect(existsSync(join(out, M, 'innkalling.pdf'))).toBe(true);
    expect(readFileSync(join(out, M, 'innkalling.pdf')).equals(innkalling)).toBe(true);
    expect(existsSync(join(out, M, 'avlysning.eml'))).toBe(true);
  });

  it('check prints the meeting as cancelled, asks for no referat, and exits 0', () => {
    const { code, stdout, stderr } = motedok(['check', M], root);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Strategisk samarbeidsutvalg – torsdag 22. mai 2025, kl. 09.00–14.00, Lillehammer  [AVLYST]\n');
    expect(stdout).toContain(`\n  Avlyst: ${GRUNN}\n`);
    expect(stdout).toContain('  Innkalling sendt 8. mai 2025 (motedok send)\n');
    expect(stdout).toContain('  Møtet holdes ikke, så det trenger ikke referat; de sendte dokumentene blir stående\n');
    expect(stdout).not.toContain('Ikke sendt ennå');
  });

  it('the site marks it «Avlyst» with the reason, on its page, the year page and the front page', () => {
    const les = (rel: string) => readFileSync(join(out, 'nettsted', rel), 'utf8');
    expect(les(`${M}/index.html`)).toContain(
      `<p class="ds-paragraph avlyst"><span class="ds-tag" data-color="danger">Avlyst</span> Møtet er avlyst og blir ikke holdt. Grunn: ${GRUNN}</p>`,
    );
    expect(les(`${M}/index.html`)).toContain('Møtet ble ikke holdt, så det har ikke referat eller vedtak.');
    expect(les(`${M}/index.html`)).not.toContain('Referatet er ikke skrevet ennå.');
    const merke = `<span class="ds-tag avlyst" data-color="danger">Avlyst</span> Grunn: ${GRUNN}`;
    expect(les('utvalg/ssu/2025/index.html')).toContain(`Lillehammer ${merke}`);
    expect(les('index.html')).toContain(`Lillehammer ${merke}`);
  });
});

describe('a meeting cancelled before its innkalling went out', () => {
  const root = makeProject({
    'organisasjon.yaml': `${ORGANISASJON}sprak: nn\n`,
    [`${M}/mote.yaml`]: `${MOTE}avlyst: Utsett til hausten\n`,
    [`${M}/13-budsjett.md`]: SAK,
  });

  it('build makes no documents, only mote.ics with STATUS:CANCELLED and SEQUENCE 0', async () => {
    const out = utmappe();
    const result = await buildMoter([root], { cwd: root, out });
    expect(result.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    expect(result.dokumenter).toEqual([]);
    expect([...innholdUnder(join(out, M)).keys()].sort()).toEqual(['mote.ics', 'offentlig/mote.ics']);
    expect(hendelser(join(out, M, 'mote.ics'))).toEqual([[UID, 0, 'CANCELLED']]);
  });

  it('check says nothing was sent and no referat is needed', () => {
    const { code, stdout } = motedok(['check', M], root);
    expect(code).toBe(0);
    expect(stdout).toContain('\n  Avlyst: Utsett til hausten\n');
    expect(stdout).toContain(
      '  Innkallingen ble aldri sendt: «motedok build» lager ingen dokumenter for møtet, bare mote.ics (avlyst), og det trenger ikke referat\n',
    );
    expect(existsSync(join(root, M, 'sendt'))).toBe(false);
  });

  it('the site shows it as cancelled, in Nynorsk, with no documents but the calendar', async () => {
    const out = utmappe();
    await publishMoter([root], { cwd: root, out });
    const side = readFileSync(join(out, 'nettsted', M, 'index.html'), 'utf8');
    expect(side).toContain(
      '<span class="ds-tag" data-color="danger">Avlyst</span> Møtet er avlyst og blir ikkje halde. Grunn: Utsett til hausten',
    );
    expect(side).toContain('Møtet vart ikkje halde, så det har ikkje referat eller vedtak.');
    expect(side).not.toContain('.pdf"');
    expect(hendelser(join(out, 'nettsted', 'utvalg', 'ssu', 'kalender.ics'))).toEqual([[UID, 0, 'CANCELLED']]);
  });
});

describe('the meeting after a cancelled one', () => {
  it('approves the referat of the last meeting held, not of the cancelled one', async () => {
    const root = makeProject({
      '2025-03-20-ssu/mote.yaml': MOTE.replace('2025-05-22', '2025-03-20'),
      '2025-03-20-ssu/13-budsjett.md': SAK,
      [`${M}/mote.yaml`]: `${MOTE}avlyst: ${GRUNN}\n`,
      '2025-09-18-ssu/mote.yaml': MOTE.replace('2025-05-22', '2025-09-18'),
    });
    const { moter } = await check(root);
    const september = moter.find((m) => m.dato === '2025-09-18')!;
    expect(september.saker.filter((s) => s.fast)[1]?.tittel).toBe('Godkjenning av referat fra SSU-møtet 20.03.25');
  });
});
