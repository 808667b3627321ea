// Provider failures in one vocabulary, and the one retry loop that honours Retry-After on 429 and 503.

/**
 * - consent: the user must reconnect (revoked or expired consent, invalid grant);
 * - gone: the sync cursor expired (Google 410, Graph syncStateNotFound): list everything again;
 * - throttled: still throttled after the retries;
 * - not-found: the event or subscription does not exist;
 * - failed: anything else.
 */
export type ProviderErrorKind = 'consent' | 'gone' | 'throttled' | 'not-found' | 'failed';

export class CalendarProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly status: number | null;

  constructor(kind: ProviderErrorKind, message: string, status: number | null = null, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CalendarProviderError';
    this.kind = kind;
    this.status = status;
  }
}

export function isProviderError(error: unknown, kind?: ProviderErrorKind): error is CalendarProviderError {
  return error instanceof CalendarProviderError && (kind === undefined || error.kind === kind);
}

export function errorKindOfStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return 'consent';
  if (status === 404) return 'not-found';
  if (status === 410) return 'gone';
  if (status === 429 || status === 503) return 'throttled';
  return 'failed';
}

/** Waits between retries; tests pass one that records the delays and returns at once. */
export type Wait = (ms: number) => Promise<void>;

export const realWait: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryPolicy {
  readonly wait: Wait;
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** Used when the answer has no usable Retry-After; doubled on every retry. */
  readonly baseDelayMs: number;
  /** A Retry-After longer than this is cut to it (a sweep must not stall on one user). */
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  wait: realWait,
  attempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
};

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503;
}

/**
 * Retry-After is seconds or an HTTP date; a date is measured against the answer's own Date header, so
 * the delay does not depend on how our clock and the provider's agree.
 */
export function retryDelayMs(
  retryAfter: string | null,
  responseDate: string | null,
  attempt: number,
  policy: RetryPolicy,
): number {
  const fallback = policy.baseDelayMs * 2 ** attempt;
  if (!retryAfter) return Math.min(fallback, policy.maxDelayMs);
  const seconds = Number(retryAfter.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, policy.maxDelayMs);
  const at = Date.parse(retryAfter);
  const reference = responseDate ? Date.parse(responseDate) : Number.NaN;
  if (Number.isNaN(at) || Number.isNaN(reference)) return Math.min(fallback, policy.maxDelayMs);
  return Math.min(Math.max(0, at - reference), policy.maxDelayMs);
}
