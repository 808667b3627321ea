import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../../test-support/fake-api.ts';
import { ids, makeMe, makeSeries, makeWorkspace } from '../../test-support/fixtures.ts';
import { renderWithServices } from '../../test-support/render-with-services.tsx';
import { WorkspaceScreen } from './workspace-screen.tsx';

function setup(options: { showPrivateNotes?: boolean; notes?: string } = {}) {
  const api = createFakeApi();
  api.on(`GET /meetings/${ids.meeting}`, {
    body: makeWorkspace({
      sharedNotes: { text: options.notes ?? 'Agenda\n', version: 3 },
      privateNote: { text: 'secret' },
    }),
  });
  api.on(`GET /series/${ids.series}`, { body: makeSeries() });
  api.on('GET /me', { body: makeMe() });
  const me = makeMe({
    preferences: { reminderBeforeMeeting: true, showPrivateNotes: options.showPrivateNotes ?? true },
  });
  const view = renderWithServices(<WorkspaceScreen meetingId={ids.meeting} me={me} />, { api });
  return { ...view, api };
}

async function typeNotes(text: string) {
  const box = await screen.findByRole('textbox', { name: 'Shared notes (Markdown)' });
  fireEvent.change(box, { target: { value: text } });
  fireEvent.blur(box);
  return box;
}

describe('shared notes', () => {
  it('saves with the version it was based on and shows the saved state', async () => {
    const { api } = setup();
    api.on('PUT /meetings/:id/shared-notes', (call) => ({
      body: { text: (call.body as { text: string }).text, version: 4, merged: false },
    }));
    await typeNotes('Agenda\n- pay review\n');
    await waitFor(() =>
      expect(api.callsTo('PUT /meetings/:id/shared-notes')[0]?.body).toEqual({
        text: 'Agenda\n- pay review\n',
        baseVersion: 3,
      }),
    );
    expect((await screen.findByTestId('shared-notes-status')).textContent).toBe('All changes saved');
  });

  it("merges non-overlapping edits: the other participant's text appears and the merge is said", async () => {
    const { api } = setup();
    api.on('PUT /meetings/:id/shared-notes', {
      body: { text: 'Their line\nAgenda\nMy line\n', version: 5, merged: true },
    });
    const box = await typeNotes('Agenda\nMy line\n');
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe('Their line\nAgenda\nMy line\n'));
    expect(screen.getByTestId('shared-notes-status').textContent).toMatch(/merged/);
  });

  it('a real conflict loses nothing: both texts are shown and "Keep mine" saves mine on top of theirs', async () => {
    const { api } = setup();
    let puts = 0;
    api.on('PUT /meetings/:id/shared-notes', (call) => {
      puts++;
      if (puts === 1) {
        return {
          status: 409,
          body: {
            error: {
              code: 'NOTES_CONFLICT',
              message: 'Conflicting edits',
              details: { current: { text: 'Their rewrite', version: 7 }, yours: 'My rewrite' },
            },
          },
        };
      }
      return { body: { text: (call.body as { text: string }).text, version: 8, merged: false } };
    });
    await typeNotes('My rewrite');
    expect(await screen.findByText('Their rewrite')).toBeTruthy();
    expect(screen.getAllByText('My rewrite').length).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(() =>
      expect(api.callsTo('PUT /meetings/:id/shared-notes')[1]?.body).toEqual({
        text: 'My rewrite',
        baseVersion: 7,
      }),
    );
  });

  it('Markdown preview renders formatting and strips scripts', async () => {
    setup({ notes: '**bold** <img src=x onerror="alert(1)">' });
    await userEvent.click(await screen.findByRole('tab', { name: 'Preview' }));
    const preview = await screen.findByLabelText('Shared notes preview');
    expect(preview.querySelector('strong')?.textContent).toBe('bold');
    expect(preview.innerHTML).not.toMatch(/onerror/);
  });
});

describe('private notes', () => {
  it('my private note saves to my own note only', async () => {
    const { api } = setup();
    api.on('PUT /meetings/:id/private-note', { body: { text: 'secret!' } });
    const box = await screen.findByRole('textbox', { name: 'Private notes' });
    expect((box as HTMLTextAreaElement).value).toBe('secret');
    fireEvent.change(box, { target: { value: 'secret!' } });
    fireEvent.blur(box);
    await waitFor(() =>
      expect(api.callsTo('PUT /meetings/:id/private-note')[0]?.body).toEqual({ text: 'secret!' }),
    );
  });

  it('the show/hide toggle hides private notes and the choice is remembered per user', async () => {
    const { api } = setup();
    api.on('PATCH /me/preferences', { body: { reminderBeforeMeeting: true, showPrivateNotes: false } });
    await userEvent.click(await screen.findByRole('switch', { name: 'Show my private notes' }));
    await waitFor(() =>
      expect(api.callsTo('PATCH /me/preferences')[0]?.body).toEqual({ showPrivateNotes: false }),
    );
  });

  it('hidden private notes are not on screen', async () => {
    setup({ showPrivateNotes: false });
    await screen.findByRole('switch', { name: 'Show my private notes' });
    expect(screen.queryByRole('textbox', { name: 'Private notes' })).toBeNull();
    expect(screen.queryByText('secret')).toBeNull();
  });
});
