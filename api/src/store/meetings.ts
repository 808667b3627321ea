// The `meetings` collection: every 1:1 instance (single or of a series) with its shared notes and roll-over state.
import type { Db, Filter } from 'mongodb';
import type { Meeting, MeetingStatus, ParticipantIds } from '../domain/types.ts';
import { idOf, ObjectId, toObjectId } from './object-id.ts';
import { participantOids } from './series.ts';

export interface MeetingDoc {
  _id: ObjectId;
  tenantId: string;
  seriesId: ObjectId | null;
  ownerId: ObjectId;
  participantIds: [ObjectId, ObjectId];
  title: string;
  start: Date;
  end: Date;
  occurrenceStart: Date | null;
  status: MeetingStatus;
  deleted: boolean;
  archived: boolean;
  rolledOverAt: Date | null;
  sharedNotes: { text: string; version: number };
  createdAt: Date;
  /** The owner's calendar event this 1:1 is (written by store/calendar-links.ts). */
  calendarEventId?: string | null;
  /** The roll-over sweep that is moving this meeting's items (until `until`; a crashed one expires). */
  rollOverClaim?: { owner: string; until: Date } | null;
}

export function toMeeting(doc: MeetingDoc): Meeting {
  return {
    id: idOf(doc),
    tenantId: doc.tenantId,
    seriesId: doc.seriesId ? doc.seriesId.toHexString() : null,
    ownerId: doc.ownerId.toHexString(),
    participantIds: [
      doc.participantIds[0].toHexString(),
      doc.participantIds[1].toHexString(),
    ] as ParticipantIds,
    title: doc.title,
    start: doc.start,
    end: doc.end,
    occurrenceStart: doc.occurrenceStart,
    status: doc.status,
    deleted: doc.deleted,
    archived: doc.archived,
    rolledOverAt: doc.rolledOverAt,
    sharedNotes: doc.sharedNotes,
    ...(doc.calendarEventId ? { calendarEventId: doc.calendarEventId } : {}),
  };
}

export type NewMeeting = Omit<Meeting, 'id'>;
export type MeetingPatch = Partial<
  Pick<Meeting, 'title' | 'start' | 'end' | 'status' | 'deleted' | 'archived'>
>;

/** How many past versions of shared notes are kept as merge bases for concurrent edits. */
const KEPT_NOTE_VERSIONS = 50;

interface NoteVersionDoc {
  _id: ObjectId;
  meetingId: ObjectId;
  version: number;
  text: string;
  at: Date;
}

