// The two-way option (SPEC.md "Beyond the source"): a 1:1 created from scratch with "add to my calendar" is
// written to the owner's connected calendar as an event (single or recurring) and the 1:1 becomes connected.
import type { CalendarEvent } from '../calendar/calendar-event.ts';
import type { NewCalendarEvent } from '../calendar/calendar-provider.ts';
import { materialisationWindow } from '../domain/recurrence.ts';
import type { User } from '../store/users.ts';
import type { CardSource } from './build-cards.ts';
import type { CalendarDeps } from './sync-calendar.ts';

/**
 * Answers the source as it is now: connected when the event was written, unchanged when the owner has no
 * calendar or the provider refused (the 1:1 exists either way; the failure is logged, never hidden).
 */
export async function addToCalendar(deps: CalendarDeps, owner: User, source: CardSource, now: Date) {
  const connection = await deps.store.calendarConnections.get(owner.tenantId, owner.id);
  if (!connection?.credentials || connection.state !== 'connected') return source;
  const record = source.kind === 'series' ? source.series : source.meeting;
  const otherId = record.participantIds.find((id) => id !== owner.id) ?? '';
  const other = await deps.store.users.findById(owner.tenantId, otherId);
  if (!other) return source;
  const event: NewCalendarEvent = {
    subject: record.title,
    start: record.start,
    end: record.end,
    timeZone: source.kind === 'series' ? source.series.timeZone : owner.timeZone,
    attendees: [{ email: other.email.toLowerCase(), name: other.displayName }],
    recurrence:
      source.kind === 'series'
        ? source.series.recurrence.frequency === 'weekly'
          ? {
              kind: 'weekly',
              interval: source.series.recurrence.interval,
              until: source.series.recurrence.until,
            }
          : { kind: 'monthly', interval: 1, until: source.series.recurrence.until }
        : null,
  };
  try {
    const provider = deps.calendar.providerFor(connection);
    const created = await provider.createEvent(event);
    if (source.kind === 'single') {
      const meeting = await deps.store.calendarLinks.updateMeetingFromCalendar(
        owner.tenantId,
        source.meeting.id,
        {
          calendarEventId: created.id,
        },
      );
      return meeting ? { kind: 'single' as const, meeting } : source;
    }
    const occurrences = await provider.listOccurrences(created.id, {
      from: source.series.start,
      to: materialisationWindow(now).to,
    });
    await linkInstances(deps, source, occurrences);
    await deps.store.calendarLinks.setSeriesLink(
      owner.tenantId,
      source.series.id,
      { provider: provider.name, masterId: created.id, iCalUId: created.iCalUId },
      'connected',
    );
    return { ...source, series: { ...source.series, connection: 'connected' as const } };
  } catch (error) {
    deps.log.warn({ err: error, userId: owner.id }, 'the 1:1 was not added to the calendar');
    return source;
  }
}

/** Each instance is the occurrence the calendar computed for the same start. */
async function linkInstances(
  deps: CalendarDeps,
  source: CardSource & { kind: 'series' },
  occurrences: readonly CalendarEvent[],
) {
  const byStart = new Map(occurrences.map((occurrence) => [occurrence.start.getTime(), occurrence.id]));
  for (const instance of source.instances) {
    const eventId = byStart.get(instance.start.getTime());
    if (eventId) {
      await deps.store.calendarLinks.updateMeetingFromCalendar(instance.tenantId, instance.id, {
        calendarEventId: eventId,
      });
    }
  }
}
