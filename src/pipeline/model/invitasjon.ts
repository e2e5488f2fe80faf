import type { JournalInvitasjon, JournalMotetid } from '../../domain/journal.js';
import type { Mote } from '../../domain/types.js';
import { klokkeslett } from './tid.js';

/** What the next invitation of a meeting is: a request (new, or with a changed time or place) or a cancellation. */
export interface NesteInvitasjon {
  metode: 'REQUEST' | 'CANCEL';
  sekvens: number;
  /** What the sequence is computed from: the meeting as mote.yaml has it now. */
  mote: JournalMotetid;
  /** The invitation sent before, when this one changes or cancels it. */
  forrige?: JournalInvitasjon;
  /** True when the members' calendars hold something else than this: a change or cancellation to send even without new saker. */
  endrer: boolean;
}

/** The meeting's time and place in the journal's words, clock times as the documents print them (`09.30`). */
export function motetid(mote: Mote): JournalMotetid {
  return { dato: mote.dato, start: klokkeslett(mote.start), slutt: klokkeslett(mote.slutt), sted: mote.sted };
}

const sammeTid = (a: JournalMotetid, b: JournalMotetid) =>
  a.dato === b.dato && a.start === b.start && a.slutt === b.slutt && a.sted === b.sted;

/**
 * The next invitation (RFC 5546 § 2.1.4): the first has sequence 0; a changed date, time or place
 * raises it by one, and so does a cancellation, or a meeting called again after one. Sent again
 * unchanged (with a tilleggsinnkalling) it keeps its sequence. Undefined when the meeting is
 * cancelled and nothing was sent (`sendt`) to cancel, or the cancellation has gone out already.
 */
export function nesteInvitasjon(tidligere: readonly JournalInvitasjon[], mote: Mote, sendt: boolean): NesteInvitasjon | undefined {
  const naa = motetid(mote);
  const forrige = tidligere.at(-1);
  if (mote.avlyst) {
    // Sent without an invitation (no secretariat address then): members may have imported mote.ics, of sequence 0.
    if (!sendt || forrige?.metode === 'CANCEL') return undefined;
    return { metode: 'CANCEL', sekvens: (forrige?.sekvens ?? 0) + 1, mote: naa, forrige, endrer: true };
  }
  if (!forrige) return { metode: 'REQUEST', sekvens: 0, mote: naa, endrer: false };
  const endrer = forrige.metode === 'CANCEL' || !sammeTid(forrige.mote, naa);
  return { metode: 'REQUEST', sekvens: forrige.sekvens + (endrer ? 1 : 0), mote: naa, forrige, endrer };
}
