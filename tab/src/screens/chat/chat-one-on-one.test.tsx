import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeApi } from '../../test-support/fake-api.ts';
import { ids, makeCard, makeMe, makeMeeting } from '../../test-support/fixtures.ts';
import { renderWithServices } from '../../test-support/render-with-services.tsx';
import { ChatOneOnOne } from './chat-one-on-one.tsx';

const CHAT = '19:8b081ef6-4792-4def-b2c9-c363a1bf41d5_5e8b0d2c-41ad-4a8f-9d0e-3f3f1b6d8a11@unq.gbl.spaces';
const grace = { id: ids.other, displayName: 'Grace Hopper', email: 'grace@example.test' };

function setup(answer: { status?: number; body: unknown }) {
  const api = createFakeApi();
  api.on('GET /one-on-ones/by-chat', answer);
  const onLeave = vi.fn();
  renderWithServices(<ChatOneOnOne chatId={CHAT} me={makeMe()} onLeave={onLeave} />, { api });
  return { api, onLeave };
}

describe('the Teams tab of a one-on-one chat', () => {
  it("asks the API about this chat and opens the pair's series at its next 1:1", async () => {
    const next = makeMeeting({ id: 'e00000000000000000000042' });
    const { api } = setup({ body: { other: grace, card: makeCard({ nextMeeting: next }) } });
    await waitFor(() => expect(window.location.search).toBe(`?meeting=${next.id}`));
    expect(api.calls[0]?.path).toBe(`/one-on-ones/by-chat?chatId=${encodeURIComponent(CHAT)}`);
  });

  it('a series without a next 1:1 opens at its last one', async () => {
    const last = makeMeeting({ id: 'e00000000000000000000007' });
    setup({ body: { other: grace, card: makeCard({ nextMeeting: null, lastMeeting: last }) } });
    await waitFor(() => expect(window.location.search).toBe(`?meeting=${last.id}`));
  });

  it('no 1:1 yet: says so and opens "Create new 1:1" with the other person already picked', async () => {
    const { api } = setup({ body: { other: grace, card: null } });
    expect(await screen.findByText(/No 1:1 with Grace Hopper yet/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Create new 1:1' }));
    const who = (await screen.findByRole('combobox', { name: /Who/ })) as HTMLInputElement;
    expect(who.value).toBe('Grace Hopper');
    api.on('POST /one-on-ones', { status: 201, body: makeCard() });
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(api.callsTo('POST /one-on-ones')).toHaveLength(1));
    expect(api.callsTo('POST /one-on-ones')[0]?.body).toMatchObject({
      participantId: ids.other,
      title: 'Ada Lovelace / Grace Hopper',
    });
  });

  it('the other person has not used the app yet: the tab says so', async () => {
    const { onLeave } = setup({ body: { other: null, card: null } });
    expect(await screen.findByText(/has not opened 1:1s yet/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'See all my 1:1s' }));
    expect(onLeave).toHaveBeenCalled();
  });

  it('a group chat has no 1:1 of its own: the list is shown instead', async () => {
    const { onLeave } = setup({
      status: 422,
      body: { error: { code: 'NOT_A_ONE_ON_ONE_CHAT', message: 'This chat is not a one-on-one chat.' } },
    });
    await waitFor(() => expect(onLeave).toHaveBeenCalled());
    expect(window.location.search).toBe('');
  });
});
