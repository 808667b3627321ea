// Counts the jobs this process is running, so shutdown can let them finish before the database closes.
import type { EventEmitter } from 'node:events';
import type { Job } from 'agenda';

export interface RunningJobs {
  readonly count: () => number;
  /** Resolves when no job runs any more, or after `graceMs`, with the number still running. */
  readonly settled: (graceMs: number) => Promise<number>;
}

/**
 * Agenda's own `drain()` waits for running jobs but leaves jobs it had locked (and not started) locked
 * until their lock expires; `stop()` unlocks those but does not wait. Shutdown uses `stop()` plus this.
 */
export function trackRunningJobs(agenda: EventEmitter): RunningJobs {
  const running = new Set<string>();
  const waiters = new Set<() => void>();
  const keyOf = (job: Pick<Job, 'attrs'>) => String(job.attrs._id);

  agenda.on('start', (job: Pick<Job, 'attrs'>) => {
    running.add(keyOf(job));
  });
  agenda.on('complete', (job: Pick<Job, 'attrs'>) => {
    running.delete(keyOf(job));
    if (running.size > 0) return;
    for (const wake of waiters) wake();
  });

  return {
    count: () => running.size,
    settled: (graceMs) => {
      if (running.size === 0) return Promise.resolve(0);
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve(running.size);
        };
        const timer = setTimeout(done, graceMs);
        waiters.add(done);
      });
    },
  };
}
