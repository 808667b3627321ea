import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../../test-support/fake-api.ts';
import { ids, makeItem, makeMe, makeSeries, makeWorkspace } from '../../test-support/fixtures.ts';
import { renderWithServices } from '../../test-support/render-with-services.tsx';
import { WorkspaceScreen } from './workspace-screen.tsx';

/** The fake server's copy of the workspace: handlers change it, refetches read it. */
function setup(workspace = makeWorkspace()) {
  const api = createFakeApi();
  const state = { workspace };
  api.on(`GET /meetings/${ids.meeting}`, () => ({ body: state.workspace }));
  api.on(`GET /series/${ids.series}`, { body: makeSeries() });
  const view = renderWithServices(<WorkspaceScreen meetingId={ids.meeting} me={makeMe()} />, { api });
  return { ...view, api, state };
}

const mine = makeItem({ id: 'f00000000000000000000001', text: 'My topic', authorId: ids.me });
const theirs = makeItem({ id: 'f00000000000000000000002', text: 'Their topic', authorId: ids.other });

describe('agenda topics and action items', () => {
  it('only the author can delete a topic', async () => {
    setup(makeWorkspace({ topics: [mine, theirs] }));
    const own = await screen.findByRole('button', { name: 'Delete topic My topic' });
    const other = screen.getByRole('button', { name: 'Delete topic Their topic' });
    expect(own.getAttribute('aria-disabled')).not.toBe('true');
    expect(other.getAttribute('aria-disabled')).toBe('true');
  });

  it('either participant may delete an action item', async () => {
    const { api, state } = setup(
      makeWorkspace({ actionItems: [makeItem({ ...theirs, kind: 'action', text: 'Send slides' })] }),
    );
    api.on('DELETE /action-items/:id', () => {
      state.workspace = { ...state.workspace, actionItems: [] };
      return { status: 204 };
    });
    const button = await screen.findByRole('button', { name: 'Delete action item Send slides' });
    expect(button.getAttribute('aria-disabled')).not.toBe('true');
    await userEvent.click(button);
    await waitFor(() => expect(api.callsTo('DELETE /action-items/:id')).toHaveLength(1));
    expect(screen.queryByText('Send slides')).toBeNull();
  });

  it('only its author can edit a topic', async () => {
    setup(makeWorkspace({ topics: [mine, theirs] }));
    expect(
      (await screen.findByRole('button', { name: 'Edit topic Their topic' })).getAttribute('aria-disabled'),
    ).toBe('true');
    expect(
      screen.getByRole('button', { name: 'Edit topic My topic' }).getAttribute('aria-disabled'),
    ).not.toBe('true');
  });

  it('a topic added by either participant shows at once and stays when the API accepts it', async () => {
    const { api, state } = setup();
    api.on('POST /meetings/:id/topics', (call) => {
      const item = makeItem({ text: (call.body as { text: string }).text });
      state.workspace = { ...state.workspace, topics: [item] };
      return { status: 201, body: item };
    });
    await userEvent.type(
      await screen.findByRole('textbox', { name: 'New topic' }),
      'Promotion timeline{Enter}',
    );
    expect(await screen.findByText('Promotion timeline')).toBeTruthy();
    expect(api.callsTo('POST /meetings/:id/topics')[0]?.body).toEqual({ text: 'Promotion timeline' });
  });

  it('an optimistic change is rolled back and the refusal is shown in place', async () => {
    const { api } = setup(makeWorkspace({ topics: [theirs] }));
    api.on('PATCH /topics/:id', {
      status: 422,
      body: { error: { code: 'ITEM_MOVED', message: 'This topic moved.' } },
    });
    const box = await screen.findByRole('checkbox', { name: 'Complete topic Their topic' });
    await userEvent.click(box);
    expect(await screen.findByText('This topic moved.')).toBeTruthy();
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(false));
  });

  it('either participant can complete and reopen a topic', async () => {
    const { api } = setup(makeWorkspace({ topics: [theirs] }));
    api.on('PATCH /topics/:id', (call) => ({ body: { ...theirs, ...(call.body as object) } }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Complete topic Their topic' }));
    await waitFor(() => expect(api.callsTo('PATCH /topics/:id')[0]?.body).toEqual({ completed: true }));
  });

  it('topics move up and down with buttons and with Alt+Arrow keys', async () => {
    const { api, state } = setup(makeWorkspace({ topics: [mine, theirs] }));
    api.on('POST /topics/:id/move', () => {
      state.workspace = { ...state.workspace, topics: [...state.workspace.topics].reverse() };
      return { body: { ok: true } };
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Move topic My topic down' }));
    const list = screen.getByRole('list', { name: 'Agenda' });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((li) => li.getAttribute('data-item-id')),
      ).toEqual([theirs.id, mine.id]),
    );
    expect(api.callsTo('POST /topics/:id/move')[0]).toMatchObject({
      path: `/topics/${mine.id}/move`,
      body: { direction: 'down' },
    });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Reorder topic Their topic' }), {
      key: 'ArrowDown',
      altKey: true,
    });
    await waitFor(() => expect(api.callsTo('POST /topics/:id/move')).toHaveLength(2));
  });

  it('a topic made of a single URL is rendered as a link', async () => {
    setup(
      makeWorkspace({
        topics: [makeItem({ text: 'https://example.test/doc', url: 'https://example.test/doc' })],
      }),
    );
    const link = await screen.findByRole('link', { name: 'https://example.test/doc' });
    expect(link.getAttribute('href')).toBe('https://example.test/doc');
  });

  it('a rolled-over item keeps a read-only "moved to <date>" trace in the past 1:1', async () => {
    setup(makeWorkspace({ topics: [makeItem({ text: 'Old topic', movedTo: ids.nextMeeting })] }));
    expect(await screen.findByText(/moved to .*2025/)).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /Old topic/ }).hasAttribute('disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Delete topic Old topic' })).toBeNull();
  });

  it('an action item can name an assignee and a due date', async () => {
    const { api, state } = setup();
    api.on('POST /meetings/:id/action-items', (call) => {
      const item = makeItem({ kind: 'action', ...(call.body as object) });
      state.workspace = { ...state.workspace, actionItems: [item] };
      return { status: 201, body: item };
    });
    await userEvent.type(await screen.findByRole('textbox', { name: 'New action item' }), 'Book training');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Assignee' }), ids.other);
    fireEvent.change(screen.getByLabelText('Due date'), { target: { value: '2025-03-20' } });
    await userEvent.click(
      within(screen.getByRole('form', { name: 'Add action item' })).getByRole('button', { name: 'Add' }),
    );
    await waitFor(() =>
      expect(api.callsTo('POST /meetings/:id/action-items')[0]?.body).toEqual({
        text: 'Book training',
        assigneeId: ids.other,
        due: '2025-03-20',
      }),
    );
    expect(await screen.findByText('Assigned to Grace Hopper')).toBeTruthy();
  });

  it("the author edits an action item's assignee and due date in place", async () => {
    const action = makeItem({ kind: 'action', text: 'Book training', authorId: ids.me });
    const { api } = setup(makeWorkspace({ actionItems: [action] }));
    api.on('PATCH /action-items/:id', (call) => ({ body: { ...action, ...(call.body as object) } }));
    await userEvent.click(await screen.findByRole('button', { name: 'Edit action item Book training' }));
    const form = screen.getByRole('form', { name: 'Edit action item' });
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Assignee' }), ids.other);
    fireEvent.change(within(form).getByLabelText('Due date'), { target: { value: '2025-04-01' } });
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.callsTo('PATCH /action-items/:id')[0]?.body).toEqual({
        assigneeId: ids.other,
        due: '2025-04-01',
      }),
    );
  });
});
