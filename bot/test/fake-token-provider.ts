// The CloudAdapter's outgoing token for tests: a fixed bearer token instead of Entra's client-credentials call
// (the Bot Connector fake checks that it arrives on every request).
import type { AuthConfiguration, AuthProvider, CloudAdapter, Connections } from '@microsoft/agents-hosting';

export const OUTGOING_TOKEN = 'fake-bot-connector-token';

export function useFakeTokens(adapter: CloudAdapter, config: AuthConfiguration): void {
  const provider = {
    connectionSettings: config,
    getAccessToken: async () => OUTGOING_TOKEN,
    getAgenticApplicationToken: async () => OUTGOING_TOKEN,
    getAgenticInstanceToken: async () => OUTGOING_TOKEN,
    getAgenticUserToken: async () => OUTGOING_TOKEN,
    acquireTokenOnBehalfOf: async () => OUTGOING_TOKEN,
  } as unknown as AuthProvider;
  const connections: Connections = {
    getConnection: () => provider,
    getDefaultConnection: () => provider,
    getTokenProvider: () => provider,
    getTokenProviderFromActivity: () => provider,
    getDefaultConnectionConfiguration: () => config,
  };
  adapter.connectionManager = connections;
}
