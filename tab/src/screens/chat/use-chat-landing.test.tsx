import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../hosts/host.ts';
import { App } from '../../shell/app.tsx';
import { createFakeApi } from '../../test-support/fake-api.ts';
import { ids, makeMe } from '../../test-support/fixtures.ts';
import { renderWithServices, testHost } from '../../test-support/render-with-services.tsx';

const CHAT = '19:8b081ef6-4792-4def-b2c9-c363a1bf41d5_5e8b0d2c-41ad-4a8f-9d0e-3f3f1b6d8a11@unq.gbl.spaces';
const grace = { id: ids.other, displayName: 'Grace Hopper', email: 'grace@example.test' };

function teamsChatHost(chatId: string | null): Host {
  const host = testHost();
  return { ...host, kind: 'teams', context: { ...host.context, chatId } };
}

function setup(host: Host) {
  const api = createFakeApi();
  api.on('GET /me', { body: makeMe() });
  api.on('GET /one-on-ones', { body: [] });
  api.on('GET /one-on-ones/by-chat', { body: { other: grace, card: null } });
  renderWithServices(<App />, { api, host });
  return api;
}

describe("where the tab lands: a one-on-one chat's 1:1, else the list", () => {
  it('in a Teams chat the first screen is the chat\'s 1:1; "See all my 1:1s" shows the list', async () => {
    const api = setup(teamsChatHost(CHAT));
    expect(await screen.findByText(/No 1:1 with Grace Hopper yet/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'See all my 1:1s' }));
    await waitFor(() => expect(api.callsTo('GET /one-on-ones')).not.toHaveLength(0));
    expect(screen.queryByText(/No 1:1 with Grace Hopper yet/)).toBeNull();
  });

  it('a deep link wins over the chat', async () => {
    window.history.replaceState(null, '', '/?page=settings');
    const api = setup(teamsChatHost(CHAT));
    await screen.findByText('Notifications');
    expect(api.callsTo('GET /one-on-ones/by-chat')).toHaveLength(0);
  });

  it('the personal app (no chat) lands on the list', async () => {
    const api = setup(teamsChatHost(null));
    await waitFor(() => expect(api.callsTo('GET /one-on-ones')).not.toHaveLength(0));
    expect(api.callsTo('GET /one-on-ones/by-chat')).toHaveLength(0);
  });
});
