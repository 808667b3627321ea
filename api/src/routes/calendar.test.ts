// SPEC.md "Calendar": connection per user with their own consent, tokens deleted on disconnect, change
// notifications checked and turned into a sync, subscriptions renewed, expired consent shown, a failing user
// never stopping the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_USER_JOB } from '../plugins/app/calendar.ts';
import { hashSecret } from '../store/calendar-connections.ts';
import {
  addEvent,
  buildCalendarWorld,
  type CalendarWorld,
  connect,
  person,
  runSync,
} from '../test-support/calendar-fixtures.ts';
import type { TestUser } from '../test-support/fixtures.ts';
import { at, callAs } from '../test-support/one-on-one-fixtures.ts';

const NOW = new Date('2026-03-02T08:00:00Z');

let world: CalendarWorld;
let pat: TestUser;
beforeAll(async () => {
  world = await buildCalendarWorld(NOW, { google: true });
  pat = await person(world.t.app, 'Pat Partner');
});
afterAll(() => world.close());

const call = () => callAs(world.t.app);
const queuedSyncs = async () =>
  (await world.t.app.agenda.queryJobs({ name: SYNC_USER_JOB })).jobs.map(
    (job) => (job.data as { userId: string }).userId,
  );
const connectionOf = (user: TestUser) => world.t.app.store.calendarConnections.get(user.tenantId, user.id);
const weekly = (organizer: TestUser, subject: string) =>
  addEvent(world, organizer, {
    subject,
    start: new Date(at('2026-03-03T10:00')),
    end: new Date(at('2026-03-03T10:30')),
    with: [pat],
    recurrence: { frequency: 'weekly', interval: 1, until: null },
  });

