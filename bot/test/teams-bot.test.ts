// SPEC.md "Notifications (bot)" end to end against a local Bot Connector: POST /api/messages authenticated by Bot
// Framework tokens, install/uninstall keeping conversation references, the chat commands, and proactive cards
// (with Graph installation for people without a chat, and retries of Teams' throttling answers).
import { CloudAdapter } from '@microsoft/agents-hosting';
import type { Notification, Recipient } from 'api/notify';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDeepLinks } from '../src/deep-links.ts';
import type { LimiterClock } from '../src/rate-limiter.ts';
import { createTeamsBot, type TeamsBot } from '../src/teams-bot.ts';
import { type FakeConnector, startFakeConnector } from './fake-connector.ts';
import { createFakeDirectory, type FakeDirectory } from './fake-directory.ts';
import { CATALOG_APP_ID, type FakeGraph, startFakeGraph } from './fake-graph.ts';
import { OUTGOING_TOKEN, useFakeTokens } from './fake-token-provider.ts';

const BOT_ID = '0b0b0b0b-1111-4222-8333-444444444444';
const TENANT = 'aaaaaaaa-0000-4000-8000-00000000000a';
const pat: Recipient = {
  id: '64b000000000000000000002',
  tenantId: TENANT,
  aadObjectId: '00000000-0000-4000-8000-0000000000a2',
  displayName: 'Pat Partner',
  timeZone: 'Europe/Berlin',
};
const kim: Recipient = {
  ...pat,
  id: '64b000000000000000000003',
  aadObjectId: '00000000-0000-4000-8000-0000000000a3',
  displayName: 'Kim New',
};
const silent = { info() {}, warn() {}, error() {} };
/** Retries wait for real, but only as long as the fake's Retry-After says (a few milliseconds). */
const quickClock: LimiterClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
};

let connector: FakeConnector;
let graph: FakeGraph;
let directory: FakeDirectory;
let bot: TeamsBot;
let server: FastifyInstance;

function reminder(recipient: Recipient): Notification {
  return {
    key: `reminder:m1:${recipient.id}`,
    kind: 'reminder',
    moduleName: 'Team 1:1s',
    recipient,
    meeting: {
      id: '64b0000000000000000000aa',
      title: 'Weekly',
      start: '2026-03-10T09:00:00.000Z',
      end: '2026-03-10T09:30:00.000Z',
      withName: 'Olivia Owner',
    },
    topics: [{ text: 'Promotion timeline', url: null, completed: false }],
    actionItems: [],
  };
}

