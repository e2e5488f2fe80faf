import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { findMotemapper } from '../../src/pipeline/load/project.js';
import { jsonSchemaFiles, type SchemaFile } from '../../src/pipeline/model/json-schema.js';
import { arsplanSchema, moteSchema, organisasjonSchema, referatSchema, sakSchema } from '../../src/pipeline/model/schema.js';
import { EKSEMPEL } from '../helpers/prosjekt.js';

const repo = resolve(import.meta.dirname, '..', '..');
const cases = EKSEMPEL;
const ajv = new Ajv2020({ allErrors: true, strict: false });
const skjema = (fil: SchemaFile) => ajv.compile(JSON.parse(readFileSync(join(repo, 'schemas', fil), 'utf8')));

/** The YAML as an editor's language server reads it: plain YAML 1.2, numbers as numbers. */
const yaml = (fil: string) => YAML.parse(readFileSync(fil, 'utf8')) as unknown;
const frontmatter = (fil: string) => YAML.parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(fil, 'utf8'))![1]!) as unknown;

const moter = findMotemapper(cases);
const saker = moter.flatMap((m) =>
  readdirSync(m)
    .filter((n) => n.endsWith('.md') && n !== 'referat.md')
    .map((n) => join(m, n)),
);
const referater = moter.flatMap((m) =>
  readdirSync(m)
    .filter((n) => n === 'referat.md')
    .map((n) => join(m, n)),
);

