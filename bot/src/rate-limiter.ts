// The one gate every outgoing bot send passes: Teams' published bot limits as sliding windows, per conversation
// ("thread") and per tenant, so a fan-out to thousands of people is paced instead of throttled or dropped.

export interface Window {
  readonly count: number;
  readonly ms: number;
}

export interface SendLimits {
  /** Per bot per thread (one personal chat). */
  readonly perThread: readonly Window[];
  /** Per app per tenant, across all its conversations. */
  readonly perTenant: readonly Window[];
}

/**
 * Teams' limits for a bot (learn.microsoft.com, "Rate limiting for bots"): per thread 7 sends per second,
 * 8 per 2 s, 60 per 30 s, 1,800 per hour; per app per tenant 50 requests per second.
 */
export const TEAMS_LIMITS: SendLimits = {
  perThread: [
    { count: 7, ms: 1_000 },
    { count: 8, ms: 2_000 },
    { count: 60, ms: 30_000 },
    { count: 1_800, ms: 3_600_000 },
  ],
  perTenant: [{ count: 50, ms: 1_000 }],
};

export interface SendLimiter {
  /** Resolves when one send to `thread` of `tenant` may go now, and counts it. */
  acquire(thread: string, tenant: string): Promise<void>;
}

export interface LimiterClock {
  /** Milliseconds on a monotonic clock (pacing is about real time, never the app's moved clock). */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: LimiterClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The send times of one key, oldest first, kept only as far back as its longest window. */
class SendLog {
  readonly #times: number[] = [];
  readonly #windows: readonly Window[];
  readonly #horizon: number;

  constructor(windows: readonly Window[]) {
    this.#windows = windows;
    this.#horizon = Math.max(0, ...windows.map((w) => w.ms));
  }

  /** How long until one more send fits in every window (0: now). */
  waitMs(now: number): number {
    this.#prune(now);
    let wait = 0;
    for (const window of this.#windows) {
      const inWindow = this.#countSince(now - window.ms);
      if (inWindow < window.count) continue;
      // The send that must leave the window first: the (inWindow - count + 1)-th oldest inside it.
      const first = this.#times.length - inWindow;
      const leaving = this.#times[first + inWindow - window.count] ?? now;
      wait = Math.max(wait, leaving + window.ms - now);
    }
    return wait;
  }

  record(now: number): void {
    this.#times.push(now);
  }

  idle(now: number): boolean {
    this.#prune(now);
    return this.#times.length === 0;
  }

  #countSince(from: number): number {
    // Times are ascending: binary search for the first one inside the window.
    let low = 0;
    let high = this.#times.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.#times[mid] ?? 0) > from) high = mid;
      else low = mid + 1;
    }
    return this.#times.length - low;
  }

  #prune(now: number): void {
    let drop = 0;
    while (drop < this.#times.length && (this.#times[drop] ?? 0) <= now - this.#horizon) drop += 1;
    if (drop > 0) this.#times.splice(0, drop);
  }
}

export function createSendLimiter(
  limits: SendLimits = TEAMS_LIMITS,
  clock: LimiterClock = realClock,
): SendLimiter {
  const threads = new Map<string, SendLog>();
  const tenants = new Map<string, SendLog>();
  let acquiredSincePrune = 0;

  const logOf = (map: Map<string, SendLog>, key: string, windows: readonly Window[]) => {
    let log = map.get(key);
    if (!log) {
      log = new SendLog(windows);
      map.set(key, log);
    }
    return log;
  };

  /** A fan-out touches thousands of threads once each: forget the ones with nothing left in any window. */
  const pruneIdle = (now: number) => {
    acquiredSincePrune = 0;
    for (const map of [threads, tenants]) for (const [key, log] of map) if (log.idle(now)) map.delete(key);
  };

  return {
    async acquire(thread, tenant) {
      for (;;) {
        const now = clock.now();
        const threadLog = logOf(threads, thread, limits.perThread);
        const tenantLog = logOf(tenants, tenant, limits.perTenant);
        const wait = Math.max(threadLog.waitMs(now), tenantLog.waitMs(now));
        if (wait <= 0) {
          // Checked and counted in one synchronous step: concurrent callers never both take the last slot.
          threadLog.record(now);
          tenantLog.record(now);
          acquiredSincePrune += 1;
          if (acquiredSincePrune >= 10_000) pruneIdle(now);
          return;
        }
        await clock.sleep(wait);
      }
    },
  };
}
