// Sends the due deliveries: each is claimed with a lease (one process sends it), composed from current data,
// handed to the Notifier, and its outcome recorded. A process that dies mid-send leaves a lease that runs out,
// and the next run sends it: a due notification is never lost, and never sent by two processes at once.
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Delivery } from '../store/deliveries.ts';
import type { Store } from '../store/store.ts';
import { composeNotification } from './compose-notification.ts';
import type { Notifier } from './notifier.ts';

export interface DispatchOptions {
  /** Several sends in flight, so the bot's rate limiter (not the round trip) sets the pace. */
  readonly concurrency?: number;
  /** How long a claim protects a send; longer than the notifier's own retries of one send. */
  readonly leaseMs?: number;
  /** Attempts before a delivery that keeps being throttled or failing is recorded as failed. */
  readonly maxAttempts?: number;
  /** Only this delivery (the immediate attempt after a 1:1 is created). */
  readonly key?: string;
  /** Deliveries claimed per claim query; a batch is sent within its lease at the bot's pace. */
  readonly batchSize?: number;
}

export interface DispatchResult {
  sent: number;
  failed: number;
  skipped: number;
  /** Put back for later: throttled, a passing error, or a reminder of a 1:1 that moved later. */
  deferred: number;
}

const DEFAULTS = { concurrency: 16, leaseMs: 5 * 60 * 1000, maxAttempts: 10, batchSize: 100 };

/**
 * A run lasts as long as its sends (a Sunday fan-out: minutes), while `now` is the instant the job started
 * at; leases are set from `now` plus the time elapsed since, so they stay meaningful to other processes.
 */
function runningClock(now: Date): () => Date {
  const started = performance.now();
  return () => new Date(now.getTime() + (performance.now() - started));
}

/** Back-off after an error the notifier did not explain (database hiccup, bug): 30 s doubling to an hour. */
function backOffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

export async function dispatchDeliveries(
  deps: { store: Store; notifier: Notifier; log: FastifyBaseLogger },
  now: Date,
  options: DispatchOptions = {},
): Promise<DispatchResult> {
  const { store, notifier, log } = deps;
  const settings = { ...DEFAULTS, ...options };
  const clock = runningClock(now);
  const owner = `dispatch-${randomUUID()}`;
  const result: DispatchResult = { sent: 0, failed: 0, skipped: 0, deferred: 0 };

  /** The claim a delivery was handed out under (the outcome is recorded only by its holder). */
  const ownerOf = (delivery: Delivery) => delivery.owner ?? owner;

  const handle = async (delivery: Delivery) => {
    const composed = await composeNotification(store, delivery, now);
    if ('skip' in composed) {
      await store.deliveries.markFinal(delivery.key, ownerOf(delivery), 'skipped', composed.skip);
      result.skipped += 1;
      return;
    }
    if ('later' in composed) {
      await store.deliveries.release(delivery.key, ownerOf(delivery), composed.later, null);
      result.deferred += 1;
      return;
    }
    const outcome = await notifier.deliver(composed.notification);
    if (outcome.status === 'sent') {
      await store.deliveries.markSent(delivery.key, ownerOf(delivery), clock(), outcome.card);
      result.sent += 1;
    } else if (outcome.status === 'retry' && delivery.attempts < settings.maxAttempts) {
      await store.deliveries.release(
        delivery.key,
        ownerOf(delivery),
        new Date(clock().getTime() + outcome.afterMs),
        outcome.reason,
      );
      result.deferred += 1;
    } else {
      await store.deliveries.markFinal(delivery.key, ownerOf(delivery), 'failed', outcome.reason);
      log.warn({ delivery: delivery.key, reason: outcome.reason }, 'notification could not be delivered');
      result.failed += 1;
    }
  };

  /** Claimed deliveries not yet taken by a worker; refilled a batch at a time (one claim query per batch). */
  const queue: Delivery[] = [];
  let batches = 0;
  let exhausted = false;
  let refilling: Promise<void> | null = null;
  const refill = async () => {
    const batch = options.key
      ? [await store.deliveries.claimOne(options.key, owner, clock(), settings.leaseMs)].flatMap(
          (d) => d ?? [],
        )
      : // A fresh owner per batch: finding "what this claim got" never returns an earlier batch's deliveries.
        await store.deliveries.claimDue(
          `${owner}-${++batches}`,
          clock(),
          settings.leaseMs,
          settings.batchSize,
        );
    queue.push(...batch);
    if (batch.length === 0 || options.key) exhausted = true;
  };
  const next = async (): Promise<Delivery | null> => {
    while (queue.length === 0 && !exhausted) {
      refilling ??= refill().finally(() => {
        refilling = null;
      });
      await refilling;
    }
    return queue.shift() ?? null;
  };

  const worker = async () => {
    for (let delivery = await next(); delivery; delivery = await next()) {
      try {
        await handle(delivery);
      } catch (error) {
        log.error({ err: error, delivery: delivery.key }, 'notification attempt failed; retried later');
        const retryAt = new Date(clock().getTime() + backOffMs(delivery.attempts));
        await store.deliveries.release(
          delivery.key,
          ownerOf(delivery),
          retryAt,
          'Temporary error; retried later.',
        );
        result.deferred += 1;
      }
    }
  };

  await Promise.all(Array.from({ length: options.key ? 1 : settings.concurrency }, worker));
  return result;
}
