// POST /calendar/import (SPEC.md "Bulk create", "Create new 1:1"): each chosen calendar meeting becomes a
// connected series (instances from the calendar's occurrences, moved ones included) or a connected single 1:1,
// or is refused with its reason; the others of the batch go on.
import type { CalendarEvent } from '../calendar/calendar-event.ts';
import type { CalendarProvider } from '../calendar/calendar-provider.ts';
import { validateNewOneOnOne } from '../domain/meeting-fields.ts';
import { newMeeting, newSeriesInstance } from '../domain/new-meeting.ts';
import { materialisationWindow, repeatOf } from '../domain/recurrence.ts';
import { RuleError } from '../domain/rule-error.ts';
import type { Series } from '../domain/types.ts';
import { AppError, ErrorStatus } from '../errors/app-error.ts';
import type { CalendarCandidate } from '../schemas/calendar.ts';
import type { Store } from '../store/store.ts';
import type { User } from '../store/users.ts';
import type { CardSource } from './build-cards.ts';
import { assessEntry, type CalendarEntry, userByEmail } from './calendar-candidates.ts';
import { seriesRecurrenceOf, titleOf } from './calendar-rules.ts';

/** Called once per created 1:1 (the creation notice to the other participant). */
export type OnCreated = (source: CardSource) => Promise<void>;

export type ImportOutcome =
  | { eventId: string; ok: true; source: CardSource }
  | { eventId: string; ok: false; error: AppError | RuleError };

const refusal = (status: ErrorStatus, code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(status, code, message, details ? { details } : undefined);

/** Why a candidate cannot be imported, in the error vocabulary of the API. */
function refusalOf(candidate: CalendarCandidate): AppError | RuleError | null {
  switch (candidate.status) {
    case 'importable':
      return null;
    case 'imported':
      return refusal(ErrorStatus.conflict, 'ALREADY_IMPORTED', 'This meeting is already a 1:1.', {
        existingId: candidate.existingId,
      });
    case 'pair-has-series':
      return new RuleError('ONE_SERIES_PER_PAIR', { existingSeriesId: candidate.existingId });
    case 'unknown-person':
      return refusal(
        ErrorStatus.unprocessable,
        'PARTICIPANT_UNKNOWN',
        `${candidate.other.displayName} has not used 1:1s in your organization yet.`,
      );
    case 'recurrence-not-supported':
      return refusal(
        ErrorStatus.unprocessable,
        'RECURRENCE_NOT_SUPPORTED',
        'Only weekly, every 2 weeks, every 3 weeks and monthly meetings can become a series.',
      );
  }
}

/** The meeting an id names: a series master or a single event; an occurrence stands for its series. */
async function entryOf(provider: CalendarProvider, eventId: string): Promise<CalendarEntry | null> {
  const event = await provider.getEvent(eventId);
  if (!event || event.cancelled) return null;
  if (event.kind === 'single') return { next: event, master: null };
  const master = event.kind === 'master' ? event : await provider.getEvent(event.seriesMasterId ?? '');
  return master ? { next: event, master } : null;
}

export async function importCalendarEvents(
  store: Store,
  provider: CalendarProvider,
  owner: User,
  eventIds: readonly string[],
  now: Date,
  onCreated: OnCreated,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const eventId of new Set(eventIds)) {
    try {
      const source = await importOne(store, provider, owner, eventId, now);
      await onCreated(source);
      outcomes.push({ eventId, ok: true, source });
    } catch (error) {
      if (!(error instanceof AppError) && !(error instanceof RuleError)) throw error;
      outcomes.push({ eventId, ok: false, error });
    }
  }
  return outcomes;
}

