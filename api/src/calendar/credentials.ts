// How the app holds a user's calendar access, encrypted at rest, and turns it into access tokens:
// Microsoft through MSAL (on-behalf-of the Teams SSO token, MSAL's cache persisted per user), Google through
// a refresh token from the OAuth code flow with PKCE, development mode through the local fakes.
import { ConfidentialClientApplication, type ICachePlugin, type TokenCacheContext } from '@azure/msal-node';
import { OAuth2Client } from 'google-auth-library';
import type { CalendarProviderName } from './calendar-event.ts';
import { CalendarProviderError } from './provider-errors.ts';
import { decryptToken, encryptToken } from './token-crypto.ts';

/** What is stored (encrypted) for one user. */
export type StoredCredentials =
  /** Development mode only: the demo calendar of this account in the local fakes. */
  | { kind: 'dev'; account: string }
  /** MSAL's serialized token cache (it holds the refresh token) and the account to read it with. */
  | { kind: 'msal'; cache: string; homeAccountId: string; tenantId: string }
  | { kind: 'google'; refreshToken: string };

export interface CredentialSettings {
  readonly key: Buffer;
  readonly authMode: 'entra' | 'dev';
  readonly entra: { readonly clientId: string; readonly clientSecret: string } | null;
  readonly entraAuthorityUrl: string;
  readonly google: { readonly clientId: string; readonly clientSecret: string } | null;
  readonly googleBaseUrl: string;
}

const purposeOf = (userId: string) => `calendar-credentials:${userId}`;

export function sealCredentials(key: Buffer, userId: string, credentials: StoredCredentials): string {
  return encryptToken(key, JSON.stringify(credentials), purposeOf(userId));
}

export function openCredentials(key: Buffer, userId: string, sealed: string): StoredCredentials {
  return JSON.parse(decryptToken(key, sealed, purposeOf(userId))) as StoredCredentials;
}

/** The bearer token the local fakes accept for a demo account (never accepted outside development mode). */
export function devAccessToken(account: string): string {
  return `dev-${Buffer.from(account.toLowerCase()).toString('base64url')}`;
}

export function accountOfDevToken(token: string): string | null {
  if (!token.startsWith('dev-')) return null;
  return Buffer.from(token.slice(4), 'base64url').toString('utf8');
}

/** Delegated scopes: read for sync and import; write only for the two-way option. */
export function microsoftScopes(twoWay: boolean): string[] {
  return [twoWay ? 'Calendars.ReadWrite' : 'Calendars.Read', 'offline_access'];
}

/** Google's OAuth endpoints: the real ones, or the local fake's when GOOGLE_BASE_URL points elsewhere. */
export function googleOAuthClient(settings: CredentialSettings, redirectUri?: string): OAuth2Client {
  if (!settings.google) throw new CalendarProviderError('consent', 'Google sign-in is not configured');
  const base = settings.googleBaseUrl.replace(/\/+$/, '');
  const custom = base !== 'https://www.googleapis.com';
  return new OAuth2Client({
    clientId: settings.google.clientId,
    clientSecret: settings.google.clientSecret,
    ...(redirectUri ? { redirectUri } : {}),
    ...(custom
      ? {
          endpoints: {
            oauth2TokenUrl: `${base}/fake-oauth/token`,
            oauth2AuthBaseUrl: `${base}/fake-oauth/auth`,
          },
        }
      : {}),
  });
}

/** An MSAL client whose token cache is read from and written back to the stored credentials. */
function msalClient(settings: CredentialSettings, tenantId: string, cache: { value: string }) {
  if (!settings.entra) throw new CalendarProviderError('consent', 'Microsoft sign-in is not configured');
  const plugin: ICachePlugin = {
    beforeCacheAccess: async (context: TokenCacheContext) => {
      if (cache.value) context.tokenCache.deserialize(cache.value);
    },
    afterCacheAccess: async (context: TokenCacheContext) => {
      if (context.cacheHasChanged) cache.value = context.tokenCache.serialize();
    },
  };
  return new ConfidentialClientApplication({
    auth: {
      clientId: settings.entra.clientId,
      clientSecret: settings.entra.clientSecret,
      authority: `${settings.entraAuthorityUrl}/${tenantId}`,
    },
    cache: { cachePlugin: plugin },
  });
}

/** Connecting Microsoft: the on-behalf-of flow turns the caller's Teams SSO token into delegated Graph access. */
export async function connectMicrosoft(
  settings: CredentialSettings,
  tenantId: string,
  ssoToken: string,
  twoWay: boolean,
): Promise<StoredCredentials> {
  const cache = { value: '' };
  const client = msalClient(settings, tenantId, cache);
  try {
    const result = await client.acquireTokenOnBehalfOf({
      oboAssertion: ssoToken,
      scopes: microsoftScopes(twoWay),
    });
    if (!result?.account) throw new Error('no account in the on-behalf-of answer');
    return { kind: 'msal', cache: cache.value, homeAccountId: result.account.homeAccountId, tenantId };
  } catch (error) {
    throw new CalendarProviderError('consent', 'Microsoft did not grant calendar access', null, error);
  }
}

/** Connecting Google: the code of the pop-up, exchanged with the PKCE verifier of the same flow. */
export async function connectGoogle(
  settings: CredentialSettings,
  code: string,
  codeVerifier: string,
  redirectUri: string,
): Promise<StoredCredentials> {
  const client = googleOAuthClient(settings, redirectUri);
  try {
    const { tokens } = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri });
    if (!tokens.refresh_token) throw new Error('no refresh token (offline access not granted)');
    return { kind: 'google', refreshToken: tokens.refresh_token };
  } catch (error) {
    throw new CalendarProviderError('consent', 'Google did not grant calendar access', null, error);
  }
}

/**
 * Access tokens for one user's provider. `onChange` receives credentials MSAL refreshed, so the next run
 * starts from the newest cache.
 */
export function accessTokenSource(
  settings: CredentialSettings,
  provider: CalendarProviderName,
  credentials: StoredCredentials,
  onChange: (next: StoredCredentials) => Promise<void>,
): () => Promise<string> {
  if (credentials.kind === 'dev') {
    if (settings.authMode !== 'dev') {
      throw new CalendarProviderError('consent', 'Development calendars exist only in development mode');
    }
    const token = devAccessToken(credentials.account);
    return async () => token;
  }
  if (credentials.kind === 'msal' && provider === 'microsoft') {
    const cache = { value: credentials.cache };
    const client = msalClient(settings, credentials.tenantId, cache);
    return async () => {
      const account = await client.getTokenCache().getAccountByHomeId(credentials.homeAccountId);
      if (!account)
        throw new CalendarProviderError('consent', 'The Microsoft account is no longer in the cache');
      try {
        const result = await client.acquireTokenSilent({ account, scopes: microsoftScopes(false) });
        if (cache.value !== credentials.cache) await onChange({ ...credentials, cache: cache.value });
        return result.accessToken;
      } catch (error) {
        throw new CalendarProviderError(
          'consent',
          'Microsoft calendar consent expired or was revoked',
          401,
          error,
        );
      }
    };
  }
  throw new CalendarProviderError('consent', `Stored credentials do not fit ${provider}`);
}
