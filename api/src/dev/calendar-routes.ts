// Development mode: the demo calendars served by the local fakes, and edits of a demo event (rename, move,
// delete, split, end) that show calendar sync at work; each edit syncs the organizer at once.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../errors/app-error.ts';
import { DemoEventEdit } from '../schemas/calendar.ts';
import { ErrorBody, Id, IsoDateTime } from '../schemas/common.ts';
import { syncUserCalendar } from '../workflows/sync-calendar.ts';
import { DEMO_PROVIDER } from './demo-calendars.ts';
import type { FakeCalendars } from './fake-calendar/fake-calendars.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

const DemoCalendarEvent = Type.Object({
  id: Type.String(),
  subject: Type.String(),
  start: IsoDateTime,
  end: IsoDateTime,
  /** The series master (recurring), or the event itself. */
  eventId: Type.String(),
  recurring: Type.Boolean(),
  people: Type.Array(Type.String()),
});

const calendarRoutes: FastifyPluginAsyncTypebox<{ calendars: FakeCalendars }> = async (
  app,
  { calendars },
) => {
  const demoUser = async (userId: string) => {
    const user = await app.store.users.findAnyById(userId);
    if (!user) throw AppError.notFound('Demo user');
    return user;
  };

  app.get(
    '/dev/calendar/events',
    {
      schema: {
        tags: ['dev'],
        summary: "A demo user's calendar for the next four weeks (occurrence by occurrence)",
        querystring: Type.Object({ userId: Id }, { additionalProperties: false }),
        response: {
          200: Type.Object({ provider: Type.String(), events: Type.Array(DemoCalendarEvent) }),
          404: ErrorBody,
        },
      },
    },
    async (request) => {
      const user = await demoUser(request.query.userId);
      const now = app.clock.now();
      const instances = calendars.instances(user.email, now, new Date(now.getTime() + 28 * DAY_MS));
      return {
        provider: DEMO_PROVIDER[user.email] ?? 'microsoft',
        events: instances.map((instance) => ({
          id: instance.id,
          subject: instance.subject,
          start: instance.start.toISOString(),
          end: instance.end.toISOString(),
          eventId: instance.event.id,
          recurring: instance.event.recurrence !== null,
          people: [instance.event.organizer.email, ...instance.event.attendees.map((person) => person.email)],
        })),
      };
    },
  );

  app.post(
    '/dev/calendar/edit',
    {
      schema: {
        tags: ['dev'],
        summary: 'Edit a demo event as its organizer would in the calendar, then sync that calendar',
        description:
          'rename: the event or the whole series (`subject`); move: one occurrence or event (`start`, `end`); ' +
          'delete: one occurrence or event; split: "this and following" from `start`; end: the series ends at `start`.',
        body: DemoEventEdit,
        response: { 200: Type.Object({ synced: Type.Boolean() }), 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const { userId, eventId, action, subject, start, end } = request.body;
      const user = await demoUser(userId);
      const account = user.email;
      const at = (value: string | undefined, what: string) => {
        if (!value) throw AppError.badRequest(`${action} needs ${what}`);
        return new Date(value);
      };
      try {
        if (action === 'rename') await calendars.renameEvent(account, eventId, subject ?? 'Renamed 1:1');
        if (action === 'move')
          await calendars.moveInstance(account, eventId, at(start, 'start'), at(end, 'end'));
        if (action === 'delete') await calendars.deleteInstance(account, eventId);
        if (action === 'split')
          await calendars.splitSeries(account, eventId, at(start, 'start'), {
            ...(subject ? { subject } : {}),
          });
        if (action === 'end') await calendars.endSeries(account, eventId, at(start, 'start'));
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw AppError.notFound('Demo event');
      }
      const outcome = await syncUserCalendar(
        { store: app.store, log: request.log, calendar: app.calendar },
        user.id,
        app.clock.now(),
      );
      return { synced: outcome?.ok === true };
    },
  );
};

export default calendarRoutes;
