// What a batch of calendar changes does to the owner's 1:1s (SPEC.md "From the calendar"): renamed or retimed
// events update their 1:1 or series, a deleted occurrence is cancelled, a split disconnects the series,
// declines do nothing. Provider-agnostic: it sees only CalendarChanges.

import type { CalendarChanges, CalendarEvent, TimeWindow } from '../calendar/calendar-event.ts';
import type { CalendarProvider } from '../calendar/calendar-provider.ts';
import { newSeriesInstance } from '../domain/new-meeting.ts';
import type { Meeting, Series } from '../domain/types.ts';
import type { CalendarConnection } from '../store/calendar-connections.ts';
import type { LinkedMeeting, LinkedSeries } from '../store/calendar-links.ts';
import type { Store } from '../store/store.ts';
import { meetingView } from './build-cards.ts';
import {
  CALENDAR_ACTOR_ID,
  isSplit,
  patchFromEvent,
  removalOf,
  seriesRecurrenceOf,
  titleOf,
} from './calendar-rules.ts';

export interface AppliedChanges {
  readonly updated: number;
  readonly created: number;
  readonly cancelled: number;
  readonly disconnected: number;
}

interface Batch {
  readonly store: Store;
  readonly provider: CalendarProvider;
  readonly connection: CalendarConnection;
  readonly now: Date;
  /** Followed series by their master id (not archived). */
  readonly byMaster: Map<string, LinkedSeries>;
  readonly bySeriesId: Map<string, Series>;
  readonly counts: { updated: number; created: number; cancelled: number; disconnected: number };
}

export async function applyCalendarChanges(
  store: Store,
  provider: CalendarProvider,
  connection: CalendarConnection,
  changes: CalendarChanges,
  window: TimeWindow,
  now: Date,
): Promise<AppliedChanges> {
  // Nothing changed (the usual sweep): no reads at all, so a quiet sweep costs one provider request per user.
  if (!changes.full && changes.events.length === 0 && changes.removedIds.length === 0) {
    return { updated: 0, created: 0, cancelled: 0, disconnected: 0 };
  }
  const { tenantId, userId } = connection;
  // Events that left the window are not ours to judge (Graph's delta keeps the window it started with).
  const events = changes.events.filter((event) => event.start >= window.from && event.start < window.to);
  const linked = (await store.calendarLinks.listLinkedSeries(tenantId, userId)).filter(
    (entry) => entry.link !== null && !entry.series.archived,
  );
  const batch: Batch = {
    store,
    provider,
    connection,
    now,
    byMaster: new Map(linked.map((entry) => [entry.link?.masterId ?? '', entry])),
    bySeriesId: new Map(linked.map((entry) => [entry.series.id, entry.series])),
    counts: { updated: 0, created: 0, cancelled: 0, disconnected: 0 },
  };
  const known = await store.calendarLinks.meetingsOfEvents(tenantId, userId, [
    ...events.map((event) => event.id),
    ...changes.removedIds,
  ]);
  const meetingOfEvent = new Map(known.map((entry) => [entry.calendarEventId ?? '', entry.meeting]));
  const removed = known.filter((entry) => changes.removedIds.includes(entry.calendarEventId ?? ''));
  if (changes.full) removed.push(...(await missingFromListing(store, connection, events, window)));

  await refreshSeries(batch, events, removed);
  for (const event of events) await applyEvent(batch, event, meetingOfEvent.get(event.id) ?? null);
  for (const entry of removed) await applyRemoval(batch, entry.meeting);
  return batch.counts;
}

/** After a full listing (first sync, expired cursor), linked 1:1s in the window it does not list are gone. */
async function missingFromListing(
  store: Store,
  connection: CalendarConnection,
  events: readonly CalendarEvent[],
  window: TimeWindow,
): Promise<LinkedMeeting[]> {
  const listed = new Set(events.map((event) => event.id));
  const linked = await store.calendarLinks.linkedMeetingsBetween(
    connection.tenantId,
    connection.userId,
    window.from,
    window.to,
  );
  return linked.filter(
    (entry) => entry.meeting.status === 'scheduled' && !listed.has(entry.calendarEventId ?? ''),
  );
}

