// Calendar tests: the app wired to the local Graph and Google fakes (on a port of their own), people with
// calendars, and the calendar edits a person makes, followed by the sync job.
import type { CalendarProviderName } from '../calendar/calendar-event.ts';
import {
  type FakeCalendarServer,
  startFakeCalendarServer,
} from '../dev/fake-calendar/fake-calendar-server.ts';
import type { NewFakeEvent } from '../dev/fake-calendar/fake-calendars.ts';
import type { FakeEvent } from '../dev/fake-calendar/fake-event.ts';
import type { App } from '../server.ts';
import { createUser, type TestUser } from './fixtures.ts';
import { callAs } from './one-on-one-fixtures.ts';
import { buildTestApp, type TestApp } from './test-app.ts';

export interface CalendarWorld {
  readonly t: TestApp;
  readonly fake: FakeCalendarServer;
  /** Delays the adapters were asked to wait before retrying (Retry-After), instead of waiting. */
  readonly waits: number[];
  readonly close: () => Promise<void>;
}

/** The app and the fakes, each able to reach the other: providers call the fakes, fakes notify the app. */
export async function buildCalendarWorld(
  now: Date,
  options: { google?: boolean } = {},
): Promise<CalendarWorld> {
  let app: App | null = null;
  const fake = await startFakeCalendarServer({
    now: () => app?.clock.now() ?? now,
    pageSize: 2,
    deliver: async ({ url, headers, body }) => {
      if (!app) return { status: 503, body: '' };
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
  const t = await buildTestApp({
    config: {
      graphBaseUrl: fake.graphBaseUrl,
      googleBaseUrl: fake.googleBaseUrl,
      ...(options.google ? { google: { clientId: 'test-client', clientSecret: 'test-secret' } } : {}),
    },
  });
  app = t.app;
  t.app.clock.set(now);
  const waits: number[] = [];
  t.app.calendar.retry = {
    attempts: 4,
    baseDelayMs: 1000,
    maxDelayMs: 60_000,
    wait: async (ms) => {
      waits.push(ms);
    },
  };
  return {
    t,
    fake,
    waits,
    close: async () => {
      await t.close();
      await fake.close();
    },
  };
}

/** A person of the tenant; their calendar account is their e-mail address. */
export function person(app: App, name: string, timeZone = 'Europe/Berlin'): Promise<TestUser> {
  return createUser(app, { name, timeZone });
}

/**
 * POST /calendar/connect/:provider: in development mode the fakes' calendar of that person; with Google
 * configured, through the consent pop-up (the fake consents for the account in login_hint).
 */
export async function connect(app: App, user: TestUser, provider: CalendarProviderName) {
  const post = (body: Record<string, unknown>) =>
    callAs(app)(user, 'POST', `/calendar/connect/${provider}`, body);
  let response = await post({});
  if (response.statusCode === 200 && response.json().status === 'consent-required') {
    const consent = await fetch(response.json().authorizeUrl as string, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location') ?? '');
    response = await post({ code: back.searchParams.get('code'), state: back.searchParams.get('state') });
  }
  if (response.statusCode !== 200) throw new Error(`connect failed: ${response.statusCode} ${response.body}`);
  return response.json() as { status: string; connection?: { state: string } };
}

/** A meeting the user organizes with other people (and rooms), as a calendar would store it. */
export function addEvent(
  world: CalendarWorld,
  organizer: TestUser,
  input: Omit<NewFakeEvent, 'attendees' | 'timeZone'> & {
    with: readonly TestUser[];
    rooms?: number;
    timeZone?: string;
  },
): Promise<FakeEvent> {
  const { with: others, rooms = 0, timeZone = 'Europe/Berlin', ...rest } = input;
  return world.fake.calendars.addEvent(organizer.email, {
    ...rest,
    timeZone,
    organizerName: organizer.displayName,
    attendees: [
      ...others.map((other) => ({ email: other.email, name: other.displayName })),
      ...Array.from({ length: rooms }, (_, index) => ({
        email: `room-${index}@contoso.test`,
        name: `Room ${index}`,
        resource: true,
      })),
    ],
  });
}

/** The sweep, as Agenda runs it, at the app clock. */
export async function runSync(app: App): Promise<void> {
  const job = app.jobs.get('calendar-sync');
  if (!job) throw new Error('the calendar-sync job is not scheduled');
  await job(app.clock.now());
}
