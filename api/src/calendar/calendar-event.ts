// The provider-neutral shape of a calendar event: what the Graph and Google adapters translate their payloads into.

export const CALENDAR_PROVIDERS = ['microsoft', 'google'] as const;
export type CalendarProviderName = (typeof CALENDAR_PROVIDERS)[number];

/** A person of an event: rooms and resources are never people (SPEC.md "Bulk create"). */
export interface EventPerson {
  /** Lower-cased e-mail address: the key that matches a person to a user of the tenant. */
  readonly email: string;
  readonly name: string;
}

/** The recurrences SPEC.md offers, or "other" for anything else (daily, every 4+ weeks, relative monthly…). */
export type EventRecurrence =
  | { readonly kind: 'weekly'; readonly interval: 1 | 2 | 3; readonly until: Date | null }
  | { readonly kind: 'monthly'; readonly interval: 1; readonly until: Date | null }
  | { readonly kind: 'other'; readonly until: Date | null };

/**
 * - single: a one-off event;
 * - master: the series master of a recurring event (its start is the first occurrence);
 * - occurrence: one occurrence of a series as the recurrence gave it;
 * - exception: an occurrence changed on its own (moved, renamed).
 */
export type EventKind = 'single' | 'master' | 'occurrence' | 'exception';

export interface CalendarEvent {
  readonly id: string;
  readonly kind: EventKind;
  /** The series master of an occurrence or exception, else null. */
  readonly seriesMasterId: string | null;
  /** The same meeting has this id in the organizer's and the attendees' calendars. */
  readonly iCalUId: string | null;
  readonly subject: string;
  /** UTC instants. */
  readonly start: Date;
  readonly end: Date;
  /** The event's IANA time zone (Graph's Windows zone names are mapped), or null when unknown. */
  readonly timeZone: string | null;
  /** Occurrences and exceptions: the start the recurrence gave this occurrence (iCalendar RECURRENCE-ID). */
  readonly originalStart: Date | null;
  readonly organizer: EventPerson | null;
  /** Organizer and attendees together, without rooms and resources, one entry per e-mail. */
  readonly people: readonly EventPerson[];
  /** Masters only. */
  readonly recurrence: EventRecurrence | null;
  /** Cancelled or deleted in the calendar. */
  readonly cancelled: boolean;
}

/**
 * What incremental sync reports: events changed since the cursor, and ids removed from the window (Graph's
 * `@removed` says no more than the id; Google reports cancelled instances as events).
 */
export interface CalendarChanges {
  readonly events: readonly CalendarEvent[];
  readonly removedIds: readonly string[];
  /** Where the next incremental sync starts. */
  readonly cursor: string;
  /** The cursor was unusable (Google's 410 Gone, a window that moved): this is a full listing of the window. */
  readonly full: boolean;
}

export interface TimeWindow {
  readonly from: Date;
  readonly to: Date;
}

/** The two people of a 1:1: the organizer and attendees less rooms, exactly the user and one other person. */
export function otherPersonOf(event: Pick<CalendarEvent, 'people'>, myEmail: string): EventPerson | null {
  const me = myEmail.toLowerCase();
  if (event.people.length !== 2 || !event.people.some((person) => person.email === me)) return null;
  return event.people.find((person) => person.email !== me) ?? null;
}

/** Deduplicates people by e-mail, lower-cased, keeping the first name seen. */
export function uniquePeople(people: readonly (EventPerson | null)[]): EventPerson[] {
  const byEmail = new Map<string, EventPerson>();
  for (const person of people) {
    if (!person?.email) continue;
    const email = person.email.toLowerCase();
    if (!byEmail.has(email)) byEmail.set(email, { email, name: person.name || email });
  }
  return [...byEmail.values()];
}
