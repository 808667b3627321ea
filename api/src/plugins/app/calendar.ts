// Calendar access as `app.calendar` (providers of stored connections) and the per-user sync job that change
// notifications enqueue; the periodic sweep is the `calendar-sync` entry of the schedule.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { CardSource } from '../../workflows/build-cards.ts';
import { type CalendarContext, createCalendarContext } from '../../workflows/calendar-context.ts';
import { recordCreationNotice } from '../../workflows/record-creation-notice.ts';
import { syncUserCalendar } from '../../workflows/sync-calendar.ts';

export interface AppCalendar extends CalendarContext {
  /** Enqueues one user's sync (a change notification arrived); answers at once. */
  requestSync(userId: string): Promise<void>;
  /** A 1:1 was imported: the other participant gets the creation notice (SPEC.md "On creation"). */
  onCreated: (source: CardSource, actorId: string, now: Date) => Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    calendar: AppCalendar;
  }
}

export const SYNC_USER_JOB = 'calendar-sync-user';

async function calendar(app: FastifyInstance): Promise<void> {
  const context = createCalendarContext(app.config, app.store);
  const appCalendar: AppCalendar = Object.assign(context, {
    async requestSync(userId: string) {
      await app.agenda.now(SYNC_USER_JOB, { userId });
    },
    // Recorded in the importing request (a crash cannot lose it), sent in the background.
    async onCreated(source: CardSource, actorId: string, now: Date) {
      const notice = await recordCreationNotice(app.store, source, actorId, now);
      if (notice) app.notifications.attemptSoon(notice);
    },
  });
  app.decorate('calendar', appCalendar);
  app.agenda.define(SYNC_USER_JOB, async (job) => {
    const { userId } = job.attrs.data as { userId: string };
    await syncUserCalendar({ store: app.store, log: app.log, calendar: context }, userId, app.clock.now());
  });
}

export default fp(calendar, {
  name: 'calendar',
  dependencies: ['agenda', 'store', 'clock', 'notifications'],
});
