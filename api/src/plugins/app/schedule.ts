// Defines every job in Agenda with its schedule and exposes the same bodies as `app.jobs` (dev routes, tests).
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { calendarSync } from '../../jobs/calendar-sync.ts';
import type { Job } from '../../jobs/job-deps.ts';
import { materialise } from '../../jobs/materialise.ts';
import { reminders } from '../../jobs/reminders.ts';
import { rollover } from '../../jobs/rollover.ts';
import { weeklySummary } from '../../jobs/weekly-summary.ts';
import type { JobName } from '../../schemas/dev.ts';

interface ScheduledJob {
  readonly name: JobName;
  readonly body: Job;
  /** Agenda's interval syntax; Agenda keeps one such schedule however many processes run. */
  readonly every: string;
}

export const SCHEDULE: readonly ScheduledJob[] = [
  { name: 'materialise', body: materialise, every: '1 day' },
  { name: 'rollover', body: rollover, every: '1 minute' },
  { name: 'reminders', body: reminders, every: '1 minute' },
  // Time zones differ by quarter hours (India +5:30, Nepal +5:45): Sunday 17:00 comes every 15 minutes.
  { name: 'weekly-summary', body: weeklySummary, every: '15 minutes' },
  // The safety net of the change notifications; also renews subscriptions well before they expire.
  { name: 'calendar-sync', body: calendarSync, every: '5 minutes' },
];

async function schedule(app: FastifyInstance): Promise<void> {
  const deps = { store: app.store, log: app.log, notifier: app.notifier, calendar: app.calendar };
  for (const job of SCHEDULE) {
    app.jobs.set(job.name, (now) => job.body(deps, now));
    // The clock is read when the job runs, so development mode's moved clock applies to jobs too.
    app.agenda.define(job.name, async () => job.body(deps, app.clock.now()));
  }
  app.addHook('onReady', async () => {
    for (const job of SCHEDULE) await app.agenda.every(job.every, job.name);
  });
}

export default fp(schedule, {
  name: 'schedule',
  dependencies: ['agenda', 'store', 'jobs', 'clock', 'notifications', 'calendar'],
});
