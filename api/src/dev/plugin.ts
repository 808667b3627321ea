// Development mode as one plugin: seeds the demo tenant at start and serves the /dev/* routes, with the demo
// calendars of the local Graph and Google fakes (mounted by `mountDemoCalendars`).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import calendarRoutes from './calendar-routes.ts';
import { seedDemoCalendars } from './demo-calendars.ts';
import { mountFakeCalendars } from './fake-calendar/fake-calendar-server.ts';
import { FakeCalendars } from './fake-calendar/fake-calendars.ts';
import devRoutes from './routes.ts';
import { seedDemoTenant } from './seed.ts';

/**
 * The demo calendars: the Graph and Google fakes served by this process (the calendar adapters point here in
 * development mode), delivering change notifications in-process. Mounted at the root: Google's client keeps
 * only the origin of its base URL.
 */
export async function mountDemoCalendars(app: FastifyInstance): Promise<FakeCalendars> {
  const calendars = new FakeCalendars({
    now: () => app.clock.now(),
    deliver: async ({ url, headers, body }) => {
      const { pathname, search } = new URL(url);
      const answer = await app.inject({
        method: 'POST',
        url: `${pathname}${search}`,
        headers,
        payload: body,
      });
      return { status: answer.statusCode, body: answer.body };
    },
  });
  await seedDemoCalendars(calendars, app.clock.now());
  await mountFakeCalendars(app, calendars, '/api/v1/dev/fake');
  return calendars;
}

const development: FastifyPluginAsyncTypebox<{ seed: boolean; calendars: FakeCalendars }> = async (
  app,
  options,
) => {
  if (options.seed) {
    await seedDemoTenant(app.store, app.clock.now());
    app.log.info('development mode: demo tenant seeded; sign in with Authorization: Dev <user-id>');
  }
  await app.register(devRoutes);
  await app.register(calendarRoutes, { calendars: options.calendars });
};

export default development;
