import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUncoveredChars, fontCoverage } from '../../src/pipeline/load/fonts.js';
import { BUILTIN_TEMPLATES_DIR, FONT_DIR } from '../../src/util/package.js';
import { filerUnder } from '../helpers/filer.js';

/** The code points @fontsource says its Latin and Latin Extended files are for (`unicode-range` in 400.css). */
function unicodeRanges(): [number, number][] {
  const css = readFileSync(join(dirname(FONT_DIR), '400.css'), 'utf8');
  return [...css.matchAll(/source-sans-3-(latin|latin-ext)-400-normal \*\/[^}]*unicode-range: ([^;]+);/g)].flatMap(([, , ranges]) =>
    ranges!.split(',').map((range) => {
      const [fra, til] = range.trim().replace('U+', '').split('-');
      return [parseInt(fra!, 16), parseInt(til ?? fra!, 16)] as [number, number];
    }),
  );
}

describe('the characters the bundled fonts have, read from their character maps', () => {
  it('are Norwegian, Sami and the common punctuation, not emoji or arrows; all within the subsets @fontsource declares for the files', () => {
    const dekning = fontCoverage();
    for (const tegn of 'aæøåÆØÅ čđŋšŧžČĐŊŠŦŽ áéü –—«»’“”…•€§½°×') expect(dekning.has(tegn.codePointAt(0)!), tegn).toBe(true);
    for (const tegn of ['😀', '→', '≤', '✓', 'Ж']) expect(dekning.has(tegn.codePointAt(0)!), tegn).toBe(false);
    const ranges = unicodeRanges();
    expect(ranges.length).toBeGreaterThan(10);
    // Combining accents (U+0300–036F) are in the files too, for the letters composed with them.
    const utenfor = [...dekning].filter(
      (c) => c > 0x7f && !(c >= 0x300 && c <= 0x36f) && !ranges.some(([fra, til]) => c >= fra && c <= til),
    );
    expect(utenfor.map((c) => c.toString(16))).toEqual([]);
  });

  it("cover every character of motedok's own templates and fixed texts", () => {
    const filer = filerUnder(BUILTIN_TEMPLATES_DIR).filter((f) => /\.(hbs|yaml)$/.test(f));
    expect(filer.length).toBeGreaterThan(5);
    for (const fil of filer) expect(findUncoveredChars(readFileSync(fil, 'utf8')), fil).toEqual([]);
  });
});

describe('characters a text uses that the fonts lack', () => {
  it('are found as the reader sees them (one emoji with its skin tone), once per file with a count, not in comments', () => {
    expect(findUncoveredChars('Hei 👍🏽 og 👍🏽\n<!-- 🙈 -->\nPil → og ÆØÅ')).toEqual([
      { tegn: '👍🏽', line: 1, column: 5, ganger: 2 },
      { tegn: '→', line: 3, column: 5, ganger: 1 },
    ]);
  });

  it('spaces and invisible characters are not asked of a font', () => {
    expect(findUncoveredChars('1\u202f000\u200b og\u2060 e\u0301')).toEqual([]);
  });
});
