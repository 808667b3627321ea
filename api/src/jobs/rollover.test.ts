// SPEC.md "Roll-over": open topics and action items move to the next 1:1 of the series three hours after a 1:1
// ends, after that 1:1's own items, leaving a read-only trace; exactly once, also when sweeps race or crash.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROLL_OVER_DELAY_MS } from '../domain/rollover.ts';
import type { Meeting } from '../domain/types.ts';
import { createClock } from '../plugins/app/clock.ts';
import { createUser, type TestUser } from '../test-support/fixtures.ts';
import { at, callAs, createOneOnOne } from '../test-support/one-on-one-fixtures.ts';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';
import { rollOverDueMeetings } from '../workflows/roll-over-meetings.ts';

const clock = createClock(new Date(at('2026-03-02T09:00')));
let t: TestApp;
let owner: TestUser;
let other: TestUser;
let instances: Meeting[];

async function addItem(meetingId: string, kind: 'topics' | 'action-items', text: string, as = owner) {
  const res = await callAs(t.app)(as, 'POST', `/meetings/${meetingId}/${kind}`, { text });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
}

async function workspace(meetingId: string) {
  const res = await callAs(t.app)(owner, 'GET', `/meetings/${meetingId}`);
  return res.json() as {
    topics: {
      id: string;
      text: string;
      completed: boolean;
      movedTo: string | null;
      movedFrom: string | null;
    }[];
    actionItems: { text: string; movedTo: string | null }[];
  };
}

const afterGrace = (meeting: Meeting, extraMs = 0) =>
  new Date(meeting.end.getTime() + ROLL_OVER_DELAY_MS + extraMs);

async function runRollover(now: Date) {
  clock.set(now);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/dev/jobs/rollover/run' });
  expect(res.statusCode).toBe(200);
}

beforeAll(async () => {
  t = await buildTestApp({ deps: { clock, agenda: { processEvery: '1 hour' } } });
});
afterAll(() => t.close());
beforeEach(async () => {
  clock.set(new Date(at('2026-03-02T09:00')));
  owner = await createUser(t.app, { name: 'Olivia Owner' });
  other = await createUser(t.app, { name: 'Pat Partner' });
  const card = await createOneOnOne(t.app, owner, other, { start: at('2026-03-03T10:00'), repeat: 'weekly' });
  instances = await t.app.store.meetings.listBySeries(owner.tenantId, card.id);
});

