// GET, PATCH and DELETE /meetings/:id, archive and unarchive of single 1:1s, against the real app with a fixed clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPair, createUser, TENANT_B, type TestUser } from '../test-support/fixtures.ts';
import {
  at,
  callAs,
  createOneOnOne,
  localOf,
  plusMinutes,
  seriesDetail,
} from '../test-support/one-on-one-fixtures.ts';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';
import { materialiseSeries } from '../workflows/materialise-series.ts';

let t: TestApp;
let call: ReturnType<typeof callAs>;
/** Monday 10 March 2025, 09:00 in Berlin. */
const NOW = new Date(at('2025-03-10T09:00'));

beforeAll(async () => {
  t = await buildTestApp();
  call = callAs(t.app);
});
afterAll(() => t.close());
beforeEach(() => t.app.clock.set(NOW));

const pair = () => createPair(t.app);

async function weeklySeries() {
  const [owner, other] = await pair();
  const card = await createOneOnOne(t.app, owner, other, {
    title: 'Weekly',
    start: at('2025-03-04T10:00'),
    repeat: 'weekly',
  });
  const { meetings } = await seriesDetail(t.app, owner, card.id);
  const [past, next, later] = meetings;
  if (!past || !next || !later) throw new Error('instances missing');
  return { owner, other, card, past, next, later };
}

async function topUp(owner: TestUser, seriesId: string) {
  const series = await t.app.store.series.findVisible(owner.tenantId, seriesId, owner.id);
  if (!series) throw new Error('series missing');
  return materialiseSeries(t.app.store, series, t.app.clock.now());
}

describe('GET /api/v1/meetings/:id', () => {
  it('answers the workspace: meeting, participants, topics and action items in order, shared notes, my private note', async () => {
    const [owner, other] = await pair();
    const card = await createOneOnOne(t.app, owner, other, {
      title: 'Catch-up',
      start: at('2025-03-11T10:00'),
    });
    const id = card.id;
    await call(owner, 'POST', `/meetings/${id}/topics`, { text: 'Career goals' });
    await call(other, 'POST', `/meetings/${id}/topics`, { text: 'https://example.com/doc' });
    await call(other, 'POST', `/meetings/${id}/action-items`, {
      text: 'Send notes',
      assigneeId: owner.id,
      due: '2025-03-14',
    });
    await call(owner, 'PUT', `/meetings/${id}/private-note`, { text: 'owner only' });
    await call(other, 'PUT', `/meetings/${id}/private-note`, { text: 'other only' });
    await t.app.store.meetings.saveSharedNotes(owner.tenantId, id, 0, '# Notes', NOW);

    const res = await call(owner, 'GET', `/meetings/${id}`);
    expect(res.statusCode).toBe(200);
    const workspace = res.json();
    expect(workspace).toMatchObject({
      id,
      seriesId: null,
      title: 'Catch-up',
      start: new Date(at('2025-03-11T10:00')).toISOString(),
      status: 'scheduled',
      ownerId: owner.id,
      participants: [
        { id: owner.id, displayName: 'Olivia Owner' },
        { id: other.id, displayName: 'Pat Partner' },
      ],
      archived: false,
      sharedNotes: { text: '# Notes', version: 1 },
      privateNote: { text: 'owner only' },
    });
    expect(workspace.topics).toEqual([
      expect.objectContaining({ kind: 'topic', text: 'Career goals', url: null, authorId: owner.id }),
      expect.objectContaining({ kind: 'topic', url: 'https://example.com/doc', authorId: other.id }),
    ]);
    // Only action items carry an assignee and a due date.
    expect(Object.keys(workspace.topics[0])).not.toContain('assigneeId');
    expect(workspace.actionItems).toEqual([
      {
        id: expect.any(String),
        kind: 'action',
        text: 'Send notes',
        url: null,
        authorId: other.id,
        completed: false,
        movedTo: null,
        movedFrom: null,
        assigneeId: owner.id,
        due: '2025-03-14',
      },
    ]);
    // Each participant sees only their own private note.
    expect((await call(other, 'GET', `/meetings/${id}`)).json().privateNote).toEqual({ text: 'other only' });
    expect(res.body).not.toContain('other only');
  });

  it('answers null for my private note while I have none', async () => {
    const [owner, other] = await pair();
    const card = await createOneOnOne(t.app, owner, other, { start: at('2025-03-11T10:00') });
    await call(other, 'PUT', `/meetings/${card.id}/private-note`, { text: 'secret' });
    const workspace = (await call(owner, 'GET', `/meetings/${card.id}`)).json();
    expect(workspace.privateNote).toBeNull();
  });

  it('shows an instance of a series with its series id', async () => {
    const { other, card, next } = await weeklySeries();
    const workspace = (await call(other, 'GET', `/meetings/${next.id}`)).json();
    expect(workspace).toMatchObject({ id: next.id, seriesId: card.id, title: 'Weekly', archived: false });
  });
});

