// POST /api/messages on the app's own server (SPEC.md "API"): Bot Framework activities, authenticated by the Bot
// Framework's tokens whenever a bot is configured; install events keep the person's conversation reference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, TENANT_A } from '../test-support/fixtures.ts';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';

const BOT_ID = '0b0b0b0b-1111-4222-8333-444444444444';

function installation(aadObjectId: string, action: 'add' | 'remove') {
  return {
    type: 'installationUpdate',
    action,
    id: `install-${action}`,
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/teams/',
    from: { id: '29:someone', aadObjectId },
    recipient: { id: `28:${BOT_ID}` },
    conversation: { id: 'a:personal-chat', conversationType: 'personal', tenantId: TENANT_A },
    channelData: { tenant: { id: TENANT_A } },
  };
}

describe('POST /api/messages', () => {
  describe('with a bot configured', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp({ config: { bot: { id: BOT_ID, password: 'secret' } } });
    });
    afterAll(() => t.close());

    it('refuses an activity without a Bot Framework token', async () => {
      const user = await createUser(t.app);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/messages',
        payload: installation(user.aadObjectId, 'add'),
      });
      expect(res.statusCode).toBe(401);
      expect(await t.app.store.users.conversationReferenceOf(user.tenantId, user.id)).toBeNull();
    });
  });

  describe('in development mode without a bot (anonymous, for local testing tools)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp();
    });
    afterAll(() => t.close());

    it('installing the app stores the person’s conversation reference; uninstalling removes it', async () => {
      const user = await createUser(t.app);
      const add = await t.app.inject({
        method: 'POST',
        url: '/api/messages',
        payload: installation(user.aadObjectId, 'add'),
      });
      expect(add.statusCode).toBe(200);
      expect(await t.app.store.users.conversationReferenceOf(user.tenantId, user.id)).toMatchObject({
        conversation: { id: 'a:personal-chat' },
      });
      await t.app.inject({
        method: 'POST',
        url: '/api/messages',
        payload: installation(user.aadObjectId, 'remove'),
      });
      expect(await t.app.store.users.conversationReferenceOf(user.tenantId, user.id)).toBeNull();
    });
  });
});
