// Changes to a 1:1 or series as a whole: create, rename/retime, archive/unarchive, delete, preferences, admin.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AdminSettings,
  AdminSettingsPatch,
  Card,
  CreateOneOnOne,
  Me,
  PreferencesPatch,
  RetimePatch,
} from 'api/contract';
import { queryKeys } from './query-keys.ts';
import { useServices } from './services.tsx';

/** A 1:1 as the menus address it: a series (by series id) or one meeting (by meeting id). */
export type Target = { kind: 'series' | 'meeting'; id: string };

const pathOf = (target: Target) => `/${target.kind === 'series' ? 'series' : 'meetings'}/${target.id}`;

function useInvalidateAll() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.allCards }),
      client.invalidateQueries({ queryKey: ['series'] }),
      client.invalidateQueries({ queryKey: ['meeting'] }),
    ]);
}

export function useCreateOneOnOne() {
  const { api } = useServices();
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (body: CreateOneOnOne) => api.send<Card>('POST', '/one-on-ones', body),
    onSuccess: invalidate,
  });
}

export function useRetime() {
  const { api } = useServices();
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ target, patch }: { target: Target; patch: RetimePatch }) =>
      api.send('PATCH', pathOf(target), patch),
    onSuccess: invalidate,
  });
}

export function useArchive() {
  const { api } = useServices();
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ target, archived }: { target: Target; archived: boolean }) =>
      api.send('POST', `${pathOf(target)}/${archived ? 'archive' : 'unarchive'}`),
    onSuccess: invalidate,
  });
}

export function useDelete() {
  const { api } = useServices();
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (target: Target) => api.send('DELETE', pathOf(target)),
    onSuccess: invalidate,
  });
}

export function usePreferences() {
  const { api } = useServices();
  const client = useQueryClient();
  return useMutation<unknown, Error, PreferencesPatch, { previous: Me | undefined }>({
    mutationFn: (patch) => api.send('PATCH', '/me/preferences', patch),
    onMutate: async (patch) => {
      await client.cancelQueries({ queryKey: queryKeys.me });
      const previous = client.getQueryData<Me>(queryKeys.me);
      if (previous)
        client.setQueryData<Me>(queryKeys.me, {
          ...previous,
          preferences: { ...previous.preferences, ...patch },
        });
      return { previous };
    },
    onError: (_error, _patch, snapshot) => {
      if (snapshot?.previous) client.setQueryData(queryKeys.me, snapshot.previous);
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.me }),
  });
}

export function useAdminSettingsUpdate() {
  const { api } = useServices();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: AdminSettingsPatch) => api.send<AdminSettings>('PATCH', '/admin/settings', patch),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.adminSettings }),
        client.invalidateQueries({ queryKey: queryKeys.me }),
      ]),
  });
}
