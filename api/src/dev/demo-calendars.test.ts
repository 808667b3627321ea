// SPEC.md "Development mode": each demo user has a demo calendar served by the local fakes, so Bulk create
// works in the browser, and a dev route edits a demo event to show calendar sync.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../plugins/app/clock.ts';
import type { CalendarCandidate } from '../schemas/calendar.ts';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';
import { demoEventId } from './demo-calendars.ts';
import { DEMO_USERS } from './demo-users.ts';

const NOW = new Date('2026-11-23T09:00:00Z');
const [adele] = DEMO_USERS;
const headers = { authorization: `Dev ${adele?.id}` };
let t: TestApp;

/** The adapters reach the fakes over HTTP at the configured port, so the app listens on it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  t = await buildTestApp({ config: { port }, deps: { seedDemo: true, clock: createClock(NOW) } });
  await t.app.listen({ port, host: '127.0.0.1' });
});
afterAll(() => t.close());

describe('demo calendars', () => {
  it("offers Adele's two-person weekly and monthly meetings, not the stand-up or the three-person sync", async () => {
    const connect = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/connect/microsoft',
      headers,
      payload: {},
    });
    expect(connect.json()).toEqual({
      status: 'connected',
      connection: { provider: 'microsoft', state: 'connected' },
    });
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/recurring', headers });
    const byTitle = Object.fromEntries(
      (listed.json() as CalendarCandidate[]).map((candidate) => [candidate.title, candidate.status]),
    );
    expect(byTitle).toEqual({
      'Adele & Lynne weekly': 'importable',
      'Adele / Alex': 'pair-has-series',
      'Career chat with Diego': 'importable',
    });
  });

  it('a demo event edited through the dev route is synced into the imported series', async () => {
    if (!adele) throw new Error('no demo user');
    const eventId = demoEventId(adele, 'lynne-weekly');
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/import',
      headers,
      payload: { eventIds: [eventId] },
    });
    const seriesId = imported.json().results[0].card.id as string;
    const edit = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dev/calendar/edit',
      payload: { userId: adele.id, eventId, action: 'rename', subject: 'Adele & Lynne, renamed' },
    });
    expect(edit.json()).toEqual({ synced: true });
    const series = await t.app.inject({ method: 'GET', url: `/api/v1/series/${seriesId}`, headers });
    expect(series.json().title).toBe('Adele & Lynne, renamed');
  });
});
