// What the Google fake answers, shaped like Calendar API v3 `Event` resources: local date-times with offsets,
// instances with recurringEventId and originalStartTime, masters with RRULE lines, rooms as resources.
import { DateTime } from 'luxon';
import type { FakeEvent, FakeInstance } from './fake-event.ts';

const local = (date: Date, zone: string) => ({
  dateTime: DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true }),
  timeZone: zone,
});

function people(event: FakeEvent) {
  return {
    organizer: { email: event.organizer.email, displayName: event.organizer.name },
    attendees: [
      {
        email: event.organizer.email,
        displayName: event.organizer.name,
        organizer: true,
        responseStatus: 'accepted',
      },
      ...event.attendees.map((person) => ({
        email: person.email,
        displayName: person.name,
        ...(person.resource ? { resource: true } : {}),
        responseStatus: event.responses.get(person.email) ?? 'needsAction',
      })),
    ],
  };
}

function rrule(event: FakeEvent): string[] {
  const recurrence = event.recurrence;
  if (!recurrence) return [];
  const until = recurrence.until
    ? `;UNTIL=${DateTime.fromJSDate(recurrence.until, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'")}`
    : '';
  const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  const weekday = days[DateTime.fromJSDate(event.start, { zone: event.timeZone }).weekday - 1];
  const byDay =
    recurrence.frequency === 'weekly'
      ? `;BYDAY=${recurrence.weekdays ? days.slice(0, recurrence.weekdays).join(',') : weekday}`
      : '';
  return [`RRULE:FREQ=${recurrence.frequency.toUpperCase()};INTERVAL=${recurrence.interval}${byDay}${until}`];
}

export function googleEventOf(event: FakeEvent) {
  return {
    kind: 'calendar#event',
    id: event.id,
    status: event.deleted ? 'cancelled' : 'confirmed',
    iCalUID: event.iCalUId,
    summary: event.subject,
    start: local(event.start, event.timeZone),
    end: local(event.end, event.timeZone),
    ...people(event),
    ...(event.recurrence ? { recurrence: rrule(event) } : {}),
  };
}

export function googleInstanceOf(instance: FakeInstance) {
  if (instance.kind === 'single') return googleEventOf(instance.event);
  const zone = instance.event.timeZone;
  return {
    kind: 'calendar#event',
    id: instance.id,
    status: 'confirmed',
    iCalUID: instance.event.iCalUId,
    summary: instance.subject,
    start: local(instance.start, zone),
    end: local(instance.end, zone),
    recurringEventId: instance.event.id,
    originalStartTime: local(instance.originalStart ?? instance.start, zone),
    ...people(instance.event),
  };
}

/** Sync reports an instance that left as `{ id, status: "cancelled" }`, nothing more guaranteed. */
export function googleCancelledOf(id: string) {
  return { kind: 'calendar#event', id, status: 'cancelled' };
}
