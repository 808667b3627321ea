// The change feed of one API process: one poller reads the `changes` collection for the meetings that have open
// streams here and fans each new change out to their subscribers. Changes travel through the database, so a
// change written by any process reaches the streams held by every other one.
import type { Change } from '../store/changes.ts';

export interface ChangeSource {
  since(meetingIds: readonly string[], since: Date): Promise<Change[]>;
}

export interface Subscriber {
  /** The subscriber's own changes are not sent back: they already show them. */
  readonly userId: string;
  readonly deliver: (change: Change) => void;
}

export interface ChangeFeedOptions {
  readonly source: ChangeSource;
  /** The app clock: changes are stamped with it, so the feed's window must follow it too. */
  readonly now: () => Date;
  readonly onError: (error: unknown) => void;
  readonly intervalMs?: number;
  /**
   * How far back each read looks before the previous one: another process may commit a change stamped
   * a moment earlier than one already read (clock skew, slow write). Ids de-duplicate the overlap.
   */
  readonly lookbackMs?: number;
}

export interface ChangeFeed {
  /**
   * Starts delivering the meeting's changes recorded from now on; resolves once the subscriber is in place,
   * with its unsubscribe function. Earlier changes are not replayed: the client reloads the workspace.
   */
  subscribe(meetingId: string, subscriber: Subscriber): Promise<() => void>;
  /** Stops polling (server close); waits for a read in flight. */
  stop(): Promise<void>;
  /** Open subscriptions, for tests and diagnostics. */
  size(): number;
}

export function createChangeFeed(options: ChangeFeedOptions): ChangeFeed {
  const { source, now, onError } = options;
  const intervalMs = options.intervalMs ?? 250;
  const lookbackMs = options.lookbackMs ?? 5_000;
  const subscribers = new Map<string, Set<Subscriber>>();
  /** Changes already handled, with what pruning needs; read windows overlap, so ids repeat. */
  const seen = new Map<string, { meetingId: string; at: number }>();
  let cursor: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let reading: Promise<void> | null = null;
  let stopped = false;

  const markSeen = (changes: readonly Change[]) => {
    for (const change of changes)
      seen.set(change.id, { meetingId: change.meetingId, at: change.at.getTime() });
  };

  const fanOut = (change: Change) => {
    for (const subscriber of subscribers.get(change.meetingId) ?? []) {
      if (subscriber.userId === change.actorId) continue;
      try {
        subscriber.deliver(change);
      } catch (error) {
        onError(error);
      }
    }
  };

  const read = async () => {
    const meetingIds = [...subscribers.keys()];
    if (meetingIds.length === 0) return;
    const startedAt = now().getTime();
    const from = Math.min(cursor ?? startedAt, startedAt) - lookbackMs;
    const changes = await source.since(meetingIds, new Date(from));
    for (const change of changes) {
      if (seen.has(change.id)) continue;
      markSeen([change]);
      fanOut(change);
    }
    cursor = startedAt;
    // Forget what the next read cannot return any more, and meetings nobody here watches now.
    for (const [id, entry] of seen) {
      if (entry.at < startedAt - lookbackMs || !subscribers.has(entry.meetingId)) seen.delete(id);
    }
  };

  const schedule = () => {
    if (stopped || timer !== null || reading !== null || subscribers.size === 0) return;
    timer = setTimeout(() => {
      timer = null;
      reading = read()
        .catch(onError)
        .finally(() => {
          reading = null;
          schedule();
        });
    }, intervalMs);
  };

  return {
    async subscribe(meetingId, subscriber) {
      if (stopped) throw new Error('the change feed is stopped');
      // Reads resume from now after a pause; an old cursor would replay what the client loads anyway.
      if (subscribers.size === 0) cursor = null;
      if (!subscribers.has(meetingId)) {
        // The baseline: what is already recorded is in the workspace the client (re)loads, not news.
        markSeen(await source.since([meetingId], new Date(now().getTime() - lookbackMs)));
      }
      const set = subscribers.get(meetingId) ?? new Set<Subscriber>();
      subscribers.set(meetingId, set);
      set.add(subscriber);
      schedule();
      return () => {
        set.delete(subscriber);
        if (set.size === 0 && subscribers.get(meetingId) === set) subscribers.delete(meetingId);
      };
    },

    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      subscribers.clear();
      await reading;
    },

    size: () => [...subscribers.values()].reduce((total, set) => total + set.size, 0),
  };
}
