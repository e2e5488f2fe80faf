/** The sak types in agenda order: Beslutningssaker, Temasaker, Referatsaker, and Eventuelt last. */
export const SAKTYPER = ['beslutning', 'tema', 'referat', 'eventuelt'] as const;

export type SakType = (typeof SAKTYPER)[number];

/** Where saker of `type` stand in the saksliste: a lower rank comes first. */
export function rankInSaksliste(type: SakType): number {
  return SAKTYPER.indexOf(type);
}

/** File-name order is agenda order; `9-x` comes before `10-x`, and æøå sort the Norwegian way. */
export const fileOrder = new Intl.Collator('nb', { numeric: true, sensitivity: 'variant' });
