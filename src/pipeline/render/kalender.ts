import { join } from 'node:path';
import { frase } from '../../domain/sprak.js';
import type { EpostAdresse, Mote, SakPunkt } from '../../domain/types.js';
import { offentligVersjon } from '../model/offentlig.js';
import { klokkeslett, langDato, saksnummer } from '../model/tid.js';

/**
 * A meeting as an iCalendar event (RFC 5545), for members' calendars: `mote.ics` next to the
 * meeting's PDFs. Written by hand: a single event with a fixed time zone is ~100 lines, and the
 * common generator (ical-generator 11) needs Node 22 and another package for the VTIMEZONE.
 *
 * The same meeting gives the same bytes: UID from the meeting folder, DTSTAMP from the meeting's
 * date (not the clock), so rebuilding changes no file.
 */

const CRLF = '\r\n';

/** The rules Norway has followed since 1996: summer time from the last Sunday of March to the last Sunday of October. */
const VTIMEZONE_OSLO = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Oslo',
  'X-LIC-LOCATION:Europe/Oslo',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545, 3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Content lines longer than 75 octets folded: CRLF and a space, never inside a UTF-8 character (3.1). */
export function foldLine(line: string): string {
  const deler: string[] = [];
  let del = '';
  let oktetter = 0;
  for (const tegn of line) {
    const length = Buffer.byteLength(tegn);
    // The first line holds 75 octets; each continuation line starts with a space and holds 74 more.
    if (oktetter + length > 75) {
      deler.push(del);
      del = ' ';
      oktetter = 1;
    }
    del += tegn;
    oktetter += length;
  }
  deler.push(del);
  return deler.join(CRLF);
}

/** `20250522T090000`: a local time in Europe/Oslo. */
function localTime(dato: string, minutter: number): string {
  return `${dato.replace(/-/g, '')}T${String(Math.floor(minutter / 60)).padStart(2, '0')}${String(minutter % 60).padStart(2, '0')}00`;
}

function tid(p: { start: number; slutt: number }): string {
  return `${klokkeslett(p.start)}–${klokkeslett(p.slutt)}`;
}