describe('PATCH /api/v1/meetings/:id', () => {
  it('renames and retimes this 1:1 only, by either participant, and tells the live stream', async () => {
    const { owner, other, card, next, later } = await weeklySeries();
    const res = await call(other, 'PATCH', `/meetings/${next.id}`, {
      title: 'Moved one',
      start: at('2025-03-12T15:00'),
      end: at('2025-03-12T16:00'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: next.id,
      seriesId: card.id,
      title: 'Moved one',
      start: new Date(at('2025-03-12T15:00')).toISOString(),
      end: new Date(at('2025-03-12T16:00')).toISOString(),
      status: 'scheduled',
    });
    const { meetings } = await seriesDetail(t.app, owner, card.id);
    expect(meetings.find((m) => m.id === later.id)).toEqual(later);
    const changes = await t.app.store.changes.since([next.id], NOW);
    expect(changes).toEqual([
      expect.objectContaining({ meetingId: next.id, actorId: other.id, type: 'meeting.updated' }),
    ]);
  });

  it('a moved instance is not re-created in its old slot by the top-up', async () => {
    const { owner, card, next } = await weeklySeries();
    await call(owner, 'PATCH', `/meetings/${next.id}`, {
      start: at('2025-03-13T10:00'),
      end: at('2025-03-13T10:30'),
    });
    const before = await seriesDetail(t.app, owner, card.id);
    expect(await topUp(owner, card.id)).toEqual([]);
    expect((await seriesDetail(t.app, owner, card.id)).meetings).toEqual(before.meetings);
    expect(before.meetings.map((m) => localOf(m.start)).slice(0, 3)).toEqual([
      '2025-03-04 10:00',
      '2025-03-13 10:00',
      '2025-03-18 10:00',
    ]);
  });

  it('checks the new times: the end after the start, also when only one of them changes', async () => {
    const [owner, other] = await pair();
    const card = await createOneOnOne(t.app, owner, other, { start: at('2025-03-11T10:00') });
    const res = await call(owner, 'PATCH', `/meetings/${card.id}`, { start: at('2025-03-11T11:00') });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('END_BEFORE_START');
    expect((await call(owner, 'PATCH', `/meetings/${card.id}`, { title: '' })).statusCode).toBe(400);
  });
});

describe('DELETE /api/v1/meetings/:id', () => {
  it('deletes this future instance of a series: hidden from both, never re-created', async () => {
    const { owner, other, card, later } = await weeklySeries();
    const res = await call(owner, 'DELETE', `/meetings/${later.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect((await call(other, 'GET', `/meetings/${later.id}`)).statusCode).toBe(404);
    expect((await seriesDetail(t.app, other, card.id)).meetings.map((m) => m.id)).not.toContain(later.id);
    // The other participant's open workspace hears of it.
    expect(await t.app.store.changes.since([later.id], NOW)).toEqual([
      expect.objectContaining({
        type: 'meeting.updated',
        payload: expect.objectContaining({ deleted: true }),
      }),
    ]);
    t.app.clock.set(new Date(at('2025-03-12T09:00')));
    expect(await topUp(owner, card.id)).toHaveLength(1);
    const starts = (await seriesDetail(t.app, owner, card.id)).meetings.map((m) => m.start);
    expect(starts).not.toContain(later.start);
  });

  it('only the owner can delete an instance or a single 1:1', async () => {
    const { other, later } = await weeklySeries();
    const res = await call(other, 'DELETE', `/meetings/${later.id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('DELETE_NOT_OWNER');
  });

  it('an instance under way or past cannot be deleted', async () => {
    const { owner, past, next } = await weeklySeries();
    expect((await call(owner, 'DELETE', `/meetings/${past.id}`)).json().error.code).toBe('DELETE_PAST');
    t.app.clock.set(new Date(at('2025-03-11T10:10')));
    const res = await call(owner, 'DELETE', `/meetings/${next.id}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('DELETE_INSTANCE_NOT_FUTURE');
  });

  it('removes a single 1:1 that is not past, with its content', async () => {
    const [owner, other] = await pair();
    const card = await createOneOnOne(t.app, owner, other, { start: at('2025-03-10T08:45') });
    await call(other, 'POST', `/meetings/${card.id}/topics`, { text: 'Topic' });
    await call(other, 'PUT', `/meetings/${card.id}/private-note`, { text: 'mine' });
    // Under way (08:45–09:15, now 09:00): not past yet, so the owner may still delete it.
    expect((await call(owner, 'DELETE', `/meetings/${card.id}`)).statusCode).toBe(200);
    expect((await call(other, 'GET', `/meetings/${card.id}`)).statusCode).toBe(404);
    expect(await t.app.store.meetings.findById(owner.tenantId, card.id)).toBeNull();
    expect(await t.app.store.items.listForMeeting(owner.tenantId, card.id)).toEqual([]);
    expect(await t.app.store.privateNotes.getMine(owner.tenantId, card.id, other.id)).toBeNull();
    expect((await call(owner, 'GET', '/one-on-ones')).json()).toEqual([]);
  });

  it('a past single 1:1 cannot be deleted, only archived', async () => {
    const [owner, other] = await pair();
    const card = await createOneOnOne(t.app, owner, other, { start: at('2025-03-07T10:00') });
    const res = await call(owner, 'DELETE', `/meetings/${card.id}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('DELETE_PAST');
  });
});

describe('POST /api/v1/meetings/:id/archive and /unarchive', () => {
  it('archives a past single 1:1 for both participants; either can unarchive', async () => {
    const [owner, other] = await pair();
    const card = await createOneOnOne(t.app, owner, other, { start: at('2025-03-07T10:00') });
    const res = await call(other, 'POST', `/meetings/${card.id}/archive`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'single', id: card.id, archived: true });
    expect((await call(owner, 'GET', `/meetings/${card.id}`)).json().archived).toBe(true);
    for (const user of [owner, other]) {
      expect((await call(user, 'GET', '/one-on-ones?view=past')).json()).toEqual([]);
      expect((await call(user, 'GET', '/one-on-ones?view=archived')).json()).toHaveLength(1);
    }
    const back = await call(owner, 'POST', `/meetings/${card.id}/unarchive`);
    expect(back.statusCode).toBe(200);
    expect(back.json().archived).toBe(false);
    expect((await call(other, 'GET', '/one-on-ones?view=past')).json()).toHaveLength(1);
  });

  it('only a past 1:1 can be archived', async () => {
    const [owner, other] = await pair();
    const card = await createOneOnOne(t.app, owner, other, { start: plusMinutes(NOW.toISOString(), -10) });
    const res = await call(owner, 'POST', `/meetings/${card.id}/archive`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ARCHIVE_NOT_PAST');
  });

  it('an instance of a series is archived with its series, not on its own', async () => {
    const { owner, past } = await weeklySeries();
    for (const action of ['archive', 'unarchive']) {
      const res = await call(owner, 'POST', `/meetings/${past.id}/${action}`);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('ARCHIVE_SERIES_INSTANCE');
    }
  });
});

describe('every /meetings route of this file', () => {
  it('answers 404 to a non-participant, in the tenant or outside it, and for a deleted instance', async () => {
    const { owner, later, past } = await weeklySeries();
    const third = await createUser(t.app, { name: 'Theo Third' });
    const stranger = await createUser(t.app, { name: 'Sam Stranger', tenantId: TENANT_B });
    const routes = (id: string) =>
      [
        ['GET', `/meetings/${id}`, undefined],
        ['PATCH', `/meetings/${id}`, { title: 'Mine now' }],
        ['DELETE', `/meetings/${id}`, undefined],
        ['POST', `/meetings/${id}/archive`, undefined],
        ['POST', `/meetings/${id}/unarchive`, undefined],
      ] as const;
    for (const user of [third, stranger]) {
      for (const [method, path, body] of [...routes(later.id), ...routes(past.id)]) {
        expect((await call(user, method, path, body)).statusCode, `${method} ${path}`).toBe(404);
      }
    }
    await call(owner, 'DELETE', `/meetings/${later.id}`);
    for (const [method, path, body] of routes(later.id)) {
      expect((await call(owner, method, path, body)).statusCode, `${method} ${path}`).toBe(404);
    }
  });
});
