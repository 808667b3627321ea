// Delete (SPEC.md "Updating, archiving, deleting"): only the owner, never a past 1:1; a whole series only
// while none of its instances has started; "delete this instance" for one future instance of a series.
import { assertCanDeleteMeeting, assertCanDeleteSeries } from '../domain/meeting-rules.ts';
import type { Meeting, Series } from '../domain/types.ts';
import type { Store } from '../store/store.ts';
import { meetingView } from './build-cards.ts';

/**
 * Removes the meetings' content (items, both private notes, kept shared-note versions), then the
 * meetings. Content goes first so a crash half-way never leaves content without its meeting.
 */
async function removeMeetings(store: Store, tenantId: string, meetingIds: readonly string[]) {
  await store.items.removeForMeetings(tenantId, meetingIds);
  await store.privateNotes.removeForMeetings(tenantId, meetingIds);
  await store.meetings.removeNoteVersions(meetingIds);
}

/**
 * The series document goes last: if anything fails before, the series is still listed with fewer
 * instances and the owner can delete it again.
 */
export async function deleteSeries(store: Store, userId: string, series: Series, now: Date): Promise<void> {
  const all = await store.meetings.listBySeries(series.tenantId, series.id, { includeDeleted: true });
  assertCanDeleteSeries(userId, series, all, now);
  const ids = all.map((meeting) => meeting.id);
  await removeMeetings(store, series.tenantId, ids);
  await store.meetings.removeBySeries(series.tenantId, series.id);
  await store.series.remove(series.tenantId, series.id);
}

/**
 * A single 1:1 is removed with its content. An instance of a series is only marked deleted: it
 * disappears for both participants, and its slot stays taken so the recurrence never re-creates it.
 */
export async function deleteMeeting(
  store: Store,
  userId: string,
  meeting: Meeting,
  now: Date,
): Promise<void> {
  assertCanDeleteMeeting(userId, meeting, now);
  if (meeting.seriesId !== null) {
    await store.meetings.update(meeting.tenantId, meeting.id, { deleted: true });
  } else {
    await removeMeetings(store, meeting.tenantId, [meeting.id]);
    await store.meetings.remove(meeting.tenantId, meeting.id);
  }
  // An open workspace of the other participant reloads and learns the 1:1 is gone.
  await store.changes.record({
    tenantId: meeting.tenantId,
    meetingId: meeting.id,
    actorId: userId,
    type: 'meeting.updated',
    payload: { meeting: meetingView(meeting), deleted: true },
    at: now,
  });
}
