// Records the Sunday summaries that are due (SPEC.md "Notifications"): at 17:00 on Sunday in each person's zone,
// one per person who had 1:1s that week (Monday–Sunday, their zone). Sending is the dispatcher's.
import { deliveryKey, summaryWeek } from '../domain/notification-schedule.ts';
import type { NewDelivery } from '../store/deliveries.ts';
import type { Store } from '../store/store.ts';

/**
 * After an outage the summary still goes out within this time after Sunday 17:00; later it would arrive in
 * the middle of the next week and is left out.
 */
export const SUMMARY_CATCH_UP_MS = 24 * 60 * 60 * 1000;

/** Works zone by zone (few zones, many people): one week, one query of that week's 1:1s per zone. */
export async function planWeeklySummaries(store: Store, now: Date): Promise<number> {
  let planned = 0;
  for (const timeZone of await store.users.distinctTimeZones()) {
    const week = safeWeek(now, timeZone);
    if (!week || now.getTime() - week.sendAt.getTime() > SUMMARY_CATCH_UP_MS) continue;
    const meetings = await store.meetings.listHeldStartingBetween(week.weekStart, week.weekEnd);
    const tenantOf = new Map<string, string>();
    for (const meeting of meetings)
      for (const id of meeting.participantIds) tenantOf.set(id, meeting.tenantId);
    const people = (await store.users.findManyByIds([...tenantOf.keys()])).filter(
      (user) => user.timeZone === timeZone && tenantOf.get(user.id) === user.tenantId,
    );
    const wanted: NewDelivery[] = people.map((user) => ({
      key: deliveryKey('summary', week.weekKey, user.id),
      tenantId: user.tenantId,
      kind: 'summary',
      recipientId: user.id,
      subject: week.weekKey,
      meetingId: null,
      notBefore: week.sendAt,
    }));
    // Every run of the catch-up window sees the same people: insert only the keys not recorded yet.
    const existing = await store.deliveries.existingKeys(wanted.map((delivery) => delivery.key));
    planned += await store.deliveries.ensureDue(
      wanted.filter((delivery) => !existing.has(delivery.key)),
      now,
    );
  }
  return planned;
}

/** A zone the time-zone database does not know (a corrupted profile) must not stop everyone else's summary. */
function safeWeek(now: Date, timeZone: string) {
  try {
    return summaryWeek(now, timeZone);
  } catch {
    return null;
  }
}
