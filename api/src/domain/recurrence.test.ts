import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  hasRecurrenceEnded,
  isRepeat,
  materialisationWindow,
  missingOccurrences,
  occurrencesBetween,
  parseRecurrence,
  REPEAT_OPTIONS,
  recurrenceFromRepeat,
  repeatOf,
  type Schedule,
  untilFromDay,
} from './recurrence.ts';
import { RuleError } from './rule-error.ts';
import type { Recurrence } from './types.ts';

function local(iso: string, zone: string): Date {
  return DateTime.fromISO(iso, { zone }).toJSDate();
}

function localTimes(dates: readonly Date[], zone: string): string[] {
  return dates.map((date) => DateTime.fromJSDate(date, { zone }).toFormat("yyyy-MM-dd'T'HH:mm"));
}

function schedule(startIso: string, zone: string, recurrence: Recurrence, minutes = 30): Schedule {
  const start = local(startIso, zone);
  return { start, end: new Date(start.getTime() + minutes * 60_000), timeZone: zone, recurrence };
}

const weekly: Recurrence = { frequency: 'weekly', interval: 1, until: null };
const monthly: Recurrence = { frequency: 'monthly', interval: 1, until: null };

describe('repeat options', () => {
  it('maps each repeat option to a recurrence and back', () => {
    for (const repeat of REPEAT_OPTIONS) {
      expect(repeatOf(recurrenceFromRepeat(repeat, null))).toBe(repeat);
    }
    expect(recurrenceFromRepeat('biweekly', null)).toEqual({ frequency: 'weekly', interval: 2, until: null });
    expect(recurrenceFromRepeat('none', null)).toBeNull();
  });

  it('recognises only the repeat options of SPEC.md', () => {
    expect(isRepeat('triweekly')).toBe(true);
    expect(isRepeat('daily')).toBe(false);
  });

  it('supports weekly, every 2 weeks, every 3 weeks and monthly only', () => {
    expect(parseRecurrence('weekly', 3, null)).toEqual({ frequency: 'weekly', interval: 3, until: null });
    expect(parseRecurrence('monthly', 1, null)).toEqual(monthly);
    expect(parseRecurrence('weekly', 4, null)).toBeNull();
    expect(parseRecurrence('monthly', 2, null)).toBeNull();
    expect(parseRecurrence('daily', 1, null)).toBeNull();
    expect(parseRecurrence('yearly', 1, null)).toBeNull();
  });
});

