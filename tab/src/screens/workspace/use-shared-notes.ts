// Shared-notes editing state: autosave with the base version, server-side merge, and real conflicts surfaced.
import type { SharedNotes, SharedNotesResult } from 'api/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useServices } from '../../api/services.tsx';

export type NotesStatus = 'saved' | 'unsaved' | 'saving' | 'merged' | 'conflict' | 'error';

export interface NotesConflict {
  current: SharedNotes;
  yours: string;
}

/** Autosave waits for a pause in typing; blur saves at once. */
export const autosaveDelayMs = 800;

function conflictOf(error: unknown, yours: string): NotesConflict | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current = error.details?.current as Partial<SharedNotes> | undefined;
  if (!current || typeof current.text !== 'string' || typeof current.version !== 'number') return null;
  const mine = typeof error.details?.yours === 'string' ? error.details.yours : yours;
  return { current: { text: current.text, version: current.version }, yours: mine };
}

export function useSharedNotes(meetingId: string, server: SharedNotes) {
  const { api } = useServices();
  const [text, setText] = useState(server.text);
  const [status, setStatus] = useState<NotesStatus>('saved');
  const [conflict, setConflict] = useState<NotesConflict | null>(null);
  const [error, setError] = useState<unknown>(null);
  const base = useRef(server.version);
  const latest = useRef(server.text);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // The other participant's saved edits arrive through refetches: take them unless we hold unsaved text.
  useEffect(() => {
    if (server.version <= base.current) return;
    if (status !== 'saved' && status !== 'merged') return;
    base.current = server.version;
    latest.current = server.text;
    setText(server.text);
  }, [server.version, server.text, status]);

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) return;
    const sent = latest.current;
    const sentBase = base.current;
    inFlight.current = true;
    setStatus('saving');
    try {
      const result = await api.send<SharedNotesResult>('PUT', `/meetings/${meetingId}/shared-notes`, {
        text: sent,
        baseVersion: sentBase,
      });
      inFlight.current = false;
      if (latest.current === sent) {
        base.current = result.version;
        latest.current = result.text;
        setText(result.text);
        setStatus(result.merged ? 'merged' : 'saved');
        return;
      }
      // Typed on while saving. Without a merge our newer text is an edit of what the server now has;
      // after a merge it is not, so keep the old base and let the server merge again.
      if (!result.merged) base.current = result.version;
      setStatus('unsaved');
      void save();
    } catch (caught) {
      inFlight.current = false;
      const found = conflictOf(caught, sent);
      if (found) {
        setConflict(found);
        setStatus('conflict');
        return;
      }
      setError(caught);
      setStatus('error');
    }
  }, [api, meetingId]);

  const edit = useCallback(
    (next: string) => {
      latest.current = next;
      setText(next);
      if (status === 'conflict') return;
      setStatus('unsaved');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), autosaveDelayMs);
    },
    [save, status],
  );

  const flush = useCallback(() => {
    if (status === 'unsaved' || status === 'error') void save();
  }, [save, status]);

  /** Resolve a conflict: keep my text over theirs, or take theirs and drop mine. */
  const resolve = useCallback(
    (choice: 'mine' | 'theirs') => {
      if (!conflict) return;
      base.current = conflict.current.version;
      setConflict(null);
      if (choice === 'theirs') {
        latest.current = conflict.current.text;
        setText(conflict.current.text);
        setStatus('saved');
        return;
      }
      latest.current = conflict.yours;
      setText(conflict.yours);
      void save();
    },
    [conflict, save],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return { text, status, conflict, error, edit, flush, resolve, save };
}
