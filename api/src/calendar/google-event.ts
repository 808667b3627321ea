// Google Calendar event payloads (API v3 `Event`, listed with singleEvents=true) and their translation into
// the neutral CalendarEvent; RRULE lines are read for the recurrences SPEC.md offers.
import type { calendar_v3 } from '@googleapis/calendar';
import { DateTime } from 'luxon';
import {
  type CalendarEvent,
  type EventPerson,
  type EventRecurrence,
  uniquePeople,
} from './calendar-event.ts';
import type { NewCalendarEvent } from './calendar-provider.ts';
import { eventRecurrence } from './event-recurrence.ts';
import { ianaZoneOf } from './windows-zones.ts';

export type GoogleEvent = calendar_v3.Schema$Event;
type GoogleTime = calendar_v3.Schema$EventDateTime;

/** A timed start or end; all-day events (`date` only) are not meetings. */
function instant(time: GoogleTime | undefined): Date | null {
  if (!time?.dateTime) return null;
  const date = new Date(time.dateTime);
  return Number.isNaN(date.getTime()) ? null : date;
}

function personOf(email: string | null | undefined, name: string | null | undefined): EventPerson | null {
  return email ? { email: email.toLowerCase(), name: name ?? email } : null;
}

/** Cancelled instances and events without times translate to null: the caller reports them as removed. */
export function translateGoogleEvent(event: GoogleEvent): CalendarEvent | null {
  const start = instant(event.start);
  const end = instant(event.end);
  if (!event.id || !start || !end || event.status === 'cancelled') return null;
  const timeZone = ianaZoneOf(event.start?.timeZone ?? event.originalStartTime?.timeZone);
  const originalStart = instant(event.originalStartTime);
  const organizer = personOf(event.organizer?.email, event.organizer?.displayName);
  const attendees = (event.attendees ?? [])
    .filter((attendee) => attendee.resource !== true)
    .map((attendee) => personOf(attendee.email, attendee.displayName));
  const isMaster = (event.recurrence?.length ?? 0) > 0;
  const moved = originalStart !== null && originalStart.getTime() !== start.getTime();
  return {
    id: event.id,
    kind: isMaster ? 'master' : event.recurringEventId ? (moved ? 'exception' : 'occurrence') : 'single',
    seriesMasterId: event.recurringEventId ?? null,
    iCalUId: event.iCalUID ?? null,
    subject: event.summary ?? '',
    start,
    end,
    timeZone,
    originalStart,
    organizer,
    people: uniquePeople([organizer, ...attendees]),
    recurrence: isMaster ? recurrenceOf(event.recurrence ?? [], start, timeZone ?? 'UTC') : null,
    cancelled: false,
  };
}

/** UNTIL is a UTC date-time (20250630T215959Z) or, for all-day series, a date (20250630). */
function untilOf(value: string | undefined): Date | null {
  if (!value) return null;
  const dateTime = DateTime.fromFormat(value, "yyyyMMdd'T'HHmmss'Z'", { zone: 'utc' });
  if (dateTime.isValid) return dateTime.toJSDate();
  const date = DateTime.fromFormat(value, 'yyyyMMdd', { zone: 'utc' });
  return date.isValid ? date.endOf('day').toJSDate() : null;
}

export function recurrenceOf(lines: readonly string[], start: Date, zone: string): EventRecurrence {
  const rule = lines.find((line) => line.startsWith('RRULE:'));
  if (!rule) return { kind: 'other', until: null };
  const parts = new Map(
    rule
      .slice('RRULE:'.length)
      .split(';')
      .map((part) => part.split('=') as [string, string]),
  );
  const frequency = parts.get('FREQ');
  const byDay = parts.get('BYDAY');
  // Monthly on "the first Monday" (BYDAY=1MO) is not "the same day of the month": not offered.
  const kind = frequency === 'WEEKLY' ? 'weekly' : frequency === 'MONTHLY' && !byDay ? 'monthly' : 'other';
  return eventRecurrence({
    kind,
    interval: Number(parts.get('INTERVAL') ?? '1'),
    weekdays: byDay ? byDay.split(',').length : 1,
    endDate: null,
    endInstant: untilOf(parts.get('UNTIL')),
    count: parts.has('COUNT') ? Number(parts.get('COUNT')) : null,
    start,
    zone,
  });
}

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The request body of events.insert for the two-way option. */
export function googleEventBody(event: NewCalendarEvent): GoogleEvent {
  const start = DateTime.fromJSDate(event.start, { zone: event.timeZone });
  const { recurrence } = event;
  const until = recurrence?.until
    ? `;UNTIL=${DateTime.fromJSDate(recurrence.until, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'")}`
    : '';
  const rule =
    recurrence?.kind === 'weekly'
      ? `RRULE:FREQ=WEEKLY;INTERVAL=${recurrence.interval};BYDAY=${BYDAY[start.weekday - 1]}${until}`
      : recurrence
        ? `RRULE:FREQ=MONTHLY;INTERVAL=1${until}`
        : null;
  return {
    summary: event.subject,
    start: { dateTime: event.start.toISOString(), timeZone: event.timeZone },
    end: { dateTime: event.end.toISOString(), timeZone: event.timeZone },
    attendees: event.attendees.map((person) => ({ email: person.email, displayName: person.name })),
    ...(rule ? { recurrence: [rule] } : {}),
  };
}
