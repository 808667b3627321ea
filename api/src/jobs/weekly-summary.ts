// Every 15 minutes (zones differ by quarter hours): records the Sunday 17:00 summaries now due in each person's
// zone, then sends every due notification, paced by the notifier.
import { dispatchDeliveries } from '../notify/dispatch-deliveries.ts';
import { planWeeklySummaries } from '../workflows/plan-weekly-summaries.ts';
import type { Job } from './job-deps.ts';

export const weeklySummary: Job = async (deps, now) => {
  const planned = await planWeeklySummaries(deps.store, now);
  const result = await dispatchDeliveries(deps, now);
  if (planned > 0 || result.sent + result.failed + result.skipped + result.deferred > 0)
    deps.log.info({ job: 'weekly-summary', planned, ...result }, 'weekly summaries sent');
};
