// Microsoft Graph event payloads (v1.0 `event` resource, read with Prefer: outlook.timezone="UTC") and their
// translation into the neutral CalendarEvent.
import { DateTime } from 'luxon';
import type { CalendarEvent, EventKind, EventPerson } from './calendar-event.ts';
import { uniquePeople } from './calendar-event.ts';
import type { NewCalendarEvent } from './calendar-provider.ts';
import { eventRecurrence } from './event-recurrence.ts';
import { ianaZoneOf } from './windows-zones.ts';

export interface GraphDateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export interface GraphEmailAddress {
  name?: string;
  address?: string;
}

export interface GraphAttendee {
  /** Rooms and equipment are attendees of type "resource". */
  type?: 'required' | 'optional' | 'resource';
  emailAddress?: GraphEmailAddress;
  status?: { response?: string };
}

export interface GraphPatternedRecurrence {
  pattern: {
    type: 'daily' | 'weekly' | 'absoluteMonthly' | 'relativeMonthly' | 'absoluteYearly' | 'relativeYearly';
    interval: number;
    daysOfWeek?: string[];
    dayOfMonth?: number;
    firstDayOfWeek?: string;
    index?: string;
  };
  range: {
    type: 'endDate' | 'noEnd' | 'numbered';
    startDate: string;
    endDate?: string;
    numberOfOccurrences?: number;
    recurrenceTimeZone?: string;
  };
}

export interface GraphEvent {
  id: string;
  type?: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  seriesMasterId?: string | null;
  iCalUId?: string | null;
  subject?: string | null;
  start?: GraphDateTimeTimeZone;
  end?: GraphDateTimeTimeZone;
  /** DateTimeOffset of the slot an occurrence or exception belongs to. */
  originalStart?: string | null;
  /** The Windows (or IANA) zone the organizer created the event in. */
  originalStartTimeZone?: string | null;
  isAllDay?: boolean;
  isCancelled?: boolean;
  organizer?: { emailAddress?: GraphEmailAddress };
  attendees?: GraphAttendee[];
  recurrence?: GraphPatternedRecurrence | null;
  /** Delta queries report a removed event as `{ id, "@removed": { reason } }`. */
  '@removed'?: { reason: string };
}

const KINDS: Record<NonNullable<GraphEvent['type']>, EventKind> = {
  singleInstance: 'single',
  occurrence: 'occurrence',
  exception: 'exception',
  seriesMaster: 'master',
};

/** A Graph dateTime read in UTC ("2025-03-11T09:00:00.0000000", no offset). */
export function graphInstant(value: GraphDateTimeTimeZone | undefined): Date | null {
  if (!value?.dateTime) return null;
  const zone = value.timeZone;
  if (zone && zone !== 'UTC' && zone !== 'tzone://Microsoft/Utc') return null;
  const text = /[zZ]|[+-]\d\d:\d\d$/.test(value.dateTime) ? value.dateTime : `${value.dateTime}Z`;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

function personOf(address: GraphEmailAddress | undefined): EventPerson | null {
  if (!address?.address) return null;
  return { email: address.address.toLowerCase(), name: address.name ?? address.address };
}

/** null for all-day events and payloads without times: a 1:1 is a meeting with a start and an end. */
export function translateGraphEvent(event: GraphEvent): CalendarEvent | null {
  const start = graphInstant(event.start);
  const end = graphInstant(event.end);
  if (!start || !end || event.isAllDay) return null;
  const kind = KINDS[event.type ?? 'singleInstance'];
  const timeZone = ianaZoneOf(event.recurrence?.range.recurrenceTimeZone ?? event.originalStartTimeZone);
  const organizer = personOf(event.organizer?.emailAddress);
  const attendees = (event.attendees ?? [])
    .filter((attendee) => attendee.type !== 'resource')
    .map((attendee) => personOf(attendee.emailAddress));
  const originalStart = event.originalStart ? new Date(event.originalStart) : null;
  return {
    id: event.id,
    kind,
    seriesMasterId: event.seriesMasterId ?? null,
    iCalUId: event.iCalUId ?? null,
    subject: event.subject ?? '',
    start,
    end,
    timeZone,
    originalStart: originalStart && !Number.isNaN(originalStart.getTime()) ? originalStart : null,
    organizer,
    people: uniquePeople([organizer, ...attendees]),
    recurrence: event.recurrence ? recurrenceOf(event.recurrence, start, timeZone ?? 'UTC') : null,
    cancelled: event.isCancelled === true,
  };
}

function recurrenceOf(recurrence: GraphPatternedRecurrence, start: Date, zone: string) {
  const { pattern, range } = recurrence;
  return eventRecurrence({
    kind: pattern.type === 'weekly' ? 'weekly' : pattern.type === 'absoluteMonthly' ? 'monthly' : 'other',
    interval: pattern.interval,
    weekdays: pattern.daysOfWeek?.length ?? 1,
    endDate: range.type === 'endDate' ? (range.endDate ?? null) : null,
    endInstant: null,
    count: range.type === 'numbered' ? (range.numberOfOccurrences ?? null) : null,
    start,
    zone,
  });
}

/** The body of POST /me/events for the two-way option: wall-clock times in the event's own zone. */
export function graphEventBody(event: NewCalendarEvent) {
  const local = (date: Date) => DateTime.fromJSDate(date, { zone: event.timeZone });
  const start = local(event.start);
  const { recurrence } = event;
  const startDate = start.toISODate() ?? '';
  const pattern =
    recurrence?.kind === 'weekly'
      ? {
          type: 'weekly',
          interval: recurrence.interval,
          daysOfWeek: [start.setLocale('en').weekdayLong?.toLowerCase()],
        }
      : { type: 'absoluteMonthly', interval: 1, dayOfMonth: start.day };
  return {
    subject: event.subject,
    start: { dateTime: start.toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: event.timeZone },
    end: { dateTime: local(event.end).toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: event.timeZone },
    attendees: event.attendees.map((person) => ({
      type: 'required',
      emailAddress: { address: person.email, name: person.name },
    })),
    ...(recurrence
      ? {
          recurrence: {
            pattern,
            range: recurrence.until
              ? {
                  type: 'endDate',
                  startDate,
                  endDate: local(recurrence.until).toISODate(),
                  recurrenceTimeZone: event.timeZone,
                }
              : { type: 'noEnd', startDate, recurrenceTimeZone: event.timeZone },
          },
        }
      : {}),
  };
}
