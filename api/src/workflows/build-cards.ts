// The card of a series or a single 1:1 (SPEC.md "Shapes that clients rely on"), built once for the list,
// creation, series detail and archive answers, with the participants' names looked up in one query.
import { DateTime } from 'luxon';
import { hasStarted, isPast } from '../domain/meeting-rules.ts';
import type { Meeting, Series } from '../domain/types.ts';
import type { Person } from '../schemas/common.ts';
import type { Card, Meeting as MeetingView, Recurrence as RecurrenceView } from '../schemas/one-on-ones.ts';
import type { Store } from '../store/store.ts';
import { isSeriesOver } from './series-state.ts';

/** Shown for a participant whose user record is gone (never another user's data). */
const UNKNOWN_PERSON = 'Unknown person';

/** What a card is built from: a series with its instances (deleted ones left out), or a single 1:1. */
export type CardSource =
  | { kind: 'series'; series: Series; instances: readonly Meeting[] }
  | { kind: 'single'; meeting: Meeting };

export type Names = ReadonlyMap<string, string>;

export function meetingView(meeting: Meeting): MeetingView {
  return {
    id: meeting.id,
    seriesId: meeting.seriesId,
    title: meeting.title,
    start: meeting.start.toISOString(),
    end: meeting.end.toISOString(),
    status: meeting.status,
  };
}

/** One query for every participant of every card. */
export async function loadNames(store: Store, tenantId: string, sources: readonly CardSource[]) {
  const ids = new Set<string>();
  for (const source of sources) {
    const record = source.kind === 'series' ? source.series : source.meeting;
    for (const id of record.participantIds) ids.add(id);
  }
  return store.users.displayNames(tenantId, [...ids]);
}

export function peopleOf(participantIds: readonly string[], names: Names): Person[] {
  return participantIds.map((id) => ({ id, displayName: names.get(id) ?? UNKNOWN_PERSON }));
}

/** The end date of a repetition as the owner picked it: the day of `until` in the series' zone. */
function recurrenceView(series: Series): RecurrenceView {
  const { frequency, interval, until } = series.recurrence;
  const day = until ? DateTime.fromJSDate(until, { zone: series.timeZone }).toISODate() : null;
  return { frequency, interval, until: day };
}

/**
 * Next = the first scheduled instance not yet ended (one under way counts); last = the latest
 * scheduled one that has started. Cancelled instances are listed in the series, but are neither.
 */
function nextAndLast(instances: readonly Meeting[], now: Date) {
  const held = instances.filter((meeting) => !meeting.deleted && meeting.status === 'scheduled');
  const next = held.filter((meeting) => !isPast(meeting, now)).sort((a, b) => +a.start - +b.start)[0];
  const last = held.filter((meeting) => hasStarted(meeting, now)).sort((a, b) => +b.start - +a.start)[0];
  return {
    nextMeeting: next ? meetingView(next) : null,
    lastMeeting: last ? meetingView(last) : null,
  };
}

export function cardOf(source: CardSource, names: Names, now: Date): Card {
  if (source.kind === 'series') {
    const { series, instances } = source;
    return {
      kind: 'series',
      id: series.id,
      title: series.title,
      ownerId: series.ownerId,
      participants: peopleOf(series.participantIds, names),
      recurrence: recurrenceView(series),
      ...nextAndLast(instances, now),
      connection: series.connection,
      archived: series.archived,
    };
  }
  const { meeting } = source;
  const past = isPast(meeting, now);
  return {
    kind: 'single',
    id: meeting.id,
    title: meeting.title,
    ownerId: meeting.ownerId,
    participants: peopleOf(meeting.participantIds, names),
    recurrence: null,
    nextMeeting: past ? null : meetingView(meeting),
    lastMeeting: past ? meetingView(meeting) : null,
    // A single 1:1 imported from (or written to) the owner's calendar is connected to that event.
    connection: meeting.calendarEventId ? 'connected' : 'none',
    archived: meeting.archived,
  };
}

export async function buildCards(
  store: Store,
  tenantId: string,
  sources: readonly CardSource[],
  now: Date,
): Promise<Card[]> {
  const names = await loadNames(store, tenantId, sources);
  return sources.map((source) => cardOf(source, names, now));
}

export async function buildCard(store: Store, tenantId: string, source: CardSource, now: Date) {
  const [card] = await buildCards(store, tenantId, [source], now);
  if (!card) throw new Error('a card was not built');
  return card;
}

/** SPEC.md "Past" for a card's source: a single 1:1 that ended, a series whose last instance ended. */
export function isSourcePast(source: CardSource, now: Date): boolean {
  return source.kind === 'series'
    ? isSeriesOver(source.series, source.instances, now)
    : isPast(source.meeting, now);
}

export function isSourceArchived(source: CardSource): boolean {
  return source.kind === 'series' ? source.series.archived : source.meeting.archived;
}
