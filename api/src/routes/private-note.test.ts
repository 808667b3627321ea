// Private notes through the API: one per participant per 1:1, seen by its author only, never a change event.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../domain/types.ts';
import { createCast, type TestUser } from '../test-support/fixtures.ts';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';
import { createMeeting, requestsOf } from '../test-support/workspace-fixtures.ts';

let t: TestApp;
let owner: TestUser;
let other: TestUser;
let third: TestUser;
let stranger: TestUser;
let meeting: Meeting;
let as: ReturnType<typeof requestsOf>;
const logs: string[] = [];

beforeAll(async () => {
  t = await buildTestApp({
    config: { logLevel: 'trace' },
    deps: { logStream: { write: (line) => logs.push(line) } },
  });
  ({ owner, other, third, stranger } = await createCast(t.app));
  as = requestsOf(t.app);
});
afterAll(() => t.close());
beforeEach(async () => {
  meeting = await createMeeting(t.app, owner, other);
});

describe('PUT /api/v1/meetings/:id/private-note', () => {
  it('saves my own private note and answers it to me', async () => {
    const res = await as(owner)('PUT', `/meetings/${meeting.id}/private-note`, { text: 'Ask about burnout' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ text: 'Ask about burnout' });
    const again = await as(owner)('PUT', `/meetings/${meeting.id}/private-note`, { text: 'Ask gently' });
    expect(again.json()).toEqual({ text: 'Ask gently' });
    const mine = await as(owner)('GET', `/meetings/${meeting.id}`);
    expect(mine.json().privateNote).toEqual({ text: 'Ask gently' });
  });

  it('a private note is invisible to the other participant', async () => {
    await as(owner)('PUT', `/meetings/${meeting.id}/private-note`, { text: 'Only for me' });
    const theirs = await as(other)('GET', `/meetings/${meeting.id}`);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().privateNote).toBeNull();
    expect(theirs.body).not.toContain('Only for me');
    await as(other)('PUT', `/meetings/${meeting.id}/private-note`, { text: 'Their own' });
    const mine = await as(owner)('GET', `/meetings/${meeting.id}`);
    expect(mine.json().privateNote).toEqual({ text: 'Only for me' });
  });

  it('a private note never becomes a change event, nor a log line', async () => {
    const since = new Date(t.app.clock.now().getTime() - 60_000);
    await as(owner)('PUT', `/meetings/${meeting.id}/private-note`, { text: 'Never logged 7f3a' });
    expect(await t.app.store.changes.since([meeting.id], since)).toEqual([]);
    expect(logs.join('\n')).not.toContain('Never logged 7f3a');
  });

  it('answers 404 to a non-participant', async () => {
    for (const outsider of [third, stranger]) {
      const res = await as(outsider)('PUT', `/meetings/${meeting.id}/private-note`, { text: 'x' });
      expect(res.statusCode).toBe(404);
    }
  });
});
