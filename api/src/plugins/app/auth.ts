// Authentication for /api/v1: Entra ID bearer tokens (Teams / Outlook SSO) or, in development mode only,
// `Authorization: Dev <user-id>`. Users and tenants are created on first sight; the module switch is enforced.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { EntraVerifier } from '../../auth/entra-token.ts';
import { RuleError } from '../../domain/rule-error.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TenantSettings } from '../../store/tenants.ts';
import type { User } from '../../store/users.ts';

export interface Caller {
  user: User;
  tenant: TenantSettings;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** Routes that still answer when an admin disabled the module (GET /me, /admin/*). */
    allowWhenModuleDisabled?: boolean;
  }
  interface FastifyInstance {
    /** Forget cached callers of a tenant after its settings changed (same process; others within the TTL). */
    forgetTenantCallers(tenantId: string): void;
  }
}

export interface AuthOptions {
  readonly mode: 'entra' | 'dev';
  /** Verifies bearer tokens; null when no Entra app is configured (development without SSO). */
  readonly verifier: EntraVerifier | null;
  /** How long a resolved caller is reused before the database is asked again. */
  readonly cacheTtlMs?: number;
}

const MAX_CACHED_CALLERS = 5000;

/** The caller of an authenticated route; routes registered under the auth hook always have one. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw AppError.unauthorized();
  return request.caller;
}

async function auth(app: FastifyInstance, options: AuthOptions): Promise<void> {
  const ttl = options.cacheTtlMs ?? 10_000;
  const cache = new Map<string, { caller: Caller; until: number }>();
  app.decorateRequest('caller', null);
  app.decorate('forgetTenantCallers', (tenantId: string) => {
    for (const [key, entry] of cache) if (entry.caller.tenant.id === tenantId) cache.delete(key);
  });

  const resolve = async (credentials: string): Promise<Caller> => {
    const now = app.clock.now();
    const hit = cache.get(credentials);
    if (hit && hit.until > performance.now()) return hit.caller;
    const caller = await resolveCaller(app, options, credentials, now);
    if (cache.size >= MAX_CACHED_CALLERS) cache.delete(cache.keys().next().value as string);
    cache.set(credentials, { caller, until: performance.now() + ttl });
    return caller;
  };

  app.addHook('onRequest', async (request) => {
    const credentials = credentialsOf(request);
    if (!credentials) throw AppError.unauthorized('Sign-in required: send an Authorization header');
    const caller = await resolve(credentials);
    request.caller = caller;
    if (!caller.tenant.enabled && !request.routeOptions.config.allowWhenModuleDisabled) {
      throw new RuleError(
        'MODULE_DISABLED',
        undefined,
        `${caller.tenant.moduleName} is disabled for your organization.`,
      );
    }
  });
}

/**
 * The Authorization header, or `?access_token=` for the live stream: EventSource cannot send headers.
 * The query form is accepted only on GET requests whose path ends with /stream.
 */
function credentialsOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header) return header.trim();
  const query = request.query as Record<string, unknown> | undefined;
  const token = query?.access_token;
  if (
    request.method === 'GET' &&
    request.url.split('?')[0]?.endsWith('/stream') &&
    typeof token === 'string'
  ) {
    return token.trim();
  }
  return null;
}

async function resolveCaller(
  app: FastifyInstance,
  options: AuthOptions,
  credentials: string,
  now: Date,
): Promise<Caller> {
  const [scheme, value] = credentials.split(/\s+/, 2);
  if (scheme === 'Dev') {
    if (options.mode !== 'dev')
      throw AppError.unauthorized('Development sign-in is disabled', 'DEV_SIGN_IN_DISABLED');
    return devCaller(app, value ?? '');
  }
  if (scheme !== 'Bearer' || !value) throw AppError.unauthorized('Unsupported authorization scheme');
  if (!options.verifier)
    throw AppError.unauthorized('Entra ID sign-in is not configured', 'SSO_NOT_CONFIGURED');
  const verdict = await options.verifier(value);
  if (!verdict.ok) throw AppError.unauthorized(`Invalid token: ${verdict.reason}`, 'INVALID_TOKEN');
  const { identity } = verdict;
  const tenant = await app.store.tenants.ensure(identity.tenantId, now);
  const user = await app.store.users.upsertFromIdentity(
    {
      tenantId: identity.tenantId,
      aadObjectId: identity.objectId,
      displayName: identity.displayName,
      email: identity.email,
      isAdmin: identity.isAdmin,
    },
    now,
  );
  return { user, tenant };
}

/** Development sign-in names a demo user by id; the user and its tenant must exist (seeded). */
async function devCaller(app: FastifyInstance, userId: string): Promise<Caller> {
  const user = await app.store.users.findAnyById(userId);
  if (!user) throw AppError.unauthorized('Unknown development user', 'UNKNOWN_DEV_USER');
  const tenant = await app.store.tenants.get(user.tenantId);
  if (!tenant) throw AppError.unauthorized('Unknown development user', 'UNKNOWN_DEV_USER');
  return { user, tenant };
}

export default fp(auth, { name: 'auth', dependencies: ['store', 'clock'] });
