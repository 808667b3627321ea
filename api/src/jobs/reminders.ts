// Every minute: records the one-hour reminders now due, then sends every due notification (reminders, creation
// notices, retries of throttled sends).
import { dispatchDeliveries } from '../notify/dispatch-deliveries.ts';
import { planReminders } from '../workflows/plan-reminders.ts';
import type { Job } from './job-deps.ts';

export const reminders: Job = async (deps, now) => {
  const planned = await planReminders(deps.store, now);
  const result = await dispatchDeliveries(deps, now);
  if (planned > 0 || result.sent + result.failed + result.skipped + result.deferred > 0)
    deps.log.info({ job: 'reminders', planned, ...result }, 'notifications sent');
};
