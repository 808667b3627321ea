// PUT shared notes: compare-and-set on the version, three-way merge when someone saved meanwhile, a 409 with
// both texts on a real overlap — so no edit is ever lost silently (SPEC.md "Shared notes").

import { RuleError } from '../domain/rule-error.ts';
import { saveSharedNotes as decideNotesSave } from '../domain/shared-notes-merge.ts';
import type { Meeting } from '../domain/types.ts';
import type { Caller } from '../plugins/app/auth.ts';
import type { SharedNotesResult } from '../schemas/workspace.ts';
import type { WorkspaceDeps } from './item-commands.ts';
import { loadVisibleMeeting } from './load-one-on-one.ts';

/** Saves lost to a concurrent writer before the answer becomes a conflict with both texts. */
const MAX_ATTEMPTS = 5;

export type NotesEdit = { text: string; baseVersion: number };

/** The text the editor started from: the current one, a kept earlier version, or null (no longer kept). */
async function baseTextOf(
  deps: WorkspaceDeps,
  meeting: Meeting,
  baseVersion: number,
): Promise<string | null> {
  if (baseVersion === meeting.sharedNotes.version) return meeting.sharedNotes.text;
  if (baseVersion > meeting.sharedNotes.version) return null;
  return deps.store.meetings.sharedNotesAt(meeting.id, baseVersion);
}

function conflict(current: { text: string; version: number }, yours: string): RuleError {
  return new RuleError('NOTES_CONFLICT', { current, yours });
}

export async function saveSharedNotes(
  deps: WorkspaceDeps,
  caller: Caller,
  meetingId: string,
  edit: NotesEdit,
): Promise<SharedNotesResult> {
  let meeting = await loadVisibleMeeting(deps.store, caller.tenant.id, meetingId, caller.user.id);
  for (let attempt = 1; ; attempt += 1) {
    const current = meeting.sharedNotes;
    const decision = decideNotesSave({
      currentText: current.text,
      currentVersion: current.version,
      incomingText: edit.text,
      baseVersion: edit.baseVersion,
      baseText: await baseTextOf(deps, meeting, edit.baseVersion),
    });
    // `merged` tells the editor that the answer holds more than what they sent: take the returned text.
    const merged = edit.baseVersion !== current.version;
    if (decision.kind === 'unchanged') return { text: decision.text, version: decision.version, merged };
    if (decision.kind === 'conflict') throw conflict(decision.current, decision.incoming);
    const now = deps.clock.now();
    const saved = await deps.store.meetings.saveSharedNotes(
      caller.tenant.id,
      meeting.id,
      current.version,
      decision.text,
      now,
    );
    if (saved) {
      await deps.store.changes.record({
        tenantId: caller.tenant.id,
        meetingId: meeting.id,
        actorId: caller.user.id,
        type: 'notes.updated',
        payload: { sharedNotes: saved },
        at: now,
      });
      return { text: saved.text, version: saved.version, merged: decision.merged };
    }
    // Someone saved between our read and our write: merge against their text on the next round.
    meeting = await loadVisibleMeeting(deps.store, caller.tenant.id, meetingId, caller.user.id);
    if (attempt >= MAX_ATTEMPTS) throw conflict(meeting.sharedNotes, edit.text);
  }
}
