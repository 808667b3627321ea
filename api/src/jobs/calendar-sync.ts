// The calendar sweep (safety net of the change notifications): every connection synced incrementally and its
// subscription renewed well before it expires; a failing user is recorded and the others go on.
import { sweepCalendars } from '../workflows/sync-calendar.ts';
import type { Job } from './job-deps.ts';

export const calendarSync: Job = async ({ store, log, calendar }, now) => {
  if (!calendar) return;
  const result = await sweepCalendars({ store, log, calendar }, now);
  log.info({ job: 'calendar-sync', ...result }, 'calendars synced');
};
