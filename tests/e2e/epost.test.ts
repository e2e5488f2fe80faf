import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { type ParsedMail, simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendMote } from '../../src/build/send.js';
import { formatDiagnostic } from '../../src/domain/diagnostics.js';
import { check, MOTE, makeProject, sak, utmappe } from '../helpers/prosjekt.js';

const M = '2025-05-22-ssu';

const ORGANISASJON = `navn: Helsefellesskap Test
sekretariat: { navn: Sekretariatet i Helsefellesskap Test, epost: post@hf-test.no }
utvalg:
  ssu:
    navn: Strategisk samarbeidsutvalg
    kortnavn: SSU
    medlemmer:
      - { id: kari, navn: Kari Nordmann, rolle: leder, epost: kari.nordmann@sykehuset.no }
      - { id: ola, navn: Ola Hansen, rolle: nestleder, epost: ola.hansen@hamar.kommune.no }
      - { id: per, navn: Per Solberg, rolle: medlem }
`;

function project(extra: Record<string, string> = {}): string {
  return makeProject({
    'organisasjon.yaml': ORGANISASJON,
    [`${M}/13-budsjett.md`]: sak(
      'tittel: Budsjett 2026\ntype: beslutning\nminutter: 30',
      'Bakgrunn.\n\n## Forslag til vedtak\n\nBudsjettet vedtas.\n',
    ),
    [`${M}/15-personal.md`]: sak(
      'tittel: Tilsetting av Nils Nilsen\ntype: tema\nminutter: 20\nunntatt_offentlighet: offl. § 13 jf. fvl. § 13\noffentlig_tittel: Personalsak',
      'Bakgrunn.\n',
    ),
    ...extra,
  });
}

const mail = (file: string) => simpleParser(readFileSync(file));

/** The calendar part of a parsed e-mail (the text/calendar alternative) as an ical.js component. */
function calendarOf(parsed: ParsedMail): ICAL.Component {
  const part = parsed.attachments.find((a) => a.contentType === 'text/calendar');
  expect(part, 'the e-mail has a text/calendar part').toBeDefined();
  return new ICAL.Component(ICAL.parse(part!.content.toString('utf8')));
}

function event(cal: ICAL.Component): ICAL.Component {
  return cal.getFirstSubcomponent('vevent')!;
}

const lines = (root: string, diagnostics: Parameters<typeof formatDiagnostic>[0][]) => diagnostics.map((d) => formatDiagnostic(d, root));

