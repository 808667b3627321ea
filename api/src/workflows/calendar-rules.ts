// Pure rules between calendar events and 1:1s: which recurrences become series, who the pair is, when a
// calendar series was split, and what a calendar change does to an instance.
import type { CalendarEvent, EventRecurrence } from '../calendar/calendar-event.ts';
import { parseRecurrence } from '../domain/recurrence.ts';
import type { Meeting, MeetingStatus, Recurrence } from '../domain/types.ts';

/** The system actor of changes made by calendar sync: both participants' live streams show them. */
export const CALENDAR_ACTOR_ID = '000000000000000000000000';

/** A 1:1 needs a title; a calendar event without a subject gets this one. */
export const UNTITLED = '1:1';

/** The series recurrence of a calendar recurrence, or null when SPEC.md does not offer it. */
export function seriesRecurrenceOf(recurrence: EventRecurrence | null): Recurrence | null {
  if (!recurrence || recurrence.kind === 'other') return null;
  return parseRecurrence(recurrence.kind, recurrence.interval, recurrence.until);
}

export function titleOf(event: Pick<CalendarEvent, 'subject'>): string {
  const subject = event.subject.trim().slice(0, 200);
  return subject === '' ? UNTITLED : subject;
}

/** The two people of an event are exactly these two e-mail addresses. */
export function isSamePair(event: Pick<CalendarEvent, 'people'>, emails: readonly string[]): boolean {
  const pair = new Set(emails.map((email) => email.toLowerCase()));
  return event.people.length === 2 && event.people.every((person) => pair.has(person.email));
}

/**
 * "This and following events": the followed master now ends earlier than before, and a new master of the
 * same pair starts where it ends (from the day before on, to allow a new time of day).
 */
export function isSplit(
  oldUntil: Date | null,
  master: Pick<CalendarEvent, 'recurrence'>,
  candidate: Pick<CalendarEvent, 'kind' | 'start' | 'people'>,
  pairEmails: readonly string[],
): boolean {
  const newUntil = master.recurrence?.until ?? null;
  if (newUntil === null || (oldUntil !== null && newUntil >= oldUntil)) return false;
  if (candidate.kind !== 'master' || !isSamePair(candidate, pairEmails)) return false;
  return candidate.start.getTime() >= newUntil.getTime() - 24 * 60 * 60 * 1000;
}

export type MeetingCalendarPatch = Partial<Pick<Meeting, 'title' | 'start' | 'end' | 'status'>>;

/** What an event changes on its 1:1: title, times, cancelled; responses (declines) change nothing. */
export function patchFromEvent(meeting: Meeting, event: CalendarEvent): MeetingCalendarPatch {
  const patch: MeetingCalendarPatch = {};
  const title = titleOf(event);
  const status: MeetingStatus = event.cancelled ? 'cancelled' : 'scheduled';
  if (title !== meeting.title) patch.title = title;
  if (event.start.getTime() !== meeting.start.getTime()) patch.start = event.start;
  if (event.end.getTime() !== meeting.end.getTime()) patch.end = event.end;
  if (status !== meeting.status) patch.status = status;
  return patch;
}

/**
 * An occurrence that left the calendar: beyond the new end of the recurrence it no longer exists (deleted,
 * so a series whose recurrence ended can become past); otherwise it was deleted on its own: cancelled,
 * listed with a strikethrough (SPEC.md).
 */
export function removalOf(meeting: Meeting, until: Date | null): { deleted: true } | { status: 'cancelled' } {
  const slot = meeting.occurrenceStart ?? meeting.start;
  if (meeting.seriesId !== null && until !== null && slot > until) return { deleted: true };
  return { status: 'cancelled' };
}
