// What the Graph fake answers, shaped like Graph v1.0 `event` resources read with Prefer: outlook.timezone="UTC":
// UTC dateTimes without offset, the organizer's zone as a Windows name, rooms as attendees of type resource.
import { DateTime } from 'luxon';
import { findWindows } from 'windows-iana';
import type { FakeEvent, FakeInstance, FakePerson } from './fake-event.ts';

const utc = (date: Date) => ({
  dateTime: DateTime.fromJSDate(date, { zone: 'utc' }).toFormat("yyyy-MM-dd'T'HH:mm:ss'.0000000'"),
  timeZone: 'UTC',
});

const windowsZone = (iana: string) => findWindows(iana)[0] ?? iana;

function people(event: FakeEvent) {
  const attendee = (person: FakePerson) => ({
    type: person.resource ? 'resource' : 'required',
    emailAddress: { name: person.name, address: person.email },
    status: { response: event.responses.get(person.email) ?? 'none' },
  });
  return {
    organizer: { emailAddress: { name: event.organizer.name, address: event.organizer.email } },
    attendees: event.attendees.map(attendee),
  };
}

function recurrenceOf(event: FakeEvent) {
  const recurrence = event.recurrence;
  if (!recurrence) return null;
  const local = DateTime.fromJSDate(event.start, { zone: event.timeZone });
  const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  const days = weekdays.slice(0, recurrence.weekdays ?? 1);
  const day = weekdays[local.weekday - 1] ?? 'monday';
  const pattern =
    recurrence.frequency === 'daily'
      ? { type: 'daily', interval: recurrence.interval }
      : recurrence.frequency === 'weekly'
        ? { type: 'weekly', interval: recurrence.interval, daysOfWeek: recurrence.weekdays ? days : [day] }
        : { type: 'absoluteMonthly', interval: recurrence.interval, dayOfMonth: local.day };
  const startDate = local.toISODate();
  const zone = windowsZone(event.timeZone);
  return {
    pattern,
    range: recurrence.until
      ? {
          type: 'endDate',
          startDate,
          endDate: DateTime.fromJSDate(recurrence.until, { zone: event.timeZone }).toISODate(),
          recurrenceTimeZone: zone,
        }
      : { type: 'noEnd', startDate, recurrenceTimeZone: zone },
  };
}

export function graphEventOf(event: FakeEvent) {
  return {
    id: event.id,
    type: event.recurrence ? 'seriesMaster' : 'singleInstance',
    seriesMasterId: null,
    iCalUId: event.iCalUId,
    subject: event.subject,
    start: utc(event.start),
    end: utc(event.end),
    originalStartTimeZone: windowsZone(event.timeZone),
    isAllDay: false,
    isCancelled: false,
    ...people(event),
    recurrence: recurrenceOf(event),
  };
}

export function graphInstanceOf(instance: FakeInstance) {
  if (instance.kind === 'single') return graphEventOf(instance.event);
  return {
    id: instance.id,
    type: instance.kind,
    seriesMasterId: instance.event.id,
    iCalUId: instance.event.iCalUId,
    subject: instance.subject,
    start: utc(instance.start),
    end: utc(instance.end),
    originalStart: instance.originalStart?.toISOString() ?? null,
    originalStartTimeZone: windowsZone(instance.event.timeZone),
    isAllDay: false,
    isCancelled: false,
    ...people(instance.event),
    recurrence: null,
  };
}

/** POST /me/events: wall-clock times in a Windows or IANA zone, and Graph's recurrence shape. */
export interface GraphEventInput {
  subject?: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  attendees?: { type?: string; emailAddress: { address: string; name?: string } }[];
  recurrence?: {
    pattern: { type: string; interval: number; daysOfWeek?: string[] };
    range: { type: string; endDate?: string; recurrenceTimeZone?: string };
  } | null;
}
