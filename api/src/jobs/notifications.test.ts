// SPEC.md "Notifications (bot)": the creation notice, the one-hour reminder and its moves, in development mode
// (the cards land in the development inbox), through the real routes and jobs on the embedded database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatchDeliveries } from '../notify/dispatch-deliveries.ts';
import type { Notification, Notifier } from '../notify/notifier.ts';
import { createClock } from '../plugins/app/clock.ts';
import { createUser, type TestUser } from '../test-support/fixtures.ts';
import { at, callAs, createOneOnOne } from '../test-support/one-on-one-fixtures.ts';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';
import { planReminders } from '../workflows/plan-reminders.ts';

const START = at('2026-03-10T10:00');
const clock = createClock(new Date(at('2026-03-02T09:00')));
let t: TestApp;
let owner: TestUser;
let other: TestUser;

/** What the development inbox holds for a user. */
async function inbox(user: TestUser) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/dev/inbox?userId=${user.id}` });
  expect(res.statusCode).toBe(200);
  return res.json() as { kind: string; meetingId?: string; card: Record<string, unknown> }[];
}

async function runJob(name: string) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dev/jobs/${name}/run` });
  expect(res.statusCode).toBe(200);
}

const cardText = (card: Record<string, unknown>) => JSON.stringify(card);

beforeAll(async () => {
  t = await buildTestApp({ deps: { clock, agenda: { processEvery: '1 hour' } } });
});
afterAll(() => t.close());
beforeEach(async () => {
  clock.set(new Date(at('2026-03-02T09:00')));
  owner = await createUser(t.app, { name: 'Olivia Owner' });
  other = await createUser(t.app, { name: 'Pat Partner' });
});

describe('creation notice', () => {
  it('the other participant, not the creator, gets a card right after a 1:1 is created', async () => {
    const card = await createOneOnOne(t.app, owner, other, { title: 'Career chat', start: START });
    await t.app.notifications.settled();
    const received = await inbox(other);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ kind: 'created', meetingId: card.id });
    expect(cardText(received[0]?.card ?? {})).toContain('Olivia Owner set up a 1:1 with you');
    expect(cardText(received[0]?.card ?? {})).toContain('Career chat');
    expect(await inbox(owner)).toEqual([]);
  });

  it('a series creation notice names the repetition and opens its first 1:1', async () => {
    const card = await createOneOnOne(t.app, owner, other, { start: START, repeat: 'biweekly' });
    await t.app.notifications.settled();
    const [notice] = await inbox(other);
    expect(notice?.meetingId).toBe(card.nextMeeting?.id);
    expect(cardText(notice?.card ?? {})).toContain('Every 2 weeks');
  });

  it('a notice the immediate attempt could not send is sent by the next job run, once', async () => {
    const failing: Notifier = { deliver: async () => ({ status: 'retry', afterMs: 0, reason: 'throttled' }) };
    const app2 = await buildTestApp({
      deps: { clock, notifier: failing, agenda: { processEvery: '1 hour' } },
    });
    try {
      const a = await createUser(app2.app, { name: 'A' });
      const b = await createUser(app2.app, { name: 'B' });
      await createOneOnOne(app2.app, a, b, { start: START });
      await app2.app.notifications.settled();
      const [pending] = await app2.app.store.deliveries.collection.find({ kind: 'created' }).toArray();
      expect(pending?.status).toBe('pending');
      const sent: Notification[] = [];
      const working: Notifier = {
        deliver: async (n) => {
          sent.push(n);
          return { status: 'sent', card: null };
        },
      };
      const deps = { store: app2.app.store, notifier: working, log: app2.app.log };
      const later = new Date(clock.now().getTime() + 1000);
      await dispatchDeliveries(deps, later);
      await dispatchDeliveries(deps, later);
      expect(sent.map((n) => n.kind)).toEqual(['created']);
    } finally {
      await app2.close();
    }
  });
});

