// Bulk create and "Create new 1:1" import lists (SPEC.md "Creating 1:1s"): the calendar's meetings of the next
// four weeks with exactly two people, each marked importable, already imported, or why not.
import { DateTime } from 'luxon';
import { type CalendarEvent, otherPersonOf } from '../calendar/calendar-event.ts';
import type { CalendarProvider } from '../calendar/calendar-provider.ts';
import { pairKey } from '../domain/pair-key.ts';
import type { Recurrence } from '../domain/types.ts';
import type { CalendarCandidate } from '../schemas/calendar.ts';
import type { Store } from '../store/store.ts';
import type { User } from '../store/users.ts';
import { seriesRecurrenceOf, titleOf } from './calendar-rules.ts';

/** SPEC.md: candidates are meetings in the next four weeks. */
export const CANDIDATE_WEEKS = 4;

/** One calendar meeting as the lists show it: its next occurrence, and its series master when it repeats. */
export interface CalendarEntry {
  readonly next: CalendarEvent;
  readonly master: CalendarEvent | null;
}

/** Upcoming meetings grouped by series: one entry per series master and one per single event. */
export async function upcomingEntries(provider: CalendarProvider, now: Date): Promise<CalendarEntry[]> {
  const to = DateTime.fromJSDate(now).plus({ weeks: CANDIDATE_WEEKS }).toJSDate();
  const instances = await provider.listInstances({ from: now, to });
  const firstByKey = new Map<string, CalendarEvent>();
  for (const event of instances) {
    if (event.cancelled || event.end <= now) continue;
    const key = event.seriesMasterId ?? event.id;
    const seen = firstByKey.get(key);
    if (!seen || event.start < seen.start) firstByKey.set(key, event);
  }
  const entries: CalendarEntry[] = [];
  for (const next of firstByKey.values()) {
    const master = next.seriesMasterId ? await provider.getEvent(next.seriesMasterId) : null;
    entries.push({ next, master });
  }
  return entries.sort((a, b) => a.next.start.getTime() - b.next.start.getTime());
}

/** A person of my tenant with exactly this e-mail address (people exist once they used the app). */
export async function userByEmail(store: Store, tenantId: string, email: string): Promise<User | null> {
  const found = await store.users.search(tenantId, email, 5);
  return found.find((user) => user.email.toLowerCase() === email.toLowerCase()) ?? null;
}

function recurrenceView(recurrence: Recurrence | null, zone: string) {
  if (!recurrence) return null;
  const until = recurrence.until ? DateTime.fromJSDate(recurrence.until, { zone }).toISODate() : null;
  return { frequency: recurrence.frequency, interval: recurrence.interval, until };
}

/** The candidate of an entry, or null when it is not a meeting of exactly me and one other person. */
export async function assessEntry(
  store: Store,
  user: User,
  entry: CalendarEntry,
): Promise<CalendarCandidate | null> {
  const source = entry.master ?? entry.next;
  const other = otherPersonOf(source, user.email);
  if (!other) return null;
  const recurrence = entry.master ? seriesRecurrenceOf(entry.master.recurrence) : null;
  const otherUser = await userByEmail(store, user.tenantId, other.email);
  const existing = await existingOneOnOne(store, user, entry);
  let status: CalendarCandidate['status'] = 'importable';
  let existingId = existing;
  if (entry.master && !recurrence) status = 'recurrence-not-supported';
  else if (existing) status = 'imported';
  else if (!otherUser) status = 'unknown-person';
  else if (entry.master) {
    const active = await store.series.findActiveByPair(user.tenantId, pairKey(user.id, otherUser.id));
    if (active) {
      status = 'pair-has-series';
      existingId = active.id;
    }
  }
  return {
    eventId: source.id,
    kind: entry.master ? 'series' : 'single',
    title: titleOf(source),
    start: entry.next.start.toISOString(),
    end: entry.next.end.toISOString(),
    timeZone: source.timeZone,
    recurrence: recurrenceView(recurrence, source.timeZone ?? user.timeZone),
    other: {
      email: other.email,
      displayName: otherUser?.displayName ?? other.name,
      userId: otherUser?.id ?? null,
    },
    status,
    existingId,
  };
}

/** The series or single 1:1 already made of this meeting (by me, or by the other person from their calendar). */
async function existingOneOnOne(store: Store, user: User, entry: CalendarEntry): Promise<string | null> {
  if (entry.master) {
    const found = await store.calendarLinks.findSeriesOfEvent(
      user.tenantId,
      entry.master.id,
      entry.master.iCalUId,
    );
    return found?.series.id ?? null;
  }
  const [mine] = await store.calendarLinks.meetingsOfEvents(user.tenantId, user.id, [entry.next.id]);
  if (mine && !mine.meeting.deleted) return mine.meeting.id;
  const shared = entry.next.iCalUId
    ? await store.calendarLinks.singleOfEvent(user.tenantId, entry.next.iCalUId)
    : null;
  return shared?.id ?? null;
}

/** Bulk create: recurring meetings of two people with a recurrence SPEC.md offers. */
export async function recurringCandidates(store: Store, provider: CalendarProvider, user: User, now: Date) {
  const candidates: CalendarCandidate[] = [];
  for (const entry of await upcomingEntries(provider, now)) {
    if (!entry.master) continue;
    const candidate = await assessEntry(store, user, entry);
    if (candidate && candidate.status !== 'recurrence-not-supported') candidates.push(candidate);
  }
  return candidates;
}

/** Create new 1:1: my meetings with one person, single or recurring. */
export async function candidatesWith(
  store: Store,
  provider: CalendarProvider,
  user: User,
  other: User,
  now: Date,
): Promise<CalendarCandidate[]> {
  const candidates: CalendarCandidate[] = [];
  for (const entry of await upcomingEntries(provider, now)) {
    const candidate = await assessEntry(store, user, entry);
    if (candidate && candidate.other.email === other.email.toLowerCase()) candidates.push(candidate);
  }
  return candidates;
}
