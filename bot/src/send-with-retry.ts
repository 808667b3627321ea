// Sends one activity through the rate limiter and retries what Teams asks to retry (429, 412, 502, 503, 504)
// after its Retry-After, else with exponential back-off; what still fails is answered, never thrown away.
import { HttpError } from '@microsoft/agents-hosting';
import type { LimiterClock, SendLimiter } from './rate-limiter.ts';

/** Teams' documented transient answers: throttled, precondition (concurrent update), gateway and busy. */
export const RETRIED_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);

export interface RetryPolicy {
  /** Retries after the first attempt before the dispatcher takes over (it tries again later). */
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 1_000, maxDelayMs: 60_000 };

export type SendResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly status: number | null;
      readonly retryAfterMs: number | null;
      readonly message: string;
    };

export function statusOf(error: unknown): number | null {
  if (error instanceof HttpError) return error.status;
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(error: unknown, nowMs: number = Date.now()): number | null {
  if (!(error instanceof HttpError)) return null;
  const value = error.response.headers.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

export function backOffMs(attempt: number, policy: RetryPolicy): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  // Jitter spreads the retries of many sends throttled at once, so they do not return as one burst.
  return exponential / 2 + Math.random() * (exponential / 2);
}

export async function sendWithRetry<T>(
  send: () => Promise<T>,
  gate: { limiter: SendLimiter; thread: string; tenant: string; clock: LimiterClock; policy: RetryPolicy },
): Promise<SendResult<T>> {
  for (let attempt = 0; ; attempt += 1) {
    await gate.limiter.acquire(gate.thread, gate.tenant);
    try {
      return { ok: true, value: await send() };
    } catch (error) {
      const status = statusOf(error);
      const after = retryAfterMs(error);
      const message = error instanceof Error ? error.message : String(error);
      if (status === null || !RETRIED_STATUSES.has(status) || attempt >= gate.policy.retries) {
        return { ok: false, status, retryAfterMs: after, message };
      }
      await gate.clock.sleep(Math.min(gate.policy.maxDelayMs, after ?? backOffMs(attempt, gate.policy)));
    }
  }
}
