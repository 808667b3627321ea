// Live updates (SSE): any change event from the other participant refreshes the cached workspace.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '../../api/query-keys.ts';
import { useServices } from '../../api/services.tsx';

export type StreamState = 'connecting' | 'live' | 'offline';

/** Reconnects are EventSource's own; a fresh token is fetched when it gives up (expired token). */
export function useMeetingStream(meetingId: string, onState?: (state: StreamState) => void): void {
  const { api } = useServices();
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let closed = false;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      void client.invalidateQueries({ queryKey: queryKeys.workspace(meetingId) });
      void client.invalidateQueries({ queryKey: ['series'] });
    };
    const open = async () => {
      const url = await api.streamUrl(`/meetings/${meetingId}/stream`);
      if (closed) return;
      onState?.('connecting');
      source = new EventSource(url);
      source.onopen = () => onState?.('live');
      // Named events and plain messages alike: the refetch brings the authoritative state.
      source.onmessage = refresh;
      for (const name of [
        'change',
        'item',
        'items',
        'notes',
        'meeting',
        'topic',
        'action-item',
        'shared-notes',
      ]) {
        source.addEventListener(name, refresh);
      }
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED) return;
        onState?.('offline');
        retry = setTimeout(() => void open(), 5_000);
      };
    };
    void open().catch(() => onState?.('offline'));
    return () => {
      closed = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [api, client, meetingId, onState]);
}