describe('motedok send: the e-mail draft and the invitation', () => {
  const root = project();
  const out = utmappe();
  let first: Awaited<ReturnType<typeof sendMote>>;
  let parsed: ParsedMail;

  beforeAll(async () => {
    first = await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-08' });
    parsed = await mail(join(out, M, 'innkalling.eml'));
  });

  it('is a draft to the members with an address, from the secretariat, with the innkalling and saksdokumenter attached', () => {
    expect(parsed.headers.get('x-unsent')).toBe('1');
    expect(parsed.from?.value).toEqual([{ name: 'Sekretariatet i Helsefellesskap Test', address: 'post@hf-test.no' }]);
    const til = Array.isArray(parsed.to) ? parsed.to.flatMap((t) => t.value) : parsed.to!.value;
    expect(til.map((a) => `${a.name} <${a.address}>`)).toEqual([
      'Kari Nordmann <kari.nordmann@sykehuset.no>',
      'Ola Hansen <ola.hansen@hamar.kommune.no>',
    ]);
    expect(parsed.subject).toBe('Innkalling til møte i Strategisk samarbeidsutvalg 22. mai 2025');
    expect(parsed.messageId).toBe(`<${M}.innkalling.0@helsefellesskap-test.motedok>`);
    expect(parsed.date?.toISOString()).toBe('2025-05-08T00:00:00.000Z');
    expect(parsed.text).toContain(
      'Du er kalt inn til møte i Strategisk samarbeidsutvalg torsdag 22. mai 2025 kl. 09.00–14.00, Lillehammer.',
    );
    expect(parsed.text).toContain('Møteinvitasjonen i denne e-posten legger møtet inn i kalenderen din');
    const pdfer = parsed.attachments.filter((a) => a.contentType === 'application/pdf');
    expect(pdfer.map((a) => a.filename)).toEqual([`${M}-innkalling.pdf`, `${M}-saksdokumenter.pdf`]);
    // What is attached is what was built and kept as sent.
    expect(pdfer[0]!.content.equals(readFileSync(join(root, M, 'sendt', '1', 'innkalling.pdf')))).toBe(true);
    expect(pdfer[1]!.content.equals(readFileSync(join(out, M, 'saksdokumenter.pdf')))).toBe(true);
  });

  it('invites with METHOD:REQUEST, the secretariat as organiser, every member with an address, the UID of mote.ics and SEQUENCE 0', () => {
    const cal = calendarOf(parsed);
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const ev = event(cal);
    expect(ev.getFirstPropertyValue('organizer')).toBe('mailto:post@hf-test.no');
    expect(ev.getAllProperties('attendee').map((p) => `${p.getParameter('cn')} ${p.getFirstValue()}`)).toEqual([
      'Kari Nordmann mailto:kari.nordmann@sykehuset.no',
      'Ola Hansen mailto:ola.hansen@hamar.kommune.no',
    ]);
    const publisert = event(new ICAL.Component(ICAL.parse(readFileSync(join(out, M, 'mote.ics'), 'utf8'))));
    expect(ev.getFirstPropertyValue('uid')).toBe(publisert.getFirstPropertyValue('uid'));
    expect(ev.getFirstPropertyValue('sequence')).toBe(0);
    expect(String(ev.getFirstPropertyValue('dtstart'))).toBe('2025-05-22T09:00:00');
    expect(ev.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Oslo');
    // A calendar is seen by others than the member: the exempt sak shows its public title there.
    const beskrivelse = String(ev.getFirstPropertyValue('description'));
    expect(beskrivelse).toContain('Sak 03.25');
    expect(beskrivelse).toContain('Personalsak');
    expect(beskrivelse).not.toContain('Nils Nilsen');
  });

  it('warns, where the member is written, about a member without an address', () => {
    expect(lines(root, first.diagnostics).filter((l) => l.includes('epost'))).toEqual([
      'organisasjon.yaml:10:9: advarsel: Per Solberg (per) i SSU har ingen «epost» og står ikke som mottaker av e-posten eller møteinvitasjonen; skriv adressen inn (epost: navn@kommune.no), eller send til medlemmet på annen måte.',
    ]);
  });

  it('records the invitation and what its sequence was computed from in journal.json', () => {
    const journal = JSON.parse(readFileSync(join(root, M, 'journal.json'), 'utf8'));
    expect(journal.invitasjoner).toEqual([
      {
        metode: 'REQUEST',
        sekvens: 0,
        dato: '2025-05-08',
        fil: 'innkalling.eml',
        utsendelse: 1,
        mote: { dato: '2025-05-22', start: '09.00', slutt: '14.00', sted: 'Lillehammer' },
      },
    ]);
  });

  it('gives the same bytes from the same meeting sent the same day', async () => {
    const annen = project();
    const annenUt = utmappe();
    await sendMote(join(annen, M), { cwd: annen, out: annenUt, dato: '2025-05-08' });
    const a = readFileSync(join(out, M, 'innkalling.eml'));
    const b = readFileSync(join(annenUt, M, 'innkalling.eml'));
    expect(b.equals(a)).toBe(true);
  });

  it('a changed time gives SEQUENCE+1 with the same UID; a tilleggsinnkalling after it keeps it; a cancellation gives METHOD:CANCEL', async () => {
    const uid = event(calendarOf(parsed)).getFirstPropertyValue('uid');
    writeFileSync(join(root, M, 'mote.yaml'), MOTE.replace('"09:00"', '"10:00"'));
    const endret = await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-12' });
    expect(endret.utsendelse).toBeUndefined();
    const endring = await mail(join(out, M, 'endring.eml'));
    expect(endring.subject).toBe('Endret tid eller sted: møte i Strategisk samarbeidsutvalg 22. mai 2025');
    expect(endring.text).toContain(
      'Ny tid og sted: torsdag 22. mai 2025 kl. 10.00–14.00, Lillehammer. Før: torsdag 22. mai 2025 kl. 09.00–14.00, Lillehammer.',
    );
    expect(endring.attachments.filter((a) => a.contentType === 'application/pdf')).toEqual([]);
    const flyttet = event(calendarOf(endring));
    expect([flyttet.getFirstPropertyValue('uid'), flyttet.getFirstPropertyValue('sequence')]).toEqual([uid, 1]);
    expect(String(flyttet.getFirstPropertyValue('dtstart'))).toBe('2025-05-22T10:00:00');

    writeFileSync(join(root, M, '14-ny.md'), sak('tittel: Ny sak\ntype: tema\nminutter: 20', 'Tekst.\n'));
    const tillegg = await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-15' });
    expect(tillegg.utsendelse?.type).toBe('tilleggsinnkalling');
    const tilleggsepost = await mail(join(out, M, 'tilleggsinnkalling.eml'));
    expect(tilleggsepost.subject).toBe('Tilleggsinnkalling til møte i Strategisk samarbeidsutvalg 22. mai 2025');
    expect(tilleggsepost.attachments.filter((a) => a.contentType === 'application/pdf').map((a) => a.filename)).toEqual([
      `${M}-tilleggsinnkalling.pdf`,
      `${M}-saksdokumenter.pdf`,
    ]);
    expect(event(calendarOf(tilleggsepost)).getFirstPropertyValue('sequence')).toBe(1);

    writeFileSync(join(root, M, 'mote.yaml'), `${MOTE.replace('"09:00"', '"10:00"')}avlyst: For få saker til å holde møtet\n`);
    await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-19' });
    const avlysning = await mail(join(out, M, 'avlysning.eml'));
    expect(avlysning.subject).toBe('Avlyst: møte i Strategisk samarbeidsutvalg 22. mai 2025');
    expect(avlysning.text).toContain('Møtet i Strategisk samarbeidsutvalg torsdag 22. mai 2025 kl. 10.00–14.00, Lillehammer, er avlyst.');
    expect(avlysning.text).toContain('Grunn: For få saker til å holde møtet');
    const cal = calendarOf(avlysning);
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
    const avlyst = event(cal);
    expect([avlyst.getFirstPropertyValue('uid'), avlyst.getFirstPropertyValue('sequence'), avlyst.getFirstPropertyValue('status')]).toEqual(
      [uid, 2, 'CANCELLED'],
    );
    const journal = JSON.parse(readFileSync(join(root, M, 'journal.json'), 'utf8'));
    expect(journal.invitasjoner.map((i: { metode: string; sekvens: number; fil: string }) => `${i.metode} ${i.sekvens} ${i.fil}`)).toEqual([
      'REQUEST 0 innkalling.eml',
      'REQUEST 1 endring.eml',
      'REQUEST 1 tilleggsinnkalling.eml',
      'CANCEL 2 avlysning.eml',
    ]);
    // Once cancelled, sending again sends nothing.
    const igjen = await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-20' });
    expect(igjen.epost).toBeUndefined();
  });
});

describe('motedok send: e-mail in Nynorsk, too large to attach, without a secretariat', () => {
  it('writes the text in Nynorsk, names the saksdokumenter instead of attaching them, and makes no invitation', async () => {
    const root = makeProject({
      'organisasjon.yaml': `${ORGANISASJON.replace(/^sekretariat:.*\n/m, '')}sprak: nn\n`,
      [`${M}/13-budsjett.md`]: sak(
        'tittel: Budsjett 2026\ntype: beslutning\nminutter: 30',
        'Bakgrunn.\n\n## Forslag til vedtak\n\nVedteke.\n',
      ),
    });
    const out = utmappe();
    const innkalling = () => readFileSync(join(out, M, 'innkalling.pdf')).length;
    const result = await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-08', epostGrense: 100_000 });
    // The limit lies between the innkalling alone and the innkalling with the saksdokumenter.
    expect(innkalling()).toBeLessThan(100_000);
    expect(innkalling() + readFileSync(join(out, M, 'saksdokumenter.pdf')).length).toBeGreaterThan(100_000);
    const parsed = await mail(join(out, M, 'innkalling.eml'));
    expect(parsed.from).toBeUndefined();
    expect(parsed.text).toContain(
      'Du er kalla inn til møte i Strategisk samarbeidsutvalg torsdag 22. mai 2025 kl. 09.00–14.00, Lillehammer.',
    );
    expect(parsed.text).toContain(`${M}-saksdokumenter.pdf er for store til å sendast med e-post`);
    expect(parsed.text).toContain('[set inn lenkja før du sender]');
    expect(parsed.text).toContain('Med venleg helsing');
    expect(parsed.attachments.map((a) => `${a.contentType} ${a.filename}`)).toEqual([`application/pdf ${M}-innkalling.pdf`]);
    expect(result.epost?.forStore).toEqual([`${M}-saksdokumenter.pdf`]);
    expect(lines(root, result.diagnostics).filter((l) => l.includes('sekretariat'))).toEqual([
      'organisasjon.yaml:1:1: advarsel: organisasjon.yaml har ingen «sekretariat: { navn, epost }», så innkalling.eml har ingen møteinvitasjon (en invitasjon må ha en arrangør å svare til); skriv sekretariatets navn og e-postadresse inn, og kjør «motedok send» igjen neste gang.',
    ]);
    expect(JSON.parse(readFileSync(join(root, M, 'journal.json'), 'utf8')).invitasjoner).toBeUndefined();
  });
});

describe('avlyst and epost in the files the secretariat writes', () => {
  it('a meeting cancelled before its innkalling went out sends nothing', async () => {
    const root = project({ [`${M}/mote.yaml`]: `${MOTE}avlyst: Utsatt til høsten\n` });
    const out = utmappe();
    const result = await sendMote(join(root, M), { cwd: root, out, dato: '2025-05-08' });
    expect(result.epost).toBeUndefined();
    expect(existsSync(join(root, M, 'journal.json'))).toBe(false);
    expect(existsSync(join(out, M))).toBe(false);
  });

  it('an address that is not one is an error where it is written', async () => {
    const root = project({ 'organisasjon.yaml': ORGANISASJON.replace('kari.nordmann@sykehuset.no', 'kari.nordmann(at)sykehuset.no') });
    const { lines } = await check(root);
    expect(lines.filter((l) => l.includes(': feil: '))).toEqual([
      expect.stringMatching(/^organisasjon\.yaml:8:\d+: feil: «epost» i medlemmer nr\. 1 i utvalg «ssu» .*Tillatt: en e-postadresse/),
    ]);
  });
});
