// Every minute: open topics and action items of series 1:1s that ended three hours ago move to the next 1:1.
import { randomUUID } from 'node:crypto';
import { rollOverDueMeetings } from '../workflows/roll-over-meetings.ts';
import type { Job } from './job-deps.ts';

export const rollover: Job = async ({ store, log }, now) => {
  // A fresh owner per run: a claim left by a crashed run (even of this process) is never mistaken for ours.
  const result = await rollOverDueMeetings(store, now, { owner: `rollover-${randomUUID()}` });
  if (result.rolledOver > 0 || result.left > 0) log.info({ job: 'rollover', ...result }, 'roll-over sweep');
};