/** The agenda as plain lines: `Sak 13.25  09.05–10.05  Strategisamling …`, headings and breaks between. */
function sakslisteText(mote: Mote): string {
  const lines = [frase(mote.fraser, 'kalender.saksliste', { utvalg: mote.utvalg.navn, dato: langDato(mote.dato) }), ''];
  const sak = (p: SakPunkt, merke: string) => `${merke}  ${tid(p)}  ${p.sak.tittel}`;
  for (const gruppe of mote.saksliste.grupper) {
    if (gruppe.overskrift) lines.push('', gruppe.type ? frase(mote.fraser, `overskrifter.${gruppe.type}`) : gruppe.overskrift);
    for (const p of gruppe.punkter) lines.push(p.kind === 'pause' ? `${tid(p)}  ${p.tittel}` : sak(p, `Sak ${saksnummer(p.sak.nummer!)}`));
  }
  const { eventuelt } = mote.saksliste;
  lines.push('', `${frase(mote.fraser, 'felles.eventuelt')}  ${tid(eventuelt)}`);
  for (const p of eventuelt.saker) lines.push(sak(p, '–'));
  return lines.join('\n');
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** One event of a calendar: a meeting in cases/, or one planned in the annual plan. */
export interface CalendarEvent {
  /** Unique and stable: the meeting folder's name (`2026-02-12-ssu`), which a planned meeting's folder will get too. */
  id: string;
  organisasjon: string;
  dato: string;
  /** Last day of a meeting over several days. */
  tilDato?: string;
  /** Minutes after midnight; without both, the event lasts the whole day(s). */
  start?: number;
  slutt?: number;
  tittel: string;
  sted?: string;
  beskrivelse?: string;
  /** The meeting's revision (SEQUENCE), also outside an invitation: mote.ics and the subscription agree with the e-mails. */
  sekvens?: number;
  /** STATUS:CANCELLED, so a calendar that has the event removes or marks it. */
  avlyst?: boolean;
  /** For an invitation sent by e-mail (iTIP, RFC 5546) rather than a published calendar. */
  invitasjon?: Invitasjonsfelter;
}

/** What an invitation adds to an event: its revision, who sends it, who is invited. */
export interface Invitasjonsfelter {
  sekvens: number;
  /** When it was made, `YYYY-MM-DD`: the DTSTAMP, so that a later revision is later also by the clock. */
  laget: string;
  arrangor: EpostAdresse;
  deltakere: readonly EpostAdresse[];
  avlyst: boolean;
}

/** `CN="Kari Nordmann":mailto:kari@example.no`; a parameter value may hold no double quote (RFC 5545, 3.2). */
function calAddress(a: EpostAdresse): string {
  return `CN="${a.navn.replace(/["\r\n]/g, '')}":mailto:${a.epost}`;
}

function invitasjonLines(i: Invitasjonsfelter): string[] {
  return [
    `ORGANIZER;${calAddress(i.arrangor)}`,
    ...i.deltakere.map((d) => `ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;${calAddress(d)}`),
  ];
}

/** `20260212`: a date value. */
function dateValue(dato: string): string {
  return dato.replace(/-/g, '');
}

/** The day after, for the exclusive end of an all-day event. */
function nextDay(dato: string): string {
  const d = new Date(`${dato}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The event's UID: the same in mote.ics, the annual plan and every invitation, so calendars see one meeting. */
export function calendarUid(h: Pick<CalendarEvent, 'id' | 'organisasjon'>): string {
  return `${h.id}@${slug(h.organisasjon) || 'motedok'}.motedok`;
}

/** The VEVENT lines of one event, unfolded. */
export function veventLines(h: CalendarEvent): string[] {
  const tider =
    h.start !== undefined && h.slutt !== undefined
      ? [`DTSTART;TZID=Europe/Oslo:${localTime(h.dato, h.start)}`, `DTEND;TZID=Europe/Oslo:${localTime(h.tilDato ?? h.dato, h.slutt)}`]
      : [`DTSTART;VALUE=DATE:${dateValue(h.dato)}`, `DTEND;VALUE=DATE:${dateValue(nextDay(h.tilDato ?? h.dato))}`];
  const sekvens = h.invitasjon?.sekvens ?? h.sekvens;
  const avlyst = h.invitasjon ? h.invitasjon.avlyst : h.avlyst;
  return [
    'BEGIN:VEVENT',
    `UID:${calendarUid(h)}`,
    `DTSTAMP:${dateValue(h.invitasjon?.laget ?? h.dato)}T000000Z`,
    ...(sekvens !== undefined ? [`SEQUENCE:${sekvens}`] : []),
    ...(h.invitasjon ? invitasjonLines(h.invitasjon) : []),
    ...tider,
    `SUMMARY:${escapeText(h.tittel)}`,
    ...(h.sted ? [`LOCATION:${escapeText(h.sted)}`] : []),
    ...(h.beskrivelse ? [`DESCRIPTION:${escapeText(h.beskrivelse)}`] : []),
    avlyst ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

/** A VCALENDAR with the events, CRLF line endings, folded; `REQUEST` and `CANCEL` for an invitation by e-mail. */
export function buildCalendar(hendelser: readonly CalendarEvent[], metode: 'PUBLISH' | 'REQUEST' | 'CANCEL' = 'PUBLISH'): string {
  const egenskaper = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//motedok//motedok//NB',
    'CALSCALE:GREGORIAN',
    `METHOD:${metode}`,
    ...VTIMEZONE_OSLO,
    ...hendelser.flatMap(veventLines),
    'END:VCALENDAR',
  ];
  return egenskaper.map(foldLine).join(CRLF) + CRLF;
}

/**
 * A meeting in cases/ as an event, with its agenda in the description, the sequence of its last
 * invitation and, when `avlyst:`, STATUS:CANCELLED; the UID stays, so calendars see the same event.
 */
export function moteEvent(mote: Mote): CalendarEvent {
  return {
    id: mote.mappe,
    organisasjon: mote.organisasjon.navn,
    dato: mote.dato,
    start: mote.start,
    slutt: mote.slutt,
    tittel: frase(mote.fraser, 'kalender.tittel', { utvalg: mote.utvalg.navn }),
    sted: mote.sted,
    beskrivelse: sakslisteText(mote),
    sekvens: mote.sekvens ?? 0,
    ...(mote.avlyst ? { avlyst: true } : {}),
  };
}

/** The meeting as a VCALENDAR with one VEVENT. */
export function moteAsIcs(mote: Mote): string {
  return buildCalendar([moteEvent(mote)]);
}

/**
 * The calendar files of a built meeting: `<mappe>/mote.ics` and `<mappe>/offentlig/mote.ics`.
 * The public one follows offentleglova like the public PDFs: exempt saker keep number and title
 * (which is all the calendar shows), so it differs only if that rule changes.
 */
export function calendarFiles(mote: Mote, folder: string): [string, string][] {
  return [
    [join(folder, 'mote.ics'), moteAsIcs(mote)],
    [join(folder, 'offentlig', 'mote.ics'), moteAsIcs(offentligVersjon(mote))],
  ];
}
