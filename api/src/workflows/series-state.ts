// Where a series stands in time: over (past), and which of its instances were moved on their own.
// Pure rules the domain does not have yet (they need the recurrence as well as the instances).
import { isSeriesPast } from '../domain/meeting-rules.ts';
import { occurrencesBetween } from '../domain/recurrence.ts';
import type { Meeting, Series } from '../domain/types.ts';

type Instance = Pick<Meeting, 'start' | 'end' | 'deleted'>;

/**
 * SPEC.md "Past": a series is past when its last instance has ended. Instances exist only up to the
 * materialisation horizon, so the recurrence must also have no occurrence left to start: a series
 * without an end date is never past (the top-up job keeps adding instances), whatever is stored.
 */
export function isSeriesOver(series: Series, instances: readonly Instance[], now: Date): boolean {
  if (!isSeriesPast(instances, now)) return false;
  const { until } = series.recurrence;
  if (until === null) return false;
  if (until.getTime() < now.getTime()) return true;
  return occurrencesBetween(series, now, new Date(until.getTime() + 1)).length === 0;
}

/**
 * An instance moved on its own (PATCH /meetings/:id, or the calendar moved one occurrence): its start
 * left the slot the recurrence gave it, or its length differs from the series'. A series retime
 * leaves such instances where they are.
 */
export function isMovedInstance(series: Pick<Series, 'start' | 'end'>, instance: Meeting): boolean {
  if (instance.occurrenceStart === null) return false;
  if (instance.start.getTime() !== instance.occurrenceStart.getTime()) return true;
  const seriesLength = series.end.getTime() - series.start.getTime();
  return instance.end.getTime() - instance.start.getTime() !== seriesLength;
}
