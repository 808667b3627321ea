// Archive and unarchive (SPEC.md "Updating, archiving, deleting"): a past series or single 1:1 moves to the
// Archived tab for both participants; either participant brings it back.
import {
  assertCanArchiveMeeting,
  assertCanArchiveSeries,
  assertCanUnarchiveMeeting,
  assertCanUnarchiveSeries,
} from '../domain/meeting-rules.ts';
import { hasRecurrenceEnded } from '../domain/recurrence.ts';
import { RuleError } from '../domain/rule-error.ts';
import type { Meeting, Series } from '../domain/types.ts';
import { AppError } from '../errors/app-error.ts';
import type { Store } from '../store/store.ts';
import type { CardSource } from './build-cards.ts';
import { seriesSource } from './load-one-on-one.ts';
import { isSeriesOver } from './series-state.ts';

/**
 * A series is archived once it is past: its last instance ended and its recurrence has nothing left to
 * start (see isSeriesOver). A connected series also needs its recurrence to have ended in the calendar,
 * which calendar sync keeps in `series.recurrence.until`. Archiving twice is a no-op. Instances follow
 * their series: their own `archived` flag stays false and readers ask the series.
 */
export async function archiveSeries(store: Store, userId: string, series: Series, now: Date) {
  const source = await seriesSource(store, series);
  if (series.archived) return source;
  assertCanArchiveSeries({
    userId,
    series,
    meetings: source.instances,
    now,
    recurrenceEnded: hasRecurrenceEnded(series.recurrence, now),
  });
  if (!isSeriesOver(series, source.instances, now)) throw new RuleError('ARCHIVE_NOT_PAST');
  const archived = await store.series.update(series.tenantId, series.id, { archived: true });
  if (!archived) throw AppError.notFound('1:1');
  return { ...source, series: archived };
}

/** Either participant; refused with the existing id when the pair has another active series meanwhile. */
export async function unarchiveSeries(store: Store, userId: string, series: Series) {
  if (!series.archived) return seriesSource(store, series);
  const active = await store.series.findActiveByPair(series.tenantId, series.pairKey);
  assertCanUnarchiveSeries(userId, series, active?.id ?? null);
  const result = await store.series.unarchive(series.tenantId, series.id);
  // The unique index saw a series created between our check and the write.
  if (!result.ok) throw new RuleError('ONE_SERIES_PER_PAIR', { existingSeriesId: result.existingSeriesId });
  return seriesSource(store, { ...series, archived: false });
}

/** Single 1:1s only; an instance of a series is archived with its series (ARCHIVE_SERIES_INSTANCE). */
export async function archiveMeeting(store: Store, userId: string, meeting: Meeting, now: Date) {
  assertCanArchiveMeeting(userId, meeting, now);
  return setMeetingArchived(store, meeting, true);
}

export async function unarchiveMeeting(store: Store, userId: string, meeting: Meeting) {
  assertCanUnarchiveMeeting(userId, meeting);
  if (meeting.seriesId !== null) throw new RuleError('ARCHIVE_SERIES_INSTANCE');
  return setMeetingArchived(store, meeting, false);
}

async function setMeetingArchived(store: Store, meeting: Meeting, archived: boolean): Promise<CardSource> {
  if (meeting.archived === archived) return { kind: 'single', meeting };
  const updated = await store.meetings.update(meeting.tenantId, meeting.id, { archived });
  if (!updated) throw AppError.notFound('1:1');
  return { kind: 'single', meeting: updated };
}