/** Series whose calendar series changed take its title, times and recurrence end, or are disconnected by a split. */
async function refreshSeries(
  batch: Batch,
  events: readonly CalendarEvent[],
  removed: readonly LinkedMeeting[],
) {
  const touched = new Set<string>();
  for (const event of events) {
    const entry = event.seriesMasterId ? batch.byMaster.get(event.seriesMasterId) : undefined;
    if (entry) touched.add(entry.series.id);
  }
  for (const { meeting } of removed) if (meeting.seriesId) touched.add(meeting.seriesId);
  const newMasterIds = [
    ...new Set(
      events.flatMap((event) =>
        event.seriesMasterId && !batch.byMaster.has(event.seriesMasterId) ? [event.seriesMasterId] : [],
      ),
    ),
  ];
  const newMasters = new Map<string, CalendarEvent | null>();

  for (const entry of batch.byMaster.values()) {
    if (!touched.has(entry.series.id) || entry.series.connection !== 'connected' || !entry.link) continue;
    const master = await batch.provider.getEvent(entry.link.masterId);
    // The whole calendar series was deleted: its occurrences arrive as removals and are cancelled.
    if (!master) continue;
    const recurrence = seriesRecurrenceOf(master.recurrence);
    const pair = await pairEmails(batch, entry.series);
    let split = recurrence === null;
    for (const id of newMasterIds) {
      if (split) break;
      if (!newMasters.has(id)) newMasters.set(id, await batch.provider.getEvent(id));
      const candidate = newMasters.get(id);
      split = candidate ? isSplit(entry.series.recurrence.until, master, candidate, pair) : false;
    }
    const patch = split
      ? { connection: 'disconnected' as const, ...(recurrence ? { recurrence } : {}) }
      : {
          title: titleOf(master),
          start: master.start,
          end: master.end,
          timeZone: master.timeZone ?? entry.series.timeZone,
          ...(recurrence ? { recurrence } : {}),
        };
    const updated = await batch.store.calendarLinks.updateSeriesFromCalendar(
      entry.series.tenantId,
      entry.series.id,
      patch,
    );
    if (updated) batch.bySeriesId.set(updated.id, updated);
    if (split) batch.counts.disconnected += 1;
  }
}

async function pairEmails(batch: Batch, series: Series): Promise<string[]> {
  const people = await batch.store.users.findMany(series.tenantId, [...series.participantIds]);
  return people.map((person) => person.email.toLowerCase());
}

/** The series an event feeds, only while it is connected (a disconnected one waits for a relink). */
function connectedSeriesOf(batch: Batch, event: CalendarEvent): Series | null {
  const entry = event.seriesMasterId ? batch.byMaster.get(event.seriesMasterId) : undefined;
  const series = entry ? batch.bySeriesId.get(entry.series.id) : undefined;
  return series && series.connection === 'connected' ? series : null;
}

async function applyEvent(batch: Batch, event: CalendarEvent, meeting: Meeting | null): Promise<void> {
  if (event.kind === 'master') return;
  const series = event.seriesMasterId ? connectedSeriesOf(batch, event) : null;
  if (event.seriesMasterId && !series) return;
  if (meeting) {
    if (meeting.deleted) return;
    const patch = patchFromEvent(meeting, event);
    if (Object.keys(patch).length === 0) return;
    const updated = await batch.store.calendarLinks.updateMeetingFromCalendar(
      meeting.tenantId,
      meeting.id,
      patch,
    );
    if (updated) await recordChange(batch, updated);
    batch.counts.updated += 1;
    return;
  }
  // A single event that is not a 1:1 stays in the calendar only.
  if (!series) return;
  const instance = {
    ...newSeriesInstance(series, event.start, event.end),
    title: titleOf(event),
    occurrenceStart: event.originalStart ?? event.start,
    status: event.cancelled ? ('cancelled' as const) : ('scheduled' as const),
  };
  const created = await batch.store.calendarLinks.insertLinkedMeetings(
    [{ meeting: instance, calendarEventId: event.id, iCalUId: event.iCalUId }],
    batch.now,
  );
  batch.counts.created += created.length;
}

async function applyRemoval(batch: Batch, meeting: Meeting): Promise<void> {
  if (meeting.deleted || meeting.status === 'cancelled') return;
  const series = meeting.seriesId ? batch.bySeriesId.get(meeting.seriesId) : null;
  if (meeting.seriesId && series?.connection !== 'connected') return;
  const change = removalOf(meeting, series?.recurrence.until ?? null);
  const updated = await batch.store.calendarLinks.updateMeetingFromCalendar(
    meeting.tenantId,
    meeting.id,
    change,
  );
  if (updated) await recordChange(batch, updated, 'deleted' in change);
  batch.counts.cancelled += 1;
}

/** Open workspaces of both participants reload (the calendar is nobody's edit). */
async function recordChange(batch: Batch, meeting: Meeting, deleted = false): Promise<void> {
  await batch.store.changes.record({
    tenantId: meeting.tenantId,
    meetingId: meeting.id,
    actorId: CALENDAR_ACTOR_ID,
    type: 'meeting.updated',
    payload: { meeting: meetingView(meeting), ...(deleted ? { deleted: true } : {}) },
    at: batch.now,
  });
}
