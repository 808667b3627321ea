// Mounts the Graph and Google fakes on a Fastify instance (the app in development mode) or starts them on a
// loopback port of their own (tests, bench), and answers the base URLs to configure the adapters with.
import Fastify, { type FastifyInstance } from 'fastify';
import { type Deliver, FakeCalendars, type FakeCalendarsOptions } from './fake-calendars.ts';
import googleFake from './google-fake.ts';
import graphFake from './graph-fake.ts';

export const GRAPH_PREFIX = '/graph/v1.0';

/**
 * Graph's adapter keeps the path of its base URL, so its fake can live under a prefix. Google's client joins
 * `/calendar/v3/...` to the origin of its base URL, so the Google fake is served at the root.
 */
export async function mountFakeCalendars(app: FastifyInstance, calendars: FakeCalendars, graphPrefix = '') {
  await app.register(graphFake, { prefix: `${graphPrefix}${GRAPH_PREFIX}`, calendars });
  await app.register(googleFake, { calendars });
}

export interface FakeCalendarServer {
  readonly calendars: FakeCalendars;
  readonly graphBaseUrl: string;
  readonly googleBaseUrl: string;
  readonly close: () => Promise<void>;
}

export async function startFakeCalendarServer(
  options: FakeCalendarsOptions & { deliver?: Deliver },
): Promise<FakeCalendarServer> {
  const calendars = new FakeCalendars(options);
  const server = Fastify({ logger: false });
  await mountFakeCalendars(server, calendars);
  const address = await server.listen({ port: 0, host: '127.0.0.1' });
  return {
    calendars,
    graphBaseUrl: `${address}${GRAPH_PREFIX}`,
    googleBaseUrl: address,
    close: () => server.close(),
  };
}
