// SPEC.md "Development mode": a demo tenant with demo users and 1:1s, and the /dev/* routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../plugins/app/clock.ts';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';
import { DEMO_USERS } from './demo-users.ts';

const NOW = new Date('2026-11-23T09:00:00Z');
let t: TestApp;
const adele = { authorization: `Dev ${DEMO_USERS[0]?.id}` };

beforeAll(async () => {
  t = await buildTestApp({ deps: { seedDemo: true, clock: createClock(NOW) } });
});
afterAll(() => t.close());

describe('development mode', () => {
  it('lists five demo users, one of them an admin', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/dev/users' });
    expect(res.statusCode).toBe(200);
    const users = res.json() as { isAdmin: boolean }[];
    expect(users).toHaveLength(5);
    expect(users.filter((user) => user.isAdmin)).toHaveLength(1);
  });

  it('seeds demo 1:1s with agendas that a demo user sees through the API', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/one-on-ones?view=upcoming',
      headers: adele,
    });
    const cards = res.json() as { title: string; kind: string; nextMeeting: { id: string } | null }[];
    expect(cards.map((card) => card.title).sort()).toEqual(['Adele / Megan weekly', 'Growth check-in']);
    const weekly = cards.find((card) => card.title === 'Adele / Megan weekly');
    const workspace = await t.app.inject({
      method: 'GET',
      url: `/api/v1/meetings/${weekly?.nextMeeting?.id}`,
      headers: adele,
    });
    expect(workspace.json().topics.map((topic: { text: string }) => topic.text)).toContain(
      'Q3 goals: where are we?',
    );
    expect(workspace.json().actionItems).toHaveLength(1);
  });

  it('seeding again on a restart adds nothing', async () => {
    const { seedDemoTenant } = await import('./seed.ts');
    await seedDemoTenant(t.app.store, NOW);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/one-on-ones?view=upcoming',
      headers: adele,
    });
    expect(res.json()).toHaveLength(2);
  });

  it('moves the server clock with POST /dev/clock and resets it with null', async () => {
    const set = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dev/clock',
      payload: { now: '2027-01-04T08:00:00Z' },
    });
    expect(set.json()).toEqual({ now: '2027-01-04T08:00:00.000Z', frozen: true });
    expect(t.app.clock.now().toISOString()).toBe('2027-01-04T08:00:00.000Z');
    const reset = await t.app.inject({ method: 'POST', url: '/api/v1/dev/clock', payload: { now: null } });
    expect(reset.json().frozen).toBe(false);
    t.app.clock.set(NOW);
  });

  it('runs the daily top-up job on demand, at the server clock', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/dev/jobs/materialise/run' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ job: 'materialise', ranAt: NOW.toISOString() });
  });

  it('refuses an unknown job name with 400 and a malformed clock with 400', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/dev/jobs/nope/run' })).statusCode).toBe(400);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dev/clock',
      payload: { now: 'tomorrow' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
