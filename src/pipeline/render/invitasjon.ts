import type { EpostAdresse, Mote } from '../../domain/types.js';
import type { NesteInvitasjon } from '../model/invitasjon.js';
import { offentligVersjon } from '../model/offentlig.js';
import { buildCalendar, moteEvent } from './kalender.js';

/**
 * The meeting as an invitation by e-mail (iTIP, RFC 5546): METHOD:REQUEST, or METHOD:CANCEL for
 * a cancelled meeting, with the same UID as mote.ics. The agenda in it is the public one: a
 * calendar entry is often seen by others than the member (a deputy, an assistant, a shared
 * calendar), so an exempt sak shows its public title there.
 */
export function renderInvitasjon(
  mote: Mote,
  neste: NesteInvitasjon,
  laget: string,
  arrangor: EpostAdresse,
  deltakere: readonly EpostAdresse[],
): string {
  const hendelse = {
    ...moteEvent(offentligVersjon(mote)),
    invitasjon: { sekvens: neste.sekvens, laget, arrangor, deltakere, avlyst: neste.metode === 'CANCEL' },
  };
  return buildCalendar([hendelse], neste.metode);
}
