// The read side: one hook per GET route the screens use.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type {
  AdminReport,
  AdminSettings,
  Card,
  DevInboxEntry,
  DevUser,
  ListView,
  Me,
  SeriesDetail,
  UserSummary,
  Workspace,
} from 'api/contract';
import type { ApiClient } from './client.ts';
import { queryKeys } from './query-keys.ts';
import { useServices } from './services.tsx';

export function useMe() {
  const { api } = useServices();
  return useQuery({ queryKey: queryKeys.me, queryFn: () => api.get<Me>('/me') });
}

export function useCards(view: ListView) {
  const { api } = useServices();
  return useQuery({
    queryKey: queryKeys.cards(view),
    queryFn: () => api.get<Card[]>(`/one-on-ones?view=${view}`),
  });
}

export function useSeries(seriesId: string | null) {
  const { api } = useServices();
  return useQuery({
    queryKey: queryKeys.series(seriesId ?? ''),
    queryFn: () => api.get<SeriesDetail>(`/series/${seriesId}`),
    enabled: seriesId !== null,
  });
}

/** Shared by the screen and the start-up prefetch, which asks for it while /me is still loading. */
export function workspaceQuery(api: ApiClient, meetingId: string) {
  return queryOptions({
    queryKey: queryKeys.workspace(meetingId),
    queryFn: () => api.get<Workspace>(`/meetings/${meetingId}`),
  });
}

export function useWorkspace(meetingId: string) {
  const { api } = useServices();
  return useQuery(workspaceQuery(api, meetingId));
}

export function useUsers(query: string) {
  const { api } = useServices();
  return useQuery({
    queryKey: queryKeys.users(query),
    queryFn: () => api.get<UserSummary[]>(`/users?query=${encodeURIComponent(query)}`),
    placeholderData: (previous) => previous,
  });
}

export function useAdminSettings() {
  const { api } = useServices();
  return useQuery({
    queryKey: queryKeys.adminSettings,
    queryFn: () => api.get<AdminSettings>('/admin/settings'),
  });
}

export function useAdminReport() {
  const { api } = useServices();
  return useQuery({ queryKey: queryKeys.adminReport, queryFn: () => api.get<AdminReport>('/admin/report') });
}

/** Development mode only: the demo users, fetched without credentials (the sign-in screen needs them). */
export function useDevUsers() {
  return useQuery({
    queryKey: queryKeys.devUsers,
    queryFn: async () => {
      const response = await fetch('/api/v1/dev/users');
      if (!response.ok) throw new Error(`Demo users are not available (HTTP ${response.status}).`);
      return (await response.json()) as DevUser[];
    },
  });
}

export function useDevInbox(userId: string, enabled: boolean) {
  const { api } = useServices();
  return useQuery({
    queryKey: queryKeys.devInbox(userId),
    queryFn: () => api.get<DevInboxEntry[]>(`/dev/inbox?userId=${userId}`),
    enabled,
  });
}
