import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildMeetings } from '../src/bygg.js';

const cases = resolve(import.meta.dirname, '../cases');
const M = '2025-05-22-ssu';

let prosjekt: string;
let ut: string;

async function bygg(force = false) {
  const result = await buildMeetings([join(prosjekt, M)], { out: ut, force });
  expect(result.diagnostics.filter((d) => d.severity === 'feil')).toEqual([]);
  const nye = result.dokumenter.filter((d) => !d.fraBuffer).map((d) => relative(ut, d.fil)).sort();
  return { result, nye };
}

function endre(fil: string, fra: string, til: string) {
  const sti = join(prosjekt, fil);
  const tekst = readFileSync(sti, 'utf8');
  expect(tekst).toContain(fra);
  writeFileSync(sti, tekst.replace(fra, til));
}

beforeEach(() => {
  prosjekt = mkdtempSync(join(tmpdir(), 'motedok-buffer-'));
  cpSync(cases, prosjekt, { recursive: true });
  ut = join(prosjekt, 'ut');
});

describe('the document cache', () => {
  it('a rebuild with nothing changed prints nothing and touches no file', async () => {
    const forste = await bygg();
    expect(forste.nye.length).toBeGreaterThan(10);
    const tider = new Map(forste.result.dokumenter.map((d) => [d.fil, statSync(d.fil).mtimeMs]));
    const andre = await bygg();
    expect(andre.nye).toEqual([]);
    for (const [fil, tid] of tider) expect(statSync(fil).mtimeMs, fil).toBe(tid);
  }, 120_000);

  it('editing a case paper\'s body re-prints only that case paper and saksdokumenter', async () => {
    await bygg();
    endre(`${M}/13-strategisamling.md`, 'Noen av innspillene fra samlingen er:', 'Noen av de viktigste innspillene fra samlingen er:');
    expect((await bygg()).nye).toEqual([
      `${M}/offentlig/saksdokumenter.pdf`, `${M}/offentlig/vedlegg/sak-13-25.pdf`, `${M}/saksdokumenter.pdf`, `${M}/vedlegg/sak-13-25.pdf`,
    ]);
  }, 120_000);

  it('editing a proposal also re-prints the innkalling, the referat that quotes it and the vedtaksliste', async () => {
    await bygg();
    endre(`${M}/13-strategisamling.md`, 'gjennomfører egenevaluering i forbindelse med hvert møte', 'gjennomfører egenevaluering etter hvert møte');
    const { nye } = await bygg();
    expect(nye.filter((f) => !f.includes('offentlig'))).toEqual([
      `${M}/innkalling.pdf`, `${M}/referat.pdf`, `${M}/saksdokumenter.pdf`, `${M}/vedlegg/sak-13-25.pdf`, 'ssu-2025-vedtak.pdf',
    ]);
  }, 120_000);

  it('replacing an image file (here the logo) under the same name re-prints the documents that show it', async () => {
    await bygg();
    endre('logo.svg', '#3aa6a0', '#c0392b');
    const { nye } = await bygg();
    expect(nye).toEqual(expect.arrayContaining([`${M}/innkalling.pdf`, `${M}/saksliste.pdf`, `${M}/vedlegg/sak-13-25.pdf`, `${M}/saksdokumenter.pdf`, 'ssu-2025-vedtak.pdf']));
  }, 120_000);

  it('a template change re-prints everything', async () => {
    const forste = await bygg();
    const css = join(prosjekt, 'egne-maler', 'print.css');
    cpSync(resolve(import.meta.dirname, '../templates/print.css'), css, { recursive: true });
    writeFileSync(css, `${readFileSync(css, 'utf8')}\nh1 { letter-spacing: 0.01em; }\n`);
    writeFileSync(join(prosjekt, 'organisasjon.yaml'), `${readFileSync(join(prosjekt, 'organisasjon.yaml'), 'utf8')}maler: egne-maler\n`);
    expect((await bygg()).nye.length).toBe(forste.nye.length);
  }, 120_000);

  it('a damaged cache entry is thrown away and the document printed again, with the same bytes', async () => {
    const forste = await bygg();
    const innkalling = readFileSync(join(ut, M, 'innkalling.pdf'));
    const buffer = join(ut, '.hurtigbuffer');
    for (const fil of readdirSync(buffer).filter((f) => f.endsWith('.pdf'))) writeFileSync(join(buffer, fil), 'ødelagt');
    const { nye } = await bygg();
    expect(nye).toEqual(forste.nye);
    expect(readFileSync(join(ut, M, 'innkalling.pdf')).equals(innkalling)).toBe(true);
    // --force prints everything again, also what an identical document in the same run could have shared.
    expect((await bygg(true)).nye).toEqual(expect.arrayContaining(forste.nye));
  }, 120_000);
});
