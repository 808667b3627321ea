// Shared notes through the API: concurrent edits merge, a real overlap answers 409 with both texts, no edit lost.
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

const AGENDA = ['# Notes', 'Wins: -', 'Blockers: -', 'Next: -'].join('\n');

beforeAll(async () => {
  t = await buildTestApp();
  ({ owner, other, third, stranger } = await createCast(t.app));
  as = requestsOf(t.app);
});
afterAll(() => t.close());
beforeEach(async () => {
  meeting = await createMeeting(t.app, owner, other);
});

const put = (user: TestUser, text: string, baseVersion: number) =>
  as(user)('PUT', `/meetings/${meeting.id}/shared-notes`, { text, baseVersion });

async function storedNotes() {
  const fresh = await t.app.store.meetings.findById(meeting.tenantId, meeting.id);
  return fresh?.sharedNotes;
}

describe('PUT /api/v1/meetings/:id/shared-notes', () => {
  it('saves an edit based on the current version as the next version', async () => {
    const res = await put(owner, AGENDA, 0);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ text: AGENDA, version: 1, merged: false });
    expect(await storedNotes()).toEqual({ text: AGENDA, version: 1 });
  });

  it('two edits on the same version touching different lines are both kept', async () => {
    await put(owner, AGENDA, 0);
    const mine = await put(owner, AGENDA.replace('Wins: -', 'Wins: shipped v2'), 1);
    expect(mine.json()).toEqual({ text: expect.any(String), version: 2, merged: false });
    const theirs = await put(other, AGENDA.replace('Next: -', 'Next: hiring plan'), 1);
    expect(theirs.statusCode).toBe(200);
    const both = ['# Notes', 'Wins: shipped v2', 'Blockers: -', 'Next: hiring plan'].join('\n');
    expect(theirs.json()).toEqual({ text: both, version: 3, merged: true });
    expect(await storedNotes()).toEqual({ text: both, version: 3 });
  });

  it('edits sent at the same moment on the same version are merged, none lost', async () => {
    await put(owner, AGENDA, 0);
    const answers = await Promise.all([
      put(owner, AGENDA.replace('Wins: -', 'Wins: A'), 1),
      put(other, AGENDA.replace('Blockers: -', 'Blockers: B'), 1),
      put(other, AGENDA.replace('Next: -', 'Next: C'), 1),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200]);
    const notes = await storedNotes();
    expect(notes).toEqual({ text: ['# Notes', 'Wins: A', 'Blockers: B', 'Next: C'].join('\n'), version: 4 });
  });

  it('a real overlap answers 409 NOTES_CONFLICT with both texts, and the stored text stays', async () => {
    await put(owner, AGENDA, 0);
    const mine = AGENDA.replace('Blockers: -', 'Blockers: budget');
    await put(owner, mine, 1);
    const yours = AGENDA.replace('Blockers: -', 'Blockers: none');
    const res = await put(other, yours, 1);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: {
        code: 'NOTES_CONFLICT',
        message: expect.any(String),
        details: { current: { text: mine, version: 2 }, yours },
      },
    });
    expect(await storedNotes()).toEqual({ text: mine, version: 2 });
  });

  it('an edit based on a version that does not exist yet is refused', async () => {
    const res = await put(owner, 'x', 7);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('NOTES_BASE_VERSION_UNKNOWN');
  });

  it('records a notes.updated change for the other participant', async () => {
    const since = t.app.clock.now();
    await put(owner, 'Hello', 0);
    const changes = await t.app.store.changes.since([meeting.id], new Date(since.getTime() - 1000));
    expect(changes).toEqual([
      expect.objectContaining({
        type: 'notes.updated',
        actorId: owner.id,
        payload: { sharedNotes: { text: 'Hello', version: 1 } },
      }),
    ]);
  });

  it('answers 404 to a non-participant and leaves the notes untouched', async () => {
    await put(owner, 'Ours', 0);
    for (const outsider of [third, stranger]) {
      const res = await put(outsider, 'Theirs', 1);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Ours');
    }
    expect(await storedNotes()).toEqual({ text: 'Ours', version: 1 });
  });
});
