import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planDocuments } from '../../src/build/plan.js';
import { Diagnostics } from '../../src/domain/diagnostics.js';
import type { Dato } from '../../src/domain/types.js';
import { readTemplateFiles } from '../../src/pipeline/load/templates.js';
import { makeArsplan } from '../../src/pipeline/model/arsplan.js';
import { offentligVersjon } from '../../src/pipeline/model/offentlig.js';
import { arsplanView } from '../../src/pipeline/render/arsplan.js';
import { BUILTIN_TEMPLATES_DIR, checkOwnTemplates, compileTemplates } from '../../src/pipeline/render/templates.js';
import { saksdokumenterView, vedtakslisteView } from '../../src/pipeline/render/views.js';
import { saksregister } from '../../src/publish/saksregister.js';
import {
  arPageData,
  indeksPageData,
  motePageData,
  sakPageData,
  sokPageData,
  type Utvalgsar,
  utvalgPageData,
} from '../../src/publish/sider.js';
import { taggetPdf } from '../helpers/pdf.js';
import { check, MOTE, makeProject, ORGANISASJON, sak } from '../helpers/prosjekt.js';

/** A meeting that has every kind of thing a template shows: groups, a break, eventuelt, attachments, an exempt sak, a referat. */
function fullProsjekt(): string {
  return makeProject({
    'organisasjon.yaml': `${ORGANISASJON}logo: logo.svg\nfarge: "#123456"\n`,
    'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    '2025-05-22-ssu/mote.yaml': `${MOTE}pauser:\n  - etter: 13-a\n    minutter: 15\n    tittel: Pause\n`,
    '2025-05-22-ssu/13-a.md': sak(
      'tittel: Første sak\ntype: beslutning\nminutter: 30\nsaksbehandler: Sekretariatet\nbeskrivelse: Kort om saken.\nvedlegg:\n  - tittel: Rapport\n    fil: vedlegg/rapport.pdf\n  - Et vedlegg uten fil',
      'Saksfremlegget.\n\n## Forslag til vedtak\n\nSaken godkjennes.\n',
    ),
    '2025-05-22-ssu/vedlegg/rapport.pdf': taggetPdf('Rapport'),
    '2025-05-22-ssu/14-b.md': sak(
      'tittel: Andre sak\ntype: tema\nminutter: 20\nunntatt_offentlighet: offl. § 23 første ledd',
      'Drøfting.\n',
    ),
    '2025-05-22-ssu/99-c.md': sak('tittel: Eventuelt-sak\ntype: eventuelt\nminutter: 5', 'Orientering.\n'),
    '2025-05-22-ssu/referat.md': `---
til_stede: [kari, { id: ola, fra_sak: "02.25" }]
forfall: [per]
andre: [Marte Sekretær, sekretariatet]
referent: Marte Sekretær
status: utkast
---

## Sak 01.25 Godkjenning av innkalling og saksliste

### Vedtak

Godkjent.

## Sak 02.25 Første sak

Notater fra møtet.

### Vedtak

Saken godkjennes.

### Votering

1 for, 1 mot.

- For: kari
- Mot: ola

Ola ville utsette saken.

### Protokolltilførsel

Ola ba om protokolltilførsel.

## Sak 03.25 Andre sak

Drøftet.

## Eventuelt

Ingenting.
`,
  });
}

