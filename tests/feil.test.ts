import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMeetings } from '../src/api.js';
import { formatDiagnostic } from '../src/diagnostics.js';
import { BESLUTNING, check, makeProject, MOTE, ORGANISASJON, sak } from './helpers/prosjekt.js';
import { minimalPdf } from './helpers/pdf.js';

const M = '2025-05-22-ssu';

describe('errors in sak files: message and position', () => {
  it('a misspelt key is unknown, with a suggestion, and not also reported as missing', async () => {
    const root = makeProject({ [`${M}/13-a.md`]: sak('titel: En sak\ntype: beslutning\nminutter: 30') });
    const { lines } = await check(root);
    expect(lines).toEqual([
      `${M}/13-a.md:2:1: feil: ukjent felt «titel». Mente du «tittel»? Tillatte felt: tittel, type, minutter, beskrivelse, saksnummer, saksbehandler, vedlegg, unntatt_offentlighet.`,
    ]);
  });

  it('a missing required field names the field and what it allows', async () => {
    const root = makeProject({ [`${M}/13-a.md`]: sak('tittel: En sak\ntype: beslutning') });
    expect((await check(root)).lines).toEqual([
      `${M}/13-a.md:2:1: feil: mangler feltet «minutter». Tillatt: et helt antall minutter, større enn 0, for eksempel 30.`,
    ]);
  });

  it('wrong types, zero and negative minutes, and an unknown type point at the value', async () => {
    const root = makeProject({
      [`${M}/13-a.md`]: sak('tittel: A\ntype: beslutnig\nminutter: 30'),
      [`${M}/14-b.md`]: sak('tittel: B\ntype: tema\nminutter: tretti'),
      [`${M}/15-c.md`]: sak('tittel: C\ntype: tema\nminutter: -5'),
      [`${M}/16-d.md`]: sak('tittel: D\ntype: tema\nminutter: 0'),
      [`${M}/17-e.md`]: sak('tittel: E\ntype: tema\nminutter: 12.5'),
    });
    expect((await check(root)).lines).toEqual([
      `${M}/13-a.md:3:7: feil: «type» er «beslutnig», men må være én av: beslutning, tema, referat og eventuelt. Mente du «beslutning»?`,
      `${M}/14-b.md:4:11: feil: «minutter» er «tretti», som ikke er gyldig. Tillatt: et helt antall minutter, større enn 0, for eksempel 30.`,
      `${M}/15-c.md:4:11: feil: «minutter» må være større enn 0, men er tallet -5. Tillatt: et helt antall minutter, større enn 0, for eksempel 30.`,
      `${M}/16-d.md:4:11: feil: «minutter» må være større enn 0, men er tallet 0. Tillatt: et helt antall minutter, større enn 0, for eksempel 30.`,
      `${M}/17-e.md:4:11: feil: «minutter» må være et helt tall, men er tallet 12.5. Tillatt: et helt antall minutter, større enn 0, for eksempel 30.`,
    ]);
  });

  it('a beslutning sak without Forslag til vedtak is an error at its type', async () => {
    const root = makeProject({ [`${M}/13-a.md`]: sak('tittel: A\ntype: beslutning\nminutter: 30', '## Bakgrunn\n\nTekst.\n') });
    expect((await check(root)).lines).toEqual([
      `${M}/13-a.md:3:7: feil: en beslutningssak må ha en seksjon «## Forslag til vedtak» med vedtaket, gjerne som nummerert liste.`,
    ]);
  });

  it('frontmatter that is missing, unclosed or empty, and an empty file', async () => {
    const root = makeProject({
      [`${M}/13-a.md`]: '# Bare tekst\n',
      [`${M}/14-b.md`]: '---\ntittel: B\ntype: tema\nminutter: 5\n\nTekst uten avsluttende strek.\n',
      [`${M}/15-c.md`]: '---\n---\nTekst\n',
      [`${M}/16-d.md`]: '  \n\n',
    });
    expect((await check(root)).lines).toEqual([
      `${M}/13-a.md:1:1: feil: filen mangler frontmatter: den må begynne med en linje «---», så tittel, type og minutter, så en linje «---».`,
      `${M}/14-b.md:1:1: feil: frontmatter som starter med «---» på linje 1 mangler en avsluttende «---»-linje.`,
      `${M}/15-c.md:1:1: feil: frontmatter er tom; den må ha tittel, type og minutter.`,
      `${M}/16-d.md:1:1: feil: filen er tom.`,
    ]);
  });

  it('invalid YAML: a tab as indentation and a duplicated key', async () => {
    const root = makeProject({
      [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5\nvedlegg:\n\t- Rapport'),
      [`${M}/14-b.md`]: sak('tittel: B\ntype: tema\nminutter: 5\ntittel: B igjen'),
    });
    expect((await check(root)).lines).toEqual([
      `${M}/13-a.md:6:1: feil: tabulator brukt som innrykk; YAML tillater bare mellomrom. Bytt tabulatoren ut med mellomrom.`,
      `${M}/14-b.md:5:1: feil: nøkkelen «tittel» står to ganger; hver nøkkel kan bare stå én gang.`,
    ]);
  });

  it('files that are not UTF-8 are refused with the place of the first bad byte; UTF-16 too', async () => {
    const latin1 = Buffer.from(sak('tittel: Høring\ntype: tema\nminutter: 5'), 'latin1');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sak('tittel: A\ntype: tema\nminutter: 5'), 'utf16le')]);
    const root = makeProject({ [`${M}/13-a.md`]: latin1, [`${M}/14-b.md`]: utf16 });
    expect((await check(root)).lines).toEqual([
      `${M}/13-a.md:2:10: feil: filen er ikke UTF-8 (ugyldig byte 0xF8, trolig æ, ø eller å lagret som Latin-1/Windows-1252); lagre filen med koding UTF-8.`,
      `${M}/14-b.md:1:1: feil: filen er lagret som UTF-16; lagre den som UTF-8 (i Notisblokk: «Lagre som» → Koding: UTF-8).`,
    ]);
  });

  it('BOM and CRLF files work, and so do file names with spaces and æøå', async () => {
    const crlf = `\ufeff${sak('tittel: Årsplan\ntype: beslutning\nminutter: 30\nvedlegg:\n  - { tittel: Høring, fil: vedlegg/Høringsnotat 2026.pdf }')}`.replace(/\n/g, '\r\n');
    const root = makeProject({ [`${M}/13 Årsplan for 2026.md`]: crlf, [`${M}/vedlegg/Høringsnotat 2026.pdf`]: minimalPdf('Høring') });
    const { lines, moter } = await check(root);
    expect(lines).toEqual([]);
    const sakene = moter[0]!.saker.filter((s) => !s.fast);
    expect(sakene.map((s) => [s.tittel, s.filnavn])).toEqual([['Årsplan', '13 Årsplan for 2026']]);
    expect(sakene[0]!.vedlegg[0]!.fil).toBe(join(root, M, 'vedlegg/Høringsnotat 2026.pdf'));
  });

  it('attachments: missing (with a suggestion), outside the folder, absolute, a symlink out, not a PDF', async () => {
    const root = makeProject({
      [`${M}/13-a.md`]: sak(`tittel: A
type: tema
minutter: 5
vedlegg:
  - { tittel: Mangler, fil: vedlegg/rapprot.pdf }
  - { tittel: Opp, fil: ../hemmelig.pdf }
  - { tittel: Absolutt, fil: /etc/passwd }
  - { tittel: Lenke, fil: vedlegg/lenke.pdf }
  - { tittel: Tekst, fil: vedlegg/notat.txt }`),
      [`${M}/vedlegg/rapport.pdf`]: minimalPdf('Rapport'),
      [`${M}/vedlegg/notat.txt`]: 'ikke en pdf',
      'hemmelig.pdf': minimalPdf('Hemmelig'),
    });
    symlinkSync(join(root, 'hemmelig.pdf'), join(root, M, 'vedlegg/lenke.pdf'));
    expect((await check(root)).lines).toEqual([
      `${M}/13-a.md:6:29: feil: vedleggsfilen «vedlegg/rapprot.pdf» finnes ikke. Mente du «vedlegg/rapport.pdf»?`,
      `${M}/13-a.md:7:25: feil: vedleggsfilen «../hemmelig.pdf» ligger utenfor møtemappen; legg filen i møtemappens vedlegg/-mappe.`,
      `${M}/13-a.md:8:30: feil: vedleggsfilen «/etc/passwd» er en absolutt sti; skriv stien relativt til møtemappen, for eksempel vedlegg/rapport.pdf.`,
      `${M}/13-a.md:9:27: feil: vedleggsfilen «vedlegg/lenke.pdf» ligger utenfor møtemappen; legg filen i møtemappens vedlegg/-mappe.`,
      `${M}/13-a.md:10:27: feil: vedleggsfilen «vedlegg/notat.txt» er ikke en PDF; eksporter dokumentet til PDF og vis til PDF-filen.`,
    ]);
  });

  it('an image without alt text is a warning; a missing, outside or web image is an error', async () => {
    const root = makeProject({
      [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 5', 'Se figuren:\n\n![](figur.png)\n\n![Kart](kart.png) ![Ut](../ut.png) ![Nett](https://example.invalid/x.png)\n\n`![](kode.png)` ![Med mellomrom](<figur 1.png>)\n\n<!--\n![Gammel](borte.png)\n-->\n'),
      [`${M}/figur.png`]: 'png',
      [`${M}/figur 1.png`]: 'png',
      'ut.png': 'png',
    });
    expect((await check(root)).lines).toEqual([
      `${M}/13-a.md:9:1: advarsel: bildet «figur.png» mangler alternativ tekst; skriv en beskrivelse i klammene: ![beskrivelse](figur.png).`,
      `${M}/13-a.md:11:1: feil: bildet «kart.png» finnes ikke; legg bildefilen i møtemappen og skriv stien relativt til den.`,
      `${M}/13-a.md:11:19: feil: bildet «../ut.png» ligger utenfor møtemappen; legg bildefilen i møtemappen.`,
      `${M}/13-a.md:11:36: feil: bildet «https://example.invalid/x.png» er ikke en fil i møtemappen; bilder fra nett eller andre steder tas ikke med. Last ned bildet og legg det i møtemappen.`,
    ]);
  });

  it('a logo that does not exist is an error at the logo field', async () => {
    const root = makeProject({ 'organisasjon.yaml': `logo: finnes-ikke.svg\n${ORGANISASJON}`, [`${M}/13-a.md`]: BESLUTNING });
    expect((await check(root)).lines).toEqual([
      'organisasjon.yaml:1:7: feil: logoen «finnes-ikke.svg» finnes ikke ved siden av organisasjon.yaml; skriv stien relativt til organisasjon.yaml, eller fjern feltet.',
    ]);
  });
});

