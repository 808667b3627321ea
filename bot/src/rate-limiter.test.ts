// Teams' bot limits (per thread 7/1 s, 8/2 s, 60/30 s, 1,800/h; per tenant 50/s): sends are paced to them,
// never dropped. A virtual clock makes the pacing exact and the test instant.
import { describe, expect, it } from 'vitest';
import { createSendLimiter, type LimiterClock, TEAMS_LIMITS } from './rate-limiter.ts';

function virtualClock(): LimiterClock & { readonly elapsed: () => number } {
  let now = 0;
  return {
    now: () => now,
    elapsed: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
}

/** The times at which `count` sends to one thread (or one each to distinct threads) were let through. */
async function sendTimes(count: number, thread: (i: number) => string, tenant = 't1') {
  const clock = virtualClock();
  const limiter = createSendLimiter(TEAMS_LIMITS, clock);
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    await limiter.acquire(thread(i), tenant);
    times.push(clock.now());
  }
  return times;
}

const inWindow = (times: number[], from: number, ms: number) =>
  times.filter((t) => t >= from && t < from + ms).length;

describe('the send rate limiter', () => {
  it('lets 7 sends per second into one thread, and 8 per 2 seconds', async () => {
    const times = await sendTimes(24, () => 'chat-1');
    expect(inWindow(times, 0, 1_000)).toBe(7);
    for (const start of times) {
      expect(inWindow(times, start, 1_000)).toBeLessThanOrEqual(7);
      expect(inWindow(times, start, 2_000)).toBeLessThanOrEqual(8);
    }
  });

  it('keeps one thread under 60 per 30 seconds', async () => {
    const times = await sendTimes(130, () => 'chat-1');
    for (const start of times) expect(inWindow(times, start, 30_000)).toBeLessThanOrEqual(60);
    expect(times).toHaveLength(130);
  });

  it('paces a fan-out to many people at 50 per second per tenant, dropping none', async () => {
    const times = await sendTimes(1_000, (i) => `chat-${i}`);
    expect(times).toHaveLength(1_000);
    for (const start of times) expect(inWindow(times, start, 1_000)).toBeLessThanOrEqual(50);
    // 1,000 sends at 50/s: the last one goes out at 19 s, not later (the limit is used, not wasted).
    expect(times.at(-1)).toBe(19_000);
  });

  it('counts tenants separately', async () => {
    const clock = virtualClock();
    const limiter = createSendLimiter(TEAMS_LIMITS, clock);
    for (let i = 0; i < 50; i += 1) await limiter.acquire(`a-${i}`, 'tenant-a');
    for (let i = 0; i < 50; i += 1) await limiter.acquire(`b-${i}`, 'tenant-b');
    expect(clock.now()).toBe(0);
  });

  it('limits are configurable', async () => {
    const clock = virtualClock();
    const limiter = createSendLimiter({ perThread: [], perTenant: [{ count: 2, ms: 1_000 }] }, clock);
    for (let i = 0; i < 5; i += 1) await limiter.acquire(`c-${i}`, 't');
    expect(clock.now()).toBe(2_000);
  });
});