describe('POST /api/calendar/notifications/:provider', () => {
  it("answers Graph's validation handshake with the token as text", async () => {
    const response = await world.t.app.inject({
      method: 'POST',
      url: '/api/calendar/notifications/microsoft?validationToken=Validation%3A%20abc',
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toBe('Validation: abc');
  });

  it('a Graph subscription opened at connect turns a calendar change into a queued sync', async () => {
    const olivia = await person(world.t.app, 'Olivia Graph');
    const event = await weekly(olivia, 'Olivia / Pat');
    await connect(world.t.app, olivia, 'microsoft');
    const connection = await connectionOf(olivia);
    expect(connection?.subscription?.expiresAt.getTime()).toBeGreaterThan(NOW.getTime());
    await world.fake.calendars.renameEvent(olivia.email, event.id, 'Renamed');
    expect(await queuedSyncs()).toContain(olivia.id);
  });

  it('refuses a Graph notification whose clientState does not match', async () => {
    const olivia = await person(world.t.app, 'Olivia Forged');
    await connect(world.t.app, olivia, 'microsoft');
    const subscriptionId = (await connectionOf(olivia))?.subscription?.id;
    const response = await world.t.app.inject({
      method: 'POST',
      url: '/api/calendar/notifications/microsoft',
      payload: { value: [{ subscriptionId, clientState: 'guessed', changeType: 'updated' }] },
    });
    expect(response.statusCode).toBe(403);
    expect(await queuedSyncs()).not.toContain(olivia.id);
  });

  it('a Google channel message with the right token queues a sync; a wrong token is refused', async () => {
    const gina = await person(world.t.app, 'Gina Google');
    const event = await weekly(gina, 'Gina / Pat');
    await connect(world.t.app, gina, 'google');
    const channel = (await connectionOf(gina))?.subscription;
    expect(channel?.resourceId).toBeTruthy();
    await world.fake.calendars.renameEvent(gina.email, event.id, 'Renamed');
    expect(await queuedSyncs()).toContain(gina.id);
    const forged = await world.t.app.inject({
      method: 'POST',
      url: '/api/calendar/notifications/google',
      headers: {
        'x-goog-channel-id': channel?.id ?? '',
        'x-goog-channel-token': 'guessed',
        'x-goog-resource-state': 'exists',
      },
    });
    expect(forged.statusCode).toBe(403);
  });
});

describe('subscription renewal', () => {
  it.each(['microsoft', 'google'] as const)(
    '%s: renewed by the sweep once half of the granted lifetime has passed, never before',
    async (provider) => {
      const user = await person(world.t.app, `Rita ${provider}`);
      await connect(world.t.app, user, provider);
      const first = (await connectionOf(user))?.subscription;
      if (!first) throw new Error('no subscription');
      const granted = first.expiresAt.getTime() - NOW.getTime();
      world.t.app.clock.set(new Date(NOW.getTime() + granted / 4));
      await runSync(world.t.app);
      expect((await connectionOf(user))?.subscription).toEqual(first);

      world.t.app.clock.set(new Date(NOW.getTime() + (granted * 3) / 4));
      await runSync(world.t.app);
      const renewed = (await connectionOf(user))?.subscription;
      expect(renewed?.expiresAt.getTime()).toBeGreaterThan(first.expiresAt.getTime());
      // Graph extends the same subscription; Google opens a new channel and stops the old one.
      if (provider === 'microsoft') expect(renewed?.id).toBe(first.id);
      else {
        expect(renewed?.id).not.toBe(first.id);
        expect(world.fake.calendars.subscriptions.has(first.id)).toBe(false);
      }
      world.t.app.clock.set(NOW);
    },
  );
});

describe('connection and consent', () => {
  it('connects Google through the consent pop-up with PKCE and keeps only an encrypted refresh token', async () => {
    const user = await person(world.t.app, 'Paula Pkce');
    const start = await call()(user, 'POST', '/calendar/connect/google', {});
    expect(start.json()).toMatchObject({ status: 'consent-required' });
    const consent = await fetch(start.json().authorizeUrl, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location') ?? '');
    expect(back.pathname).toBe('/auth/google-end');
    const done = await call()(user, 'POST', '/calendar/connect/google', {
      code: back.searchParams.get('code') ?? '',
      state: back.searchParams.get('state') ?? '',
    });
    expect(done.json()).toEqual({
      status: 'connected',
      connection: { provider: 'google', state: 'connected' },
    });
    const stored = await connectionOf(user);
    expect(stored?.credentials).toMatch(/^v1\./);
    expect(stored?.credentials).not.toContain('refresh-');
    const replay = await call()(user, 'POST', '/calendar/connect/google', {
      code: back.searchParams.get('code') ?? '',
      state: back.searchParams.get('state') ?? '',
    });
    expect(replay.statusCode).toBe(400);
  });

  it('revoked consent shows "reconnect your calendar" on GET /me and GET /calendar', async () => {
    const user = await person(world.t.app, 'Ronald Revoked');
    await connect(world.t.app, user, 'google');
    world.fake.calendars.revokeRefreshTokens(user.email);
    await runSync(world.t.app);
    expect((await call()(user, 'GET', '/me')).json().calendar).toEqual({
      provider: 'google',
      state: 'needs-consent',
    });
    const listed = await call()(user, 'GET', '/calendar/recurring');
    expect(listed.json().error.code).toBe('CALENDAR_CONSENT_REQUIRED');
  });

  it('disconnecting deletes the tokens and the subscription', async () => {
    const user = await person(world.t.app, 'Dora Disconnect');
    await connect(world.t.app, user, 'microsoft');
    const subscriptionId = (await connectionOf(user))?.subscription?.id ?? '';
    expect(world.fake.calendars.subscriptions.has(subscriptionId)).toBe(true);
    const response = await call()(user, 'DELETE', '/calendar');
    expect(response.statusCode).toBe(200);
    expect(await connectionOf(user)).toBeNull();
    expect(world.fake.calendars.subscriptions.has(subscriptionId)).toBe(false);
    expect((await call()(user, 'GET', '/calendar')).json()).toEqual({ connection: null });
  });

  it('stores the clientState only as a hash', async () => {
    const user = await person(world.t.app, 'Hana Hash');
    await connect(world.t.app, user, 'microsoft');
    const stored = (await connectionOf(user))?.subscription;
    const atFake = world.fake.calendars.subscriptions.get(stored?.id ?? '');
    expect(stored?.secretHash).toBe(hashSecret(atFake?.secret ?? ''));
    expect(JSON.stringify(stored)).not.toContain(atFake?.secret ?? 'missing');
  });
});

describe('the sweep', () => {
  it('a user whose calendar keeps failing never stops the sync of the others', async () => {
    const failing = await person(world.t.app, 'Fred Failing');
    const fine = await person(world.t.app, 'Fiona Fine');
    await weekly(failing, 'Fred / Pat');
    const event = await weekly(fine, 'Fiona / Pat');
    await connect(world.t.app, failing, 'microsoft');
    await connect(world.t.app, fine, 'google');
    const imported = await call()(fine, 'POST', '/calendar/import', { eventIds: [event.id] });
    const seriesId = imported.json().results[0].card.id as string;
    world.fake.calendars.throttle(failing.email, 100, 1);
    await world.fake.calendars.renameEvent(fine.email, event.id, 'Fiona & Pat');
    await runSync(world.t.app);
    expect((await connectionOf(failing))?.state).toBe('error');
    const series = await call()(fine, 'GET', `/series/${seriesId}`);
    expect(series.json().title).toBe('Fiona & Pat');
    world.fake.calendars.throttle(failing.email, 0, 0);
  });
});

describe('two-way option', () => {
  it.each(['microsoft', 'google'] as const)(
    '%s: "add to my calendar" writes the series to my calendar and the series is connected',
    async (provider) => {
      const owner = await person(world.t.app, `Tara ${provider}`);
      await connect(world.t.app, owner, provider);
      const created = await call()(owner, 'POST', '/one-on-ones', {
        participantId: pat.id,
        title: 'Tara / Pat',
        start: at('2026-03-04T09:00'),
        end: at('2026-03-04T09:30'),
        repeat: 'biweekly',
        addToCalendar: true,
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().connection).toBe('connected');
      const [event] = world.fake.calendars.instances(owner.email, NOW, new Date('2026-03-20T00:00:00Z'));
      expect(event).toMatchObject({ subject: 'Tara / Pat', start: new Date(at('2026-03-04T09:00')) });
      // The calendar is now the source: a rename there reaches the series.
      await world.fake.calendars.renameEvent(owner.email, event?.event.id ?? '', 'Renamed in the calendar');
      await runSync(world.t.app);
      const series = await call()(owner, 'GET', `/series/${created.json().id}`);
      expect(series.json().meetings[0].title).toBe('Renamed in the calendar');
    },
  );
});