describe('errors in mote.yaml and organisasjon.yaml', () => {
  it('impossible dates and times, and an end before the start', async () => {
    const root = makeProject({
      '2025-02-30-ssu/mote.yaml': 'utvalg: ssu\ndato: 2025-02-30\nstart: "25:00"\nslutt: "09:00"\nsted: Hamar\n',
      '2025-06-01-ssu/mote.yaml': 'utvalg: ssu\ndato: 2025-06-01\nstart: "14:00"\nslutt: "09:00"\nsted: Hamar\n',
    });
    expect((await check(root)).lines.filter((l) => l.includes(': feil: '))).toEqual([
      '2025-02-30-ssu/mote.yaml:2:7: feil: «dato»: datoen 2025-02-30 finnes ikke: februar 2025 har 28 dager.',
      '2025-02-30-ssu/mote.yaml:3:8: feil: «start»: klokkeslettet 25:00 finnes ikke: timen må være 00–23.',
      '2025-06-01-ssu/mote.yaml:4:8: feil: møtet slutter kl. 09.00, som ikke er etter start kl. 14.00; «slutt» må være senere enn «start».',
    ]);
  });

  it('times written 0900 and 09.00 (unquoted) are read as the user wrote them', async () => {
    const root = makeProject({ [`${M}/mote.yaml`]: 'utvalg: ssu\ndato: 2025-05-22\nstart: 0900\nslutt: 14.00\nsted: Hamar\n', [`${M}/13-a.md`]: BESLUTNING });
    const { lines, moter } = await check(root);
    expect(lines).toEqual([]);
    expect([moter[0]!.start, moter[0]!.slutt]).toEqual([540, 840]);
  });

  it('an unknown committee, with a suggestion and the list of committees', async () => {
    const root = makeProject({ [`${M}/mote.yaml`]: MOTE.replace('utvalg: ssu', 'utvalg: sus'), [`${M}/13-a.md`]: BESLUTNING });
    expect((await check(root)).lines).toEqual([
      `${M}/mote.yaml:1:9: feil: utvalg «sus» finnes ikke i organisasjon.yaml. Mente du «ssu»? Utvalgene er: ssu.`,
    ]);
  });

  it('a break after a sak that does not exist', async () => {
    const root = makeProject({
      [`${M}/mote.yaml`]: `${MOTE}pauser:\n  - etter: 13-strategisamlig\n    minutter: 30\n`,
      [`${M}/13-strategisamling.md`]: BESLUTNING,
    });
    expect((await check(root)).lines).toEqual([
      `${M}/mote.yaml:7:12: feil: pausen står «etter: 13-strategisamlig», men møtet har ingen sak med det filnavnet eller saksnummeret. Mente du «13-strategisamling»? Skriv filnavnet uten .md (13-strategisamling) eller et saksnummer.`,
    ]);
  });

  it('an agenda that runs past the meeting\'s end is a warning saying by how much', async () => {
    const root = makeProject({
      [`${M}/mote.yaml`]: MOTE.replace('slutt: "14:00"', 'slutt: "10:00"'),
      [`${M}/13-a.md`]: sak('tittel: A\ntype: beslutning\nminutter: 60'),
      [`${M}/14-b.md`]: sak('tittel: B\ntype: tema\nminutter: 25'),
    });
    const { lines, diagnostics } = await check(root);
    expect(lines).toEqual([
      `${M}/mote.yaml:4:8: advarsel: sakslisten varer til kl. 10.27, 27 minutter etter møtets slutt kl. 10.00; kort ned minuttene, flytt en sak eller sett en senere «slutt».`,
    ]);
    expect(diagnostics[0]!.severity).toBe('advarsel');
  });

  it('organisasjon.yaml: unknown key, bad colour, duplicate member id', async () => {
    const root = makeProject({
      'organisasjon.yaml': 'navn: Test\nfarge: blå\nutvalg:\n  ssu:\n    navn: SSU\n    kortnavn: SSU\n    medlemer: []\n',
      [`${M}/13-a.md`]: BESLUTNING,
    });
    const { lines } = await check(root);
    expect(lines).toEqual([
      'organisasjon.yaml:2:8: feil: «farge» er «blå», som ikke er gyldig. Tillatt: en farge som "#RRGGBB" (i anførselstegn), for eksempel "#00509e".',
      'organisasjon.yaml:7:5: feil: ukjent felt «medlemer» i utvalg «ssu». Mente du «medlemmer»? Tillatte felt her: navn, kortnavn, medlemmer, standard.',
    ]);
    const dup = makeProject({
      'organisasjon.yaml': 'navn: T\nutvalg:\n  ssu:\n    navn: S\n    kortnavn: S\n    medlemmer:\n      - { id: kari, navn: Kari }\n      - { id: kari, navn: Kari Dobbel }\n',
      [`${M}/13-a.md`]: BESLUTNING,
    });
    expect((await check(dup)).lines).toEqual([
      'organisasjon.yaml:8:15: feil: medlems-id «kari» brukes to ganger i utvalg «ssu» (også medlem nr. 1); hver id må være unik.',
    ]);
  });
});

