// Creates the missing instances of a from-scratch series up to the horizon (at least 8 weeks ahead).
// Called on creation, after a retime, and by the daily top-up job.
import { newSeriesInstance } from '../domain/new-meeting.ts';
import { missingOccurrences } from '../domain/recurrence.ts';
import type { Meeting, Series } from '../domain/types.ts';
import type { Store } from '../store/store.ts';

/**
 * Inserts the instances the recurrence gives and the series lacks; returns the ones this call created.
 * - A deleted instance keeps its document (and its `occurrenceStart`), so its slot is never re-created.
 * - A moved instance keeps the `occurrenceStart` it was created with, so it is not duplicated.
 * - Two runs at the same time are safe: the unique index on (seriesId, occurrenceStart) refuses the
 *   second copy of a slot and the unordered insert keeps the rest.
 * Archived series and calendar-fed series (connected or disconnected: their instances come from the
 * calendar sync) are left alone.
 */
export async function materialiseSeries(store: Store, series: Series, now: Date): Promise<Meeting[]> {
  if (series.archived || series.connection !== 'none') return [];
  const existing = await store.meetings.listBySeries(series.tenantId, series.id, { includeDeleted: true });
  const starts = existing.flatMap((meeting) => (meeting.occurrenceStart ? [meeting.occurrenceStart] : []));
  const missing = missingOccurrences(starts, series, now);
  return store.meetings.insertMany(
    missing.map((occurrence) => newSeriesInstance(series, occurrence.start, occurrence.end)),
    now,
  );
}