export function createMeetingsStore(db: Db) {
  const meetings = db.collection<MeetingDoc>('meetings');
  const versions = db.collection<NoteVersionDoc>('sharedNoteVersions');

  const toDoc = (input: NewMeeting, now: Date): MeetingDoc => ({
    _id: new ObjectId(),
    tenantId: input.tenantId,
    seriesId: input.seriesId ? new ObjectId(input.seriesId) : null,
    ownerId: new ObjectId(input.ownerId),
    participantIds: participantOids(input.participantIds),
    title: input.title,
    start: input.start,
    end: input.end,
    occurrenceStart: input.occurrenceStart,
    status: input.status,
    deleted: input.deleted,
    archived: input.archived,
    rolledOverAt: input.rolledOverAt,
    sharedNotes: input.sharedNotes,
    createdAt: now,
  });

  return {
    async ensureIndexes(): Promise<void> {
      await meetings.createIndex({ tenantId: 1, participantIds: 1, start: 1 });
      // One person's 1:1s in a time range (the Sunday summary, "my 1:1s"), and every 1:1 starting soon (reminders).
      await meetings.createIndex({ participantIds: 1, start: 1 });
      await meetings.createIndex({ start: 1 });
      await meetings.createIndex({ seriesId: 1, start: 1 });
      // A series slot exists once, also when two processes top it up at the same time.
      await meetings.createIndex(
        { seriesId: 1, occurrenceStart: 1 },
        {
          unique: true,
          partialFilterExpression: { seriesId: { $type: 'objectId' } },
          name: 'one_instance_per_slot',
        },
      );
      await meetings.createIndex({ rolledOverAt: 1, end: 1 });
      // A roll-over run finds the meetings it claimed by its owner id (unique per run).
      await meetings.createIndex({ 'rollOverClaim.owner': 1 });
      await versions.createIndex({ meetingId: 1, version: 1 }, { unique: true });
    },

    async insertMany(inputs: readonly NewMeeting[], now: Date): Promise<Meeting[]> {
      if (inputs.length === 0) return [];
      const docs = inputs.map((input) => toDoc(input, now));
      // Unordered: a slot another process created meanwhile is skipped, the rest still go in.
      try {
        await meetings.insertMany(docs, { ordered: false });
        return docs.map(toMeeting);
      } catch (error) {
        const inserted = new Set(
          Object.values((error as { insertedIds?: Record<number, ObjectId> }).insertedIds ?? {}).map(String),
        );
        if (!(error instanceof Error) || !('writeErrors' in error)) throw error;
        return docs.filter((doc) => inserted.has(String(doc._id))).map(toMeeting);
      }
    },

    /** A meeting seen by one of its participants; deleted instances are gone for everybody. */
    async findVisible(tenantId: string, id: string, userId: string): Promise<Meeting | null> {
      const _id = toObjectId(id);
      const user = toObjectId(userId);
      if (!_id || !user) return null;
      const doc = await meetings.findOne({ _id, tenantId, participantIds: user, deleted: false });
      return doc ? toMeeting(doc) : null;
    },

    async findById(tenantId: string, id: string): Promise<Meeting | null> {
      const _id = toObjectId(id);
      const doc = _id ? await meetings.findOne({ _id, tenantId }) : null;
      return doc ? toMeeting(doc) : null;
    },

    /** All instances of a series in start order; deleted ones only when the caller needs the slots. */
    async listBySeries(tenantId: string, seriesId: string, options: { includeDeleted?: boolean } = {}) {
      const sid = toObjectId(seriesId);
      if (!sid) return [];
      const filter: Filter<MeetingDoc> = { tenantId, seriesId: sid };
      if (!options.includeDeleted) filter.deleted = false;
      const docs = await meetings.find(filter).sort({ start: 1 }).toArray();
      return docs.map(toMeeting);
    },

    async listBySeriesIds(tenantId: string, seriesIds: readonly string[]): Promise<Meeting[]> {
      const ids = seriesIds.map((id) => new ObjectId(id));
      if (ids.length === 0) return [];
      const docs = await meetings
        .find({ tenantId, seriesId: { $in: ids }, deleted: false })
        .sort({ start: 1 })
        .toArray();
      return docs.map(toMeeting);
    },

    async listSinglesForUser(tenantId: string, userId: string): Promise<Meeting[]> {
      const user = toObjectId(userId);
      if (!user) return [];
      const docs = await meetings
        .find({ tenantId, participantIds: user, seriesId: null, deleted: false })
        .sort({ start: 1 })
        .toArray();
      return docs.map(toMeeting);
    },

    async update(tenantId: string, id: string, patch: MeetingPatch): Promise<Meeting | null> {
      const _id = toObjectId(id);
      if (!_id) return null;
      const doc = await meetings.findOneAndUpdate(
        { _id, tenantId },
        { $set: patch },
        { returnDocument: 'after' },
      );
      return doc ? toMeeting(doc) : null;
    },

    async updateMany(tenantId: string, ids: readonly string[], patch: MeetingPatch): Promise<void> {
      if (ids.length === 0) return;
      await meetings.updateMany(
        { tenantId, _id: { $in: ids.map((id) => new ObjectId(id)) } },
        { $set: patch },
      );
    },

    async removeBySeries(tenantId: string, seriesId: string): Promise<string[]> {
      const sid = new ObjectId(seriesId);
      const ids = await meetings.find({ tenantId, seriesId: sid }, { projection: { _id: 1 } }).toArray();
      await meetings.deleteMany({ tenantId, seriesId: sid });
      return ids.map(idOf);
    },

    async remove(tenantId: string, id: string): Promise<void> {
      await meetings.deleteOne({ tenantId, _id: new ObjectId(id) });
    },

    /**
     * Gives instances of one series new times and slots (a series retime). Two passes, because a new
     * slot may be the old slot of another instance of the same batch and (seriesId, occurrenceStart) is
     * unique: first every instance moves to a placeholder slot before 1970, then to its new slot.
     */
    async moveInstances(
      tenantId: string,
      seriesId: string,
      moves: readonly { id: string; start: Date; end: Date; occurrenceStart: Date }[],
    ): Promise<void> {
      if (moves.length === 0) return;
      const sid = new ObjectId(seriesId);
      await meetings.bulkWrite(
        moves.map((move, index) => ({
          updateOne: {
            filter: { _id: new ObjectId(move.id), tenantId, seriesId: sid },
            update: { $set: { occurrenceStart: new Date(-1 - index) } },
          },
        })),
      );
      await meetings.bulkWrite(
        moves.map((move) => ({
          updateOne: {
            filter: { _id: new ObjectId(move.id), tenantId, seriesId: sid },
            update: { $set: { start: move.start, end: move.end, occurrenceStart: move.occurrenceStart } },
          },
        })),
      );
    },

    /** The kept versions of the shared notes of deleted meetings (they are content too). */
    async removeNoteVersions(meetingIds: readonly string[]): Promise<void> {
      if (meetingIds.length === 0) return;
      await versions.deleteMany({ meetingId: { $in: meetingIds.map((id) => new ObjectId(id)) } });
    },

    /** Start times of the 1:1s held (not cancelled or deleted) in a tenant between two instants: counts only. */
    async heldStartsBetween(tenantId: string, from: Date, to: Date): Promise<Date[]> {
      const docs = await meetings
        .find(
          { tenantId, deleted: false, status: 'scheduled', end: { $gte: from, $lt: to } },
          { projection: { _id: 0, start: 1 } },
        )
        .toArray();
      return docs.map((doc) => doc.start);
    },

    /** How many distinct people of a tenant had a 1:1 that ended between two instants. */
    async countParticipantsBetween(tenantId: string, from: Date, to: Date): Promise<number> {
      const [result] = await meetings
        .aggregate<{ people: number }>([
          { $match: { tenantId, deleted: false, status: 'scheduled', end: { $gte: from, $lt: to } } },
          { $unwind: '$participantIds' },
          { $group: { _id: '$participantIds' } },
          { $count: 'people' },
        ])
        .toArray();
      return result?.people ?? 0;
    },

    /** Jobs only: series instances ended before `endedBefore` whose open items have not rolled over yet. */
    async listDueForRollOver(
      endedBefore: Date,
      now: Date,
      limit: number,
      after: { end: Date; id: string } | null = null,
    ): Promise<Meeting[]> {
      const filter: Filter<MeetingDoc> = {
        seriesId: { $ne: null },
        deleted: false,
        rolledOverAt: null,
        end: { $lte: endedBefore },
        $or: [{ rollOverClaim: null }, { 'rollOverClaim.until': { $lt: now } }],
      };
      // Pages by (end, _id), so a run moves on past meetings it had to leave (no following 1:1 yet).
      if (after) {
        const id = new ObjectId(after.id);
        filter.$and = [{ $or: [{ end: { $gt: after.end } }, { end: after.end, _id: { $gt: id } }] }];
      }
      const docs = await meetings.find(filter).sort({ end: 1, _id: 1 }).limit(limit).toArray();
      return docs.map(toMeeting);
    },

    /**
     * Jobs only: claims meetings for one roll-over run, atomically per meeting; answers the ids this owner
     * holds. A claim expires at `until`, so a run that crashed is finished by a later one.
     */
    async claimForRollOver(ids: readonly string[], owner: string, now: Date, until: Date): Promise<string[]> {
      if (ids.length === 0) return [];
      // One update per meeting (each found by _id), so each claim is atomic on its own.
      await meetings.bulkWrite(
        ids.map((id) => ({
          updateOne: {
            filter: {
              _id: new ObjectId(id),
              rolledOverAt: null,
              // `null` also matches a meeting that was never claimed (no field).
              $or: [{ rollOverClaim: null }, { 'rollOverClaim.until': { $lt: now } }],
            },
            update: { $set: { rollOverClaim: { owner, until } } },
          },
        })),
        { ordered: false },
      );
      const held = await meetings
        .find({ 'rollOverClaim.owner': owner }, { projection: { _id: 1, rolledOverAt: 1 } })
        .toArray();
      return held.filter((doc) => doc.rolledOverAt === null).map(idOf);
    },

    /** Jobs only: the roll-over of these meetings is done (only where it was not already). */
    async markRolledOver(ids: readonly string[], owner: string, now: Date): Promise<void> {
      if (ids.length === 0) return;
      await meetings.bulkWrite(
        ids.map((id) => ({
          updateOne: {
            filter: { _id: new ObjectId(id), rolledOverAt: null, 'rollOverClaim.owner': owner },
            update: { $set: { rolledOverAt: now, rollOverClaim: null } },
          },
        })),
        { ordered: false },
      );
    },

    /** Jobs only: gives up claims without rolling over (no following 1:1 yet; tried again next run). */
    async releaseRollOverClaims(ids: readonly string[], owner: string): Promise<void> {
      if (ids.length === 0) return;
      await meetings.updateMany(
        { _id: { $in: ids.map((id) => new ObjectId(id)) }, 'rollOverClaim.owner': owner },
        { $set: { rollOverClaim: null } },
      );
    },

    /** Jobs only: every instance of these series, deleted and cancelled ones included, in start order. */
    async listInstancesOfSeries(seriesIds: readonly string[]): Promise<Meeting[]> {
      if (seriesIds.length === 0) return [];
      const docs = await meetings
        .find({ seriesId: { $in: seriesIds.map((id) => new ObjectId(id)) } })
        .sort({ start: 1 })
        .toArray();
      return docs.map(toMeeting);
    },

    /** Jobs only: the 1:1s held (scheduled, not deleted) that start in [from, to), across tenants. */
    async listHeldStartingBetween(from: Date, to: Date): Promise<Meeting[]> {
      const docs = await meetings
        .find({ deleted: false, status: 'scheduled', start: { $gte: from, $lt: to } })
        .sort({ start: 1 })
        .toArray();
      return docs.map(toMeeting);
    },

    /** A user's held 1:1s starting in [from, to), in start order (the Sunday summary's week). */
    async listHeldForUserBetween(tenantId: string, userId: string, from: Date, to: Date): Promise<Meeting[]> {
      const user = toObjectId(userId);
      if (!user) return [];
      const docs = await meetings
        .find({
          tenantId,
          participantIds: user,
          deleted: false,
          status: 'scheduled',
          start: { $gte: from, $lt: to },
        })
        .sort({ start: 1 })
        .toArray();
      return docs.map(toMeeting);
    },

    /** A user's held 1:1s that have not ended, soonest first (the bot's "my 1:1s"). */
    async listUpcomingForUser(
      tenantId: string,
      userId: string,
      now: Date,
      limit: number,
    ): Promise<Meeting[]> {
      const user = toObjectId(userId);
      if (!user) return [];
      const docs = await meetings
        .find({ tenantId, participantIds: user, deleted: false, status: 'scheduled', end: { $gt: now } })
        .sort({ start: 1 })
        .limit(limit)
        .toArray();
      return docs.map(toMeeting);
    },

    /** Jobs only: meetings by id across tenants (the ids come from the database, never from a caller). */
    async findManyByIds(ids: readonly string[]): Promise<Meeting[]> {
      if (ids.length === 0) return [];
      const docs = await meetings.find({ _id: { $in: ids.map((id) => new ObjectId(id)) } }).toArray();
      return docs.map(toMeeting);
    },

    /**
     * Compare-and-set of the shared notes: succeeds only if nobody saved since `expectedVersion`, so two
     * saves never overwrite each other; the caller merges and retries on false.
     */
    async saveSharedNotes(tenantId: string, id: string, expectedVersion: number, text: string, now: Date) {
      const _id = new ObjectId(id);
      const version = expectedVersion + 1;
      const result = await meetings.updateOne(
        { _id, tenantId, 'sharedNotes.version': expectedVersion },
        { $set: { sharedNotes: { text, version } } },
      );
      if (result.modifiedCount === 0) return null;
      await versions.updateOne(
        { meetingId: _id, version },
        { $setOnInsert: { _id: new ObjectId(), text, at: now } },
        { upsert: true },
      );
      // Until the window is full there is nothing to drop: spare the round trip.
      if (version > KEPT_NOTE_VERSIONS) {
        await versions.deleteMany({ meetingId: _id, version: { $lte: version - KEPT_NOTE_VERSIONS } });
      }
      return { text, version };
    },

    /** The text of an earlier version of the shared notes (the base of a concurrent edit). */
    async sharedNotesAt(id: string, version: number): Promise<string | null> {
      if (version === 0) return '';
      const doc = await versions.findOne({ meetingId: new ObjectId(id), version });
      return doc ? doc.text : null;
    },
  };
}

export type MeetingsStore = ReturnType<typeof createMeetingsStore>;
