// SPEC.md "Who uses it, and where": the Teams tab of a one-on-one chat shows the pair's 1:1 workspace, or
// offers to create one; a chat's 1:1 stays invisible to anybody who is not in that chat.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatOneOnOne } from '../schemas/one-on-ones.ts';
import { createPair, createUser, TENANT_B, type TestUser } from '../test-support/fixtures.ts';
import { at, callAs, createOneOnOne } from '../test-support/one-on-one-fixtures.ts';
import { byChatPath, oneOnOneChatId } from '../test-support/teams-chat-fixtures.ts';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';

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

const askAs = (user: TestUser, chatId: string) => call(user, 'GET', byChatPath(chatId));

describe('GET /api/v1/one-on-ones/by-chat', () => {
  it('the chat of a pair with a series shows that series, for either of the two', async () => {
    const [owner, other] = await pair();
    const created = await createOneOnOne(t.app, owner, other, {
      title: 'Olivia / Pat',
      start: at('2025-03-11T10:00'),
      repeat: 'weekly',
    });
    const chatId = oneOnOneChatId(owner, other);

    const mine = await askAs(owner, chatId);
    expect(mine.statusCode, mine.body).toBe(200);
    const answer = mine.json() as ChatOneOnOne;
    expect(answer.other).toEqual({ id: other.id, displayName: 'Pat Partner', email: other.email });
    expect(answer.card?.id).toBe(created.id);
    expect(answer.card?.kind).toBe('series');
    expect(answer.card?.nextMeeting?.start).toBe(new Date(at('2025-03-11T10:00')).toISOString());

    // The chat id names the members in Teams' order, not the creator's.
    const theirs = (await askAs(other, chatId)).json() as ChatOneOnOne;
    expect(theirs.other).toEqual({ id: owner.id, displayName: 'Olivia Owner', email: owner.email });
    expect(theirs.card?.id).toBe(created.id);
  });

  it('a pair without an active series gets the other person and no card (the tab offers to create one)', async () => {
    const [owner, other] = await pair();
    // A single 1:1 is not the pair's series.
    await createOneOnOne(t.app, owner, other, { start: at('2025-03-12T10:00') });
    const res = await askAs(owner, oneOnOneChatId(other, owner));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      other: { id: other.id, displayName: 'Pat Partner', email: other.email },
      card: null,
    });
  });

  it('a series of either member with somebody else is not shown in their chat', async () => {
    const [owner, other] = await pair();
    const third = await createUser(t.app, { name: 'Theo Third' });
    await createOneOnOne(t.app, owner, third, { start: at('2025-03-11T10:00'), repeat: 'weekly' });
    const res = await askAs(owner, oneOnOneChatId(owner, other));
    expect((res.json() as ChatOneOnOne).card).toBeNull();
  });

  it('the other member has never signed in: no person, no card', async () => {
    const owner = await createUser(t.app, { name: 'Olivia Owner' });
    const res = await askAs(
      owner,
      oneOnOneChatId(owner, { aadObjectId: 'f0e1d2c3-0000-4000-8000-000000000001' }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ other: null, card: null });
  });

  it('a person of another organization is not found in mine (nothing crosses tenants)', async () => {
    const owner = await createUser(t.app, { name: 'Olivia Owner' });
    const guest = await createUser(t.app, { name: 'Sam Stranger', tenantId: TENANT_B });
    const res = await askAs(owner, oneOnOneChatId(owner, guest));
    expect(res.json()).toEqual({ other: null, card: null });
  });

  it('somebody who is not in the chat learns nothing about it: 404', async () => {
    const [owner, other] = await pair();
    await createOneOnOne(t.app, owner, other, { start: at('2025-03-11T10:00'), repeat: 'weekly' });
    const third = await createUser(t.app, { name: 'Theo Third' });
    const res = await askAs(third, oneOnOneChatId(owner, other));
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Olivia');
    expect(res.body).not.toContain('Pat');
  });

  it('a group chat is not a one-on-one chat: 422 NOT_A_ONE_ON_ONE_CHAT', async () => {
    const [owner] = await pair();
    const res = await askAs(owner, '19:0f4c0a7b2c1e4d2f8a9b1c2d3e4f5a6b@thread.v2');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('NOT_A_ONE_ON_ONE_CHAT');
  });

  it('the chat id is required', async () => {
    const [owner] = await pair();
    const res = await call(owner, 'GET', '/one-on-ones/by-chat');
    expect(res.statusCode).toBe(400);
  });
});
