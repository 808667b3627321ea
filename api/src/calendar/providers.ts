// Builds the CalendarProvider of one user's connection from configuration: the only place that knows which
// adapter serves which provider name.
import { OAuth2Client } from 'google-auth-library';
import type { CalendarProviderName } from './calendar-event.ts';
import type { CalendarProvider } from './calendar-provider.ts';
import {
  accessTokenSource,
  type CredentialSettings,
  devAccessToken,
  googleOAuthClient,
  type StoredCredentials,
} from './credentials.ts';
import { GoogleCalendar } from './google.ts';
import { GraphCalendar } from './graph.ts';
import { CalendarProviderError, type RetryPolicy } from './provider-errors.ts';

export interface ProviderSettings extends CredentialSettings {
  readonly graphBaseUrl: string;
  /** Tests replace the waiting between retries. */
  readonly retry?: RetryPolicy;
}

export function createProvider(
  settings: ProviderSettings,
  provider: CalendarProviderName,
  credentials: StoredCredentials,
  onCredentialsChange: (next: StoredCredentials) => Promise<void> = async () => {},
): CalendarProvider {
  const retry = settings.retry ? { retry: settings.retry } : {};
  if (provider === 'microsoft') {
    return new GraphCalendar({
      baseUrl: settings.graphBaseUrl,
      accessToken: accessTokenSource(settings, provider, credentials, onCredentialsChange),
      ...retry,
    });
  }
  return new GoogleCalendar({
    baseUrl: settings.googleBaseUrl,
    auth: googleAuth(settings, credentials),
    ...retry,
  });
}

function googleAuth(settings: ProviderSettings, credentials: StoredCredentials): OAuth2Client {
  if (credentials.kind === 'google') {
    const client = googleOAuthClient(settings);
    client.setCredentials({ refresh_token: credentials.refreshToken });
    return client;
  }
  if (credentials.kind === 'dev' && settings.authMode === 'dev') {
    const client = new OAuth2Client();
    client.setCredentials({ access_token: devAccessToken(credentials.account) });
    return client;
  }
  throw new CalendarProviderError('consent', 'Stored credentials do not fit google');
}
