// A local stand-in for Entra ID's key endpoint: serves a JWKS over HTTP and signs access tokens with its key.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

export const FAKE_CLIENT_ID = '11111111-2222-3333-4444-555555555555';

export interface EntraFake {
  /** Use as ENTRA_AUTHORITY_URL: keys at `<authority>/common/discovery/v2.0/keys`. */
  authorityUrl: string;
  /** A v2 access token for the app with `access_as_user`, for a user of a tenant; claims override. */
  token(
    user: { tenantId: string; objectId: string; name?: string; roles?: string[] },
    claims?: JWTPayload,
  ): Promise<string>;
  /** Signs arbitrary claims with the served key (or with a key nobody serves). */
  sign(claims: JWTPayload, options?: { strangerKey?: boolean }): Promise<string>;
  stop(): Promise<void>;
}

export async function startEntraFake(now: () => Date = () => new Date()): Promise<EntraFake> {
  const served = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(served.publicKey)), kid: 'fake-key', alg: 'RS256', use: 'sig' };
  const server = createServer((req, res) => {
    if (req.url !== '/common/discovery/v2.0/keys') {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const authorityUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sign: EntraFake['sign'] = (claims, options = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'fake-key' })
      .sign(options.strangerKey ? stranger.privateKey : served.privateKey);

  return {
    authorityUrl,
    sign,
    token: (user, claims = {}) => {
      const seconds = Math.floor(now().getTime() / 1000);
      return sign({
        aud: `api://localhost:3978/${FAKE_CLIENT_ID}`,
        iss: `${authorityUrl}/${user.tenantId}/v2.0`,
        tid: user.tenantId,
        oid: user.objectId,
        name: user.name ?? user.objectId,
        preferred_username: `${user.objectId}@contoso.test`,
        scp: 'access_as_user',
        ...(user.roles ? { roles: user.roles } : {}),
        iat: seconds - 60,
        exp: seconds + 3600,
        ...claims,
      });
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
