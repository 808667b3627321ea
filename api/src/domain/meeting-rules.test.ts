import { describe, expect, it } from 'vitest';
import {
  assertCanArchiveMeeting,
  assertCanArchiveSeries,
  assertCanDeleteMeeting,
  assertCanDeleteSeries,
  assertCanUnarchiveMeeting,
  assertCanUnarchiveSeries,
  hasSeriesStarted,
  hasStarted,
  isFuture,
  isPast,
  isSeriesPast,
  lastInstance,
} from './meeting-rules.ts';
import { meeting, OTHER, OWNER, STRANGER, series } from './test-fixtures.ts';

const refusedWith = (code: string, status?: number) =>
  expect.objectContaining(status === undefined ? { code } : { code, status });

const at = (iso: string) => new Date(iso);
const single = meeting({ start: at('2025-03-10T09:00:00Z'), end: at('2025-03-10T09:30:00Z') });
const before = at('2025-03-10T08:00:00Z');
const during = at('2025-03-10T09:15:00Z');
const after = at('2025-03-10T10:00:00Z');

function instances(...starts: string[]) {
  return starts.map((start, index) =>
    meeting({
      id: `m${index}`,
      seriesId: 's1',
      start: at(start),
      end: new Date(at(start).getTime() + 30 * 60_000),
    }),
  );
}

describe('past and started', () => {
  it('a 1:1 is past when its end is before now', () => {
    expect(isPast(single, before)).toBe(false);
    expect(isPast(single, during)).toBe(false);
    expect(isPast(single, single.end)).toBe(false);
    expect(isPast(single, after)).toBe(true);
  });

  it('a 1:1 has started from its start on; before that it is future', () => {
    expect(hasStarted(single, before)).toBe(false);
    expect(hasStarted(single, single.start)).toBe(true);
    expect(isFuture(single, before)).toBe(true);
    expect(isFuture(single, during)).toBe(false);
  });

  it('a series is past when its last instance has ended, deleted instances aside', () => {
    const list = instances('2025-03-03T09:00:00Z', '2025-03-10T09:00:00Z', '2025-03-17T09:00:00Z');
    expect(isSeriesPast(list, after)).toBe(false);
    const lastDeleted = list.map((m, i) => (i === 2 ? { ...m, deleted: true } : m));
    expect(isSeriesPast(lastDeleted, after)).toBe(true);
    const lastCancelled = list.map((m, i) => (i === 2 ? { ...m, status: 'cancelled' as const } : m));
    expect(isSeriesPast(lastCancelled, after)).toBe(false);
    expect(isSeriesPast([], after)).toBe(false);
  });

  it('a series has started once any live instance has started', () => {
    const list = instances('2025-03-10T09:00:00Z', '2025-03-17T09:00:00Z');
    expect(hasSeriesStarted(list, before)).toBe(false);
    expect(hasSeriesStarted(list, during)).toBe(true);
    expect(hasSeriesStarted([{ ...list[0]!, deleted: true }, list[1]!], during)).toBe(false);
  });

  it('the last meeting of a series is its last live instance', () => {
    const list = instances('2025-03-10T09:00:00Z', '2025-03-17T09:00:00Z');
    expect(lastInstance(list)?.id).toBe('m1');
    expect(lastInstance([list[0]!, { ...list[1]!, deleted: true }])?.id).toBe('m0');
    expect(lastInstance([])).toBeNull();
  });
});