describe('JSON Schemas for editors', () => {
  it('schemas/ holds exactly what the zod schemas give (run «npm run skjemaer» after changing them)', () => {
    const filer = jsonSchemaFiles();
    expect(readdirSync(join(repo, 'schemas')).sort()).toEqual(filer.map(([fil]) => fil).sort());
    for (const [fil, innhold] of filer) expect(readFileSync(join(repo, 'schemas', fil), 'utf8'), fil).toBe(innhold);
  });

  it('describe every field in Norwegian', () => {
    const mote = JSON.parse(readFileSync(join(repo, 'schemas', 'mote.schema.json'), 'utf8'));
    expect(mote.title).toBe('mote.yaml');
    expect(mote.properties.sted.description).toBe('Møtested, for eksempel «Fylkeshuset Lillehammer, Kirkegata 76» eller «Teams»');
    expect(mote.additionalProperties).toBe(false);
    const beskrivelser = (s: unknown): string[] =>
      s && typeof s === 'object'
        ? Object.entries(s).flatMap(([k, v]) =>
            (k === 'properties'
              ? Object.entries(v as object)
                  .map(([navn, f]) => ((f as { description?: string }).description ? '' : navn))
                  .filter(Boolean)
              : []
            ).concat(beskrivelser(v)),
          )
        : [];
    for (const [fil] of jsonSchemaFiles())
      expect(beskrivelser(JSON.parse(readFileSync(join(repo, 'schemas', fil), 'utf8'))), `felt uten beskrivelse i ${fil}`).toEqual([]);
  });

  it('accept every example file in cases/', () => {
    expect(moter.length).toBeGreaterThanOrEqual(3);
    expect(saker.length).toBeGreaterThanOrEqual(15);
    expect(referater.length).toBeGreaterThanOrEqual(2);
    const sjekk = (fil: SchemaFile, filer: string[], les: (f: string) => unknown) => {
      const valider = skjema(fil);
      for (const f of filer) expect(valider(les(f)) ? [] : valider.errors, f).toEqual([]);
    };
    sjekk('organisasjon.schema.json', [join(cases, 'organisasjon.yaml')], yaml);
    sjekk(
      'mote.schema.json',
      moter.map((m) => join(m, 'mote.yaml')),
      yaml,
    );
    sjekk('sak.schema.json', saker, frontmatter);
    sjekk('referat.schema.json', referater, frontmatter);
    sjekk('arsplan.schema.json', [join(cases, 'arsplan-2026.yaml')], yaml);
    expect(readFileSync(join(cases, 'arsplan-2026.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/schemas\/arsplan\.schema\.json\n/,
    );
  });

  it('the example YAML files name their schema for the yaml-language-server', () => {
    expect(readFileSync(join(cases, 'organisasjon.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/schemas\/organisasjon\.schema\.json\n/,
    );
    for (const m of moter)
      expect(readFileSync(join(m, 'mote.yaml'), 'utf8')).toMatch(
        /^# yaml-language-server: \$schema=\.\.\/\.\.\/schemas\/mote\.schema\.json\n/,
      );
  });

  it('reject what motedok rejects: unknown or misspelt fields, wrong types, missing fields', () => {
    const feil: [
      SchemaFile,
      typeof sakSchema | typeof moteSchema | typeof organisasjonSchema | typeof referatSchema | typeof arsplanSchema,
      unknown,
    ][] = [
      ['sak.schema.json', sakSchema, { titel: 'Skrivefeil', type: 'beslutning', minutter: 30 }],
      ['sak.schema.json', sakSchema, { tittel: 'Ukjent type', type: 'vedtak', minutter: 30 }],
      ['sak.schema.json', sakSchema, { tittel: 'Minutter som tekst', type: 'tema', minutter: 'tretti' }],
      ['sak.schema.json', sakSchema, { tittel: 'Vedlegg uten tittel', type: 'tema', minutter: 5, vedlegg: [{ fil: 'vedlegg/a.pdf' }] }],
      ['mote.schema.json', moteSchema, { utvalg: 'ssu', dato: '2025-05-22', start: '09:00', slutt: '14:00' }],
      ['mote.schema.json', moteSchema, { utvalg: 'SSU', dato: '2025-05-22', start: '09:00', slutt: '14:00', sted: 'Hamar' }],
      [
        'mote.schema.json',
        moteSchema,
        { utvalg: 'ssu', dato: '2025-05-22', start: '09:00', slutt: '14:00', sted: 'Hamar', pauser: [{ etter: '13', minutter: 0 }] },
      ],
      [
        'organisasjon.schema.json',
        organisasjonSchema,
        { navn: 'X', utvalg: { ssu: { navn: 'SSU', kortnavn: 'SSU', medlemmer: [{ id: 'Kari Nordmann', navn: 'Kari' }] } } },
      ],
      ['organisasjon.schema.json', organisasjonSchema, { navn: 'X', farge: 'blå', utvalg: {} }],
      ['referat.schema.json', referatSchema, { til_stede: [], referent: 'Marte', status: 'utkast' }],
      ['referat.schema.json', referatSchema, { til_stede: ['kari'], referent: 'Marte', status: 'ferdig' }],
      ['referat.schema.json', referatSchema, { til_stede: [{ id: 'ola', fra: '14.25' }], referent: 'Marte', status: 'utkast' }],
      ['referat.schema.json', referatSchema, { til_stede: [{ fra_sak: '14.25' }], referent: 'Marte', status: 'utkast' }],
      ['referat.schema.json', referatSchema, { til_stede: ['kari'], forfall: [{ id: 'ola' }], referent: 'Marte', status: 'utkast' }],
      ['arsplan.schema.json', arsplanSchema, { moter: [{ utvalg: 'ssu', dato: '2026-02-12', temaer: ['Skrivefeil'] }] }],
    ];
    for (const [fil, zod, data] of feil) {
      expect(skjema(fil)(data), JSON.stringify(data)).toBe(false);
      expect(zod.safeParse(data).success, JSON.stringify(data)).toBe(false);
    }
    // And what motedok accepts although YAML calls it a number: clock times like 09.00, sak numbers like 13.25.
    expect(skjema('mote.schema.json')({ utvalg: 'ssu', dato: '2025-05-22', start: 9.3, slutt: 1400, sted: 'Hamar' })).toBe(true);
    expect(skjema('sak.schema.json')({ tittel: 'T', type: 'tema', minutter: 5, saksnummer: 13.25 })).toBe(true);
    expect(
      skjema('referat.schema.json')({
        til_stede: ['kari', { id: 'ola', fra_sak: 14.25, til_sak: '15.25' }],
        referent: 'M',
        status: 'utkast',
      }),
    ).toBe(true);
  });
});
