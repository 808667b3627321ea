import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../../test-support/fake-api.ts';
import { makeMe } from '../../test-support/fixtures.ts';
import { renderWithServices } from '../../test-support/render-with-services.tsx';
import SettingsPage from './settings-page.tsx';

describe('My settings', () => {
  it('only the one-hour reminder can be turned off; the other notifications show as always on', async () => {
    const api = createFakeApi();
    api.on('PATCH /me/preferences', { body: { reminderBeforeMeeting: false, showPrivateNotes: true } });
    api.on('GET /me', { body: makeMe() });
    renderWithServices(<SettingsPage me={makeMe()} />, { api });
    const reminder = screen.getByRole('switch', { name: /reminder with the agenda one hour before/ });
    expect(
      screen.getByRole('switch', { name: /When someone creates a 1:1 with you/ }).hasAttribute('disabled'),
    ).toBe(true);
    expect(screen.getByRole('switch', { name: /Sunday summary/ }).hasAttribute('disabled')).toBe(true);
    await userEvent.click(reminder);
    await waitFor(() =>
      expect(api.callsTo('PATCH /me/preferences')[0]?.body).toEqual({ reminderBeforeMeeting: false }),
    );
  });
});
