/**
 * The address a case paper gives a reference to another sak of its meeting. It leads nowhere:
 * render/referanser.ts writes it, and assemble/referanselenker.ts makes the reference text again
 * in the case paper alone, and a link to the sak's page in saksdokumenter.pdf. `.invalid` is
 * reserved (RFC 2606): no such machine exists.
 */
export const ANNEN_DEL_URL = 'https://motedok.invalid/sak/';
