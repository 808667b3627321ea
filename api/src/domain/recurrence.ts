// Recurrence of a series: the repeat options of SPEC.md and the instances they produce in the owner's time zone.
import { DateTime, IANAZone } from 'luxon';
import { RuleError } from './rule-error.ts';
import type { Recurrence } from './types.ts';

export const REPEAT_OPTIONS = ['none', 'weekly', 'biweekly', 'triweekly', 'monthly'] as const;
export type Repeat = (typeof REPEAT_OPTIONS)[number];

/** What the recurrence engine needs of a series: its first instance, its zone and its rule. */
export type Schedule = {
  start: Date;
  end: Date;
  timeZone: string;
  recurrence: Recurrence;
};

export type Occurrence = { start: Date; end: Date };

/** Instances exist at least 8 weeks ahead (SPEC.md); one extra day so a daily top-up never falls short. */
export const MATERIALISATION_WEEKS = 8;

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export function isRepeat(value: string): value is Repeat {
  return (REPEAT_OPTIONS as readonly string[]).includes(value);
}

/** The recurrence of a repeat option, or null for "none". */
export function recurrenceFromRepeat(repeat: Repeat, until: Date | null): Recurrence | null {
  switch (repeat) {
    case 'none':
      return null;
    case 'weekly':
      return { frequency: 'weekly', interval: 1, until };
    case 'biweekly':
      return { frequency: 'weekly', interval: 2, until };
    case 'triweekly':
      return { frequency: 'weekly', interval: 3, until };
    case 'monthly':
      return { frequency: 'monthly', interval: 1, until };
  }
}

export function repeatOf(recurrence: Recurrence | null): Repeat {
  if (recurrence === null) return 'none';
  if (recurrence.frequency === 'monthly') return 'monthly';
  return (['weekly', 'biweekly', 'triweekly'] as const)[recurrence.interval - 1] ?? 'weekly';
}

/**
 * A recurrence from loose values (a stored document, a calendar event), or null when SPEC.md does not
 * support it: daily, yearly, every 4+ weeks and every 2+ months are not offered.
 */
export function parseRecurrence(frequency: string, interval: number, until: Date | null): Recurrence | null {
  if (frequency === 'weekly' && (interval === 1 || interval === 2 || interval === 3)) {
    return { frequency, interval, until };
  }
  if (frequency === 'monthly' && interval === 1) return { frequency, interval, until };
  return null;
}

export function isValidTimeZone(timeZone: string): boolean {
  return IANAZone.isValidZone(timeZone);
}

/** `until` for an end date picked as a day: the repetition may start until the end of that day in the zone. */
export function untilFromDay(day: string, timeZone: string): Date {
  if (!isValidTimeZone(timeZone)) throw new RuleError('INVALID_TIME_ZONE');
  const date = DateTime.fromISO(day, { zone: timeZone });
  if (!date.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RuleError('INVALID_DATE');
  return date.endOf('day').toJSDate();
}

/** No instance can start any more: `until` is set and behind us. */
export function hasRecurrenceEnded(recurrence: Recurrence, now: Date): boolean {
  return recurrence.until !== null && recurrence.until.getTime() < now.getTime();
}

function zonedStart(schedule: Schedule): DateTime {
  const start = DateTime.fromJSDate(schedule.start, { zone: schedule.timeZone });
  if (!start.isValid) throw new RuleError('INVALID_TIME_ZONE');
  return start;
}

/**
 * The n-th occurrence (0 = the first instance). Always computed from the first start, never from the
 * previous occurrence, so wall-clock time survives DST changes and monthly dates do not drift:
 * - weekly: same local time, n × interval weeks later (a local time skipped by a DST jump moves forward
 *   by the gap, e.g. 02:30 → 03:30, as calendars do);
 * - monthly: same day of month; on the 29th–31st, months without that day use their last day
 *   (clamp, like Outlook: Jan 31 → Feb 28 → Mar 31), so no month is skipped.
 * Every instance lasts exactly as long as the first (RFC 5545: the exact duration of DTSTART–DTEND).
 */
function occurrenceAt(schedule: Schedule, first: DateTime, n: number): Occurrence {
  const { frequency, interval } = schedule.recurrence;
  const start = frequency === 'weekly' ? first.plus({ weeks: n * interval }) : first.plus({ months: n });
  const duration = schedule.end.getTime() - schedule.start.getTime();
  return { start: start.toJSDate(), end: new Date(start.toMillis() + duration) };
}

/** An index at or before the first occurrence starting at `from`, to avoid walking from the first start. */
function firstIndexNear(schedule: Schedule, first: DateTime, from: Date): number {
  const ahead = from.getTime() - schedule.start.getTime();
  if (ahead <= 0) return 0;
  if (schedule.recurrence.frequency === 'weekly') {
    return Math.max(0, Math.floor(ahead / (WEEK_MS * schedule.recurrence.interval)) - 1);
  }
  const months = DateTime.fromJSDate(from, { zone: schedule.timeZone }).diff(first, 'months').months;
  return Math.max(0, Math.floor(months) - 1);
}

/** Occurrences whose start lies in [from, to), honouring `until` (inclusive), in start order. */
export function occurrencesBetween(schedule: Schedule, from: Date, to: Date): Occurrence[] {
  const first = zonedStart(schedule);
  const until = schedule.recurrence.until?.getTime() ?? Number.POSITIVE_INFINITY;
  const occurrences: Occurrence[] = [];
  for (let n = firstIndexNear(schedule, first, from); ; n++) {
    const occurrence = occurrenceAt(schedule, first, n);
    const start = occurrence.start.getTime();
    if (start >= to.getTime() || start > until) return occurrences;
    if (start >= from.getTime()) occurrences.push(occurrence);
  }
}

/** The window the daily top-up fills: from now to at least 8 weeks ahead. */
export function materialisationWindow(now: Date): { from: Date; to: Date } {
  const to = DateTime.fromJSDate(now, { zone: 'utc' }).plus({ weeks: MATERIALISATION_WEEKS, days: 1 });
  return { from: now, to: to.toJSDate() };
}

/**
 * The occurrences of a from-scratch series that have no instance yet, from its first start up to the
 * materialisation horizon. `existingOccurrenceStarts` must hold the `occurrenceStart` of every instance
 * ever created — deleted and cancelled ones too — so a deleted instance is never re-created and a moved
 * one is not duplicated.
 */
export function missingOccurrences(
  existingOccurrenceStarts: readonly Date[],
  schedule: Schedule,
  now: Date,
): Occurrence[] {
  const existing = new Set(existingOccurrenceStarts.map((start) => start.getTime()));
  const { to } = materialisationWindow(now);
  return occurrencesBetween(schedule, schedule.start, to).filter(
    (occurrence) => !existing.has(occurrence.start.getTime()),
  );
}
