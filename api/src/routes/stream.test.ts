// The live stream over a real HTTP server: the other participant's changes arrive, mine and private notes never do.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../domain/types.ts';
import { buildApp } from '../server.ts';
import { createCast, type TestUser } from '../test-support/fixtures.ts';
import { openSse, type SseClient } from '../test-support/sse-client.ts';
import { buildTestApp, type TestApp, testConfig } from '../test-support/test-app.ts';
import { createMeeting, requestsOf } from '../test-support/workspace-fixtures.ts';

let t: TestApp;
let baseUrl: string;
let owner: TestUser;
let other: TestUser;
let third: TestUser;
let meeting: Meeting;
let as: ReturnType<typeof requestsOf>;
const open: SseClient[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  ({ owner, other, third } = await createCast(t.app));
  as = requestsOf(t.app);
});
afterAll(async () => {
  for (const client of open) client.close();
  await t.close();
});
beforeEach(async () => {
  meeting = await createMeeting(t.app, owner, other);
});

/** The stream of `user`, once subscribed (EventSource style: credentials in the query string). */
async function streamOf(user: TestUser, meetingId = meeting.id): Promise<SseClient> {
  const token = encodeURIComponent(user.headers.authorization);
  const client = await openSse(`${baseUrl}/api/v1/meetings/${meetingId}/stream?access_token=${token}`);
  open.push(client);
  expect(client.status).toBe(200);
  expect(await client.next()).toMatchObject({ event: 'ready', data: { meetingId } });
  return client;
}

describe('GET /api/v1/meetings/:id/stream', () => {
  it('is a server-sent event stream that is not cached', async () => {
    const client = await streamOf(owner);
    expect(client.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(client.headers.get('cache-control')).toMatch(/no-cache/);
  });

  it("delivers the other participant's changes, never my own", async () => {
    const client = await streamOf(owner);
    await as(owner)('POST', `/meetings/${meeting.id}/topics`, { text: 'My own topic' });
    const created = await as(other)('POST', `/meetings/${meeting.id}/topics`, { text: 'Their topic' });
    const event = await client.next();
    expect(event.event).toBe('message');
    expect(event.data).toMatchObject({
      type: 'item.created',
      meetingId: meeting.id,
      actorId: other.id,
      payload: { item: created.json() },
    });
    await as(other)('PATCH', `/topics/${created.json().id}`, { completed: true });
    expect(await client.next()).toMatchObject({
      data: { type: 'item.updated', payload: { item: { id: created.json().id, completed: true } } },
    });
  });

  it('delivers shared notes, deletions and reorders of the other participant, in order', async () => {
    const client = await streamOf(other);
    const a = (await as(owner)('POST', `/meetings/${meeting.id}/action-items`, { text: 'A' })).json();
    await as(owner)('PUT', `/meetings/${meeting.id}/shared-notes`, { text: 'Agenda', baseVersion: 0 });
    await as(owner)('DELETE', `/action-items/${a.id}`);
    const types = [];
    for (let index = 0; index < 3; index += 1)
      types.push(((await client.next()).data as { type: string }).type);
    expect(types).toEqual(['item.created', 'notes.updated', 'item.deleted']);
  });

  it('a private note never travels on the stream', async () => {
    const client = await streamOf(other);
    await as(owner)('PUT', `/meetings/${meeting.id}/private-note`, { text: 'Secret 42' });
    await as(owner)('POST', `/meetings/${meeting.id}/topics`, { text: 'After the note' });
    const event = await client.next();
    expect(event.data).toMatchObject({ type: 'item.created', payload: { item: { text: 'After the note' } } });
    expect(JSON.stringify(event)).not.toContain('Secret 42');
  });

  it("a stream carries only its own 1:1's changes", async () => {
    const elsewhere = await createMeeting(t.app, owner, other);
    const client = await streamOf(other);
    await as(owner)('POST', `/meetings/${elsewhere.id}/topics`, { text: 'Elsewhere' });
    await as(owner)('POST', `/meetings/${meeting.id}/topics`, { text: 'Here' });
    expect(await client.next()).toMatchObject({
      data: { meetingId: meeting.id, payload: { item: { text: 'Here' } } },
    });
  });

  it('answers 404 to a non-participant and 401 without credentials', async () => {
    const res = await as(third)('GET', `/meetings/${meeting.id}/stream`);
    expect(res.statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${meeting.id}/stream` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('a client that went away does not disturb the other streams', async () => {
    const gone = await streamOf(owner);
    gone.close();
    await gone.ended();
    const staying = await streamOf(owner);
    await as(other)('POST', `/meetings/${meeting.id}/topics`, { text: 'Still heard' });
    expect(await staying.next()).toMatchObject({ data: { payload: { item: { text: 'Still heard' } } } });
  });
});

describe('several API processes', () => {
  it('a change written through one process reaches a stream held by another', async () => {
    const second = buildApp(testConfig(t.mongo.uri), { seedDemo: false });
    try {
      const url = await second.listen({ port: 0, host: '127.0.0.1' });
      const token = encodeURIComponent(owner.headers.authorization);
      const client = await openSse(`${url}/api/v1/meetings/${meeting.id}/stream?access_token=${token}`);
      open.push(client);
      expect((await client.next()).event).toBe('ready');
      await as(other)('POST', `/meetings/${meeting.id}/topics`, { text: 'Via the first process' });
      expect(await client.next()).toMatchObject({
        data: { type: 'item.created', payload: { item: { text: 'Via the first process' } } },
      });
    } finally {
      await second.close();
    }
  });
});

describe('closing the server', () => {
  it('ends open streams so that shutdown is not blocked', async () => {
    const own = await buildTestApp();
    const url = await own.app.listen({ port: 0, host: '127.0.0.1' });
    const { owner: a, other: b } = await createCast(own.app);
    const ours = await createMeeting(own.app, a, b);
    const token = encodeURIComponent(a.headers.authorization);
    const client = await openSse(`${url}/api/v1/meetings/${ours.id}/stream?access_token=${token}`);
    expect((await client.next()).event).toBe('ready');
    await own.close();
    await client.ended();
  });
});
