import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, makeProject, sak } from '../helpers/prosjekt.js';

// A referat's notes must land under the sak their heading is about, whatever the secretariat
// writes: a heading whose number and title disagree is refused, never filed under the number.

const M = '2025-05-22-ssu';
const TITLER = ['Budsjett 2026', 'Personalsak', 'Årsplan', 'Dialogmøter 2026', 'Handlingsplan', 'Rekruttering'];
const FM = 'til_stede: [kari, ola]\nforfall: [per]\nreferent: Marte\nstatus: utkast';

/** How a heading for sak i is written: its own title, only its number, or another sak's title. */
const skrivemate = fc.oneof(
  fc.constant({ kind: 'egen' as const }),
  fc.constant({ kind: 'nummer' as const }),
  fc.nat({ max: 5 }).map((j) => ({ kind: 'annen' as const, j })),
);

describe('the referat’s sections are bound to their saker (property)', () => {
  it('a section accepted by check holds only the notes written under a heading naming that sak', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(skrivemate, { minLength: 4, maxLength: 4 }),
        fc.array(fc.nat({ max: 3 }), { minLength: 4, maxLength: 4 }),
        async (antall, mater, rekkefolge) => {
          const titler = TITLER.slice(0, antall);
          const filer: Record<string, string> = {};
          titler.forEach((tittel, i) => {
            filer[`${M}/${13 + i}-s.md`] = sak(`tittel: ${tittel}\ntype: beslutning\nminutter: 10`);
          });
          // Sak 01.25 is the fixed one; the saker above are 02.25 … in file order.
          const nummer = (i: number) => `${String(i + 2).padStart(2, '0')}.25`;
          const order = [...new Set(rekkefolge.map((r) => r % antall)), ...titler.keys()].filter((v, i, a) => a.indexOf(v) === i);
          const skrevet = order.map((i) => {
            const mate = mater[i]!;
            const tittel = mate.kind === 'egen' ? titler[i]! : mate.kind === 'annen' ? TITLER[mate.j]! : '';
            return { i, tittel, markor: `MARKØR-${i}` };
          });
          const body = ['## Sak 01.25', '', ...skrevet.flatMap((h) => [`## Sak ${nummer(h.i)} ${h.tittel}`.trim(), '', h.markor, ''])].join(
            '\n',
          );
          filer[`${M}/referat.md`] = `---\n${FM}\n---\n\n${body}`;
          const { moter, diagnostics } = await check(makeProject(filer));
          const referat = moter[0]?.referat;
          if (!referat) return;
          const feilIReferat = diagnostics.some((d) => d.severity === 'feil' && d.file.endsWith('referat.md'));
          for (const rs of referat.saker) {
            const sakTittel = moter[0]!.saker.find((s) => s.nummer?.lopenummer === rs.nummer.lopenummer)!.tittel;
            for (const h of skrevet.filter((h) => rs.notater.includes(h.markor))) {
              // The heading the notes were under names this sak by number, and by title if it has one.
              expect(nummer(h.i)).toBe(`${String(rs.nummer.lopenummer).padStart(2, '0')}.25`);
              expect(h.tittel === '' || h.tittel === sakTittel, `«${h.tittel}» under ${sakTittel}`).toBe(true);
            }
          }
          // A heading with another sak's title is always an error.
          const feilTittel = skrevet.some((h) => h.tittel !== '' && h.tittel !== titler[h.i]);
          if (feilTittel) expect(feilIReferat).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
