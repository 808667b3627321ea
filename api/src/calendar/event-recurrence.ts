// Builds the neutral recurrence of an event from what both providers say: a pattern, an interval, an end
// given as a date or as a number of occurrences.
import { DateTime } from 'luxon';
import type { EventRecurrence } from './calendar-event.ts';

export interface RecurrenceFacts {
  /** weekly or monthly on the same day of month; anything else is "other". */
  readonly kind: 'weekly' | 'monthly' | 'other';
  readonly interval: number;
  /** Weekly: how many weekdays the pattern names (a 1:1 repeats on one). */
  readonly weekdays: number;
  /** The last day an occurrence may fall on, as YYYY-MM-DD in `zone`. */
  readonly endDate: string | null;
  /** An exact last start (Google's UNTIL in UTC). */
  readonly endInstant: Date | null;
  readonly count: number | null;
  /** The first occurrence, and the zone the pattern repeats in. */
  readonly start: Date;
  readonly zone: string;
}

/** `until` = the last instant an occurrence may start (inclusive), as the domain's Recurrence has it. */
function untilOf(facts: RecurrenceFacts): Date | null {
  if (facts.endInstant) return facts.endInstant;
  if (facts.endDate) {
    const day = DateTime.fromISO(facts.endDate, { zone: facts.zone });
    return day.isValid ? day.endOf('day').toJSDate() : null;
  }
  if (facts.count !== null && facts.count > 0) {
    const first = DateTime.fromJSDate(facts.start, { zone: facts.zone });
    const steps = facts.count - 1;
    const last =
      facts.kind === 'monthly'
        ? first.plus({ months: steps * facts.interval })
        : first.plus({ weeks: steps * facts.interval });
    return last.toJSDate();
  }
  return null;
}

export function eventRecurrence(facts: RecurrenceFacts): EventRecurrence {
  const until = untilOf(facts);
  if (facts.kind === 'weekly' && facts.weekdays <= 1) {
    if (facts.interval === 1 || facts.interval === 2 || facts.interval === 3) {
      return { kind: 'weekly', interval: facts.interval, until };
    }
  }
  if (facts.kind === 'monthly' && facts.interval === 1) return { kind: 'monthly', interval: 1, until };
  return { kind: 'other', until };
}
