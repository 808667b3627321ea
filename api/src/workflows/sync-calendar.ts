// Incremental calendar sync of one user (Graph delta / Google sync token over a rolling window) and the sweep
// over every connection; a failing user is recorded and never stops the others.
import type { FastifyBaseLogger } from 'fastify';
import type { TimeWindow } from '../calendar/calendar-event.ts';
import { isProviderError } from '../calendar/provider-errors.ts';
import { materialisationWindow } from '../domain/recurrence.ts';
import type { CalendarConnection } from '../store/calendar-connections.ts';
import type { Store } from '../store/store.ts';
import type { CalendarContext } from './calendar-context.ts';
import { ensureSubscription } from './calendar-subscriptions.ts';
import { type AppliedChanges, applyCalendarChanges } from './calendar-sync-effects.ts';

export interface CalendarDeps {
  readonly store: Store;
  readonly log: FastifyBaseLogger;
  readonly calendar: CalendarContext;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A week back (late changes to recent 1:1s) and ten weeks ahead (instances exist 8 weeks out). */
const PAST_DAYS = 7;
const AHEAD_DAYS = 70;

export function syncWindow(now: Date): TimeWindow {
  return {
    from: new Date(now.getTime() - PAST_DAYS * DAY_MS),
    to: new Date(now.getTime() + AHEAD_DAYS * DAY_MS),
  };
}

/** The cursor's window must still reach the materialisation horizon; else the window rolls and sync starts over. */
function reusableWindow(connection: CalendarConnection, now: Date): TimeWindow | null {
  if (!connection.cursor || !connection.windowFrom || !connection.windowTo) return null;
  if (connection.windowTo < materialisationWindow(now).to) return null;
  return { from: connection.windowFrom, to: connection.windowTo };
}

export type SyncOutcome =
  | ({ ok: true; full: boolean } & AppliedChanges)
  | { ok: false; reason: 'consent' | 'failed'; message: string };

export async function syncConnection(
  deps: CalendarDeps,
  connection: CalendarConnection,
  now: Date,
): Promise<SyncOutcome> {
  try {
    const provider = deps.calendar.providerFor(connection);
    const kept = reusableWindow(connection, now);
    const window = kept ?? syncWindow(now);
    const changes = await provider.changes(kept ? connection.cursor : null, window);
    const applied = await applyCalendarChanges(deps.store, provider, connection, changes, window, now);
    await deps.store.calendarConnections.saveSync(
      connection.userId,
      { cursor: changes.cursor, windowFrom: window.from, windowTo: window.to },
      now,
    );
    return { ok: true, full: changes.full, ...applied };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Expired or revoked consent: the user must act, and the cards say so (GET /me → calendar.state).
    const consent = isProviderError(error, 'consent');
    await deps.store.calendarConnections.markFailed(
      connection.userId,
      consent ? 'needs-consent' : 'error',
      message,
    );
    deps.log.warn(
      { err: error, userId: connection.userId, provider: connection.provider },
      'calendar sync failed',
    );
    return { ok: false, reason: consent ? 'consent' : 'failed', message };
  }
}

/** One user, now (a change notification arrived, or a 1:1 was just imported). */
export async function syncUserCalendar(
  deps: CalendarDeps,
  userId: string,
  now: Date,
): Promise<SyncOutcome | null> {
  const connection = await deps.store.calendarConnections.findByUserId(userId);
  if (!connection?.credentials || connection.state === 'needs-consent') return null;
  return syncConnection(deps, connection, now);
}

/** Users synced side by side in the sweep. */
const SWEEP_CONCURRENCY = 8;

export interface SweepResult {
  readonly users: number;
  readonly failed: number;
}

/** The safety net: every connection, incrementally, and subscriptions renewed well before they expire. */
export async function sweepCalendars(deps: CalendarDeps, now: Date): Promise<SweepResult> {
  const connections = await deps.store.calendarConnections.listSyncable();
  let failed = 0;
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < connections.length; index = next++) {
      const connection = connections[index];
      if (!connection) continue;
      const outcome = await syncConnection(deps, connection, now);
      if (!outcome.ok) {
        failed += 1;
        continue;
      }
      await ensureSubscription(deps, connection, now).catch((error: unknown) => {
        deps.log.warn({ err: error, userId: connection.userId }, 'calendar subscription not renewed');
      });
    }
  };
  await Promise.all(Array.from({ length: SWEEP_CONCURRENCY }, worker));
  return { users: connections.length, failed };
}
