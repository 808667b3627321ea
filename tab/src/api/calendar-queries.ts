// The calendar routes the tab uses: my connection, connect (with Google's consent pop-up), disconnect, the Bulk
// create candidates and import.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarCandidate, CalendarStatus, ConnectAnswer, ImportAnswer } from 'api/contract';
import { openGoogleConsent } from '../hosts/consent-popup.ts';
import type { Host } from '../hosts/host.ts';
import { queryKeys } from './query-keys.ts';
import { useServices } from './services.tsx';

export const calendarKeys = {
  status: ['calendar', 'status'] as const,
  recurring: ['calendar', 'recurring'] as const,
  all: ['calendar'] as const,
};

export type Provider = 'microsoft' | 'google';

export function useCalendarStatus() {
  const { api } = useServices();
  return useQuery({ queryKey: calendarKeys.status, queryFn: () => api.get<CalendarStatus>('/calendar') });
}

function useRefreshCalendar() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: calendarKeys.all }),
      client.invalidateQueries({ queryKey: queryKeys.me }),
    ]);
}

/** Connect: Microsoft answers at once; Google first asks for consent in a pop-up, whose end page returns here. */
export function useConnectCalendar() {
  const { api, host } = useServices();
  const refresh = useRefreshCalendar();
  return useMutation({
    mutationFn: async (provider: Provider) => {
      const path = `/calendar/connect/${provider}`;
      const first = await api.send<ConnectAnswer>('POST', path, {});
      if (first.status === 'connected') return first;
      const consent = await openGoogleConsent(host as Host, first.authorizeUrl);
      return api.send<ConnectAnswer>('POST', path, consent);
    },
    onSettled: refresh,
  });
}

export function useDisconnectCalendar() {
  const { api } = useServices();
  const refresh = useRefreshCalendar();
  return useMutation({ mutationFn: () => api.send('DELETE', '/calendar'), onSettled: refresh });
}

export function useRecurringCandidates(enabled: boolean) {
  const { api } = useServices();
  return useQuery({
    queryKey: calendarKeys.recurring,
    queryFn: () => api.get<CalendarCandidate[]>('/calendar/recurring'),
    enabled,
  });
}

export function useMeetingsWith(userId: string | null) {
  const { api } = useServices();
  return useQuery({
    queryKey: ['calendar', 'meetings', userId ?? ''],
    queryFn: () => api.get<CalendarCandidate[]>(`/calendar/meetings?with=${userId}`),
    enabled: userId !== null,
  });
}

export function useImportEvents() {
  const { api } = useServices();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (eventIds: string[]) => api.send<ImportAnswer>('POST', '/calendar/import', { eventIds }),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: calendarKeys.all }),
        client.invalidateQueries({ queryKey: queryKeys.allCards }),
      ]),
  });
}
