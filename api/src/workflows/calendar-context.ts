// What routes and jobs need to reach a user's calendar: the provider settings, the provider of a stored
// connection (credentials opened here, refreshed ones sealed back), and where providers send notifications.
import type { CalendarProviderName } from '../calendar/calendar-event.ts';
import type { CalendarProvider } from '../calendar/calendar-provider.ts';
import { openCredentials, type StoredCredentials, sealCredentials } from '../calendar/credentials.ts';
import { CalendarProviderError, defaultRetryPolicy, type RetryPolicy } from '../calendar/provider-errors.ts';
import { createProvider, type ProviderSettings } from '../calendar/providers.ts';
import type { AppConfig } from '../config.ts';
import type { CalendarConnection } from '../store/calendar-connections.ts';
import type { Store } from '../store/store.ts';

export interface CalendarContext {
  readonly settings: Omit<ProviderSettings, 'retry'>;
  /** How providers are retried (tests replace the waiting). */
  retry: RetryPolicy;
  /** Graph subscriptions and Google channels are opened (off where nothing can reach us). */
  subscriptionsEnabled: boolean;
  notificationUrl(provider: CalendarProviderName): string;
  seal(userId: string, credentials: StoredCredentials): string;
  providerFor(connection: CalendarConnection): CalendarProvider;
}

const PUBLIC_GRAPH = 'https://graph.microsoft.com/v1.0';
const PUBLIC_GOOGLE = 'https://www.googleapis.com';

/** Development mode talks to the fakes it serves itself unless a base URL was configured on purpose. */
export function calendarBaseUrls(config: AppConfig) {
  const local = `http://127.0.0.1:${config.port}`;
  const dev = config.authMode === 'dev';
  return {
    graphBaseUrl:
      dev && config.graphBaseUrl === PUBLIC_GRAPH
        ? `${local}/api/v1/dev/fake/graph/v1.0`
        : config.graphBaseUrl,
    googleBaseUrl: dev && config.googleBaseUrl === PUBLIC_GOOGLE ? local : config.googleBaseUrl,
  };
}

export function createCalendarContext(config: AppConfig, store: Store): CalendarContext {
  const settings = {
    key: config.tokenEncryptionKey,
    authMode: config.authMode,
    entra: config.entra,
    entraAuthorityUrl: config.entraAuthorityUrl,
    google: config.google,
    ...calendarBaseUrls(config),
  };
  const context: CalendarContext = {
    settings,
    retry: defaultRetryPolicy,
    subscriptionsEnabled: true,
    notificationUrl: (provider) => `${config.publicUrl}/api/calendar/notifications/${provider}`,
    seal: (userId, credentials) => sealCredentials(config.tokenEncryptionKey, userId, credentials),
    providerFor(connection) {
      if (!connection.credentials)
        throw new CalendarProviderError('consent', 'The calendar is not connected');
      let credentials: StoredCredentials;
      try {
        credentials = openCredentials(config.tokenEncryptionKey, connection.userId, connection.credentials);
      } catch (error) {
        // A changed TOKEN_ENCRYPTION_KEY makes stored tokens unreadable: the user connects again.
        throw new CalendarProviderError(
          'consent',
          'The stored calendar credentials cannot be read',
          null,
          error,
        );
      }
      return createProvider({ ...settings, retry: context.retry }, connection.provider, credentials, (next) =>
        store.calendarConnections.saveCredentials(connection.userId, context.seal(connection.userId, next)),
      );
    },
  };
  return context;
}
