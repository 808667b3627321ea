import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { trackRunningJobs } from './running-jobs.ts';

const job = (id: string) => ({ attrs: { _id: id, name: 'test-job' } });

describe('trackRunningJobs', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shutdown goes on at once when no job runs', async () => {
    const running = trackRunningJobs(new EventEmitter());
    await expect(running.settled(10_000)).resolves.toBe(0);
  });

  it('shutdown waits until every running job has completed', async () => {
    const agenda = new EventEmitter();
    const running = trackRunningJobs(agenda);
    agenda.emit('start', job('a'));
    agenda.emit('start', job('b'));
    let settled: number | null = null;
    const waiting = running.settled(10_000).then((left) => {
      settled = left;
    });
    agenda.emit('complete', job('a'));
    await Promise.resolve();
    expect(settled).toBeNull();
    expect(running.count()).toBe(1);
    agenda.emit('complete', job('b'));
    await waiting;
    expect(settled).toBe(0);
  });

  it('shutdown stops waiting after the grace period and says how many jobs still run', async () => {
    vi.useFakeTimers();
    const agenda = new EventEmitter();
    const running = trackRunningJobs(agenda);
    agenda.emit('start', job('stuck'));
    const waiting = running.settled(25_000);
    await vi.advanceTimersByTimeAsync(25_000);
    await expect(waiting).resolves.toBe(1);
  });
});