describe('numbers across meetings', () => {
  it('a written saksnummer that disagrees with the computed one', async () => {
    const root = makeProject({ [`${M}/13-a.md`]: sak('tittel: A\ntype: beslutning\nminutter: 30\nsaksnummer: "14.25"') });
    expect((await check(root)).lines).toEqual([
      `${M}/13-a.md:5:13: feil: saksnummer «14.25» stemmer ikke med det beregnede 02.25 (møtet begynner på sak 01.25, og saken er nr. 2 i sakslisten). Fjern feltet, eller rett rekkefølgen eller forste_saksnummer i mote.yaml.`,
    ]);
  });

  it('two saker with the same number in a committee year name both files', async () => {
    const root = makeProject({
      [`${M}/mote.yaml`]: `${MOTE}forste_saksnummer: 11\nfaste_saker: false\n`,
      [`${M}/11-a.md`]: BESLUTNING,
      [`${M}/12-b.md`]: BESLUTNING,
      '2025-09-18-ssu/mote.yaml': 'utvalg: ssu\ndato: 2025-09-18\nstart: "10:00"\nslutt: "14:00"\nsted: Hamar\nforste_saksnummer: 12\nfaste_saker: false\n',
      '2025-09-18-ssu/12-c.md': BESLUTNING,
    });
    const { lines } = await check(root);
    expect(lines).toEqual([
      `2025-09-18-ssu/12-c.md:1:1: feil: saksnummer 12.25 brukes to ganger i SSU 2025: av ${root}/2025-09-18-ssu/12-c.md og av ${root}/${M}/12-b.md (møtet ${M}). Rett forste_saksnummer i mote.yaml.`,
    ]);
  });
});

