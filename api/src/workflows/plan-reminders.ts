// Records the one-hour reminders that are due now (SPEC.md "Notifications"): one delivery per participant of each
// held 1:1 starting within the hour, for people who keep 1:1 notifications on. Sending is the dispatcher's.
import {
  deliveryKey,
  isReminderDue,
  REMINDER_LEAD_MS,
  reminderAt,
  wantsReminders,
} from '../domain/notification-schedule.ts';
import type { NewDelivery } from '../store/deliveries.ts';
import type { Store } from '../store/store.ts';

/** Answers how many reminders became due. A 1:1 moved after its reminder was recorded is handled at sending. */
export async function planReminders(store: Store, now: Date): Promise<number> {
  const upcoming = await store.meetings.listHeldStartingBetween(
    now,
    new Date(now.getTime() + REMINDER_LEAD_MS + 1),
  );
  const due = upcoming.filter((meeting) => isReminderDue(meeting, now));
  if (due.length === 0) return 0;
  const people = await store.users.findManyByIds([...new Set(due.flatMap((m) => [...m.participantIds]))]);
  const byId = new Map(people.map((user) => [user.id, user]));
  const deliveries: NewDelivery[] = due.flatMap((meeting) =>
    meeting.participantIds.flatMap((userId) => {
      const user = byId.get(userId);
      if (!user || user.tenantId !== meeting.tenantId || !wantsReminders(user.preferences)) return [];
      return [
        {
          key: deliveryKey('reminder', meeting.id, userId),
          tenantId: meeting.tenantId,
          kind: 'reminder' as const,
          recipientId: userId,
          subject: meeting.id,
          meetingId: meeting.id,
          notBefore: reminderAt(meeting),
        },
      ];
    }),
  );
  return store.deliveries.ensureDue(deliveries, now);
}
