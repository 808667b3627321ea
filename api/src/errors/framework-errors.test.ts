// The router's own refusals use the SPEC.md error shape, and real calendar event ids fit in a path parameter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../test-support/fixtures.ts';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';

let t: TestApp;
let user: TestUser;

beforeAll(async () => {
  // Without the built tab: its catch-all route would otherwise answer long unknown paths with a JSON 404 first.
  t = await buildTestApp({ deps: { tabDir: '/nonexistent-tab-build' } });
  user = await createUser(t.app);
});
afterAll(() => t.close());

describe('errors raised by the router', () => {
  it('an over-long path parameter answers 414 in the error shape, without echoing the path', async () => {
    const long = 'x'.repeat(2000);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${long}`, headers: user.headers });
    expect(res.statusCode).toBe(414);
    expect(res.json()).toEqual({ error: { code: 'URI_TOO_LONG', message: 'A path parameter is too long' } });
  });

  it('a Graph-sized event id (about 150 characters) reaches the route instead of the router refusing it', async () => {
    const eventId = `AAMkAGI2TG93AAA${'A'.repeat(130)}=`;
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/calendar/events/${encodeURIComponent(eventId)}/one-on-one`,
      headers: user.headers,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
