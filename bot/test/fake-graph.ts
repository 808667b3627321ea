// A local Microsoft Graph and Entra ID for the bot's tests: the client-credentials token endpoint, the app catalog
// lookup and `POST /users/{id}/teamwork/installedApps` (201, or a chosen refusal), and a JWKS that signs the
// Bot Framework tokens of incoming activities.
import Fastify from 'fastify';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

export interface FakeGraph {
  readonly url: string;
  /** Entra's authority base (tokens at /{tenant}/oauth2/v2.0/token, keys at /{tenant}/discovery/v2.0/keys). */
  readonly authorityUrl: string;
  readonly installs: { userId: string; body: Record<string, unknown>; authorization: string | undefined }[];
  /** The status installations answer (201 by default). */
  installStatus: number;
  /** Signs a token as Entra would for the Bot Connector service calling the bot. */
  sign(claims: JWTPayload): Promise<string>;
  close(): Promise<void>;
}

export const CATALOG_APP_ID = 'catalog-app-1';

export async function startFakeGraph(): Promise<FakeGraph> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', use: 'sig', alg: 'RS256' };
  const app = Fastify({ logger: false });
  const installs: FakeGraph['installs'] = [];
  const fake = { installStatus: 201 };

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.post('/:tenant/oauth2/v2.0/token', async () => ({ access_token: 'graph-token', expires_in: 3600 }));
  app.get('/:tenant/discovery/v2.0/keys', async () => ({ keys: [jwk] }));
  app.get('/appCatalogs/teamsApps', async () => ({
    value: [{ id: CATALOG_APP_ID, externalId: 'teams-app' }],
  }));
  app.post<{ Params: { userId: string } }>(
    '/users/:userId/teamwork/installedApps',
    async (request, reply) => {
      installs.push({
        userId: request.params.userId,
        body: request.body as Record<string, unknown>,
        authorization: request.headers.authorization,
      });
      return reply
        .code(fake.installStatus)
        .send(fake.installStatus < 300 ? {} : { error: { code: 'Forbidden' } });
    },
  );

  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    authorityUrl: url,
    installs,
    get installStatus() {
      return fake.installStatus;
    },
    set installStatus(status: number) {
      fake.installStatus = status;
    },
    sign: (claims) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey),
    close: () => app.close(),
  };
}
