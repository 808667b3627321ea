// Both adapters against the local fakes: paging followed to the end, Retry-After honoured on 429, an expired
// cursor answered by a full listing, Windows zone names mapped, rooms left out, subscriptions as granted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeCalendarServer,
  startFakeCalendarServer,
} from '../dev/fake-calendar/fake-calendar-server.ts';
import type { CalendarProviderName } from './calendar-event.ts';
import type { CalendarProvider } from './calendar-provider.ts';
import { CalendarProviderError } from './provider-errors.ts';
import { createProvider } from './providers.ts';

const NOW = new Date('2026-03-02T08:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const ME = 'olivia@contoso.test';
const window = { from: NOW, to: new Date(NOW.getTime() + 28 * DAY) };

let fake: FakeCalendarServer;
const deliveries: { url: string; headers: Record<string, string> }[] = [];

beforeAll(async () => {
  fake = await startFakeCalendarServer({
    now: () => NOW,
    pageSize: 2,
    deliver: async (request) => {
      deliveries.push(request);
      const token = new URL(request.url).searchParams.get('validationToken');
      return { status: 200, body: token ?? '' };
    },
  });
  const calendars = fake.calendars;
  await calendars.addEvent(ME, {
    id: 'weekly',
    subject: 'Weekly',
    start: new Date('2026-03-03T09:00:00Z'),
    end: new Date('2026-03-03T09:30:00Z'),
    timeZone: 'Europe/Berlin',
    attendees: [
      { email: 'pat@contoso.test', name: 'Pat' },
      { email: 'room@contoso.test', name: 'Room', resource: true },
    ],
    recurrence: { frequency: 'weekly', interval: 2, until: null },
  });
  await calendars.addEvent(ME, {
    id: 'new-york',
    subject: 'New York',
    start: new Date('2026-03-04T15:00:00Z'),
    end: new Date('2026-03-04T15:30:00Z'),
    timeZone: 'America/New_York',
    attendees: [{ email: 'alex@contoso.test', name: 'Alex' }],
  });
});
afterAll(() => fake.close());

function providerOf(name: CalendarProviderName, waits: number[]): CalendarProvider {
  return createProvider(
    {
      key: Buffer.alloc(32),
      authMode: 'dev',
      entra: null,
      entraAuthorityUrl: 'http://127.0.0.1:1',
      google: null,
      graphBaseUrl: fake.graphBaseUrl,
      googleBaseUrl: fake.googleBaseUrl,
      retry: { attempts: 3, baseDelayMs: 500, maxDelayMs: 60_000, wait: async (ms) => void waits.push(ms) },
    },
    name,
    { kind: 'dev', account: ME },
  );
}

describe.each<CalendarProviderName>(['microsoft', 'google'])('%s adapter', (name) => {
  it('lists every page of the window and leaves rooms out of the people', async () => {
    const events = await providerOf(name, []).listInstances(window);
    // Two series occurrences (every 2 weeks) and the single event: more than one page of two.
    expect(events.map((event) => event.subject)).toEqual(['Weekly', 'New York', 'Weekly']);
    expect(events[0]?.people.map((person) => person.email).sort()).toEqual([
      'olivia@contoso.test',
      'pat@contoso.test',
    ]);
    expect(events[0]).toMatchObject({ kind: 'occurrence', seriesMasterId: 'weekly' });
  });

  it("reads the event's time zone (Graph's Windows names mapped to IANA) and the recurrence", async () => {
    const provider = providerOf(name, []);
    expect((await provider.getEvent('new-york'))?.timeZone).toBe('America/New_York');
    const master = await provider.getEvent('weekly');
    expect(master).toMatchObject({ kind: 'master', timeZone: 'Europe/Berlin' });
    expect(master?.recurrence).toEqual({ kind: 'weekly', interval: 2, until: null });
  });

  it('waits for Retry-After on 429 and then succeeds', async () => {
    const waits: number[] = [];
    fake.calendars.throttle(ME, 2, 7);
    const events = await providerOf(name, waits).listInstances(window);
    expect(events).toHaveLength(3);
    expect(waits).toEqual([7000, 7000]);
  });

  it('gives up as throttled when the provider keeps answering 429', async () => {
    fake.calendars.throttle(ME, 5, 1);
    const attempt = providerOf(name, []).listInstances(window);
    await expect(attempt).rejects.toBeInstanceOf(CalendarProviderError);
    await expect(attempt).rejects.toMatchObject({ kind: 'throttled' });
    fake.calendars.throttle(ME, 0, 0);
  });

  it('answers changes since the cursor, and a full listing when the cursor expired (410)', async () => {
    const provider = providerOf(name, []);
    const first = await provider.changes(null, window);
    expect(first.full).toBe(true);
    await fake.calendars.addEvent(ME, {
      id: `lunch-${name}`,
      subject: 'Lunch',
      start: new Date('2026-03-05T11:00:00Z'),
      end: new Date('2026-03-05T12:00:00Z'),
      timeZone: 'Europe/Berlin',
      attendees: [{ email: 'pat@contoso.test', name: 'Pat' }],
    });
    await fake.calendars.renameEvent(ME, `lunch-${name}`, 'Long lunch');
    const next = await provider.changes(first.cursor, window);
    expect(next).toMatchObject({ full: false, removedIds: [] });
    expect(next.events.map((event) => event.subject)).toEqual(['Long lunch']);
    await fake.calendars.deleteEvent(ME, `lunch-${name}`);
    const removed = await provider.changes(next.cursor, window);
    expect(removed).toMatchObject({ events: [], removedIds: [`lunch-${name}`] });
    fake.calendars.expireSyncStates(ME);
    const again = await provider.changes(removed.cursor, window);
    expect(again.full).toBe(true);
    expect(again.events.map((event) => event.subject)).toEqual(['Weekly', 'New York', 'Weekly']);
  });

  it('keeps the subscription lifetime the provider granted', async () => {
    const asked = new Date(NOW.getTime() + 30 * DAY);
    const subscription = await providerOf(name, []).subscribe({
      notificationUrl: 'http://127.0.0.1:9/api/calendar/notifications/x',
      secret: 's3cret',
      expiresAt: asked,
    });
    expect(subscription.expiresAt.getTime()).toBeLessThan(asked.getTime());
    expect(subscription.expiresAt.getTime()).toBeGreaterThan(NOW.getTime());
    await providerOf(name, []).unsubscribe(subscription);
    expect(fake.calendars.subscriptions.has(subscription.id)).toBe(false);
  });
});