describe('archive', () => {
  it('only a past 1:1 can be archived, by either participant', () => {
    expect(() => assertCanArchiveMeeting(OTHER, single, after)).not.toThrow();
    expect(() => assertCanArchiveMeeting(OWNER, single, during)).toThrow(
      refusedWith('ARCHIVE_NOT_PAST', 422),
    );
    expect(() => assertCanArchiveMeeting(STRANGER, single, after)).toThrow(
      refusedWith('NOT_PARTICIPANT', 404),
    );
  });

  it('an instance of a series is archived with its series, not on its own', () => {
    const [instance] = instances('2025-03-10T09:00:00Z');
    expect(() => assertCanArchiveMeeting(OWNER, instance!, after)).toThrow(
      refusedWith('ARCHIVE_SERIES_INSTANCE'),
    );
  });

  it('only a past series can be archived', () => {
    const list = instances('2025-03-03T09:00:00Z', '2025-03-10T09:00:00Z');
    const input = { userId: OTHER, series: series(), meetings: list, recurrenceEnded: false };
    expect(() => assertCanArchiveSeries({ ...input, now: after })).not.toThrow();
    expect(() => assertCanArchiveSeries({ ...input, now: during })).toThrow(refusedWith('ARCHIVE_NOT_PAST'));
  });

  it('a connected series can be archived only after its recurrence has ended in the calendar', () => {
    const list = instances('2025-03-10T09:00:00Z');
    const connected = series({ connection: 'connected' });
    const input = { userId: OWNER, series: connected, meetings: list, now: after };
    expect(() => assertCanArchiveSeries({ ...input, recurrenceEnded: false })).toThrow(
      refusedWith('ARCHIVE_CONNECTED_RECURRENCE_NOT_ENDED', 422),
    );
    expect(() => assertCanArchiveSeries({ ...input, recurrenceEnded: true })).not.toThrow();
    const disconnected = series({ connection: 'disconnected' });
    expect(() =>
      assertCanArchiveSeries({ ...input, series: disconnected, recurrenceEnded: false }),
    ).not.toThrow();
  });

  it('either participant can unarchive', () => {
    expect(() => assertCanUnarchiveMeeting(OTHER, { ...single, archived: true })).not.toThrow();
    expect(() => assertCanUnarchiveMeeting(STRANGER, single)).toThrow(refusedWith('NOT_PARTICIPANT'));
    expect(() => assertCanUnarchiveSeries(OTHER, series({ archived: true }), null)).not.toThrow();
  });

  it('unarchiving a series is refused while the pair has another active series', () => {
    expect(() => assertCanUnarchiveSeries(OWNER, series({ archived: true }), 's2')).toThrow(
      expect.objectContaining({
        code: 'ONE_SERIES_PER_PAIR',
        status: 409,
        details: { existingSeriesId: 's2' },
      }),
    );
  });
});

describe('delete', () => {
  it('only the owner can delete a 1:1', () => {
    expect(() => assertCanDeleteMeeting(OWNER, single, before)).not.toThrow();
    expect(() => assertCanDeleteMeeting(OTHER, single, before)).toThrow(refusedWith('DELETE_NOT_OWNER', 403));
    expect(() => assertCanDeleteMeeting(STRANGER, single, before)).toThrow(
      refusedWith('NOT_PARTICIPANT', 404),
    );
  });

  it('a past 1:1 is never deleted (it can only be archived)', () => {
    expect(() => assertCanDeleteMeeting(OWNER, single, after)).toThrow(refusedWith('DELETE_PAST', 422));
  });

  it('"delete this instance" deletes only a future instance of a series', () => {
    const [instance] = instances('2025-03-10T09:00:00Z');
    expect(() => assertCanDeleteMeeting(OWNER, instance!, before)).not.toThrow();
    expect(() => assertCanDeleteMeeting(OWNER, instance!, during)).toThrow(
      refusedWith('DELETE_INSTANCE_NOT_FUTURE'),
    );
    expect(() => assertCanDeleteMeeting(OWNER, instance!, after)).toThrow(refusedWith('DELETE_PAST'));
    expect(() => assertCanDeleteMeeting(OTHER, instance!, before)).toThrow(refusedWith('DELETE_NOT_OWNER'));
  });

  it('a whole series can be deleted by its owner while none of its instances has started', () => {
    const list = instances('2025-03-10T09:00:00Z', '2025-03-17T09:00:00Z');
    expect(() => assertCanDeleteSeries(OWNER, series(), list, before)).not.toThrow();
    expect(() => assertCanDeleteSeries(OWNER, series(), list, during)).toThrow(
      refusedWith('DELETE_SERIES_STARTED'),
    );
    expect(() => assertCanDeleteSeries(OTHER, series(), list, before)).toThrow(
      refusedWith('DELETE_NOT_OWNER'),
    );
  });

  it('a past series is never deleted', () => {
    const list = instances('2025-03-03T09:00:00Z', '2025-03-10T09:00:00Z');
    expect(() => assertCanDeleteSeries(OWNER, series(), list, after)).toThrow(refusedWith('DELETE_PAST'));
  });

  it('a cancelled first instance that has started still counts as started', () => {
    const list = instances('2025-03-10T09:00:00Z', '2025-03-17T09:00:00Z');
    const cancelled = [{ ...list[0]!, status: 'cancelled' as const }, list[1]!];
    expect(() => assertCanDeleteSeries(OWNER, series(), cancelled, during)).toThrow(
      refusedWith('DELETE_SERIES_STARTED'),
    );
  });
});
