// Connecting and disconnecting a calendar (SPEC.md "Calendar": per user, with the user's own consent; tokens
// stored encrypted; disconnect deletes them). Microsoft: on-behalf-of the caller's Teams SSO token. Google: the
// OAuth code flow with PKCE in a Teams authentication pop-up. Development mode: the demo calendar of the fakes.
import { randomBytes } from 'node:crypto';
import { CodeChallengeMethod } from 'google-auth-library';
import type { CalendarProviderName } from '../calendar/calendar-event.ts';
import {
  connectGoogle,
  connectMicrosoft,
  googleOAuthClient,
  type StoredCredentials,
} from '../calendar/credentials.ts';
import { decryptToken, encryptToken } from '../calendar/token-crypto.ts';
import { AppError, ErrorStatus } from '../errors/app-error.ts';
import type { ConnectAnswer, ConnectBody } from '../schemas/calendar.ts';
import type { User } from '../store/users.ts';
import { dropSubscription, ensureSubscription } from './calendar-subscriptions.ts';
import { type CalendarDeps, syncConnection } from './sync-calendar.ts';

const GOOGLE_SCOPES = {
  read: 'https://www.googleapis.com/auth/calendar.readonly',
  write: 'https://www.googleapis.com/auth/calendar.events',
};

export interface ConnectInput {
  readonly user: User;
  readonly provider: CalendarProviderName;
  readonly body: ConnectBody;
  /** The caller's Entra ID token (Bearer), exchanged on-behalf-of; null for the development sign-in. */
  readonly ssoToken: string | null;
  readonly publicUrl: string;
}

const verifierPurpose = (userId: string) => `google-pkce:${userId}`;

export async function connectCalendar(
  deps: CalendarDeps,
  input: ConnectInput,
  now: Date,
): Promise<ConnectAnswer> {
  const credentials = await credentialsFor(deps, input, now);
  if (!credentials) return startGoogleConsent(deps, input, now);
  const { user, provider, body } = input;
  const connection = await deps.store.calendarConnections.connect(
    user.id,
    {
      tenantId: user.tenantId,
      provider,
      account: user.email.toLowerCase(),
      credentials: deps.calendar.seal(user.id, credentials),
      twoWay: body.twoWay ?? false,
    },
    now,
  );
  // The first sync starts the cursor, so later changes arrive incrementally; its failure is recorded
  // on the connection (and shown), it does not undo the consent.
  const outcome = await syncConnection(deps, connection, now);
  if (outcome.ok) {
    const synced = (await deps.store.calendarConnections.findByUserId(user.id)) ?? connection;
    await ensureSubscription(deps, synced, now).catch((error: unknown) => {
      deps.log.warn(
        { err: error, userId: user.id },
        'calendar subscription not created; the sweep keeps syncing',
      );
    });
  }
  const state = outcome.ok ? 'connected' : outcome.reason === 'consent' ? 'needs-consent' : 'error';
  return { status: 'connected', connection: { provider, state } };
}

/** null: Google's consent pop-up must run first. */
async function credentialsFor(
  deps: CalendarDeps,
  input: ConnectInput,
  now: Date,
): Promise<StoredCredentials | null> {
  const { settings } = deps.calendar;
  const { user, provider, body } = input;
  if (provider === 'microsoft') {
    if (input.ssoToken && settings.entra) {
      return connectMicrosoft(settings, user.tenantId, input.ssoToken, body.twoWay ?? false);
    }
    if (settings.authMode === 'dev') return { kind: 'dev', account: user.email };
    throw new AppError(
      ErrorStatus.unprocessable,
      'CALENDAR_PROVIDER_UNAVAILABLE',
      'Microsoft sign-in is not configured.',
    );
  }
  if (!settings.google) {
    if (settings.authMode === 'dev') return { kind: 'dev', account: user.email };
    throw new AppError(
      ErrorStatus.unprocessable,
      'CALENDAR_PROVIDER_UNAVAILABLE',
      'Google sign-in is not configured.',
    );
  }
  if (!body.code) return null;
  if (!body.state) throw AppError.badRequest('The consent answer has no state.', 'CONSENT_STATE_INVALID');
  const pending = await deps.store.calendarConnections.takePendingAuth(user.tenantId, user.id, body.state);
  if (!pending || now.getTime() - pending.createdAt.getTime() > 15 * 60 * 1000) {
    throw AppError.badRequest(
      'This consent expired or was already used; connect again.',
      'CONSENT_STATE_INVALID',
    );
  }
  const verifier = decryptToken(settings.key, pending.verifier, verifierPurpose(user.id));
  return connectGoogle(settings, body.code, verifier, pending.redirectUri);
}

/** The pop-up goes to Google's consent page; its end page (under PUBLIC_URL) posts `{ code, state }` back. */
async function startGoogleConsent(
  deps: CalendarDeps,
  input: ConnectInput,
  now: Date,
): Promise<ConnectAnswer> {
  const { user, body, publicUrl } = input;
  const redirectUri = body.redirectUri ?? `${publicUrl}/auth/google-end`;
  // The code must come back to us only: a redirect elsewhere would hand it to someone else.
  if (!redirectUri.startsWith(`${publicUrl}/`)) {
    throw AppError.badRequest('The redirect page must be part of this app.', 'REDIRECT_URI_INVALID');
  }
  const client = googleOAuthClient(deps.calendar.settings, redirectUri);
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const state = randomBytes(16).toString('base64url');
  const authorizeUrl = client.generateAuthUrl({
    access_type: 'offline',
    prompt: 'consent',
    scope: [body.twoWay ? GOOGLE_SCOPES.write : GOOGLE_SCOPES.read],
    code_challenge_method: CodeChallengeMethod.S256,
    code_challenge: codeChallenge ?? '',
    state,
    login_hint: user.email,
    redirect_uri: redirectUri,
  });
  await deps.store.calendarConnections.savePendingAuth(
    user.tenantId,
    user.id,
    {
      state,
      verifier: encryptToken(deps.calendar.settings.key, codeVerifier, verifierPurpose(user.id)),
      redirectUri,
    },
    now,
  );
  return { status: 'consent-required', authorizeUrl, state };
}

/** Deletes the tokens and the subscription; connected series keep their link for a later reconnect. */
export async function disconnectCalendar(deps: CalendarDeps, user: User): Promise<void> {
  const connection = await deps.store.calendarConnections.get(user.tenantId, user.id);
  if (!connection) return;
  await dropSubscription(deps, connection);
  await deps.store.calendarConnections.remove(user.tenantId, user.id);
}
