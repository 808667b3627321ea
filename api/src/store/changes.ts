// The `changes` collection: what one participant changed in a meeting, read by every API process to feed the
// live stream of the other participant. It travels through the database, so several processes work.
import type { Db } from 'mongodb';
import { ObjectId } from './object-id.ts';

/** What a live update carries. Private notes are never a change: they have no type here. */
export type ChangeType =
  | 'item.created'
  | 'item.updated'
  | 'item.deleted'
  | 'notes.updated'
  | 'meeting.updated';

export interface Change {
  id: string;
  meetingId: string;
  actorId: string;
  type: ChangeType;
  payload: Record<string, unknown>;
  at: Date;
}

interface ChangeDoc {
  _id: ObjectId;
  tenantId: string;
  meetingId: ObjectId;
  actorId: ObjectId;
  type: ChangeType;
  payload: Record<string, unknown>;
  at: Date;
}

/** Changes older than this are pruned; a stream that reconnects later reloads the workspace instead. */
/** The actor of changes made by the server itself (roll-over): no participant, so both streams show them. */
export const SYSTEM_ACTOR_ID = '000000000000000000000000';

export const CHANGE_RETENTION_MS = 10 * 60 * 1000;

export function createChangesStore(db: Db) {
  const changes = db.collection<ChangeDoc>('changes');

  return {
    async ensureIndexes(): Promise<void> {
      await changes.createIndex({ meetingId: 1, at: 1 });
      await changes.createIndex({ at: 1 }, { expireAfterSeconds: CHANGE_RETENTION_MS / 1000 });
    },

    async record(change: Omit<Change, 'id'> & { tenantId: string }): Promise<void> {
      await changes.insertOne({
        _id: new ObjectId(),
        tenantId: change.tenantId,
        meetingId: new ObjectId(change.meetingId),
        actorId: new ObjectId(change.actorId),
        type: change.type,
        payload: change.payload,
        at: change.at,
      });
    },

    /** Several changes in one write (jobs: a roll-over touches many meetings at once). */
    async recordMany(list: readonly (Omit<Change, 'id'> & { tenantId: string })[]): Promise<void> {
      if (list.length === 0) return;
      await changes.insertMany(
        list.map((change) => ({
          _id: new ObjectId(),
          tenantId: change.tenantId,
          meetingId: new ObjectId(change.meetingId),
          actorId: new ObjectId(change.actorId),
          type: change.type,
          payload: change.payload,
          at: change.at,
        })),
        { ordered: false },
      );
    },

    /** Changes of the given meetings recorded at or after `since` (callers de-duplicate by id). */
    async since(meetingIds: readonly string[], since: Date): Promise<Change[]> {
      if (meetingIds.length === 0) return [];
      const docs = await changes
        .find({ meetingId: { $in: meetingIds.map((id) => new ObjectId(id)) }, at: { $gte: since } })
        .sort({ at: 1, _id: 1 })
        .toArray();
      return docs.map((doc) => ({
        id: doc._id.toHexString(),
        meetingId: doc.meetingId.toHexString(),
        actorId: doc.actorId.toHexString(),
        type: doc.type,
        payload: doc.payload,
        at: doc.at,
      }));
    },

    async prune(before: Date): Promise<void> {
      await changes.deleteMany({ at: { $lt: before } });
    },
  };
}

export type ChangesStore = ReturnType<typeof createChangesStore>;
