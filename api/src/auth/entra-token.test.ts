// Entra ID token verification against a local JWKS endpoint served over HTTP, as in production.
import type { JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EntraFake, FAKE_CLIENT_ID, startEntraFake } from '../test-support/entra-fake.ts';
import { createEntraVerifier, type EntraVerifier } from './entra-token.ts';

const tid = 'aaaaaaaa-0000-0000-0000-000000000001';
const now = new Date('2026-11-23T10:00:00Z');
const seconds = Math.floor(now.getTime() / 1000);

let entra: EntraFake;
let verify: EntraVerifier;

beforeAll(async () => {
  entra = await startEntraFake(() => now);
  verify = createEntraVerifier({
    clientId: FAKE_CLIENT_ID,
    authorityUrl: entra.authorityUrl,
    now: () => now,
  });
});
afterAll(() => entra.stop());

const token = (claims: JWTPayload = {}) =>
  entra.token({ tenantId: tid, objectId: 'user-oid-1', name: 'Ada Lovelace' }, claims);

describe('Entra ID access tokens', () => {
  it('accepts a v2 token for the app with access_as_user and reads the identity', async () => {
    expect(await verify(await token())).toEqual({
      ok: true,
      identity: {
        tenantId: tid,
        objectId: 'user-oid-1',
        displayName: 'Ada Lovelace',
        email: 'user-oid-1@contoso.test',
        isAdmin: false,
      },
    });
  });

  it('accepts the v1 issuer form and the bare client id audience', async () => {
    const verdict = await verify(
      await token({ iss: `https://sts.windows.net/${tid}/`, aud: FAKE_CLIENT_ID }),
    );
    expect(verdict.ok).toBe(true);
  });

  it('makes a user with the OneOnOnes.Admin app role an admin', async () => {
    const verdict = await verify(await token({ roles: ['OneOnOnes.Admin'] }));
    expect(verdict.ok && verdict.identity.isAdmin).toBe(true);
  });

  it('refuses a token for another audience', async () => {
    expect(await verify(await token({ aud: 'api://localhost/other-app' }))).toEqual({
      ok: false,
      reason: 'token is for another audience',
    });
  });

  it('refuses a token from an unexpected issuer', async () => {
    expect(await verify(await token({ iss: 'https://evil.example/v2.0' }))).toEqual({
      ok: false,
      reason: 'token has an unexpected issuer',
    });
  });

  it('refuses an issuer of another tenant than the token claims', async () => {
    expect((await verify(await token({ iss: `${entra.authorityUrl}/another-tenant/v2.0` }))).ok).toBe(false);
  });

  it('refuses an expired token', async () => {
    expect(await verify(await token({ iat: seconds - 7200, exp: seconds - 3600 }))).toEqual({
      ok: false,
      reason: 'token expired',
    });
  });

  it('refuses a token signed by another key', async () => {
    const forged = await entra.sign(
      { aud: FAKE_CLIENT_ID, iss: `${entra.authorityUrl}/${tid}/v2.0`, tid, oid: 'x', scp: 'access_as_user' },
      { strangerKey: true },
    );
    expect(await verify(forged)).toEqual({ ok: false, reason: 'token signature is invalid' });
  });

  it('refuses a token without the access_as_user scope', async () => {
    expect(await verify(await token({ scp: 'User.Read' }))).toEqual({
      ok: false,
      reason: 'token lacks the access_as_user scope',
    });
  });

  it('refuses garbage', async () => {
    expect((await verify('not-a-token')).ok).toBe(false);
  });
});
