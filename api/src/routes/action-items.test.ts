// Action items through the API: as topics, plus assignee and due date, and either participant deletes.
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

async function addAction(user: TestUser, body: Record<string, unknown>): Promise<string> {
  const res = await as(user)('POST', `/meetings/${meeting.id}/action-items`, body);
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

async function actionTexts(): Promise<string[]> {
  const items = await t.app.store.items.listForMeeting(meeting.tenantId, meeting.id, 'action');
  return items.map((item) => item.text);
}

describe('POST /api/v1/meetings/:id/action-items', () => {
  it('either participant adds an action item with an assignee and a due date', async () => {
    const res = await as(other)('POST', `/meetings/${meeting.id}/action-items`, {
      text: 'Send the review',
      assigneeId: owner.id,
      due: '2031-02-28',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      kind: 'action',
      text: 'Send the review',
      url: null,
      authorId: other.id,
      completed: false,
      movedTo: null,
      movedFrom: null,
      assigneeId: owner.id,
      due: '2031-02-28',
    });
    await addAction(owner, { text: 'Book the room' });
    expect(await actionTexts()).toEqual(['Send the review', 'Book the room']);
  });

  it('the assignee must be one of the two participants', async () => {
    const res = await as(owner)('POST', `/meetings/${meeting.id}/action-items`, {
      text: 'Delegate',
      assigneeId: third.id,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ASSIGNEE_NOT_PARTICIPANT');
    const id = await addAction(owner, { text: 'Mine' });
    const patched = await as(other)('PATCH', `/action-items/${id}`, { assigneeId: stranger.id });
    expect(patched.statusCode).toBe(422);
    expect(patched.json().error.code).toBe('ASSIGNEE_NOT_PARTICIPANT');
  });

  it('the due date is a calendar day that exists', async () => {
    const res = await as(owner)('POST', `/meetings/${meeting.id}/action-items`, {
      text: 'x',
      due: '2031-02-30',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/due/);
  });
});

describe('PATCH /api/v1/action-items/:id', () => {
  it('only the author edits the text; either participant completes, reopens, assigns and sets the due date', async () => {
    const id = await addAction(owner, { text: 'Write the plan' });
    const refused = await as(other)('PATCH', `/action-items/${id}`, { text: 'Skip the plan' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('ACTION_EDIT_NOT_AUTHOR');
    const res = await as(other)('PATCH', `/action-items/${id}`, {
      completed: true,
      assigneeId: other.id,
      due: '2031-03-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ completed: true, assigneeId: other.id, due: '2031-03-01' });
    const reopened = await as(owner)('PATCH', `/action-items/${id}`, { completed: false, assigneeId: null });
    expect(reopened.json()).toMatchObject({ completed: false, assigneeId: null, due: '2031-03-01' });
  });

  it('a moved action item is read-only in its past 1:1', async () => {
    const later = await createMeeting(t.app, owner, other);
    const id = await insertMovedItem(t.app, meeting, owner, 'action', later.id);
    const res = await as(other)('PATCH', `/action-items/${id}`, { completed: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ITEM_MOVED');
    expect((await as(other)('DELETE', `/action-items/${id}`)).json().error.code).toBe('ITEM_MOVED');
  });
});

describe('POST /api/v1/action-items/:id/move', () => {
  it('either participant reorders action items', async () => {
    const a = await addAction(owner, { text: 'A' });
    const b = await addAction(other, { text: 'B' });
    await as(other)('POST', `/action-items/${a}/move`, { direction: 'down' });
    expect(await actionTexts()).toEqual(['B', 'A']);
    await as(owner)('POST', `/action-items/${a}/move`, { after: null });
    expect(await actionTexts()).toEqual(['A', 'B']);
    await as(owner)('POST', `/action-items/${a}/move`, { after: b });
    expect(await actionTexts()).toEqual(['B', 'A']);
  });
});

describe('DELETE /api/v1/action-items/:id', () => {
  it('either participant may delete an action item', async () => {
    const mine = await addAction(owner, { text: 'Owner wrote this' });
    const theirs = await addAction(other, { text: 'Other wrote this' });
    expect((await as(other)('DELETE', `/action-items/${mine}`)).statusCode).toBe(204);
    expect((await as(owner)('DELETE', `/action-items/${theirs}`)).statusCode).toBe(204);
    expect(await actionTexts()).toEqual([]);
  });
});

describe('action items are invisible outside the pair', () => {
  it('answers 404 to a non-participant on every action-item route', async () => {
    const id = await addAction(owner, { text: 'Secret task' });
    for (const outsider of [third, stranger]) {
      const request = as(outsider);
      const answers = await Promise.all([
        request('POST', `/meetings/${meeting.id}/action-items`, { text: 'x' }),
        request('PATCH', `/action-items/${id}`, { completed: true }),
        request('POST', `/action-items/${id}/move`, { after: null }),
        request('DELETE', `/action-items/${id}`),
      ]);
      for (const answer of answers) {
        expect(answer.statusCode).toBe(404);
        expect(answer.body).not.toContain('Secret task');
      }
    }
    expect(await actionTexts()).toEqual(['Secret task']);
  });

  it('a topic is not an action item: /action-items/:id answers 404 for it', async () => {
    const topic = await as(owner)('POST', `/meetings/${meeting.id}/topics`, { text: 'A topic' });
    expect((await as(owner)('DELETE', `/action-items/${topic.json().id}`)).statusCode).toBe(404);
  });
});
