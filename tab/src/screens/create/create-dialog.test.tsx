import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../../test-support/fake-api.ts';
import { ids, makeCard, makeMe } from '../../test-support/fixtures.ts';
import { renderWithServices } from '../../test-support/render-with-services.tsx';
import { CreateDialog } from './create-dialog.tsx';

function setup() {
  const api = createFakeApi();
  api.on('GET /users', {
    body: [{ id: ids.other, displayName: 'Grace Hopper', email: 'grace@example.test' }],
  });
  renderWithServices(<CreateDialog me={makeMe()} onClose={() => {}} />, { api });
  return api;
}

async function fill() {
  await userEvent.type(screen.getByRole('combobox', { name: /Who/ }), 'Gra');
  await userEvent.click(await screen.findByRole('option', { name: /Grace Hopper/ }));
  fireEvent.change(screen.getByLabelText(/^Start/), { target: { value: '2025-03-31T10:00' } });
  fireEvent.change(screen.getByLabelText(/^End \(/), { target: { value: '2025-03-31T10:30' } });
}

describe('Create new 1:1 from scratch', () => {
  it('creates a series with the picked person, times in my zone as UTC, repeat and an end date', async () => {
    const api = setup();
    api.on('POST /one-on-ones', { status: 201, body: makeCard() });
    await fill();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Repeat' }), 'biweekly');
    fireEvent.change(screen.getByLabelText(/Ends on/), { target: { value: '2025-06-30' } });
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(api.callsTo('POST /one-on-ones')[0]?.body).toEqual({
        participantId: ids.other,
        title: 'Ada Lovelace / Grace Hopper',
        // Paris is UTC+2 after the 30 March 2025 change to summer time.
        start: '2025-03-31T08:00:00.000Z',
        end: '2025-03-31T08:30:00.000Z',
        repeat: 'biweekly',
        until: '2025-06-30',
      }),
    );
    expect(window.location.search).toBe(`?meeting=${ids.meeting}`);
  });

  it('a single 1:1 is created with Repeat "Does not repeat"', async () => {
    const api = setup();
    api.on('POST /one-on-ones', {
      status: 201,
      body: makeCard({ kind: 'single', id: ids.meeting, recurrence: null }),
    });
    await fill();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Repeat' }), 'none');
    expect(screen.queryByLabelText(/Ends on/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(api.callsTo('POST /one-on-ones')[0]?.body).toMatchObject({ repeat: 'none' }));
  });

  it('one series per pair: the refusal is shown with a link to the existing series', async () => {
    const api = setup();
    api.on('POST /one-on-ones', {
      status: 409,
      body: {
        error: {
          code: 'SERIES_EXISTS_FOR_PAIR',
          message: 'You already have a 1:1 series with Grace Hopper.',
          details: { seriesId: ids.series },
        },
      },
    });
    await fill();
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('You already have a 1:1 series with Grace Hopper.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Open the existing 1:1' }));
    expect(window.location.search).toBe(`?series=${ids.series}`);
  });

  it('refuses an end before the start without calling the API', async () => {
    const api = setup();
    await fill();
    fireEvent.change(screen.getByLabelText(/^End \(/), { target: { value: '2025-03-31T09:00' } });
    expect(screen.getByText('The end must be after the start.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(api.callsTo('POST /one-on-ones')).toHaveLength(0);
  });
});
