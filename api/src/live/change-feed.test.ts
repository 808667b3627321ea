// The change feed alone, on an in-memory change log and fake timers: de-duplication, lookback, fan-out.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Change } from '../store/changes.ts';
import { type ChangeFeed, createChangeFeed } from './change-feed.ts';

const MEETING = 'm1';
const OWNER = 'owner';
const OTHER = 'other';

let log: Change[];
let now: number;
let feed: ChangeFeed;
let counter = 0;

function record(actorId: string, at: number, meetingId = MEETING): Change {
  counter += 1;
  const change: Change = {
    id: `c${counter}`,
    meetingId,
    actorId,
    type: 'item.created',
    payload: { n: counter },
    at: new Date(at),
  };
  log.push(change);
  return change;
}

beforeEach(() => {
  vi.useFakeTimers();
  log = [];
  now = Date.UTC(2030, 0, 1);
  feed = createChangeFeed({
    source: {
      since: async (meetingIds, since) =>
        log.filter((change) => meetingIds.includes(change.meetingId) && change.at >= since),
    },
    now: () => new Date(now),
    onError: (error) => {
      throw error;
    },
    intervalMs: 250,
    lookbackMs: 5_000,
  });
});
afterEach(async () => {
  await feed.stop();
  vi.useRealTimers();
});

async function tick(ms = 250) {
  now += ms;
  await vi.advanceTimersByTimeAsync(ms);
}

describe('createChangeFeed', () => {
  it("delivers each of the other participant's changes once, though read windows overlap", async () => {
    const received: string[] = [];
    await feed.subscribe(MEETING, { userId: OWNER, deliver: (change) => received.push(change.id) });
    const first = record(OTHER, now);
    await tick();
    await tick();
    const second = record(OTHER, now);
    await tick();
    await tick();
    expect(received).toEqual([first.id, second.id]);
  });

  it("skips the subscriber's own changes and other meetings' changes", async () => {
    const received: string[] = [];
    await feed.subscribe(MEETING, { userId: OWNER, deliver: (change) => received.push(change.id) });
    record(OWNER, now);
    record(OTHER, now, 'm2');
    const theirs = record(OTHER, now);
    await tick();
    expect(received).toEqual([theirs.id]);
  });

  it('does not replay what was recorded before the subscription', async () => {
    record(OTHER, now - 1_000);
    const received: string[] = [];
    await feed.subscribe(MEETING, { userId: OWNER, deliver: (change) => received.push(change.id) });
    await tick();
    expect(received).toEqual([]);
  });

  it('delivers a change another process committed late with an earlier time stamp', async () => {
    const received: string[] = [];
    await feed.subscribe(MEETING, { userId: OWNER, deliver: (change) => received.push(change.id) });
    await tick(1_000);
    const late = record(OTHER, now - 2_000);
    await tick();
    expect(received).toEqual([late.id]);
  });

  it('fans a change out to every open stream of the meeting, and stops after unsubscribe', async () => {
    const a: string[] = [];
    const b: string[] = [];
    const stopA = await feed.subscribe(MEETING, { userId: OWNER, deliver: (change) => a.push(change.id) });
    await feed.subscribe(MEETING, { userId: OWNER, deliver: (change) => b.push(change.id) });
    const first = record(OTHER, now);
    await tick();
    stopA();
    const second = record(OTHER, now);
    await tick();
    expect(a).toEqual([first.id]);
    expect(b).toEqual([first.id, second.id]);
    expect(feed.size()).toBe(1);
  });

  it('reads nothing while no stream is open', async () => {
    const since = vi.fn(async () => []);
    const idle = createChangeFeed({ source: { since }, now: () => new Date(now), onError: () => {} });
    await tick(5_000);
    expect(since).not.toHaveBeenCalled();
    await idle.stop();
  });
});