describe('occurrencesBetween', () => {
  it('keeps a 10:00 weekly meeting at 10:00 in Europe/Berlin across both DST changes', () => {
    const zone = 'Europe/Berlin';
    const series = schedule('2025-03-17T10:00', zone, weekly);
    const starts = occurrencesBetween(series, series.start, local('2025-04-08T00:00', zone)).map(
      (o) => o.start,
    );
    expect(localTimes(starts, zone)).toEqual([
      '2025-03-17T10:00',
      '2025-03-24T10:00',
      '2025-03-31T10:00',
      '2025-04-07T10:00',
    ]);
    expect(starts[1]?.toISOString()).toBe('2025-03-24T09:00:00.000Z');
    expect(starts[2]?.toISOString()).toBe('2025-03-31T08:00:00.000Z');

    const autumn = schedule('2025-10-20T10:00', zone, weekly);
    const autumnStarts = occurrencesBetween(autumn, autumn.start, local('2025-11-04T00:00', zone));
    expect(autumnStarts.map((o) => o.start.toISOString())).toEqual([
      '2025-10-20T08:00:00.000Z',
      '2025-10-27T09:00:00.000Z',
      '2025-11-03T09:00:00.000Z',
    ]);
  });

  it('keeps a 09:30 meeting at 09:30 in America/New_York across DST, which changes on other dates than Europe', () => {
    const zone = 'America/New_York';
    const series = schedule('2025-03-03T09:30', zone, weekly);
    const starts = occurrencesBetween(series, series.start, local('2025-03-18T00:00', zone)).map(
      (o) => o.start,
    );
    expect(localTimes(starts, zone)).toEqual(['2025-03-03T09:30', '2025-03-10T09:30', '2025-03-17T09:30']);
    expect(starts.map((s) => s.getUTCHours())).toEqual([14, 13, 13]);
  });

  it('moves a local time skipped by the DST jump forward by the gap', () => {
    const zone = 'Europe/Berlin';
    const series = schedule('2025-03-23T02:30', zone, weekly);
    const starts = occurrencesBetween(series, series.start, local('2025-04-07T00:00', zone)).map(
      (o) => o.start,
    );
    expect(localTimes(starts, zone)).toEqual(['2025-03-23T02:30', '2025-03-30T03:30', '2025-04-06T02:30']);
  });

  it('repeats every 2 and every 3 weeks from the first instance', () => {
    const zone = 'Europe/Berlin';
    const biweekly = schedule('2025-01-06T10:00', zone, { frequency: 'weekly', interval: 2, until: null });
    const triweekly = schedule('2025-01-06T10:00', zone, { frequency: 'weekly', interval: 3, until: null });
    const to = local('2025-02-18T00:00', zone);
    expect(
      localTimes(
        occurrencesBetween(biweekly, biweekly.start, to).map((o) => o.start),
        zone,
      ),
    ).toEqual(['2025-01-06T10:00', '2025-01-20T10:00', '2025-02-03T10:00', '2025-02-17T10:00']);
    expect(
      localTimes(
        occurrencesBetween(triweekly, triweekly.start, to).map((o) => o.start),
        zone,
      ),
    ).toEqual(['2025-01-06T10:00', '2025-01-27T10:00', '2025-02-17T10:00']);
  });

  it('repeats monthly on the same day of month and on the last day when a month is shorter (clamp, no drift)', () => {
    const zone = 'Europe/Berlin';
    const series = schedule('2024-01-31T10:00', zone, monthly);
    const starts = occurrencesBetween(series, series.start, local('2024-06-01T00:00', zone)).map(
      (o) => o.start,
    );
    expect(localTimes(starts, zone)).toEqual([
      '2024-01-31T10:00',
      '2024-02-29T10:00',
      '2024-03-31T10:00',
      '2024-04-30T10:00',
      '2024-05-31T10:00',
    ]);
  });

  it('clamps a monthly meeting on the 29th to February 28 in a common year', () => {
    const zone = 'America/New_York';
    const series = schedule('2025-01-29T16:00', zone, monthly);
    const starts = occurrencesBetween(series, series.start, local('2025-04-01T00:00', zone)).map(
      (o) => o.start,
    );
    expect(localTimes(starts, zone)).toEqual(['2025-01-29T16:00', '2025-02-28T16:00', '2025-03-29T16:00']);
  });

  it('keeps every instance as long as the first', () => {
    const series = schedule('2025-03-24T10:00', 'Europe/Berlin', weekly, 45);
    for (const occurrence of occurrencesBetween(series, series.start, local('2025-06-01T00:00', 'UTC'))) {
      expect(occurrence.end.getTime() - occurrence.start.getTime()).toBe(45 * 60_000);
    }
  });

  it('returns only starts in [from, to), also far from the first instance', () => {
    const zone = 'Europe/Berlin';
    const series = schedule('2020-01-06T10:00', zone, weekly);
    const from = local('2025-03-24T10:00', zone);
    const starts = occurrencesBetween(series, from, local('2025-04-07T10:00', zone)).map((o) => o.start);
    expect(localTimes(starts, zone)).toEqual(['2025-03-24T10:00', '2025-03-31T10:00']);

    const monthlySeries = schedule('2020-01-31T10:00', zone, monthly);
    const months = occurrencesBetween(
      monthlySeries,
      local('2025-02-01T00:00', zone),
      local('2025-04-01T00:00', zone),
    );
    expect(
      localTimes(
        months.map((o) => o.start),
        zone,
      ),
    ).toEqual(['2025-02-28T10:00', '2025-03-31T10:00']);
  });

  it('stops at the until date, which is inclusive', () => {
    const zone = 'Europe/Berlin';
    const until = local('2025-01-20T10:00', zone);
    const series = schedule('2025-01-06T10:00', zone, { frequency: 'weekly', interval: 1, until });
    const starts = occurrencesBetween(series, series.start, local('2025-12-31T00:00', zone)).map(
      (o) => o.start,
    );
    expect(localTimes(starts, zone)).toEqual(['2025-01-06T10:00', '2025-01-13T10:00', '2025-01-20T10:00']);
  });

  it('refuses an unknown time zone', () => {
    const series = { ...schedule('2025-01-06T10:00', 'UTC', weekly), timeZone: 'Mars/Olympus' };
    expect(() => occurrencesBetween(series, series.start, series.end)).toThrow(RuleError);
  });
});

