// Sign-in to /api/v1 in production mode: Entra ID bearer tokens, users and tenants created on first sight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EntraFake, FAKE_CLIENT_ID, startEntraFake } from '../../test-support/entra-fake.ts';
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts';

const contoso = 'aaaaaaaa-0000-4000-8000-00000000000a';
const fabrikam = 'bbbbbbbb-0000-4000-8000-00000000000b';

let entra: EntraFake;
let t: TestApp;

beforeAll(async () => {
  entra = await startEntraFake();
  t = await buildTestApp({
    config: {
      authMode: 'entra',
      entra: { clientId: FAKE_CLIENT_ID, clientSecret: 'secret' },
      entraAuthorityUrl: entra.authorityUrl,
    },
  });
});
afterAll(async () => {
  await t.close();
  await entra.stop();
});

const me = (authorization: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } });

describe('Entra ID sign-in', () => {
  it('creates the user and the tenant on first sight, with the admin role from the token', async () => {
    const token = await entra.token({
      tenantId: contoso,
      objectId: 'oid-ada',
      name: 'Ada',
      roles: ['OneOnOnes.Admin'],
    });
    const res = await me(`Bearer ${token}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      displayName: 'Ada',
      isAdmin: true,
      tenant: { id: contoso, moduleName: '1:1s', enabled: true },
    });
    const again = await me(
      `Bearer ${await entra.token({ tenantId: contoso, objectId: 'oid-ada', name: 'Ada' })}`,
    );
    expect(again.json().id).toBe(res.json().id);
    expect(again.json().isAdmin).toBe(false);
  });

  it('keeps tenants apart: the same object id in another tenant is another user', async () => {
    const a = await me(`Bearer ${await entra.token({ tenantId: contoso, objectId: 'oid-same' })}`);
    const b = await me(`Bearer ${await entra.token({ tenantId: fabrikam, objectId: 'oid-same' })}`);
    expect(a.json().id).not.toBe(b.json().id);
    expect(b.json().tenant.id).toBe(fabrikam);
  });

  it('refuses a wrong audience, an expired token, a forged signature and a missing scope with 401', async () => {
    const user = { tenantId: contoso, objectId: 'oid-bad' };
    const tokens = [
      await entra.token(user, { aud: 'api://elsewhere/app' }),
      await entra.token(user, { exp: Math.floor(Date.now() / 1000) - 3600 }),
      await entra.token(user, { scp: 'User.Read' }),
      await entra.sign(
        { tid: contoso, oid: 'x', aud: FAKE_CLIENT_ID, scp: 'access_as_user' },
        { strangerKey: true },
      ),
    ];
    for (const token of tokens) {
      const res = await me(`Bearer ${token}`);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('INVALID_TOKEN');
    }
  });

  it('refuses the development sign-in when AUTH_MODE is entra', async () => {
    const res = await me('Dev 665f00000000000000000001');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('DEV_SIGN_IN_DISABLED');
  });

  it('answers 404 for the development routes outside development mode', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/dev/users' });
    expect(res.statusCode).toBe(404);
  });
});