describe('referat.md', () => {
  const REFERAT = (frontmatter: string, body: string) => `---\n${frontmatter}\n---\n\n${body}`;
  const FM = 'til_stede: [kari, ola]\nforfall: [per]\nreferent: Marte\nstatus: utkast';

  it('unknown member ids, a section for a sak not on the agenda, and a sak missing', async () => {
    const root = makeProject({
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/referat.md`]: REFERAT('til_stede: [kari, oal, Gjest Gjestesen]\nforfall: [per]\nreferent: Marte\nstatus: utkast',
        '## Sak 01.25 Godkjenning\n\n## Sak 07.25 Finnes ikke\n\nNotat.\n'),
    });
    expect((await check(root)).lines).toEqual([
      `${M}/referat.md:1:1: feil: sak 02.25 «En sak» mangler i referatet; legg til en seksjon «## Sak 02.25 En sak».`,
      `${M}/referat.md:2:1: advarsel: ola står verken i til_stede eller i forfall.`,
      `${M}/referat.md:2:19: feil: «oal» i «til_stede» er ikke en medlems-id i utvalg «ssu». Mente du «ola»? Bruk en id fra organisasjon.yaml (kari, ola, per), eller skriv fullt navn med mellomrom.`,
      `${M}/referat.md:10:1: feil: sak 07.25 står ikke på sakslisten til møtet ${M}; sakene er 01.25, 02.25.`,
    ]);
  });

  it('accepts a complete referat and reads the Vedtak under each sak', async () => {
    const root = makeProject({
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/referat.md`]: REFERAT(FM, '## Sak 01.25 Godkjenning\n\n### Vedtak\n\nGodkjent.\n\n## Sak 2/25 En sak\n\nDrøftet.\n\n## Eventuelt\n\nIngen.\n'),
    });
    const { lines, moter } = await check(root);
    expect(lines).toEqual([]);
    const referat = moter[0]!.referat!;
    expect(referat.saker.map((s) => [s.nummer.lopenummer, s.notater, s.vedtak])).toEqual([[1, '', 'Godkjent.'], [2, 'Drøftet.', undefined]]);
    expect(referat.eventuelt).toBe('Ingen.');
  });

  it('a wrong status and an unknown section heading', async () => {
    const root = makeProject({
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/referat.md`]: REFERAT(FM.replace('utkast', 'ferdig'), '## Sak 01.25\n\n## Sak 02.25\n\n## Diverse\n'),
    });
    expect((await check(root)).lines).toEqual([
      `${M}/referat.md:5:9: feil: «status» er «ferdig», men må være én av: utkast og godkjent.`,
      `${M}/referat.md:12:1: feil: ukjent overskrift «## Diverse»; i referatet er hver seksjon «## Sak NN.ÅÅ …» eller «## Eventuelt».`,
    ]);
  });
});