describe('roll-over', () => {
  it('open topics and action items move to the next 1:1 three hours after it ends, after its own items', async () => {
    const [first, second] = instances as [Meeting, Meeting];
    await addItem(first.id, 'topics', 'Open topic A');
    const done = await addItem(first.id, 'topics', 'Done topic');
    await addItem(first.id, 'topics', 'Open topic B', other);
    await addItem(first.id, 'action-items', 'Open action');
    await addItem(second.id, 'topics', 'Own topic of the next 1:1');
    await callAs(t.app)(owner, 'PATCH', `/topics/${done.id}`, { completed: true });

    await runRollover(afterGrace(first));

    const next = await workspace(second.id);
    expect(next.topics.map((topic) => topic.text)).toEqual([
      'Own topic of the next 1:1',
      'Open topic A',
      'Open topic B',
    ]);
    expect(next.topics[1]?.movedFrom).toBe(first.id);
    expect(next.actionItems.map((item) => item.text)).toEqual(['Open action']);
    const past = await workspace(first.id);
    expect(past.topics.map((topic) => [topic.text, topic.movedTo])).toEqual([
      ['Open topic A', second.id],
      ['Done topic', null],
      ['Open topic B', second.id],
    ]);
  });

  it('nothing moves before three hours have passed', async () => {
    const [first, second] = instances as [Meeting, Meeting];
    await addItem(first.id, 'topics', 'Still here');
    await runRollover(afterGrace(first, -60_000));
    expect((await workspace(second.id)).topics).toEqual([]);
    expect((await workspace(first.id)).topics[0]?.movedTo).toBeNull();
  });

  it('the trace in the past 1:1 is read-only: completing it is refused', async () => {
    const [first] = instances as [Meeting];
    const topic = await addItem(first.id, 'topics', 'Moves on');
    await runRollover(afterGrace(first));
    const res = await callAs(t.app)(owner, 'PATCH', `/topics/${topic.id}`, { completed: true });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect((await workspace(first.id)).topics[0]?.completed).toBe(false);
  });

  it('skips a cancelled or deleted next 1:1, and a cancelled 1:1 rolls over the same way', async () => {
    const [first, second, third, fourth] = instances as [Meeting, Meeting, Meeting, Meeting];
    await addItem(first.id, 'topics', 'From the first');
    await t.app.store.meetings.update(owner.tenantId, second.id, { status: 'cancelled' });
    await t.app.store.meetings.update(owner.tenantId, third.id, { deleted: true });
    await runRollover(afterGrace(first));
    expect((await workspace(fourth.id)).topics.map((topic) => topic.text)).toEqual(['From the first']);
    // The cancelled second 1:1's own open topic follows once its time has passed.
    await addItem(second.id, 'topics', 'From the cancelled one');
    await runRollover(afterGrace(second));
    expect((await workspace(fourth.id)).topics.map((topic) => topic.text)).toEqual([
      'From the first',
      'From the cancelled one',
    ]);
  });

  it('happens exactly once when two sweeps run at the same time', async () => {
    const [first, second] = instances as [Meeting, Meeting];
    for (let i = 0; i < 5; i += 1) await addItem(first.id, 'topics', `Topic ${i}`);
    const now = afterGrace(first);
    await Promise.all([
      rollOverDueMeetings(t.app.store, now, { owner: 'process-a' }),
      rollOverDueMeetings(t.app.store, now, { owner: 'process-b' }),
      rollOverDueMeetings(t.app.store, now, { owner: 'process-c' }),
    ]);
    expect((await workspace(second.id)).topics.map((topic) => topic.text)).toEqual([
      'Topic 0',
      'Topic 1',
      'Topic 2',
      'Topic 3',
      'Topic 4',
    ]);
    const [marked] = await t.app.store.meetings.findManyByIds([first.id]);
    expect(marked?.rolledOverAt).toEqual(now);
  });

  it('a sweep that crashed between claim and finish is finished by a later one, without duplicates', async () => {
    const [first, second] = instances as [Meeting, Meeting];
    await addItem(first.id, 'topics', 'Copied before the crash');
    await addItem(first.id, 'topics', 'Not copied yet');
    const now = afterGrace(first);
    // The crashed run: claimed the meeting and copied one item, then died before marking anything.
    const claimMs = 5 * 60_000;
    expect(
      await t.app.store.meetings.claimForRollOver(
        [first.id],
        'crashed',
        now,
        new Date(now.getTime() + claimMs),
      ),
    ).toEqual([first.id]);
    const [copied] = await t.app.store.items.listForMeeting(owner.tenantId, first.id, 'topic');
    if (!copied) throw new Error('no topic');
    await t.app.store.items.insertRolledOverCopies(
      [
        {
          item: {
            ...copied,
            meetingId: second.id,
            orderKey: 'a0',
            movedFrom: first.id,
            movedFromItemId: copied.id,
          },
          participantIds: first.participantIds,
        },
      ],
      now,
    );

    // While the claim holds, other sweeps leave the meeting alone.
    await runRollover(new Date(now.getTime() + 60_000));
    expect((await workspace(first.id)).topics.every((topic) => topic.movedTo === null)).toBe(true);

    await runRollover(new Date(now.getTime() + claimMs + 60_000));
    expect((await workspace(second.id)).topics.map((topic) => topic.text)).toEqual([
      'Copied before the crash',
      'Not copied yet',
    ]);
    expect((await workspace(first.id)).topics.map((topic) => topic.movedTo)).toEqual([second.id, second.id]);
    const [marked] = await t.app.store.meetings.findManyByIds([first.id]);
    expect(marked?.rolledOverAt).not.toBeNull();
  });

  it('a single 1:1 never rolls over', async () => {
    const single = await createOneOnOne(t.app, owner, other, { start: at('2026-03-04T10:00') });
    await addItem(single.id, 'topics', 'Stays');
    await runRollover(new Date(at('2026-03-05T10:00')));
    expect((await workspace(single.id)).topics[0]?.movedTo).toBeNull();
  });
});
