// Topic and action-item changes with optimistic cache updates, rolled back when the API refuses.
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActionCreate, ActionPatch, Item, MoveBody, Workspace } from 'api/contract';
import { applyMove } from './item-order.ts';
import { queryKeys } from './query-keys.ts';
import { useServices } from './services.tsx';

export type ItemKind = Item['kind'];

const listOf = (kind: ItemKind): 'topics' | 'actionItems' => (kind === 'topic' ? 'topics' : 'actionItems');
const routeOf = (kind: ItemKind) => (kind === 'topic' ? 'topics' : 'action-items');

type Snapshot = { previous: Workspace | undefined };

let pendingIds = 0;

function optimistic(
  client: QueryClient,
  meetingId: string,
  kind: ItemKind,
  change: (items: Item[]) => Item[],
): Promise<Snapshot> {
  const key = queryKeys.workspace(meetingId);
  return client.cancelQueries({ queryKey: key }).then(() => {
    const previous = client.getQueryData<Workspace>(key);
    if (previous)
      client.setQueryData<Workspace>(key, { ...previous, [listOf(kind)]: change(previous[listOf(kind)]) });
    return { previous };
  });
}

function useItemMutation<Vars>(
  meetingId: string,
  kind: ItemKind,
  request: (vars: Vars) => Promise<unknown>,
  change: (items: Item[], vars: Vars) => Item[],
) {
  const client = useQueryClient();
  const key = queryKeys.workspace(meetingId);
  return useMutation<unknown, Error, Vars, Snapshot>({
    mutationFn: request,
    onMutate: (vars) => optimistic(client, meetingId, kind, (items) => change(items, vars)),
    onError: (_error, _vars, snapshot) => {
      if (snapshot?.previous) client.setQueryData(key, snapshot.previous);
    },
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}

export interface ItemPatch {
  id: string;
  patch: ActionPatch;
}

export function useItemMutations(meetingId: string, kind: ItemKind, myId: string) {
  const { api } = useServices();
  const route = routeOf(kind);
  const add = useItemMutation<ActionCreate>(
    meetingId,
    kind,
    (body) =>
      api.send('POST', `/meetings/${meetingId}/${route}`, kind === 'topic' ? { text: body.text } : body),
    (items, body) => [
      ...items,
      {
        id: `pending-${++pendingIds}`,
        kind,
        text: body.text,
        url: null,
        authorId: myId,
        completed: false,
        movedTo: null,
        movedFrom: null,
        assigneeId: body.assigneeId ?? null,
        due: body.due ?? null,
      },
    ],
  );
  const patch = useItemMutation<ItemPatch>(
    meetingId,
    kind,
    ({ id, patch }) => api.send('PATCH', `/${route}/${id}`, patch),
    (items, { id, patch }) => items.map((item) => (item.id === id ? { ...item, ...patch } : item)),
  );
  const move = useItemMutation<{ id: string; move: MoveBody }>(
    meetingId,
    kind,
    ({ id, move }) => api.send('POST', `/${route}/${id}/move`, move),
    (items, { id, move }) => applyMove(items, id, move),
  );
  const remove = useItemMutation<{ id: string }>(
    meetingId,
    kind,
    ({ id }) => api.send('DELETE', `/${route}/${id}`),
    (items, { id }) => items.filter((item) => item.id !== id),
  );
  return { add, patch, move, remove };
}