async function importOne(store: Store, provider: CalendarProvider, owner: User, eventId: string, now: Date) {
  const entry = await entryOf(provider, eventId);
  const candidate = entry ? await assessEntry(store, owner, entry) : null;
  if (!entry || !candidate) {
    throw refusal(
      ErrorStatus.unprocessable,
      'NOT_A_ONE_ON_ONE',
      'This calendar meeting does not exist or does not have exactly you and one other person.',
    );
  }
  const problem = refusalOf(candidate);
  if (problem) throw problem;
  const other = await userByEmail(store, owner.tenantId, candidate.other.email);
  if (!other) throw refusalOf({ ...candidate, status: 'unknown-person' }) ?? new Error('unreachable');
  return entry.master
    ? importSeries(store, provider, owner, other, entry.master, now)
    : importSingle(store, owner, other, entry.next, now);
}

async function importSeries(
  store: Store,
  provider: CalendarProvider,
  owner: User,
  other: User,
  master: CalendarEvent,
  now: Date,
): Promise<CardSource> {
  const recurrence = seriesRecurrenceOf(master.recurrence);
  const checked = validateNewOneOnOne({
    ownerId: owner.id,
    participantId: other.id,
    title: titleOf(master),
    start: master.start,
    end: master.end,
    repeat: repeatOf(recurrence),
    until: recurrence?.until ?? null,
    activeSeriesIdOfPair: null,
  });
  if (!checked.recurrence) throw new Error('a series master without a recurrence');
  const inserted = await store.series.insert(
    {
      tenantId: owner.tenantId,
      ownerId: owner.id,
      participantIds: checked.participantIds,
      pairKey: checked.pairKey,
      title: checked.title,
      recurrence: checked.recurrence,
      start: checked.start,
      end: checked.end,
      timeZone: master.timeZone ?? owner.timeZone,
      connection: 'connected',
      archived: false,
    },
    now,
  );
  // Two imports at once: the unique index is the last word on "one active series per pair".
  if (!inserted.ok)
    throw new RuleError('ONE_SERIES_PER_PAIR', { existingSeriesId: inserted.existingSeriesId });
  const series: Series = inserted.series;
  await store.calendarLinks.setSeriesLink(
    owner.tenantId,
    series.id,
    { provider: provider.name, masterId: master.id, iCalUId: master.iCalUId },
    'connected',
  );
  // Instances are the calendar's occurrences (moved ones where they were moved to), not the recurrence's.
  const occurrences = await provider.listOccurrences(master.id, {
    from: now,
    to: materialisationWindow(now).to,
  });
  await store.calendarLinks.insertLinkedMeetings(
    occurrences
      .filter((occurrence) => !occurrence.cancelled)
      .map((occurrence) => ({
        meeting: {
          ...newSeriesInstance(series, occurrence.start, occurrence.end),
          title: titleOf(occurrence),
          occurrenceStart: occurrence.originalStart ?? occurrence.start,
        },
        calendarEventId: occurrence.id,
        iCalUId: occurrence.iCalUId,
      })),
    now,
  );
  const instances = await store.meetings.listBySeries(owner.tenantId, series.id);
  return { kind: 'series', series, instances };
}

async function importSingle(store: Store, owner: User, other: User, event: CalendarEvent, now: Date) {
  const checked = validateNewOneOnOne({
    ownerId: owner.id,
    participantId: other.id,
    title: titleOf(event),
    start: event.start,
    end: event.end,
    repeat: 'none',
    until: null,
    activeSeriesIdOfPair: null,
  });
  const [meeting] = await store.calendarLinks.insertLinkedMeetings(
    [
      {
        meeting: newMeeting({
          tenantId: owner.tenantId,
          seriesId: null,
          ownerId: owner.id,
          participantIds: checked.participantIds,
          title: checked.title,
          start: checked.start,
          end: checked.end,
          occurrenceStart: null,
        }),
        calendarEventId: event.id,
        iCalUId: event.iCalUId,
      },
    ],
    now,
  );
  if (!meeting) throw new Error('the 1:1 was not stored');
  return { kind: 'single' as const, meeting };
}
