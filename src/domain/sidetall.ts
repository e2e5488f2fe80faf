/**
 * The bands an external attachment's page is fitted between, so the running header and the page
 * number stamped on it (pipeline/assemble/sidetall.ts) never cover the attachment's own text:
 * its content is scaled down to leave them free. In points; 14 mm each.
 */
export const VEDLEGG_BAND = { topp: 39.685, bunn: 39.685 } as const;

/** What the overlay prints on one page of a document (pipeline/render/sidetall.ts). */
export interface OverlayPage {
  /** The page's visible width and height, in points. */
  bredde: number;
  hoyde: number;
  /** The running header (the @top-* margin boxes), in the attachment band. */
  topp: boolean;
  /** The page number (the @bottom-* margin boxes). */
  bunn: boolean;
}
