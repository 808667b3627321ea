// GET /meetings/:id: the workspace of one 1:1 as its caller sees it — never the other participant's private note.
import type { Item, Meeting } from '../domain/types.ts';
import type { Item as ItemView, Workspace } from '../schemas/workspace.ts';
import type { Store } from '../store/store.ts';
import { meetingView, peopleOf } from './build-cards.ts';

/** SPEC.md "Item": `assigneeId` and `due` belong to action items only. */
export function itemView(item: Item): ItemView {
  const view: ItemView = {
    id: item.id,
    kind: item.kind,
    text: item.text,
    url: item.url,
    authorId: item.authorId,
    completed: item.completed,
    movedTo: item.movedTo,
    movedFrom: item.movedFrom,
  };
  if (item.kind === 'action') {
    view.assigneeId = item.assigneeId;
    view.due = item.due;
  }
  return view;
}

/** An instance's archive state is its series' (instances are not archived on their own). */
async function isArchived(store: Store, meeting: Meeting, callerId: string): Promise<boolean> {
  if (meeting.seriesId === null) return meeting.archived;
  const series = await store.series.findVisible(meeting.tenantId, meeting.seriesId, callerId);
  return series?.archived ?? false;
}

export async function workspaceView(store: Store, meeting: Meeting, callerId: string): Promise<Workspace> {
  const { tenantId } = meeting;
  const [names, items, privateNote, archived] = await Promise.all([
    store.users.displayNames(tenantId, [...meeting.participantIds]),
    store.items.listForMeeting(tenantId, meeting.id),
    // SPEC.md "Private notes": only the caller's own, asked for by author.
    store.privateNotes.getMine(tenantId, meeting.id, callerId),
    isArchived(store, meeting, callerId),
  ]);
  return {
    ...meetingView(meeting),
    ownerId: meeting.ownerId,
    participants: peopleOf(meeting.participantIds, names),
    archived,
    topics: items.filter((item) => item.kind === 'topic').map(itemView),
    actionItems: items.filter((item) => item.kind === 'action').map(itemView),
    sharedNotes: { text: meeting.sharedNotes.text, version: meeting.sharedNotes.version },
    privateNote: privateNote ? { text: privateNote.text } : null,
  };
}
