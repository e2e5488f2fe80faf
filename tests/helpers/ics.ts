import ICAL from 'ical.js';

/** Reads an .ics back as a calendar program would: the event, with its times resolved through the file's VTIMEZONE. */
export function lesIcs(tekst: string) {
  const kalender = new ICAL.Component(ICAL.parse(tekst));
  const sone = kalender.getFirstSubcomponent('vtimezone')!;
  ICAL.TimezoneService.register(new ICAL.Timezone(sone));
  const event = new ICAL.Event(kalender.getFirstSubcomponent('vevent')!);
  return {
    uid: event.uid,
    tittel: event.summary,
    sted: event.location,
    beskrivelse: event.description,
    start: event.startDate.toJSDate().toISOString(),
    slutt: event.endDate.toJSDate().toISOString(),
    sone: event.startDate.zone?.tzid,
    dtstamp: kalender.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp')?.toString(),
  };
}
