import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../../test-support/fake-api.ts';
import { ids, makeCard, makeMe, makeMeeting } from '../../test-support/fixtures.ts';
import { renderWithServices } from '../../test-support/render-with-services.tsx';
import { MyOneOnOnes } from './my-one-on-ones.tsx';

function setup(cards: Record<string, unknown[]>, me = makeMe()) {
  const api = createFakeApi();
  api.on('GET /one-on-ones', (call) => ({
    body: cards[new URLSearchParams(call.path.split('?')[1]).get('view') ?? ''] ?? [],
  }));
  renderWithServices(<MyOneOnOnes me={me} />, { api });
  return api;
}

describe('My 1:1s', () => {
  it('shows one card per series with the other person, title, recurrence and next date', async () => {
    setup({ upcoming: [makeCard()] });
    const card = await screen.findByRole('group', { name: 'Ada / Grace with Grace Hopper' });
    expect(within(card).getByText('Weekly')).toBeTruthy();
    expect(within(card).getByText(/Next: .*2025/)).toBeTruthy();
  });

  it('tells a new user what to do when there is nothing yet', async () => {
    setup({});
    expect(await screen.findByText('No upcoming 1:1s yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create your first 1:1' })).toBeTruthy();
  });

  it('a disconnected series shows an alert, a connected one a calendar icon', async () => {
    setup({
      upcoming: [
        makeCard({ title: 'Linked', connection: 'connected' }),
        makeCard({ id: 'c00000000000000000000002', title: 'Split', connection: 'disconnected' }),
      ],
    });
    expect(await screen.findByLabelText('Connected to your calendar')).toBeTruthy();
    expect(screen.getByLabelText(/No longer linked to the calendar series/)).toBeTruthy();
  });

  it('an occurrence deleted in the calendar is shown cancelled, struck through', async () => {
    setup({ upcoming: [makeCard({ nextMeeting: makeMeeting({ status: 'cancelled' }) })] });
    expect(await screen.findByText(/\(cancelled\)/)).toBeTruthy();
  });

  it('the Past and Archived tabs list their own cards', async () => {
    const api = setup({
      archived: [
        makeCard({ title: 'Old one', archived: true, nextMeeting: null, lastMeeting: makeMeeting() }),
      ],
    });
    await userEvent.click(await screen.findByRole('tab', { name: 'Archived' }));
    expect(await screen.findByText(/Old one/)).toBeTruthy();
    expect(api.calls.map((call) => call.path)).toContain('/one-on-ones?view=archived');
  });

  it('the module name set by the admin names the list and the bulk-create button', async () => {
    setup({}, makeMe({ tenant: { id: 't1', moduleName: 'Check-ins', enabled: true } }));
    expect(await screen.findByRole('heading', { name: 'My Check-ins' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Bulk create Check-ins' })).toBeTruthy();
  });

  it('opening a card goes to the workspace of its next meeting', async () => {
    setup({ upcoming: [makeCard()] });
    await userEvent.click(await screen.findByRole('group', { name: 'Ada / Grace with Grace Hopper' }));
    expect(window.location.search).toBe(`?meeting=${ids.meeting}`);
  });
});
