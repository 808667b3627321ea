// Entra ID token verification against a local JWKS endpoint served over HTTP, as in production.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntraVerifier, type EntraVerifier } from './entra-token.ts';

const clientId = '11111111-2222-3333-4444-555555555555';
const tid = 'aaaaaaaa-0000-0000-0000-000000000001';
const now = new Date('2026-11-23T10:00:00Z');
const seconds = Math.floor(now.getTime() / 1000);

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let server: Server;
let authority: string;
let signingKey: Key;
let strangerKey: Key;
let verify: EntraVerifier;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((req, res) => {
    if (req.url === '/common/discovery/v2.0/keys') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  verify = createEntraVerifier({ clientId, authorityUrl: authority, now: () => now });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function claims(overrides: JWTPayload = {}): JWTPayload {
  return {
    aud: `api://localhost:3978/${clientId}`,
    iss: `${authority}/${tid}/v2.0`,
    tid,
    oid: 'user-oid-1',
    name: 'Ada Lovelace',
    preferred_username: 'ada@contoso.test',
    scp: 'access_as_user',
    iat: seconds - 60,
    exp: seconds + 3600,
    ...overrides,
  };
}

function sign(payload: JWTPayload, key: Key = signingKey): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(key);
}

describe('Entra ID access tokens', () => {
  it('accepts a v2 token for the app with access_as_user and reads the identity', async () => {
    const verdict = await verify(await sign(claims()));
    expect(verdict).toEqual({
      ok: true,
      identity: {
        tenantId: tid,
        objectId: 'user-oid-1',
        displayName: 'Ada Lovelace',
        email: 'ada@contoso.test',
        isAdmin: false,
      },
    });
  });

  it('accepts the v1 issuer form and the bare client id audience', async () => {
    const verdict = await verify(
      await sign(claims({ iss: `https://sts.windows.net/${tid}/`, aud: clientId })),
    );
    expect(verdict.ok).toBe(true);
  });

  it('makes a user with the OneOnOnes.Admin app role an admin', async () => {
    const verdict = await verify(await sign(claims({ roles: ['OneOnOnes.Admin'] })));
    expect(verdict.ok && verdict.identity.isAdmin).toBe(true);
  });

  it('refuses a token for another audience', async () => {
    const verdict = await verify(await sign(claims({ aud: 'api://localhost/other-app' })));
    expect(verdict).toEqual({ ok: false, reason: 'token is for another audience' });
  });

  it('refuses a token from an unexpected issuer', async () => {
    const verdict = await verify(await sign(claims({ iss: 'https://evil.example/v2.0' })));
    expect(verdict).toEqual({ ok: false, reason: 'token has an unexpected issuer' });
  });

  it('refuses an issuer of another tenant than the token claims', async () => {
    const verdict = await verify(await sign(claims({ iss: `${authority}/another-tenant/v2.0` })));
    expect(verdict.ok).toBe(false);
  });

  it('refuses an expired token', async () => {
    const verdict = await verify(await sign(claims({ iat: seconds - 7200, exp: seconds - 3600 })));
    expect(verdict).toEqual({ ok: false, reason: 'token expired' });
  });

  it('refuses a token signed by another key', async () => {
    const verdict = await verify(await sign(claims(), strangerKey));
    expect(verdict).toEqual({ ok: false, reason: 'token signature is invalid' });
  });

  it('refuses a token without the access_as_user scope', async () => {
    const verdict = await verify(await sign(claims({ scp: 'User.Read' })));
    expect(verdict).toEqual({ ok: false, reason: 'token lacks the access_as_user scope' });
  });

  it('refuses garbage', async () => {
    expect((await verify('not-a-token')).ok).toBe(false);
  });
});
