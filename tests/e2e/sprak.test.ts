import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { buildMoter } from '../../src/build/build.js';
import { loadMoter } from '../../src/build/load.js';
import type { BuildResult } from '../../src/domain/documents.js';
import { forsteUtenforRekkefolge, pdfStruktur, pdfTekst } from '../helpers/pdftekst.js';
import { makeProject, sak } from '../helpers/prosjekt.js';

const repo = resolve(import.meta.dirname, '..', '..');
const sprakmappe = join(repo, 'templates', 'sprak');
const fraser = (s: string) => YAML.parse(readFileSync(join(sprakmappe, `${s}.yaml`), 'utf8')) as Record<string, unknown>;

/** `innkalling.tittel` for every text; lists (the weekdays) as one key with their length. */
function nokler(o: unknown, prefiks = ''): string[] {
  if (Array.isArray(o)) return [`${prefiks}[${o.length}]`];
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => nokler(v, prefiks ? `${prefiks}.${k}` : k));
  return [prefiks];
}

describe('phrase files', () => {
  it('nb.yaml and nn.yaml have the same keys', () => {
    expect(nokler(fraser('nn')).sort()).toEqual(nokler(fraser('nb')).sort());
  });

  it('every text the templates and the code ask for exists', () => {
    const nb = new Set(nokler(fraser('nb')));
    const filer = (mappe: string, slutt: string): string[] =>
      readdirSync(mappe, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? filer(join(mappe, e.name), slutt) : e.name.endsWith(slutt) ? [join(mappe, e.name)] : [],
      );
    const brukt = [
      ...filer(join(repo, 'templates'), '.hbs').flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\{\{t "([^"]+)"/g)].map((m) => m[1]!)),
      ...filer(join(repo, 'src'), '.ts').flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/frase\([^,]+, '([^']+)'/g)].map((m) => m[1]!),
      ),
      ...['beslutning', 'tema', 'referat'].map((t) => `overskrifter.${t}`),
    ];
    expect(brukt.length).toBeGreaterThan(50);
    expect(brukt.filter((n) => !nb.has(n))).toEqual([]);
  });
});

const ORG = `navn: Helsefellesskap Test
utvalg:
  ssu:
    navn: Strategisk samarbeidsutval
    kortnavn: SSU
    medlemmer:
      - { id: kari, navn: Kari Nordmann, rolle: leiar, representerer: Sjukehuset }
      - { id: ola, navn: Ola Hansen, rolle: nestleiar, representerer: Hamar }
      - { id: per, navn: Per Solberg, rolle: medlem, representerer: Gjøvik }
`;
const M = '2025-05-20-ssu';
const MOTE = (sprak: string) => `utvalg: ssu\ndato: 2025-05-20\nstart: "09:00"\nslutt: "12:00"\nsted: Valdres\n${sprak}`;
const REFERAT = `---
til_stede: [kari, ola]
forfall: [per]
referent: Marte
status: utkast
---

## Sak 01.25 Godkjenning

## Sak 02.25 Budsjett

### Votering

2 for, 0 mot

## Sak 03.25 Status

## Eventuelt
`;

describe('sprak: nn', () => {
  let rot: string;
  let ut: string;
  let resultat: BuildResult;
  beforeAll(async () => {
    rot = makeProject(
      {
        'organisasjon.yaml': ORG,
        [`${M}/mote.yaml`]: MOTE('sprak: nn\n'),
        [`${M}/10-budsjett.md`]: sak('tittel: Budsjett\ntype: beslutning\nminutter: 30'),
        [`${M}/20-status.md`]: sak('tittel: Status\ntype: referat\nminutter: 5', '## Bakgrunn\n\nOrientering.\n'),
        [`${M}/referat.md`]: REFERAT,
      },
      false,
    );
    ut = mkdtempSync(join(tmpdir(), 'motedok-nn-'));
    resultat = await buildMoter([rot], { cwd: rot, out: ut, html: true });
  }, 60_000);

  it('writes the innkalling in Nynorsk: headings, weekday, fixed saker and generated proposals', () => {
    expect(resultat.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
    const tekst = pdfTekst(join(ut, M, 'innkalling.pdf'), '-raw');
    expect(
      forsteUtenforRekkefolge(tekst, [
        'Innkalling til møte i Strategisk samarbeidsutval',
        'Dato',
        'Tysdag 20. mai 2025',
        'Stad',
        'Valdres',
        'Sakliste',
        'Godkjenning av innkalling og sakliste',
        'Vedtakssaker',
        'Budsjett',
        'Referatsaker',
        'Status',
        'Eventuelt',
        'Saksgrunnlag',
        'Innkalling og sakliste vert godkjende.',
        'Forslag til vedtak',
        'Strategisk samarbeidsutval tek saka til orientering.',
      ]),
    ).toBeUndefined();
    expect(tekst).not.toMatch(/Saksliste|Beslutningssaker|Sted|tar saken/);
  });

  it('writes the referat in Nynorsk', () => {
    const tekst = pdfTekst(join(ut, M, 'referat.pdf'), '-raw');
    expect(
      forsteUtenforRekkefolge(tekst, [
        'Referat frå møte i Strategisk samarbeidsutval',
        'Utkast – ikkje godkjent.',
        'Til stades',
        'Av dei 3 medlemmene i utvalet møtte 2.',
        'Namn',
        'Forfall',
        'Referent',
        'Vedtak (som føreslått)',
        'Vedteke med 2 mot 0 røyster.',
      ]),
    ).toBeUndefined();
    expect(tekst).not.toMatch(/Referat fra|Til stede|Vedtatt/);
  });

  it('marks the language as Nynorsk in the HTML and in the PDF', async () => {
    expect(readFileSync(join(ut, M, 'innkalling.html'), 'utf8')).toMatch(/^<!doctype html>\n<html lang="nn">/);
    expect((await pdfStruktur(join(ut, M, 'innkalling.pdf'))).lang).toBe('nn-NO');
    expect((await pdfStruktur(join(ut, M, 'saksdokumenter.pdf'))).lang).toBe('nn-NO');
  });

  it('takes sprak from organisasjon.yaml, and mote.yaml wins over it', async () => {
    const prosjekt = (mote: string) =>
      makeProject(
        {
          'organisasjon.yaml': `${ORG}sprak: nn\n`,
          [`${M}/mote.yaml`]: MOTE(mote),
          [`${M}/10-a.md`]: sak('tittel: A\ntype: beslutning\nminutter: 30'),
        },
        false,
      );
    const fra = async (rot: string) => (await loadMoter([rot], { cwd: rot })).moter[0]!;
    expect((await fra(prosjekt(''))).saker[0]!.tittel).toBe('Godkjenning av innkalling og sakliste');
    expect((await fra(prosjekt('sprak: nb\n'))).saker[0]!.tittel).toBe('Godkjenning av innkalling og saksliste');
  });

  it('refuses a language that is not nb or nn, positioned', async () => {
    const rot = makeProject(
      {
        'organisasjon.yaml': ORG,
        [`${M}/mote.yaml`]: MOTE('sprak: nynorsk\n'),
        [`${M}/10-a.md`]: sak('tittel: A\ntype: beslutning\nminutter: 30'),
      },
      false,
    );
    const { diagnostics } = await loadMoter([rot], { cwd: rot });
    expect(diagnostics.map((d) => `${d.position?.line}:${d.position?.column}: ${d.message}`)).toContain(
      '6:8: «sprak» er «nynorsk», men må være én av: nb og nn.',
    );
  });
});
