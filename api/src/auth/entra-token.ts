// Verifies Entra ID access tokens from Teams / Outlook SSO: signature against the tenant's JWKS, audience,
// issuer (v1 and v2 forms), expiry and the `access_as_user` scope.
import { createRemoteJWKSet, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';

/** The app role that makes a user an admin of the module (SPEC.md "Tenancy, privacy, roles"). */
export const ADMIN_ROLE = 'OneOnOnes.Admin';
export const REQUIRED_SCOPE = 'access_as_user';

export interface EntraIdentity {
  tenantId: string;
  objectId: string;
  displayName: string;
  email: string;
  isAdmin: boolean;
}

export type TokenVerdict = { ok: true; identity: EntraIdentity } | { ok: false; reason: string };

export interface EntraVerifierOptions {
  clientId: string;
  /** `https://login.microsoftonline.com` in production; a local fake in tests. */
  authorityUrl: string;
  /** Overrides the JWKS (tests); by default the authority's common v2 keys. */
  keys?: JWTVerifyGetKey;
  now?: () => Date;
}

export type EntraVerifier = (token: string) => Promise<TokenVerdict>;

export function createEntraVerifier(options: EntraVerifierOptions): EntraVerifier {
  const authority = options.authorityUrl.replace(/\/+$/, '');
  const keys = options.keys ?? createRemoteJWKSet(new URL(`${authority}/common/discovery/v2.0/keys`));
  return async (token) => {
    let payload: JWTPayload;
    try {
      const verified = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        clockTolerance: 60,
        ...(options.now ? { currentDate: options.now() } : {}),
      });
      payload = verified.payload;
    } catch (error) {
      return { ok: false, reason: describeJoseError(error) };
    }
    return checkClaims(payload, options.clientId, authority);
  };
}

function checkClaims(payload: JWTPayload, clientId: string, authority: string): TokenVerdict {
  const tid = stringClaim(payload, 'tid');
  const oid = stringClaim(payload, 'oid');
  if (!tid || !oid) return { ok: false, reason: 'token has no tenant or object id' };
  if (!audienceMatches(payload.aud, clientId)) return { ok: false, reason: 'token is for another audience' };
  // v1 tokens come from sts.windows.net, v2 tokens from the authority's /v2.0 endpoint.
  const issuers = [`https://sts.windows.net/${tid}/`, `${authority}/${tid}/v2.0`];
  if (!payload.iss || !issuers.includes(payload.iss))
    return { ok: false, reason: 'token has an unexpected issuer' };
  const scopes = (stringClaim(payload, 'scp') ?? '').split(' ');
  if (!scopes.includes(REQUIRED_SCOPE))
    return { ok: false, reason: `token lacks the ${REQUIRED_SCOPE} scope` };
  const roles = Array.isArray(payload.roles) ? payload.roles : [];
  const email =
    stringClaim(payload, 'preferred_username') ??
    stringClaim(payload, 'upn') ??
    stringClaim(payload, 'email') ??
    '';
  return {
    ok: true,
    identity: {
      tenantId: tid,
      objectId: oid,
      displayName: stringClaim(payload, 'name') ?? email,
      email,
      isAdmin: roles.includes(ADMIN_ROLE),
    },
  };
}

/** Teams SSO tokens carry `api://<host>/<client id>`; v2 tokens may carry the bare client id. */
function audienceMatches(aud: JWTPayload['aud'], clientId: string): boolean {
  const list = Array.isArray(aud) ? aud : aud ? [aud] : [];
  return list.some((a) => a === clientId || (a.startsWith('api://') && a.endsWith(`/${clientId}`)));
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function describeJoseError(error: unknown): string {
  const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : '';
  if (code === 'ERR_JWT_EXPIRED') return 'token expired';
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return 'token signature is invalid';
  if (code === 'ERR_JWKS_NO_MATCHING_KEY') return 'token was signed by an unknown key';
  return 'token is malformed or unverifiable';
}