describe('the built-in templates', () => {
  it('use only fields their data has: every template renders in Handlebars strict mode', async () => {
    const root = fullProsjekt();
    mkdirSync(join(root, 'ut'), { recursive: true });
    const lastet = await check(root);
    expect(lastet.lines).toEqual([]);
    const maler = compileTemplates(readTemplateFiles(), { strict: true });
    const mote = lastet.moter[0]!;
    const dokumenter = [...planDocuments(mote, '/ut'), ...planDocuments(offentligVersjon(mote), '/ut/offentlig')];
    expect(new Set(dokumenter.map((d) => d.mal))).toEqual(new Set(['innkalling', 'saksliste', 'vedlegg', 'referat']));
    for (const plan of dokumenter) expect(maler.render(plan.mal, plan.data), plan.file).toContain('<html');
    const innhold = [{ tittel: 'Innkalling', side: 1, vedlegg: [{ tittel: 'Rapport', side: 3 }] }];
    expect(maler.render('saksdokumenter', saksdokumenterView(mote, innhold))).toContain('Rapport');
    expect(maler.render('vedtaksliste', vedtakslisteView([mote], 2025))).toContain('Saken godkjennes.');
    // After sending: a changed sak, a withdrawn one, one added in a tilleggsinnkalling.
    const [endret, tillegg, trukket] = mote.saker.filter((s) => !s.fast);
    for (const sak of mote.saker) sak.utsendelse = sak === tillegg ? 2 : 1;
    endret!.endret = ['tittel', 'forslag'];
    if (trukket) trukket.trukket = 'Utsatt';
    mote.utsendelser.push(
      { nr: 1, type: 'innkalling', dato: '2025-05-08' as Dato, saker: [] },
      { nr: 2, type: 'tilleggsinnkalling', dato: '2025-05-15' as Dato, saker: [] },
    );
    const sendt = planDocuments(mote, '/ut');
    expect(sendt.map((d) => d.mal)).toContain('tilleggsinnkalling');
    for (const plan of sendt) expect(maler.render(plan.mal, plan.data), plan.file).toContain('<html');
    const plan = makeArsplan(2025, mote.organisasjon, lastet.alleMoter, undefined, { error() {}, warning() {} } as never);
    expect(maler.render('arsplan', arsplanView(plan, mote.fraser))).toContain('Strategisk samarbeidsutvalg');
  });

  it('of the site use only fields their page data has: every page renders in Handlebars strict mode', async () => {
    const root = fullProsjekt();
    const lastet = await check(root);
    expect(lastet.lines).toEqual([]);
    const maler = compileTemplates(readTemplateFiles(), { strict: true });
    const mote = lastet.moter[0]!;
    const utkast = offentligVersjon(mote);
    // The referat approved too: the meeting's decisions and each sak's decision show then.
    const godkjent = { ...utkast, referat: { ...utkast.referat!, status: 'godkjent' as const, godkjent: { dato: '2025-06-19' as Dato } } };
    const register = saksregister([godkjent]);
    const pdfer = new Map([
      ['innkalling.pdf', 2],
      ['referat.pdf', 3],
      ['vedlegg/sak-02-25.pdf', 4],
    ]);
    const publisert = { 'innkalling.pdf': 'publisert 8. mai 2025' };
    const organisasjon = mote.organisasjon.navn;
    for (const offentlig of [utkast, godkjent]) {
      const side = {
        ...motePageData(offentlig, pdfer, publisert, organisasjon, register.lenkerFor(offentlig)),
        tidligere: [{ tekst: 'Innkalling publisert 1. mai 2025', href: 'innkalling-1.pdf' }],
        kalender: 'mote.ics',
      };
      expect(maler.render('nettsted/mote', side)).toContain('Første sak');
      for (const sak of offentlig.saker.filter((s) => s.nummer)) {
        const data = sakPageData(
          offentlig,
          sak,
          pdfer,
          publisert,
          register.nevntI(offentlig, sak),
          organisasjon,
          register.lenkerFor(offentlig),
        );
        expect(maler.render('nettsted/sak', data)).toContain('<html');
      }
    }
    const ar: Utvalgsar = {
      key: 'ssu',
      navn: mote.utvalg.navn,
      kortnavn: 'SSU',
      ar: '2025',
      moter: [utkast, godkjent],
      vedtaksliste: { href: 'ssu-2025-vedtak.pdf', sider: 2 },
    };
    const utvalg = [{ key: 'ssu', navn: mote.utvalg.navn, ar: [ar] }];
    expect(maler.render('nettsted/indeks', indeksPageData(utvalg, mote.fraser, organisasjon))).toContain(mote.utvalg.navn);
    expect(maler.render('nettsted/utvalg', utvalgPageData(utvalg[0]!, mote.fraser, organisasjon))).toContain('2025');
    expect(maler.render('nettsted/ar', arPageData(ar, mote.fraser, organisasjon))).toContain('Første sak');
    expect(maler.render('nettsted/sok', sokPageData(mote.fraser, ['nn'], organisasjon))).toContain('pagefind');
  });

  it('in strict mode a field the data does not have is an error naming it', () => {
    const root = makeProject({ 'egne/innkalling.hbs': '<html>{{mote.utvalgsnavn}}</html>' });
    const maler = compileTemplates(readTemplateFiles(join(root, 'egne')), { strict: true });
    const data = { mote: { utvalg: 'SSU' } } as never;
    expect(() => maler.render('innkalling', data)).toThrow(/"utvalgsnavn" not defined/);
  });
});

describe('an organisation that starts from a copy of the built-in templates', () => {
  it('passes every check an own template gets: files, frames, addresses, partials, helpers', async () => {
    const root = fullProsjekt();
    cpSync(BUILTIN_TEMPLATES_DIR, join(root, 'egne-maler'), { recursive: true });
    const diags = new Diagnostics();
    const filer = readTemplateFiles(join(root, 'egne-maler'), diags);
    expect([...filer.files.values()].filter((f) => f.file.startsWith(join(root, 'egne-maler'))).length).toBeGreaterThan(10);
    expect(diags.items).toEqual([]);
    expect(checkOwnTemplates(filer)).toEqual([]);
    writeFileSync(join(root, 'organisasjon.yaml'), `${ORGANISASJON}logo: logo.svg\nfarge: "#123456"\nmaler: egne-maler\n`);
    expect((await check(root)).lines).toEqual([]);
  });
});

describe('check reports the templates’ errors, as build does', () => {
  it('a maler: folder that does not exist', async () => {
    const root = makeProject({
      'organisasjon.yaml': `${ORGANISASJON}maler: egne-maler\n`,
      '2025-05-22-ssu/13-a.md': sak('tittel: A\ntype: tema\nminutter: 5'),
    });
    expect((await check(root)).lines).toEqual(['organisasjon.yaml: feil: malmappen «egne-maler» finnes ikke.']);
  });

  it('a template of the organisation with a Handlebars syntax error, at its line', async () => {
    const root = makeProject({
      'organisasjon.yaml': `${ORGANISASJON}maler: egne-maler\n`,
      '2025-05-22-ssu/13-a.md': sak('tittel: A\ntype: tema\nminutter: 5'),
      'egne-maler/saksliste.hbs': '<h1>\n{{#if mote}}\n{{mote.utvalg}}\n',
    });
    writeFileSync(join(root, 'egne-maler', 'vedlegg.hbs'), '{{#> dokument}}ok{{/dokument}}');
    expect((await check(root)).lines).toEqual([
      'egne-maler/saksliste.hbs:4:1: feil: malen har ugyldig Handlebars-syntaks: sjekk at hver {{#if}}, {{#each}} og {{#> …}} er lukket med {{/if}}, {{/each}} og {{/…}} med samme navn.',
    ]);
  });
});
