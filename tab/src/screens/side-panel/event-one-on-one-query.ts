// The side panel's question to the API: which 1:1 is this calendar item? A 404 carries what can be imported.
import { useQuery } from '@tanstack/react-query';
import type { CalendarCandidate, EventOneOnOne } from 'api/contract';
import { ApiError } from '../../api/api-error.ts';
import type { ApiClient } from '../../api/client.ts';
import { useServices } from '../../api/services.tsx';
import type { Appointment } from '../../hosts/office-api.ts';

export type EventAnswer =
  | { linked: true; oneOnOne: EventOneOnOne }
  | { linked: false; candidate: CalendarCandidate | null };

export const eventQueryKey = (eventId: string) => ['calendar-event', eventId] as const;

export async function fetchEventAnswer(api: ApiClient, appointment: Appointment & { restId: string }) {
  const query = new URLSearchParams();
  if (appointment.seriesMasterRestId) query.set('seriesMasterId', appointment.seriesMasterRestId);
  const suffix = query.size > 0 ? `?${query}` : '';
  try {
    const oneOnOne = await api.get<EventOneOnOne>(
      `/calendar/events/${encodeURIComponent(appointment.restId)}/one-on-one${suffix}`,
    );
    return { linked: true, oneOnOne } satisfies EventAnswer;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    const candidate = (error.details?.candidate ?? null) as CalendarCandidate | null;
    return { linked: false, candidate } satisfies EventAnswer;
  }
}

export function useEventAnswer(appointment: Appointment & { restId: string }) {
  const { api } = useServices();
  return useQuery({
    queryKey: eventQueryKey(appointment.restId),
    queryFn: (): Promise<EventAnswer> => fetchEventAnswer(api, appointment),
  });
}
