import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMoter } from '../../src/build/load.js';
import type { Mote } from '../../src/domain/types.js';
import { klokkeslett, saksnummer } from '../../src/pipeline/model/tid.js';
import { EKSEMPEL } from '../helpers/prosjekt.js';

const cases = EKSEMPEL;

/** The agenda as heading / number / title / minutes rows, the way the seed's saksliste reads. */
function rows(mote: Mote): string[] {
  const out: string[] = [];
  for (const gruppe of mote.saksliste.grupper) {
    if (gruppe.overskrift) out.push(`# ${gruppe.overskrift}`);
    for (const p of gruppe.punkter) {
      out.push(
        p.kind === 'sak' ? `Sak ${saksnummer(p.sak.nummer!)} ${p.sak.tittel} (${p.sak.minutter} min)` : `${p.tittel} (${p.minutter} min)`,
      );
    }
  }
  out.push('# Eventuelt');
  return out;
}

describe('the example meetings in cases/', () => {
  it('check is clean', async () => {
    const result = await loadMoter([cases]);
    expect(result.diagnostics).toEqual([]);
    expect(result.moter.map((m) => m.mappe)).toEqual(['2025-05-22-ssu', '2025-09-18-ssu', '2025-11-13-ssu']);
  });

  it("22 May 2025: the planned agenda has the seed innkalling's numbers, order, minutes and headings", async () => {
    const [mote] = (await loadMoter([resolve(cases, '2025-05-22-ssu')])).moter;
    // seeds/004: Sak 11.25 … 18.25; fixed saker first, then Beslutnings-, Tema-, Referatsaker, Eventuelt.
    expect(rows(mote!)).toEqual([
      'Sak 11.25 Godkjenning av innkalling og saksliste (2 min)',
      'Sak 12.25 Godkjenning av referat fra SSU-møtet 20.02.25 (3 min)',
      '# Beslutningssaker',
      'Sak 13.25 Strategisamling SSU 11.–12. mars 2025 – oppfølging (60 min)',
      'Sak 14.25 Videreføre gode pasientforløp og etablere faglig samarbeidsutvalg (60 min)',
      'Pause og lunsj (30 min)',
      '# Temasaker',
      'Sak 15.25 Beregning av gevinst og evt. fordeling (30 min)',
      'Sak 16.25 Rekrutterings- og samhandlingsmidler 2025 (75 min)',
      'Sak 17.25 Strategiske prosesser hos partnerne (30 min)',
      '# Referatsaker',
      'Sak 18.25 Handlingsdelen 2024–2025 – status (5 min)',
      '# Eventuelt',
    ]);
  });

  it('22 May 2025: clock times run from 09.00 and the agenda fills the meeting to 14.00', async () => {
    const [mote] = (await loadMoter([resolve(cases, '2025-05-22-ssu')])).moter;
    const times = mote!.saksliste.grupper.flatMap((g) => g.punkter.map((p) => `${klokkeslett(p.start)}–${klokkeslett(p.slutt)}`));
    expect(times).toEqual([
      '09.00–09.02',
      '09.02–09.05',
      '09.05–10.05',
      '10.05–11.05',
      '11.05–11.35',
      '11.35–12.05',
      '12.05–13.20',
      '13.20–13.50',
      '13.50–13.55',
    ]);
    expect(klokkeslett(mote!.saksliste.eventuelt.start)).toBe('13.55');
    expect(mote!.saksliste.overtid).toBe(0);
  });

  it('22 May 2025: proposed decisions and the attachment list for the innkalling', async () => {
    const [mote] = (await loadMoter([resolve(cases, '2025-05-22-ssu')])).moter;
    const sak14 = mote!.saker.find((s) => s.nummer?.lopenummer === 14)!;
    expect(sak14.forslagTilVedtak!.markdown).toMatch(
      /^1\. Strategisk samarbeidsutvalg \(SSU\) beslutter[\s\S]*\n {3}d\) Mandat for Strategisk samarbeidsutvalg\n2\.[\s\S]*\n4\. Strategisk samarbeidsutvalg ber sekretariatet sikre/,
    );
    expect(mote!.saker[0]!.forslagTilVedtak!.markdown).toBe('Innkalling og saksliste godkjennes.');
    expect(mote!.vedlegg.map((v) => `${saksnummer(v.sak.nummer!)} ${v.vedlegg.tittel}`)).toEqual([
      '13.25 Oppsummering fra strategisamling 11.–12. mars 2025 («kjernemappe»)',
      '14.25 Rapport prosjekt videreføre gode pasientforløp og utredning av fagutvalg',
      '14.25 Forslag til mandater for programområder, faglig samarbeidsutvalg gode pasientforløp og arbeidsutvalg og nye satsningsområder',
      '14.25 Forslag til prinsipper for samhandlingsarenaer',
      '14.25 Forslag til mandater for strategiske satsninger 2025',
      '15.25 Sammendrag fra mini-metodevurdering for digital sårbehandling med videokamera',
      '17.25 Debatthefte KS 2025',
      '18.25 Handlingsdel Helsefellesskap Innlandet 2024–2025 – status',
    ]);
    expect(mote!.vedlegg[1]!.vedlegg.file).toMatch(/vedlegg\/Rapport gode pasientforløp\.pdf$/);
  });

  it("numbering continues across the year: 18 Sep starts at 19.25, 13 Nov at 27.25 (the seeds' 22/25, 24.25 and 29/25)", async () => {
    const { moter } = await loadMoter([cases]);
    const numbers = (m: Mote) => m.saker.filter((s) => s.nummer).map((s) => `${saksnummer(s.nummer!)} ${s.tittel}`);
    const sep = numbers(moter[1]!);
    const nov = numbers(moter[2]!);
    expect(sep[0]).toBe('19.25 Godkjenning av innkalling og saksliste');
    expect(sep[1]).toBe('20.25 Godkjenning av referat fra SSU-møtet 22.05.25');
    expect(sep).toContain('22.25 Rekrutterings- og samhandlingsmidler 2025');
    expect(sep).toContain('24.25 Strategiplan 2022–2026 med rullering av handlingsdel 2025–2026');
    expect(nov.slice(0, 3)).toEqual([
      '27.25 Godkjenning av innkalling og saksliste',
      '28.25 Godkjenning av referat fra SSU-møtet 18.09.25',
      '29.25 Årsplan Helsefellesskap Innlandet 2026',
    ]);
  });

  it("the fixed referat sak lists the previous meeting's referat among the attachments", async () => {
    const { moter } = await loadMoter([cases]);
    const forste = (m: Mote) => m.vedlegg.map((v) => `${saksnummer(v.sak.nummer!)} ${v.vedlegg.tittel}`)[0];
    expect(forste(moter[1]!)).toBe('20.25 Referat fra SSU-møtet 22.05.25');
    expect(forste(moter[2]!)).toBe('28.25 Referat fra SSU-møtet 18.09.25');
    // 22 May: the February meeting is not in cases/, so there is no referat to attach.
    expect(forste(moter[0]!)).toBe('13.25 Oppsummering fra strategisamling 11.–12. mars 2025 («kjernemappe»)');
  });

  it('a referat sak without a proposal is taken "til orientering"; alternatives are recognised', async () => {
    const { moter } = await loadMoter([cases]);
    const sak26 = moter[1]!.saker.find((s) => s.nummer?.lopenummer === 26)!;
    expect(sak26.forslagTilVedtak).toMatchObject({ markdown: 'Strategisk samarbeidsutvalg tar saken til orientering.', generert: true });
    const sak22 = moter[1]!.saker.find((s) => s.nummer?.lopenummer === 22)!;
    expect(sak22.forslagTilVedtak!.alternativer).toEqual(['Alt. 1', 'Alt. 2', 'Alt. 3']);
    expect(sak22.harSaksfremlegg).toBe(true);
    const sak14 = moter[0]!.saker.find((s) => s.nummer?.lopenummer === 14)!;
    expect(sak14.harSaksfremlegg).toBe(false);
  });

  it('the 22 May referat is read against the agenda', async () => {
    const [mote] = (await loadMoter([resolve(cases, '2025-05-22-ssu')])).moter;
    const referat = mote!.referat!;
    expect(referat.status).toBe('godkjent');
    expect(referat.tilStede.map((d) => d.navn)).toContain('Kari Nordmann');
    expect(referat.forfall.map((d) => d.medlem?.id)).toEqual(['anne-lie']);
    expect(referat.saker.map((s) => saksnummer(s.nummer))).toEqual([
      '11.25',
      '12.25',
      '13.25',
      '14.25',
      '15.25',
      '16.25',
      '17.25',
      '18.25',
    ]);
    expect(referat.saker.find((s) => s.nummer.lopenummer === 14)!.vedtak).toBeDefined();
    expect(referat.saker.find((s) => s.nummer.lopenummer === 13)!.vedtak).toBeUndefined();
  });
});
