// The `privateNotes` collection: one note per author per meeting; every read is keyed by its author.
import type { Db } from 'mongodb';
import { ObjectId, toObjectId } from './object-id.ts';

interface PrivateNoteDoc {
  _id: ObjectId;
  tenantId: string;
  meetingId: ObjectId;
  authorId: ObjectId;
  text: string;
  updatedAt: Date;
}

export function createPrivateNotesStore(db: Db) {
  const notes = db.collection<PrivateNoteDoc>('privateNotes');

  return {
    async ensureIndexes(): Promise<void> {
      await notes.createIndex({ meetingId: 1, authorId: 1 }, { unique: true });
    },

    /** SPEC.md "Private notes": there is no way to ask for a note without naming its author. */
    async getMine(tenantId: string, meetingId: string, authorId: string): Promise<{ text: string } | null> {
      const mid = toObjectId(meetingId);
      const aid = toObjectId(authorId);
      if (!mid || !aid) return null;
      const doc = await notes.findOne({ tenantId, meetingId: mid, authorId: aid });
      return doc ? { text: doc.text } : null;
    },

    async saveMine(tenantId: string, meetingId: string, authorId: string, text: string, now: Date) {
      await notes.updateOne(
        { tenantId, meetingId: new ObjectId(meetingId), authorId: new ObjectId(authorId) },
        { $set: { text, updatedAt: now }, $setOnInsert: { _id: new ObjectId() } },
        { upsert: true },
      );
      return { text };
    },

    async removeForMeetings(tenantId: string, meetingIds: readonly string[]): Promise<void> {
      if (meetingIds.length === 0) return;
      await notes.deleteMany({ tenantId, meetingId: { $in: meetingIds.map((id) => new ObjectId(id)) } });
    },
  };
}

export type PrivateNotesStore = ReturnType<typeof createPrivateNotesStore>;
