// Agenda topics through the API: who may add, edit, complete, reorder and delete (SPEC.md "Agenda topics").
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../domain/types.ts';
import { createCast, type TestUser } from '../test-support/fixtures.ts';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';
import { createMeeting, insertMovedItem, requestsOf } from '../test-support/workspace-fixtures.ts';

let t: TestApp;
let owner: TestUser;
let other: TestUser;
let third: TestUser;
let stranger: TestUser;
let meeting: Meeting;
let as: ReturnType<typeof requestsOf>;

beforeAll(async () => {
  t = await buildTestApp();
  ({ owner, other, third, stranger } = await createCast(t.app));
  as = requestsOf(t.app);
});
afterAll(() => t.close());
beforeEach(async () => {
  meeting = await createMeeting(t.app, owner, other);
});

async function addTopic(user: TestUser, text: string): Promise<string> {
  const res = await as(user)('POST', `/meetings/${meeting.id}/topics`, { text });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

async function topicTexts(): Promise<string[]> {
  const items = await t.app.store.items.listForMeeting(meeting.tenantId, meeting.id, 'topic');
  return items.map((item) => item.text);
}

describe('POST /api/v1/meetings/:id/topics', () => {
  it('either participant adds a topic, appended at the end of the agenda', async () => {
    const first = await as(owner)('POST', `/meetings/${meeting.id}/topics`, { text: '  Career goals ' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({
      id: expect.any(String),
      kind: 'topic',
      text: 'Career goals',
      url: null,
      authorId: owner.id,
      completed: false,
      movedTo: null,
      movedFrom: null,
    });
    await addTopic(other, 'Feedback on the launch');
    await addTopic(owner, 'Vacation plans');
    expect(await topicTexts()).toEqual(['Career goals', 'Feedback on the launch', 'Vacation plans']);
  });

  it('a topic made of a single URL is a link; text around a URL is not', async () => {
    const link = await as(owner)('POST', `/meetings/${meeting.id}/topics`, {
      text: 'https://contoso.sharepoint.com/okr?q=1',
    });
    expect(link.json().url).toBe('https://contoso.sharepoint.com/okr?q=1');
    const prose = await as(owner)('POST', `/meetings/${meeting.id}/topics`, {
      text: 'Read https://contoso.com first',
    });
    expect(prose.json().url).toBeNull();
    const script = await as(owner)('POST', `/meetings/${meeting.id}/topics`, { text: 'javascript:alert(1)' });
    expect(script.json().url).toBeNull();
  });

  it('refuses an empty text and an assignee (topics have none)', async () => {
    const blank = await as(owner)('POST', `/meetings/${meeting.id}/topics`, { text: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.code).toBe('TEXT_EMPTY');
    const assigned = await as(owner)('POST', `/meetings/${meeting.id}/topics`, {
      text: 'x',
      assigneeId: other.id,
    });
    expect(assigned.statusCode).toBe(400);
  });

  it('two topics added at the same moment both keep a place of their own in the order', async () => {
    await Promise.all([addTopic(owner, 'Mine'), addTopic(other, 'Yours')]);
    const items = await t.app.store.items.listForMeeting(meeting.tenantId, meeting.id, 'topic');
    expect(new Set(items.map((item) => item.orderKey)).size).toBe(2);
    const [, second] = items;
    const moved = await as(owner)('POST', `/topics/${second?.id}/move`, { direction: 'up' });
    expect(moved.statusCode).toBe(200);
  });
});

describe('PATCH /api/v1/topics/:id', () => {
  it('only the author edits the text of a topic', async () => {
    const id = await addTopic(owner, 'Draft');
    const refused = await as(other)('PATCH', `/topics/${id}`, { text: 'Hijacked' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('TOPIC_EDIT_NOT_AUTHOR');
    const edited = await as(owner)('PATCH', `/topics/${id}`, { text: 'https://contoso.com/plan' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      text: 'https://contoso.com/plan',
      url: 'https://contoso.com/plan',
    });
  });

  it('either participant completes and reopens a topic', async () => {
    const id = await addTopic(owner, 'Promotion case');
    const done = await as(other)('PATCH', `/topics/${id}`, { completed: true });
    expect(done.statusCode).toBe(200);
    expect(done.json().completed).toBe(true);
    const reopened = await as(owner)('PATCH', `/topics/${id}`, { completed: false });
    expect(reopened.json().completed).toBe(false);
  });

  it('a moved topic is read-only in its past 1:1', async () => {
    const later = await createMeeting(t.app, owner, other);
    const id = await insertMovedItem(t.app, meeting, owner, 'topic', later.id);
    const completed = await as(owner)('PATCH', `/topics/${id}`, { completed: true });
    expect(completed.statusCode).toBe(422);
    expect(completed.json().error.code).toBe('ITEM_MOVED');
    const moved = await as(owner)('POST', `/topics/${id}/move`, { direction: 'up' });
    expect(moved.json().error.code).toBe('ITEM_MOVED');
    const deleted = await as(owner)('DELETE', `/topics/${id}`);
    expect(deleted.json().error.code).toBe('ITEM_MOVED');
  });
});

describe('POST /api/v1/topics/:id/move', () => {
  it('either participant reorders topics: up, down, after another, to the top', async () => {
    const a = await addTopic(owner, 'A');
    const b = await addTopic(other, 'B');
    const c = await addTopic(owner, 'C');
    await as(other)('POST', `/topics/${c}/move`, { direction: 'up' });
    expect(await topicTexts()).toEqual(['A', 'C', 'B']);
    await as(owner)('POST', `/topics/${a}/move`, { direction: 'down' });
    expect(await topicTexts()).toEqual(['C', 'A', 'B']);
    await as(other)('POST', `/topics/${c}/move`, { after: b });
    expect(await topicTexts()).toEqual(['A', 'B', 'C']);
    const top = await as(owner)('POST', `/topics/${b}/move`, { after: null });
    expect(top.statusCode).toBe(200);
    expect(top.json().id).toBe(b);
    expect(await topicTexts()).toEqual(['B', 'A', 'C']);
  });

  it('moving writes the moved topic only, and the first topic stays first when moved up', async () => {
    const a = await addTopic(owner, 'A');
    const b = await addTopic(owner, 'B');
    const before = await t.app.store.items.listForMeeting(meeting.tenantId, meeting.id, 'topic');
    await as(owner)('POST', `/topics/${b}/move`, { direction: 'up' });
    await as(owner)('POST', `/topics/${b}/move`, { direction: 'up' });
    const after = await t.app.store.items.listForMeeting(meeting.tenantId, meeting.id, 'topic');
    expect(after.find((item) => item.id === a)?.orderKey).toBe(
      before.find((item) => item.id === a)?.orderKey,
    );
    expect(after.map((item) => item.id)).toEqual([b, a]);
  });

  it('placing after an item of another list is refused', async () => {
    const a = await addTopic(owner, 'A');
    const action = await as(owner)('POST', `/meetings/${meeting.id}/action-items`, { text: 'Do it' });
    const res = await as(owner)('POST', `/topics/${a}/move`, { after: action.json().id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MOVE_TARGET_UNKNOWN');
  });
});

describe('DELETE /api/v1/topics/:id', () => {
  it('only the author can delete a topic', async () => {
    const id = await addTopic(owner, 'Mine to remove');
    const refused = await as(other)('DELETE', `/topics/${id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('TOPIC_DELETE_NOT_AUTHOR');
    const removed = await as(owner)('DELETE', `/topics/${id}`);
    expect(removed.statusCode).toBe(204);
    expect(await topicTexts()).toEqual([]);
  });
});

describe('topics are invisible outside the pair', () => {
  it('answers 404 to a non-participant on every topic route, in the tenant or outside it', async () => {
    const id = await addTopic(owner, 'Private agenda');
    for (const outsider of [third, stranger]) {
      const request = as(outsider);
      const answers = await Promise.all([
        request('POST', `/meetings/${meeting.id}/topics`, { text: 'x' }),
        request('PATCH', `/topics/${id}`, { completed: true }),
        request('POST', `/topics/${id}/move`, { direction: 'up' }),
        request('DELETE', `/topics/${id}`),
      ]);
      for (const answer of answers) {
        expect(answer.statusCode).toBe(404);
        expect(answer.body).not.toContain('Private agenda');
      }
    }
    expect(await topicTexts()).toEqual(['Private agenda']);
  });

  it('an action item is not a topic: /topics/:id answers 404 for it', async () => {
    const action = await as(owner)('POST', `/meetings/${meeting.id}/action-items`, { text: 'Do it' });
    const res = await as(owner)('PATCH', `/topics/${action.json().id}`, { completed: true });
    expect(res.statusCode).toBe(404);
  });

  it('a deleted instance takes its topics with it (404)', async () => {
    const id = await addTopic(owner, 'Gone');
    await t.app.store.meetings.update(meeting.tenantId, meeting.id, { deleted: true });
    expect((await as(owner)('PATCH', `/topics/${id}`, { completed: true })).statusCode).toBe(404);
    expect((await as(owner)('POST', `/meetings/${meeting.id}/topics`, { text: 'x' })).statusCode).toBe(404);
  });
});