function personalActivity(type: string, extra: Record<string, unknown> = {}) {
  return {
    type,
    id: `incoming-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:pat', aadObjectId: pat.aadObjectId, name: 'Pat Partner' },
    recipient: { id: `28:${BOT_ID}`, name: '1:1s' },
    conversation: { id: 'a:pat-personal', conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...extra,
  };
}

async function post(activity: Record<string, unknown>, authorized = true) {
  // Signed by the (fake) Entra tenant of the bot: the adapter fetches its keys from the configured authority.
  const token = await graph.sign({
    aud: BOT_ID,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    tid: TENANT,
    serviceurl: connector.url,
  });
  return server.inject({
    method: 'POST',
    url: '/api/messages',
    payload: activity,
    headers: authorized ? { authorization: `Bearer ${token}` } : {},
  });
}

beforeAll(async () => {
  connector = await startFakeConnector();
  graph = await startFakeGraph();
});
afterAll(async () => {
  await connector.close();
  await graph.close();
});
beforeEach(async () => {
  connector.activities.length = 0;
  connector.conversations.length = 0;
  graph.installs.length = 0;
  graph.installStatus = 201;
  directory = createFakeDirectory([pat, kim]);
  const config = {
    clientId: BOT_ID,
    clientSecret: 'secret',
    authority: `${graph.authorityUrl}/${TENANT}`,
    tenantId: TENANT,
  };
  const adapter = new CloudAdapter(config);
  useFakeTokens(adapter, config);
  bot = createTeamsBot({
    credentials: { appId: BOT_ID, password: 'secret', tenantId: TENANT },
    directory,
    links: createDeepLinks({
      teamsAppId: '11111111-2222-4333-8444-555555555555',
      publicUrl: 'https://app.test',
    }),
    locale: 'en-GB',
    serviceUrl: connector.url,
    graph: {
      baseUrl: graph.url,
      authorityUrl: graph.authorityUrl,
      clientId: 'api-app',
      clientSecret: 's',
      teamsAppId: 'teams-app',
    },
    log: silent,
    retry: { retries: 5, baseDelayMs: 1, maxDelayMs: 20 },
    clock: quickClock,
    adapter,
  });
  server = Fastify();
  await server.register(bot.messages);
  await server.ready();
});

describe('POST /api/messages', () => {
  it('refuses an activity without a Bot Framework token', async () => {
    const res = await post(personalActivity('installationUpdate', { action: 'add' }), false);
    expect(res.statusCode).toBe(401);
    expect(directory.references.size).toBe(0);
  });

  it('refuses a token signed by someone else', async () => {
    const res = await server.inject({
      method: 'POST',
      url: '/api/messages',
      payload: personalActivity('message', { text: 'help' }),
      headers: { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('installing the app stores the conversation reference; uninstalling removes it', async () => {
    expect((await post(personalActivity('installationUpdate', { action: 'add' }))).statusCode).toBe(200);
    const stored = await directory.conversationOf(pat);
    expect(stored).toMatchObject({ conversation: { id: 'a:pat-personal' }, serviceUrl: connector.url });
    await post(personalActivity('installationUpdate', { action: 'remove' }));
    expect(await directory.conversationOf(pat)).toBeNull();
  });

  it('the bot added to the personal chat (conversationUpdate) also stores the reference', async () => {
    await post(personalActivity('conversationUpdate', { membersAdded: [{ id: `28:${BOT_ID}` }] }));
    expect(await directory.conversationOf(pat)).not.toBeNull();
  });

  it('answers "help" with what it does', async () => {
    await post(personalActivity('message', { text: 'help' }));
    const [answer] = connector.activities;
    expect(answer?.conversationId).toBe('a:pat-personal');
    expect(answer?.activity.text).toContain('my 1:1s');
    expect(answer?.authorization).toBe(`Bearer ${OUTGOING_TOKEN}`);
  });

  it('answers "my 1:1s" with a card of the next five, each deep-linked', async () => {
    directory.meetings = Array.from({ length: 7 }, (_, i) => ({
      id: `64b0000000000000000000${String(i).padStart(2, '0')}`,
      title: `1:1 number ${i}`,
      start: '2026-03-10T09:00:00.000Z',
      end: '2026-03-10T09:30:00.000Z',
      withName: 'Olivia Owner',
    }));
    await post(personalActivity('message', { text: 'My 1:1s' }));
    const card = connector.activities[0]?.activity.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const text = JSON.stringify(card?.content);
    expect(text).toContain('1:1 number 4');
    expect(text).not.toContain('1:1 number 5');
    expect(text).toContain('subEntityId');
  });
});

describe('the Teams notifier', () => {
  it('sends the card into the stored personal chat', async () => {
    await post(personalActivity('installationUpdate', { action: 'add' }));
    const outcome = await bot.notifier?.deliver(reminder(pat));
    expect(outcome).toEqual({ status: 'sent', card: null });
    const [sent] = connector.activities;
    expect(sent?.conversationId).toBe('a:pat-personal');
    expect(JSON.stringify(sent?.activity.attachments?.[0]?.content)).toContain('Promotion timeline');
  });

  it('retries 429, 412, 502, 503 and 504 after Retry-After, and delivers', async () => {
    await post(personalActivity('installationUpdate', { action: 'add' }));
    connector.answers.length = 0;
    connector.failNext(1, 429, 0.01);
    connector.failNext(1, 412);
    connector.failNext(1, 502);
    connector.failNext(1, 503, 0);
    connector.failNext(1, 504);
    const outcome = await bot.notifier?.deliver(reminder(pat));
    expect(outcome?.status).toBe('sent');
    expect(connector.answers).toEqual([429, 412, 502, 503, 504, 200]);
    expect(connector.activities).toHaveLength(1);
  });

  it('throttled beyond its retries, it asks to be tried again later instead of dropping the card', async () => {
    await post(personalActivity('installationUpdate', { action: 'add' }));
    connector.failNext(6, 429, 0.01);
    const outcome = await bot.notifier?.deliver(reminder(pat));
    expect(outcome).toMatchObject({ status: 'retry', afterMs: 10 });
  });

  it('someone without a chat: installs the app through Graph, opens a chat by Entra object id, sends', async () => {
    const outcome = await bot.notifier?.deliver(reminder(kim));
    expect(outcome?.status).toBe('sent');
    expect(graph.installs).toEqual([
      {
        userId: kim.aadObjectId,
        body: { 'teamsApp@odata.bind': `${graph.url}/appCatalogs/teamsApps/${CATALOG_APP_ID}` },
        authorization: 'Bearer graph-token',
      },
    ]);
    const [created] = connector.conversations;
    expect(created?.body).toMatchObject({ isGroup: false, bot: { id: `28:${BOT_ID}` }, tenantId: TENANT });
    expect(created?.body.members?.[0]?.id).toBe(kim.aadObjectId);
    expect(connector.activities[0]?.conversationId).toBe(created?.id);
    expect(await directory.conversationOf(kim)).toMatchObject({ conversation: { id: created?.id } });
  });

  it('an installation Teams refuses fails with its reason (shown in the tab)', async () => {
    graph.installStatus = 403;
    const outcome = await bot.notifier?.deliver(reminder(kim));
    expect(outcome).toEqual({
      status: 'failed',
      reason: 'Teams refused to install the app for this person (403).',
    });
    expect(connector.activities).toEqual([]);
  });

  it('a chat that is gone (404) is forgotten and opened again', async () => {
    await directory.saveConversation(TENANT, pat.aadObjectId, {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: 'a:deleted' },
      agent: { id: `28:${BOT_ID}` },
      user: { id: '29:pat' },
    });
    connector.failNext(1, 404);
    const outcome = await bot.notifier?.deliver(reminder(pat));
    expect(outcome?.status).toBe('sent');
    expect(connector.conversations).toHaveLength(1);
    expect(await directory.conversationOf(pat)).toMatchObject({
      conversation: { id: connector.conversations[0]?.id },
    });
  });
});
