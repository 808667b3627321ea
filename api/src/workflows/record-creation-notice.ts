// SPEC.md "Notifications": right after a 1:1 or series is created (from scratch or by import), the other
// participant gets a card. Recorded as due in the creating request, so a crash after the answer cannot lose it.
import { deliveryKey } from '../domain/notification-schedule.ts';
import type { Store } from '../store/store.ts';
import type { CardSource } from './build-cards.ts';

/** Records the notice and answers its delivery key (to attempt it at once), or null when there is no 1:1 to open. */
export async function recordCreationNotice(
  store: Store,
  source: CardSource,
  creatorId: string,
  now: Date,
): Promise<string | null> {
  const record = source.kind === 'series' ? source.series : source.meeting;
  // The card opens the 1:1: a series' first held instance that has not ended, else its first one.
  const meeting =
    source.kind === 'single'
      ? source.meeting
      : (source.instances.find((m) => m.status === 'scheduled' && m.end > now) ?? source.instances[0]);
  if (!meeting) return null;
  const recipientId = record.participantIds.find((id) => id !== creatorId);
  if (!recipientId) return null;
  const key = deliveryKey('created', record.id, recipientId);
  await store.deliveries.ensureDue(
    [
      {
        key,
        tenantId: record.tenantId,
        kind: 'created',
        recipientId,
        subject: record.id,
        meetingId: meeting.id,
        notBefore: now,
      },
    ],
    now,
  );
  return key;
}
