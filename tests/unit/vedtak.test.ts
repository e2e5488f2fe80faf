import { describe, expect, it } from 'vitest';
import { overskrifter } from '../../src/pipeline/model/seksjoner.js';
import { findForslagTilVedtak, forslagFromSection } from '../../src/pipeline/model/vedtak.js';
import { markdownToHtml } from '../../src/pipeline/render/markdown.js';

function forslag(markdown: string) {
  const section = findForslagTilVedtak(markdown, overskrifter(markdown))[0]!;
  return forslagFromSection('sak.md', section)!;
}

describe('Forslag til vedtak', () => {
  it('is the section under its heading, up to the next heading at its level, as the author wrote it', () => {
    const f = forslag(
      `## Vurdering\n\nTekst.\n\n## Forslag til vedtak\n\n1. SSU beslutter mandater for\n   a) programstyrene\n   b) faglig samarbeidsutvalg,\n      med innspill fra møtet\n2. SSU ber sekretariatet følge opp.\n\n## Vedlegg\n\nIkke med.\n`,
    );
    expect(f.markdown).toBe(
      '1. SSU beslutter mandater for\n   a) programstyrene\n   b) faglig samarbeidsutvalg,\n      med innspill fra møtet\n2. SSU ber sekretariatet følge opp.',
    );
    expect(f.source.position).toEqual({ line: 5, column: 1 });
    expect(markdownToHtml(f.markdown)).toBe(
      '<ol>\n<li>SSU beslutter mandater for\n<ol type="a">\n<li>programstyrene</li>\n<li>faglig samarbeidsutvalg,\nmed innspill fra møtet</li>\n</ol>\n</li>\n<li>SSU ber sekretariatet følge opp.</li>\n</ol>',
    );
  });

  it('accepts "Forslag til vedtak:" at any heading level and finds the alternatives (seed 001\'s a. Alt. 1: form)', () => {
    const f = forslag(
      `### Forslag til vedtak:\n\nSSU etablerer et fond på\na. Alt. 1: kr 750.000,-\nb. Alt. 2: kr. 500.000,-\nc. Alt. 3: ikke etablere\n`,
    );
    expect(f.alternativer).toEqual(['Alt. 1', 'Alt. 2', 'Alt. 3']);
    expect(markdownToHtml(f.markdown)).toBe(
      // An amount is kept on one line: a no-break space after «kr» (render/typografi.ts).
      '<p>SSU etablerer et fond på</p>\n<ol type="a">\n<li>Alt. 1: kr\u00a0750.000,-</li>\n<li>Alt. 2: kr.\u00a0500.000,-</li>\n<li>Alt. 3: ikke etablere</li>\n</ol>',
    );
  });

  it('takes "i." under "a)" as the third level (seed 001), numbered in roman, and goes on with the letters after it', () => {
    const f = forslag(
      `## Forslag til vedtak\n\n1. SSU ber sekretariatet sikre at:\n   a) modellen legges frem\n   i. tydeliggjøre konsekvenser\n   b) rutiner legges frem\n`,
    );
    expect(markdownToHtml(f.markdown)).toContain(
      '<li>modellen legges frem\n<ol type="i">\n<li>tydeliggjøre konsekvenser</li>\n</ol>\n</li>\n<li>rutiner legges frem</li>',
    );
  });

  it('a heading inside an HTML comment is not a Forslag til vedtak', () => {
    const text = `<!--\n## Forslag til vedtak\n\nGammelt forslag.\n-->\n\n## Forslag til vedtak\n\nNytt forslag.\n`;
    expect(forslag(text).markdown).toBe('Nytt forslag.');
  });
});
