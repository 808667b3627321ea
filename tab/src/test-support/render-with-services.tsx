// Renders a screen inside the real providers, with a test host and the fake API behind the real client.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createApiClient } from '../api/client.ts';
import type { Host } from '../hosts/host.ts';
import { createQueryClient, Root } from '../root.tsx';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { ids, testNow } from './fixtures.ts';

export function testHost(userId: string = ids.me): Host {
  return {
    kind: 'browser',
    context: { chatId: null, meetingId: null, subEntityId: null, itemId: null, locale: 'en-GB' },
    credentials: async () => ({ authorization: `Dev ${userId}`, streamToken: `Dev ${userId}` }),
    theme: () => 'light',
    onThemeChange: () => () => {},
  };
}

export function renderWithServices(ui: ReactElement, options: { api?: FakeApi; host?: Host } = {}) {
  const api = options.api ?? createFakeApi();
  const host = options.host ?? testHost();
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } });
  const view = render(
    <Root
      services={{ host, api: createApiClient(host, api.fetch), now: () => testNow }}
      queryClient={queryClient}
    >
      {ui}
    </Root>,
  );
  return { ...view, api, queryClient };
}
