// Near-real-time sync: a Graph change-notification subscription or a Google watch channel per connection,
// renewed well before the lifetime the provider granted (read from its answer, never assumed).
import { randomBytes } from 'node:crypto';
import type { CalendarSubscription } from '../calendar/calendar-provider.ts';
import {
  type CalendarConnection,
  type CalendarSubscriptionRecord,
  hashSecret,
} from '../store/calendar-connections.ts';
import type { CalendarDeps } from './sync-calendar.ts';

/** What we ask for: a week (Graph's maximum for events; Google's usual). The provider may grant less. */
const REQUESTED_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Renewed once half of the granted lifetime has passed, so one missed sweep never lets it lapse. */
export function needsRenewal(subscription: CalendarSubscriptionRecord, now: Date): boolean {
  const granted = subscription.expiresAt.getTime() - subscription.renewedAt.getTime();
  return subscription.expiresAt.getTime() - now.getTime() < granted / 2;
}

const asProvider = (record: CalendarSubscriptionRecord): CalendarSubscription => ({
  id: record.id,
  resourceId: record.resourceId,
  expiresAt: record.expiresAt,
});

export async function ensureSubscription(deps: CalendarDeps, connection: CalendarConnection, now: Date) {
  if (!deps.calendar.subscriptionsEnabled) return;
  const current = connection.subscription;
  if (current && !needsRenewal(current, now)) return;
  const provider = deps.calendar.providerFor(connection);
  const secret = randomBytes(24).toString('base64url');
  const input = {
    notificationUrl: deps.calendar.notificationUrl(connection.provider),
    secret,
    expiresAt: new Date(now.getTime() + REQUESTED_LIFETIME_MS),
  };
  const next = current
    ? await provider.renewSubscription(asProvider(current), input)
    : await provider.subscribe(input);
  // Graph extends a subscription with its old clientState; a new subscription or channel carries the new one.
  const secretHash = current && next.id === current.id ? current.secretHash : hashSecret(secret);
  await deps.store.calendarConnections.saveSubscription(connection.userId, {
    id: next.id,
    resourceId: next.resourceId,
    expiresAt: next.expiresAt,
    renewedAt: now,
    secretHash,
  });
}

/** Disconnect: the provider stops notifying (best effort: the tokens go away whatever it answers). */
export async function dropSubscription(deps: CalendarDeps, connection: CalendarConnection): Promise<void> {
  if (!connection.subscription || !connection.credentials) return;
  try {
    await deps.calendar.providerFor(connection).unsubscribe(asProvider(connection.subscription));
  } catch (error) {
    deps.log.warn(
      { err: error, userId: connection.userId },
      'calendar subscription not removed at the provider',
    );
  }
}