describe('a run reports every error at once', () => {
  it('errors from several files and meetings come together, sorted by file and line', async () => {
    const root = makeProject({
      [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 0'),
      [`${M}/14-b.md`]: sak('tittel: B\ntype: tema'),
      '2025-09-18-ssu/mote.yaml': 'utvalg: ssu\ndato: 2025-09-31\nstart: "10:00"\nslutt: "14:00"\nsted: Hamar\n',
      '2025-09-18-ssu/13-a.md': BESLUTNING,
    });
    const { lines } = await check(root);
    expect(lines.map((l) => l.split(': feil')[0])).toEqual([`${M}/13-a.md:4:11`, `${M}/14-b.md:2:1`, '2025-09-18-ssu/mote.yaml:2:7']);
  });

  it('a meeting folder with no saker is a warning, not a crash', async () => {
    const root = makeProject({});
    writeFileSync(join(root, M, 'notater.txt'), 'ikke en sak');
    const { lines, moter } = await check(root);
    expect(lines).toEqual([`${M}/mote.yaml:1:1: advarsel: møtemappen har ingen saker (ingen .md-filer ved siden av mote.yaml).`]);
    expect(moter[0]!.saker.map((s) => s.tittel)).toEqual(['Godkjenning av innkalling og saksliste']);
  });
});

describe('referat decisions', () => {
  const FORSLAG = sak('tittel: Fond\ntype: beslutning\nminutter: 30', '## Forslag til vedtak\n\n1. SSU etablerer et fond på\n   a) Alt. 1: kr 750 000\n   b) Alt. 2: kr 500 000\n');
  const REFERAT = (body: string, fm = 'til_stede: [kari, ola, per]\nreferent: Marte\nstatus: utkast') => `---\n${fm}\n---\n\n## Sak 01.25 Godkjenning\n\n${body}`;

  it('a proposal with alternatives must have a Vedtak that chose one', async () => {
    const uten = makeProject({ [`${M}/13-fond.md`]: FORSLAG, [`${M}/referat.md`]: REFERAT('## Sak 02.25 Fond\n\nDrøftet.\n') });
    expect((await check(uten)).lines).toEqual([
      `${M}/referat.md:9:1: feil: forslaget til vedtak i sak 02.25 har alternativer (Alt. 1, Alt. 2), og referatet må si hvilket som ble valgt: skriv vedtaket som ble fattet under «### Vedtak».`,
    ]);
    const aapen = makeProject({ [`${M}/13-fond.md`]: FORSLAG, [`${M}/referat.md`]: REFERAT('## Sak 02.25 Fond\n\n### Vedtak\n\nSSU etablerer et fond, Alt. 1: kr 750 000 eller Alt. 2: kr 500 000.\n') });
    expect((await check(aapen)).lines).toEqual([
      `${M}/referat.md:11:1: feil: forslaget til vedtak i sak 02.25 har alternativer (Alt. 1, Alt. 2), og referatet må si hvilket som ble valgt: skriv vedtaket som ble fattet under «### Vedtak».`,
    ]);
    const valgt = makeProject({ [`${M}/13-fond.md`]: FORSLAG, [`${M}/referat.md`]: REFERAT('## Sak 02.25 Fond\n\n### Vedtak\n\nSSU etablerer et fond på kr 500 000 (Alt. 2).\n') });
    const { lines, moter } = await check(valgt);
    expect(lines).toEqual([]);
    expect(moter[0]!.referat!.saker.map((s) => [s.somForeslatt, s.vedtatt])).toEqual([
      [true, 'Innkalling og saksliste godkjennes.'],
      [false, 'SSU etablerer et fond på kr 500 000 (Alt. 2).'],
    ]);
  });

  it('an approved referat without the next meeting in cases/ asks for godkjent_dato; with it, it is used', async () => {
    const uten = makeProject({ [`${M}/13-a.md`]: BESLUTNING, [`${M}/referat.md`]: REFERAT('## Sak 02.25 En sak\n', 'til_stede: [kari, ola, per]\nreferent: Marte\nstatus: godkjent') });
    expect((await check(uten)).lines).toEqual([
      `${M}/referat.md:1:1: advarsel: referatet har status godkjent, men utvalgets neste møte ligger ikke i cases/; skriv godkjent_dato (og godkjent_sak) i frontmatter så referatet kan si når det ble godkjent.`,
    ]);
    const med = makeProject({ [`${M}/13-a.md`]: BESLUTNING, [`${M}/referat.md`]: REFERAT('## Sak 02.25 En sak\n', 'til_stede: [kari, ola, per]\nreferent: Marte\nstatus: godkjent\ngodkjent_dato: 2025-09-18\ngodkjent_sak: "20.25"') });
    const { lines, moter } = await check(med);
    expect(lines).toEqual([]);
    expect(moter[0]!.referat!.godkjent).toEqual({ dato: '2025-09-18', sak: { lopenummer: 20, ar: 2025 } });
  });
});

describe('votes, statements for the record and disqualification in the referat', () => {
  const REFERAT = (body: string) => `---\ntil_stede: [kari, ola, per]\nreferent: Marte\nstatus: utkast\n---\n\n## Sak 01.25 Godkjenning\n\n${body}`;

  it('reads the vote, the statement and who left, and leaves them out of the notes', async () => {
    const root = makeProject({
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/referat.md`]: REFERAT('## Sak 02.25 En sak\n\nDrøftet.\n\n### Habilitet\n\n- per: styreleder i søkerorganisasjonen\n\n### Votering\n\n1 for, 1 mot\n\n### Protokolltilførsel\n\nOla ba om å få protokollert uenighet.\n'),
    });
    const { lines, moter } = await check(root);
    expect(lines).toEqual([]);
    const sak = moter[0]!.referat!.saker[1]!;
    expect(sak).toMatchObject({
      notater: 'Drøftet.', enstemmig: false, votering: { for: 1, mot: 1, avstar: 0 },
      protokolltilforsel: 'Ola ba om å få protokollert uenighet.',
      inhabile: [{ medlem: { id: 'per' }, grunn: 'styreleder i søkerorganisasjonen' }],
    });
    expect(moter[0]!.referat!.saker[0]!.enstemmig).toBe(true);
  });

  it('a vote without counts, more votes than members present, an unknown member leaving, and an unknown subsection', async () => {
    const root = makeProject({
      [`${M}/13-a.md`]: BESLUTNING,
      [`${M}/14-b.md`]: BESLUTNING.replace('En sak', 'Annen sak'),
      [`${M}/referat.md`]: REFERAT('## Sak 02.25 En sak\n\n### Votering\n\nFlertall for.\n\n### Diskusjon\n\nTekst.\n\n## Sak 03.25 Annen sak\n\n### Habilitet\n\n- kari: inhabil\n- anne: inhabil\n\n### Votering\n\n2 for, 1 mot\n'),
    });
    expect((await check(root)).lines).toEqual([
      `${M}/referat.md:11:1: feil: voteringen i sak 02.25 må begynne med stemmetallene, for eksempel «5 for, 2 mot» eller «5 for, 1 mot, 1 avstår».`,
      `${M}/referat.md:15:1: advarsel: «### Diskusjon» er ikke en av referatets underoverskrifter (Vedtak, Votering, Protokolltilførsel, Habilitet); teksten tas med som notater.`,
      `${M}/referat.md:19:1: feil: voteringen i sak 03.25 har 3 stemmer, men bare 2 medlemmer var til stede under behandlingen.`,
      `${M}/referat.md:24:3: feil: «anne» under «### Habilitet» i sak 03.25 er ikke et medlem som møtte. Skriv id-en til et medlem i til_stede, for eksempel «- kari: grunnen».`,
    ]);
  });
});

describe('checking one meeting', () => {
  it('reports problems of earlier meetings of the year its numbers depend on, and not of later ones', async () => {
    const root = makeProject({
      [`${M}/13-a.md`]: sak('tittel: A\ntype: tema\nminutter: 0'),
      '2025-09-18-ssu/mote.yaml': 'utvalg: ssu\ndato: 2025-09-18\nstart: "10:00"\nslutt: "14:00"\nsted: Hamar\n',
      '2025-09-18-ssu/13-b.md': BESLUTNING,
      '2025-11-13-ssu/mote.yaml': 'utvalg: ssu\ndato: 2025-11-13\nstart: "10:00"\nslutt: "14:00"\nsted: Hamar\n',
      '2025-11-13-ssu/13-c.md': Buffer.from(sak('tittel: Høring\ntype: tema\nminutter: 5'), 'latin1'),
    });
    const result = await loadMeetings([join(root, '2025-09-18-ssu')], { cwd: root });
    expect(result.diagnostics.map((d) => formatDiagnostic(d, root))).toEqual([
      `${M}/13-a.md:4:11: feil: «minutter» må være større enn 0, men er tallet 0. Tillatt: et helt antall minutter, større enn 0, for eksempel 30.`,
    ]);
  });
});

describe('very large files', () => {
  it('a sak file over 5 MB is refused with its size, not parsed', async () => {
    const root = makeProject({ [`${M}/13-stor.md`]: sak('tittel: Stor\ntype: tema\nminutter: 5', `${'Lang linje uten slutt. '.repeat(300_000)}\n`) });
    const { lines } = await check(root);
    expect(lines).toEqual([`${M}/13-stor.md: feil: filen er for stor (6,6 MB); en tekstfil kan være høyst 5 MB. Legg store dokumenter ved som PDF under vedlegg/.`]);
  });
});
