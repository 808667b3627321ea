// SPEC.md "Notifications": on Sunday at 17:00 in each person's zone, someone who had 1:1s that week (Monday–Sunday,
// their zone) gets one card listing them with their open action items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../plugins/app/clock.ts';
import { createUser, type TestUser } from '../test-support/fixtures.ts';
import { at, callAs, createOneOnOne } from '../test-support/one-on-one-fixtures.ts';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';

const clock = createClock(new Date(at('2026-03-02T08:00')));
let t: TestApp;
let berlin: TestUser;
let partner: TestUser;
let newYork: TestUser;
let idle: TestUser;
let tuesday: string;

async function summaries(user: TestUser) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/dev/inbox?userId=${user.id}` });
  return (res.json() as { kind: string; card: Record<string, unknown> }[]).filter(
    (e) => e.kind === 'summary',
  );
}

async function run(job: string, now: string) {
  clock.set(new Date(now));
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dev/jobs/${job}/run` });
  expect(res.statusCode).toBe(200);
}

beforeAll(async () => {
  t = await buildTestApp({ deps: { clock, agenda: { processEvery: '1 hour' } } });
  berlin = await createUser(t.app, { name: 'Bea Berlin' });
  partner = await createUser(t.app, { name: 'Pat Partner' });
  newYork = await createUser(t.app, { name: 'Nia NewYork', timeZone: 'America/New_York' });
  idle = await createUser(t.app, { name: 'Ida Idle' });
  const weekly = await createOneOnOne(t.app, berlin, partner, {
    title: 'Weekly',
    start: at('2026-03-03T10:00'),
    repeat: 'weekly',
  });
  tuesday = weekly.nextMeeting?.id ?? '';
  await callAs(t.app)(berlin, 'POST', `/meetings/${tuesday}/action-items`, { text: 'Send the deck' });
  const done = await callAs(t.app)(berlin, 'POST', `/meetings/${tuesday}/action-items`, {
    text: 'Book room',
  });
  await callAs(t.app)(berlin, 'PATCH', `/action-items/${done.json().id}`, { completed: true });
  await createOneOnOne(t.app, newYork, partner, { title: 'Across the ocean', start: at('2026-03-04T16:00') });
  await t.app.notifications.settled();
});
afterAll(() => t.close());

describe('Sunday summary', () => {
  it('nothing before Sunday 17:00 in the person’s zone', async () => {
    await run('weekly-summary', at('2026-03-08T16:59'));
    expect(await summaries(berlin)).toEqual([]);
  });

  it('at 17:00 one card lists the week’s 1:1s with their open action items, followed where they rolled over', async () => {
    await run('rollover', at('2026-03-08T16:00'));
    await run('weekly-summary', at('2026-03-08T17:00'));
    const [summary, ...more] = await summaries(berlin);
    expect(more).toEqual([]);
    const text = JSON.stringify(summary?.card);
    expect(text).toContain('Weekly');
    expect(text).toContain('Send the deck');
    expect(text).not.toContain('Book room');
    expect(await summaries(partner)).toHaveLength(1);
  });

  it('runs again in the same week send nothing more', async () => {
    await run('weekly-summary', at('2026-03-08T17:15'));
    await run('weekly-summary', at('2026-03-08T21:00'));
    expect(await summaries(berlin)).toHaveLength(1);
  });

  it('someone without 1:1s that week gets none', async () => {
    expect(await summaries(idle)).toEqual([]);
  });

  it('follows each person’s own zone: New York gets its summary at 17:00 New York time', async () => {
    expect(await summaries(newYork)).toEqual([]);
    await run('weekly-summary', at('2026-03-08T16:59', 'America/New_York'));
    expect(await summaries(newYork)).toEqual([]);
    await run('weekly-summary', at('2026-03-08T17:00', 'America/New_York'));
    const [summary] = await summaries(newYork);
    expect(JSON.stringify(summary?.card)).toContain('Across the ocean');
  });
});
