// The privacy rule as functions: a 1:1 is seen only by its two participants, a private note only by its author.
import type { Id, ParticipantIds, PrivateNote } from './types.ts';

/** Who is asking: nothing ever crosses tenants. */
export type Viewer = { id: Id; tenantId: Id };

/** A series, a meeting, or anything in one, seen through the pair it belongs to. */
export type PairOwned = { tenantId: Id; participantIds: ParticipantIds };

/** Managers, admins and everybody else see nothing of a 1:1: no content, no title, no existence. */
export function canSee(viewer: Viewer, record: PairOwned): boolean {
  return record.tenantId === viewer.tenantId && record.participantIds.includes(viewer.id);
}

/** The records of a list that the viewer may see at all. */
export function visibleTo<T extends PairOwned>(viewer: Viewer, records: readonly T[]): T[] {
  return records.filter((record) => canSee(viewer, record));
}

/** A private note is its author's alone: not even the other participant of the 1:1 sees it. */
export function canSeePrivateNote(viewer: Viewer, note: Pick<PrivateNote, 'tenantId' | 'authorId'>): boolean {
  return note.tenantId === viewer.tenantId && note.authorId === viewer.id;
}

/** The viewer's own private note among a meeting's notes, or null: the only one an answer may carry. */
export function ownPrivateNote<T extends Pick<PrivateNote, 'tenantId' | 'authorId'>>(
  viewer: Viewer,
  notes: readonly T[],
): T | null {
  return notes.find((note) => canSeePrivateNote(viewer, note)) ?? null;
}
