import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { EpostAdresse } from '../../domain/types.js';

/** An e-mail draft, everything in it decided: the same draft gives the same bytes. */
export interface Epostutkast {
  /** Unique and stable for what the e-mail is (`2026-02-12-ssu.innkalling.0`); gives the Message-ID and the MIME boundaries. */
  id: string;
  /** The domain part of the Message-ID. */
  domene: string;
  /** `YYYY-MM-DD`: the day it is made, for the Date header. */
  dato: string;
  fra?: EpostAdresse;
  til: readonly EpostAdresse[];
  emne: string;
  tekst: string;
  vedlegg: readonly { filnavn: string; innhold: Uint8Array }[];
  /** The iCalendar invitation, sent as the `text/calendar` alternative and as `invite.ics`. */
  kalender?: { metode: 'REQUEST' | 'CANCEL'; innhold: string };
}

const adresse = (a: EpostAdresse) => ({ name: a.navn, address: a.epost });

/**
 * The draft as an RFC 5322 message (`.eml`), built by nodemailer's MailComposer. `X-Unsent: 1`
 * makes Outlook (and Thunderbird, «Rediger som ny») open it as a message to send rather than
 * one received. Message-ID, Date and the boundaries come from the draft, not from the clock or
 * chance, so building it twice gives the same bytes.
 */
export async function composeEpost(utkast: Epostutkast): Promise<Buffer> {
  const grunnlag = createHash('sha256').update(utkast.id).digest('hex');
  const composer = new MailComposer({
    ...(utkast.fra ? { from: adresse(utkast.fra) } : {}),
    to: utkast.til.map(adresse),
    subject: utkast.emne,
    text: utkast.tekst,
    date: new Date(`${utkast.dato}T00:00:00Z`),
    messageId: `<${utkast.id}@${utkast.domene}>`,
    baseBoundary: grunnlag.slice(0, 24),
    headers: { 'X-Unsent': '1' },
    attachments: utkast.vedlegg.map((v) => ({ filename: v.filnavn, content: Buffer.from(v.innhold), contentType: 'application/pdf' })),
    ...(utkast.kalender
      ? {
          icalEvent: {
            method: utkast.kalender.metode,
            filename: 'invite.ics',
            content: utkast.kalender.innhold,
            contentTransferEncoding: 'base64',
          },
        }
      : {}),
  });
  return composer.compile().build();
}
