// "Link this meeting with my calendar" (SPEC.md "Updating"): a disconnected series follows a calendar series
// again. Its coming 1:1s are matched to the calendar's occurrences (same slot, else same day), so their
// topics and notes stay; occurrences without a 1:1 get one, 1:1s without an occurrence are removed.

import { DateTime } from 'luxon';
import type { CalendarEvent } from '../calendar/calendar-event.ts';
import { isProviderError } from '../calendar/provider-errors.ts';
import { newSeriesInstance } from '../domain/new-meeting.ts';
import { materialisationWindow } from '../domain/recurrence.ts';
import type { Series } from '../domain/types.ts';
import { AppError, ErrorStatus } from '../errors/app-error.ts';
import type { LinkedMeeting } from '../store/calendar-links.ts';
import type { User } from '../store/users.ts';
import { isSamePair, seriesRecurrenceOf, titleOf } from './calendar-rules.ts';
import type { CalendarDeps } from './sync-calendar.ts';

const unprocessable = (code: string, message: string) =>
  new AppError(ErrorStatus.unprocessable, code, message);

export async function linkSeries(deps: CalendarDeps, user: User, series: Series, eventId: string, now: Date) {
  const connection = await deps.store.calendarConnections.get(user.tenantId, user.id);
  if (!connection?.credentials) throw unprocessable('CALENDAR_NOT_CONNECTED', 'Connect your calendar first.');
  if (series.ownerId !== user.id) {
    throw AppError.forbidden('Only the owner of a series links it with their calendar.', 'LINK_NOT_OWNER');
  }
  const provider = deps.calendar.providerFor(connection);
  const event = await provider.getEvent(eventId).catch((error: unknown) => {
    if (isProviderError(error, 'not-found')) return null;
    throw error;
  });
  const master =
    event && event.kind !== 'master' && event.seriesMasterId
      ? await provider.getEvent(event.seriesMasterId)
      : event;
  if (master?.kind !== 'master') {
    throw unprocessable('LINK_EVENT_NOT_SERIES', 'Pick a recurring meeting of your calendar.');
  }
  const recurrence = seriesRecurrenceOf(master.recurrence);
  if (!recurrence) {
    throw unprocessable(
      'RECURRENCE_NOT_SUPPORTED',
      'Only weekly, every 2 weeks, every 3 weeks and monthly meetings can be linked.',
    );
  }
  const people = await deps.store.users.findMany(series.tenantId, [...series.participantIds]);
  if (
    !isSamePair(
      master,
      people.map((person) => person.email),
    )
  ) {
    throw unprocessable('LINK_EVENT_OTHER_PEOPLE', 'That meeting is not between the two of you.');
  }
  const taken = await deps.store.calendarLinks.findSeriesOfEvent(series.tenantId, master.id, master.iCalUId);
  if (taken && taken.series.id !== series.id) {
    throw AppError.conflict('ALREADY_IMPORTED', 'That meeting is already linked to another 1:1.', {
      existingId: taken.series.id,
    });
  }

  const occurrences = await provider.listOccurrences(master.id, {
    from: now,
    to: materialisationWindow(now).to,
  });
  const instances = await deps.store.calendarLinks.instancesWithEvents(series.tenantId, series.id);
  const updated = await deps.store.calendarLinks.updateSeriesFromCalendar(series.tenantId, series.id, {
    title: titleOf(master),
    start: master.start,
    end: master.end,
    timeZone: master.timeZone ?? series.timeZone,
    recurrence,
    connection: 'connected',
  });
  if (!updated) throw AppError.notFound('1:1');
  await deps.store.calendarLinks.setSeriesLink(
    series.tenantId,
    series.id,
    { provider: provider.name, masterId: master.id, iCalUId: master.iCalUId },
    'connected',
  );
  await rematch(deps, updated, instances, occurrences, now);
  return updated;
}

async function rematch(
  deps: CalendarDeps,
  series: Series,
  instances: readonly LinkedMeeting[],
  occurrences: readonly CalendarEvent[],
  now: Date,
) {
  const dayOf = (date: Date) => DateTime.fromJSDate(date, { zone: series.timeZone }).toISODate();
  const open = instances.filter(({ meeting }) => !meeting.deleted && meeting.end > now);
  const unmatched = new Set(open.map(({ meeting }) => meeting.id));
  const fresh: CalendarEvent[] = [];
  for (const occurrence of occurrences.filter((candidate) => !candidate.cancelled)) {
    const slot = (occurrence.originalStart ?? occurrence.start).getTime();
    const match =
      open.find(({ meeting }) => unmatched.has(meeting.id) && meeting.occurrenceStart?.getTime() === slot) ??
      open.find(
        ({ meeting }) => unmatched.has(meeting.id) && dayOf(meeting.start) === dayOf(occurrence.start),
      );
    if (!match) {
      fresh.push(occurrence);
      continue;
    }
    unmatched.delete(match.meeting.id);
    await deps.store.calendarLinks.updateMeetingFromCalendar(series.tenantId, match.meeting.id, {
      title: titleOf(occurrence),
      start: occurrence.start,
      end: occurrence.end,
      status: 'scheduled',
      calendarEventId: occurrence.id,
    });
  }
  // 1:1s from the linked series' start on that it does not have are gone (their slots stay taken, so nothing
  // re-creates them); earlier ones belong to the calendar series before a split and stay.
  const from = occurrences[0]?.start ?? null;
  for (const { meeting } of open) {
    if (!unmatched.has(meeting.id) || from === null || meeting.start < from) continue;
    const id = meeting.id;
    await deps.store.calendarLinks.updateMeetingFromCalendar(series.tenantId, id, { deleted: true });
  }
  await deps.store.calendarLinks.insertLinkedMeetings(
    fresh.map((occurrence) => ({
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
}
