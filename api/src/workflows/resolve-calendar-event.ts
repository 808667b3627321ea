// The Outlook side panel's question "which 1:1 is this calendar event?": an event, an occurrence or its series
// master (by the caller's event ids or the shared iCalUId) resolved to the 1:1 the caller takes part in, and
// otherwise what "Create 1:1 from this meeting" can import from the caller's connected calendar.
import type { CalendarEvent } from '../calendar/calendar-event.ts';
import type { CalendarProvider } from '../calendar/calendar-provider.ts';
import type { Meeting } from '../domain/types.ts';
import type { CalendarCandidate } from '../schemas/calendar.ts';
import type { Card } from '../schemas/one-on-ones.ts';
import type { Store } from '../store/store.ts';
import type { User } from '../store/users.ts';
import { buildCard } from './build-cards.ts';
import { assessEntry } from './calendar-candidates.ts';
import { seriesSource } from './load-one-on-one.ts';

/** What the caller knows of the event: the item's ids as Outlook gives them (REST form), maybe its iCalUId. */
export interface EventKeys {
  readonly eventId: string;
  readonly seriesMasterId: string | null;
  readonly iCalUId: string | null;
}

export interface EventOneOnOne {
  readonly kind: 'series' | 'single';
  readonly id: string;
  /** The instance this event is, else the series' next (or last) 1:1. */
  readonly meetingId: string | null;
  readonly card: Card;
}

/** The event and its master as the caller's connected calendar has them (null without a calendar). */
export interface CalendarView {
  readonly event: CalendarEvent;
  readonly master: CalendarEvent | null;
}

export async function readCalendarView(
  provider: CalendarProvider,
  eventId: string,
): Promise<CalendarView | null> {
  const event = await provider.getEvent(eventId);
  if (!event) return null;
  if (event.kind === 'master') return { event, master: event };
  const master = event.seriesMasterId ? await provider.getEvent(event.seriesMasterId) : null;
  return { event, master };
}

const isParticipant = (record: { participantIds: readonly string[] }, userId: string) =>
  record.participantIds.includes(userId);

/** Every id and iCalUId the event is known by: from the request and, when connected, from the calendar. */
function keysOf(keys: EventKeys, view: CalendarView | null) {
  const eventIds = new Set([keys.eventId]);
  const masterIds = new Set<string>([keys.eventId]);
  const iCalUIds = new Set<string>();
  if (keys.seriesMasterId) masterIds.add(keys.seriesMasterId);
  if (keys.iCalUId) iCalUIds.add(keys.iCalUId);
  if (view) {
    eventIds.add(view.event.id);
    if (view.event.iCalUId) iCalUIds.add(view.event.iCalUId);
    if (view.master) {
      masterIds.add(view.master.id);
      if (view.master.iCalUId) iCalUIds.add(view.master.iCalUId);
    }
  }
  return { eventIds: [...eventIds], masterIds: [...masterIds], iCalUIds: [...iCalUIds] };
}

async function seriesAnswer(store: Store, user: User, seriesId: string, instance: Meeting | null, now: Date) {
  const series = await store.series.findVisible(user.tenantId, seriesId, user.id);
  if (!series) return null;
  const card = await buildCard(store, user.tenantId, await seriesSource(store, series), now);
  const meetingId = instance?.id ?? card.nextMeeting?.id ?? card.lastMeeting?.id ?? null;
  return { kind: 'series' as const, id: series.id, meetingId, card };
}

/** The 1:1 of this event that the caller takes part in, or null (none, or not theirs: the same answer). */
export async function resolveEventOneOnOne(
  store: Store,
  user: User,
  keys: EventKeys,
  view: CalendarView | null,
  now: Date,
): Promise<EventOneOnOne | null> {
  const { eventIds, masterIds, iCalUIds } = keysOf(keys, view);
  // The owner's own event ids: an instance or a single 1:1 imported from this very event.
  const linked = await store.calendarLinks.meetingsOfEvents(user.tenantId, user.id, eventIds);
  for (const { meeting } of linked) {
    if (meeting.deleted || !isParticipant(meeting, user.id)) continue;
    if (meeting.seriesId) return seriesAnswer(store, user, meeting.seriesId, meeting, now);
    const card = await buildCard(store, user.tenantId, { kind: 'single', meeting }, now);
    return { kind: 'single', id: meeting.id, meetingId: meeting.id, card };
  }
  // A series master: the owner's id, or the iCalUId the other participant's calendar shares.
  const seriesLookups = [
    ...masterIds.map((masterId) => [masterId, null] as const),
    ...iCalUIds.map((iCalUId) => [keys.eventId, iCalUId] as const),
  ];
  for (const [masterId, iCalUId] of seriesLookups) {
    const found = await store.calendarLinks.findSeriesOfEvent(user.tenantId, masterId, iCalUId);
    if (found && isParticipant(found.series, user.id))
      return seriesAnswer(store, user, found.series.id, null, now);
  }
  for (const iCalUId of iCalUIds) {
    const single = await store.calendarLinks.singleOfEvent(user.tenantId, iCalUId);
    if (single && isParticipant(single, user.id)) {
      const card = await buildCard(store, user.tenantId, { kind: 'single', meeting: single }, now);
      return { kind: 'single', id: single.id, meetingId: single.id, card };
    }
  }
  return null;
}

/** "Create 1:1 from this meeting": the import candidate when the event is a meeting of the caller and one other. */
export function candidateOf(store: Store, user: User, view: CalendarView): Promise<CalendarCandidate | null> {
  return assessEntry(store, user, { next: view.event, master: view.master });
}
