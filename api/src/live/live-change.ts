// The shape of one live update on GET /meetings/:id/stream: what the other participant changed in the 1:1.
import { type Static, Type } from 'typebox';
import { Id, IsoDateTime } from '../schemas/common.ts';
import type { Change } from '../store/changes.ts';

/**
 * `item.created` / `item.updated` carry `{ item }`, `item.deleted` carries `{ id, kind }`, `notes.updated`
 * carries `{ sharedNotes: { text, version } }`, `meeting.updated` carries `{ meeting }`. Private notes have
 * no type: they never travel here.
 */
export const LiveChange = Type.Object({
  id: Type.String({ description: 'change id, also the SSE event id' }),
  type: Type.Union([
    Type.Literal('item.created'),
    Type.Literal('item.updated'),
    Type.Literal('item.deleted'),
    Type.Literal('notes.updated'),
    Type.Literal('meeting.updated'),
  ]),
  meetingId: Id,
  actorId: Id,
  at: IsoDateTime,
  payload: Type.Record(Type.String(), Type.Unknown()),
});
export type LiveChange = Static<typeof LiveChange>;

export function toLiveChange(change: Change): LiveChange {
  return {
    id: change.id,
    type: change.type,
    meetingId: change.meetingId,
    actorId: change.actorId,
    at: change.at.toISOString(),
    payload: change.payload,
  };
}