describe('until and end of recurrence', () => {
  it('an end date picked as a day lets the series start until the end of that day in the owner zone', () => {
    const until = untilFromDay('2025-03-31', 'America/New_York');
    expect(until.toISOString()).toBe('2025-04-01T03:59:59.999Z');
    expect(() => untilFromDay('31/03/2025', 'UTC')).toThrow(RuleError);
    expect(() => untilFromDay('2025-02-30', 'UTC')).toThrow(RuleError);
    expect(() => untilFromDay('2025-02-03', 'Nowhere/Town')).toThrow(RuleError);
  });

  it('a recurrence has ended once its until date is behind us', () => {
    const now = new Date('2025-05-01T00:00:00Z');
    expect(hasRecurrenceEnded({ ...weekly, until: new Date('2025-04-30T00:00:00Z') }, now)).toBe(true);
    expect(hasRecurrenceEnded({ ...weekly, until: new Date('2025-05-02T00:00:00Z') }, now)).toBe(false);
    expect(hasRecurrenceEnded(weekly, now)).toBe(false);
  });
});

describe('materialisation: series instances exist at least 8 weeks ahead', () => {
  const now = new Date('2025-03-01T12:00:00Z');

  it('the window reaches at least 8 weeks ahead', () => {
    const { from, to } = materialisationWindow(now);
    expect(from).toEqual(now);
    expect(to.getTime() - now.getTime()).toBeGreaterThanOrEqual(8 * 7 * 24 * 3600 * 1000);
  });

  it('a new weekly series gets every instance of the next 8 weeks (8 Mondays from March 3)', () => {
    const series = schedule('2025-03-03T10:00', 'Europe/Berlin', weekly);
    const missing = missingOccurrences([], series, now);
    expect(missing).toHaveLength(8);
    expect(missing[0]?.start).toEqual(series.start);
    const last = missing.at(-1)?.start.getTime() ?? 0;
    expect(last).toBeGreaterThanOrEqual(now.getTime() + 7 * 7 * 24 * 3600 * 1000);
  });

  it('the daily top-up adds only the instances that never existed, never a deleted or moved one again', () => {
    const series = schedule('2025-03-03T10:00', 'Europe/Berlin', weekly);
    const all = missingOccurrences([], series, now);
    const existing = all.map((o) => o.start);
    expect(missingOccurrences(existing, series, now)).toEqual([]);

    const nextDay = new Date(now.getTime() + 6 * 24 * 3600 * 1000);
    const added = missingOccurrences(existing, series, nextDay);
    expect(added).toHaveLength(1);
    expect(added[0]?.start.getTime()).toBeGreaterThan(existing.at(-1)?.getTime() ?? 0);
  });

  it('stops topping up after the until date', () => {
    const until = local('2025-03-17T23:59', 'Europe/Berlin');
    const series = schedule('2025-03-03T10:00', 'Europe/Berlin', { frequency: 'weekly', interval: 1, until });
    expect(missingOccurrences([], series, now)).toHaveLength(3);
  });
});
