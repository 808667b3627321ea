// Past and started, and the archive, unarchive and delete rules of SPEC.md "Updating, archiving, deleting".
import { assertParticipant } from './permissions.ts';
import { RuleError } from './rule-error.ts';
import type { Id, Meeting, Series } from './types.ts';

type Instance = Pick<Meeting, 'start' | 'end' | 'deleted'>;

/** SPEC.md "Past": a 1:1 whose end is before now. */
export function isPast(meeting: Pick<Meeting, 'end'>, now: Date): boolean {
  return meeting.end.getTime() < now.getTime();
}

export function hasStarted(meeting: Pick<Meeting, 'start'>, now: Date): boolean {
  return meeting.start.getTime() <= now.getTime();
}

export function isFuture(meeting: Pick<Meeting, 'start'>, now: Date): boolean {
  return !hasStarted(meeting, now);
}

/** Deleted instances are gone for every rule; cancelled ones still count (they stay listed, struck through). */
function liveInstances<T extends Instance>(meetings: readonly T[]): T[] {
  return meetings.filter((meeting) => !meeting.deleted);
}

/** A series is past when its last instance has ended. A series without any instance left is not past. */
export function isSeriesPast(meetings: readonly Instance[], now: Date): boolean {
  const live = liveInstances(meetings);
  return live.length > 0 && live.every((meeting) => isPast(meeting, now));
}

export function hasSeriesStarted(meetings: readonly Instance[], now: Date): boolean {
  return liveInstances(meetings).some((meeting) => hasStarted(meeting, now));
}

/** The last live instance by end, for "last meeting" on a card. */
export function lastInstance<T extends Instance>(meetings: readonly T[]): T | null {
  return liveInstances(meetings).reduce<T | null>(
    (last, meeting) => (last === null || meeting.end > last.end ? meeting : last),
    null,
  );
}

/** Only a past single 1:1 is archived on its own; an instance follows its series. Archiving twice is a no-op. */
export function assertCanArchiveMeeting(userId: Id, meeting: Meeting, now: Date): void {
  assertParticipant(userId, meeting);
  if (meeting.seriesId !== null) throw new RuleError('ARCHIVE_SERIES_INSTANCE');
  if (!isPast(meeting, now)) throw new RuleError('ARCHIVE_NOT_PAST');
}

export type SeriesArchiveInput = {
  userId: Id;
  series: Series;
  meetings: readonly Instance[];
  now: Date;
  /**
   * For a connected series: the calendar's series master has an end and it is behind us (kept by
   * calendar sync, e.g. via hasRecurrenceEnded on the synced recurrence).
   */
  recurrenceEnded: boolean;
};

/**
 * Only a past series is archived, and a connected one only once its recurrence ended in the calendar
 * (otherwise the calendar would keep producing instances of an archived series). A disconnected series
 * is no longer fed by the calendar, so being past is enough.
 */
export function assertCanArchiveSeries(input: SeriesArchiveInput): void {
  const { userId, series, meetings, now, recurrenceEnded } = input;
  assertParticipant(userId, series);
  if (!isSeriesPast(meetings, now)) throw new RuleError('ARCHIVE_NOT_PAST');
  if (series.connection === 'connected' && !recurrenceEnded) {
    throw new RuleError('ARCHIVE_CONNECTED_RECURRENCE_NOT_ENDED');
  }
}

/** Either participant unarchives a single 1:1. */
export function assertCanUnarchiveMeeting(userId: Id, meeting: Meeting): void {
  assertParticipant(userId, meeting);
}

/**
 * Either participant unarchives a series, unless the pair has meanwhile another active series
 * (one active series per pair): `activeSeriesIdOfPair` is that series' id, or null.
 */
export function assertCanUnarchiveSeries(userId: Id, series: Series, activeSeriesIdOfPair: Id | null): void {
  assertParticipant(userId, series);
  if (activeSeriesIdOfPair !== null && activeSeriesIdOfPair !== series.id) {
    throw new RuleError('ONE_SERIES_PER_PAIR', { existingSeriesId: activeSeriesIdOfPair });
  }
}

function assertOwner(userId: Id, record: Pick<Meeting, 'ownerId' | 'participantIds'>): void {
  assertParticipant(userId, record);
  if (record.ownerId !== userId) throw new RuleError('DELETE_NOT_OWNER');
}

/**
 * Deleting a 1:1: only the owner, never a past one (those are archived). For an instance of a series
 * ("delete this instance") only a future one — not one under way.
 */
export function assertCanDeleteMeeting(userId: Id, meeting: Meeting, now: Date): void {
  assertOwner(userId, meeting);
  if (isPast(meeting, now)) throw new RuleError('DELETE_PAST');
  if (meeting.seriesId !== null && !isFuture(meeting, now)) throw new RuleError('DELETE_INSTANCE_NOT_FUTURE');
}

/** A whole series is deleted by its owner while none of its instances has started (cancelled ones included). */
export function assertCanDeleteSeries(
  userId: Id,
  series: Series,
  meetings: readonly Instance[],
  now: Date,
): void {
  assertOwner(userId, series);
  if (isSeriesPast(meetings, now)) throw new RuleError('DELETE_PAST');
  if (hasSeriesStarted(meetings, now)) throw new RuleError('DELETE_SERIES_STARTED');
}
