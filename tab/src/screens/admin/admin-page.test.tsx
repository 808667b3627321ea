import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../../test-support/fake-api.ts';
import { makeMe } from '../../test-support/fixtures.ts';
import { renderWithServices } from '../../test-support/render-with-services.tsx';
import AdminPage from './admin-page.tsx';

describe('Admin', () => {
  it('an admin renames the module and sees the aggregate report (counts only)', async () => {
    const api = createFakeApi();
    api.on('GET /admin/settings', { body: { enabled: true, moduleName: '1:1s' } });
    api.on('GET /admin/report', {
      body: {
        weeks: [{ weekStart: '2025-02-24', meetingsHeld: 4 }],
        users: 8,
        usersWithOneOnOneLast30Days: 6,
        shareWithOneOnOneLast30Days: 0.75,
      },
    });
    api.on('PATCH /admin/settings', { body: { enabled: true, moduleName: 'Check-ins' } });
    renderWithServices(<AdminPage me={makeMe({ isAdmin: true })} />, { api });
    const name = await screen.findByRole('textbox', { name: /Module name/ });
    fireEvent.change(name, { target: { value: 'Check-ins' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() =>
      expect(api.callsTo('PATCH /admin/settings')[0]?.body).toEqual({ moduleName: 'Check-ins' }),
    );
    expect(await screen.findByText('75%')).toBeTruthy();
  });

  it('a non-admin is told the page is for admins', () => {
    renderWithServices(<AdminPage me={makeMe()} />);
    expect(screen.getByText('Only admins of your organization can open this page.')).toBeTruthy();
  });
});