describe('one-hour reminder', () => {
  it('each participant gets a reminder one hour before the 1:1, with the agenda so far', async () => {
    const card = await createOneOnOne(t.app, owner, other, { title: 'Weekly', start: START });
    const meetingId = card.id;
    await callAs(t.app)(owner, 'POST', `/meetings/${meetingId}/topics`, { text: 'Promotion timeline' });
    await callAs(t.app)(other, 'POST', `/meetings/${meetingId}/action-items`, { text: 'Send the deck' });
    clock.set(new Date(Date.parse(START) - 59 * 60_000));
    await runJob('reminders');
    for (const person of [owner, other]) {
      const reminder = (await inbox(person)).find((entry) => entry.kind === 'reminder');
      expect(reminder?.meetingId).toBe(meetingId);
      expect(cardText(reminder?.card ?? {})).toContain('Promotion timeline');
      expect(cardText(reminder?.card ?? {})).toContain('Send the deck');
    }
    await runJob('reminders');
    expect((await inbox(owner)).filter((entry) => entry.kind === 'reminder')).toHaveLength(1);
  });

  it('is not sent earlier than one hour before the start', async () => {
    await createOneOnOne(t.app, owner, other, { start: START });
    clock.set(new Date(Date.parse(START) - 61 * 60_000));
    await runJob('reminders');
    expect((await inbox(owner)).filter((entry) => entry.kind === 'reminder')).toEqual([]);
  });

  it('a participant who turned 1:1 notifications off gets none; the other still does', async () => {
    await callAs(t.app)(other, 'PATCH', '/me/preferences', { reminderBeforeMeeting: false });
    await createOneOnOne(t.app, owner, other, { start: START });
    clock.set(new Date(Date.parse(START) - 30 * 60_000));
    await runJob('reminders');
    expect((await inbox(owner)).filter((entry) => entry.kind === 'reminder')).toHaveLength(1);
    expect((await inbox(other)).filter((entry) => entry.kind === 'reminder')).toEqual([]);
  });

  it('moving a 1:1 moves its reminder', async () => {
    const card = await createOneOnOne(t.app, owner, other, { start: START });
    clock.set(new Date(Date.parse(START) - 30 * 60_000));
    await planReminders(t.app.store, clock.now());
    const later = at('2026-03-12T15:00');
    const moved = await callAs(t.app)(owner, 'PATCH', `/meetings/${card.id}`, {
      start: later,
      end: new Date(Date.parse(later) + 30 * 60_000).toISOString(),
    });
    expect(moved.statusCode).toBe(200);
    await runJob('reminders');
    expect((await inbox(owner)).filter((entry) => entry.kind === 'reminder')).toEqual([]);
    clock.set(new Date(Date.parse(later) - 60 * 60_000));
    await runJob('reminders');
    expect((await inbox(owner)).filter((entry) => entry.kind === 'reminder')).toHaveLength(1);
  });

  it('a deleted 1:1 gets no reminder, even one already due', async () => {
    const card = await createOneOnOne(t.app, owner, other, { start: START });
    clock.set(new Date(Date.parse(START) - 30 * 60_000));
    await planReminders(t.app.store, clock.now());
    expect((await callAs(t.app)(owner, 'DELETE', `/meetings/${card.id}`)).statusCode).toBe(200);
    await runJob('reminders');
    expect((await inbox(owner)).filter((entry) => entry.kind === 'reminder')).toEqual([]);
  });

  it('a reminder whose time passed during an outage is sent late only if the 1:1 has not started', async () => {
    const early = await createOneOnOne(t.app, owner, other, { start: START });
    const late = await createOneOnOne(t.app, owner, other, { start: at('2026-03-10T10:30') });
    clock.set(new Date(Date.parse(START) - 60 * 60_000));
    await planReminders(t.app.store, clock.now());
    // The process was down from here until 10:05: the first 1:1 has started, the second has not.
    clock.set(new Date(at('2026-03-10T10:05')));
    await runJob('reminders');
    const reminded = (await inbox(owner))
      .filter((entry) => entry.kind === 'reminder')
      .map((e) => e.meetingId);
    expect(reminded).toEqual([late.id]);
    expect(reminded).not.toContain(early.id);
  });
});

describe('module disabled', () => {
  it('the bot sends nothing while an admin has disabled the module', async () => {
    const app2 = await buildTestApp({ deps: { clock, agenda: { processEvery: '1 hour' } } });
    try {
      const a = await createUser(app2.app, { name: 'A', tenantId: 'cccccccc-0000-4000-8000-00000000000c' });
      const b = await createUser(app2.app, { name: 'B', tenantId: 'cccccccc-0000-4000-8000-00000000000c' });
      await createOneOnOne(app2.app, a, b, { start: START });
      await app2.app.notifications.settled();
      await app2.app.store.tenants.update(a.tenantId, { enabled: false });
      clock.set(new Date(Date.parse(START) - 30 * 60_000));
      await app2.app.jobs.get('reminders')?.(clock.now());
      const reminders = await app2.app.store.deliveries.collection.find({ kind: 'reminder' }).toArray();
      expect(reminders.map((delivery) => delivery.status)).toEqual(['skipped', 'skipped']);
      expect(reminders[0]?.reason).toBe('The module is disabled for the organization.');
    } finally {
      await app2.close();
    }
  });
});

describe('undeliverable notifications', () => {
  it('are recorded with the reason and shown in the workspace, never dropped silently', async () => {
    const refusing: Notifier = {
      deliver: async () => ({
        status: 'failed',
        reason: 'Teams refused to install the app for this person (403).',
      }),
    };
    const app2 = await buildTestApp({
      deps: { clock, notifier: refusing, agenda: { processEvery: '1 hour' } },
    });
    try {
      const a = await createUser(app2.app, { name: 'A' });
      const b = await createUser(app2.app, { name: 'B' });
      const card = await createOneOnOne(app2.app, a, b, { start: START });
      await app2.app.notifications.settled();
      for (const person of [a, b]) {
        const res = await callAs(app2.app)(person, 'GET', `/meetings/${card.id}/notification-problems`);
        expect(res.json()).toEqual([
          {
            kind: 'created',
            recipient: { id: b.id, displayName: 'B' },
            reason: 'Teams refused to install the app for this person (403).',
          },
        ]);
      }
    } finally {
      await app2.close();
    }
  });
});
