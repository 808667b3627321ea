// The `series` collection: recurring 1:1s, with the one-active-series-per-pair rule enforced by a unique index.
import { type Db, MongoServerError } from 'mongodb';
import type { Connection, ParticipantIds, Recurrence, Series } from '../domain/types.ts';
import { idOf, ObjectId, toObjectId } from './object-id.ts';

export interface SeriesDoc {
  _id: ObjectId;
  tenantId: string;
  ownerId: ObjectId;
  participantIds: [ObjectId, ObjectId];
  pairKey: string;
  title: string;
  recurrence: { frequency: Recurrence['frequency']; interval: Recurrence['interval']; until: Date | null };
  start: Date;
  end: Date;
  timeZone: string;
  connection: Connection;
  archived: boolean;
  createdAt: Date;
}

export function toSeries(doc: SeriesDoc): Series {
  return {
    id: idOf(doc),
    tenantId: doc.tenantId,
    ownerId: doc.ownerId.toHexString(),
    participantIds: [doc.participantIds[0].toHexString(), doc.participantIds[1].toHexString()],
    pairKey: doc.pairKey,
    title: doc.title,
    recurrence: doc.recurrence as Recurrence,
    start: doc.start,
    end: doc.end,
    timeZone: doc.timeZone,
    connection: doc.connection,
    archived: doc.archived,
  };
}

export function participantOids(ids: ParticipantIds): [ObjectId, ObjectId] {
  return [new ObjectId(ids[0]), new ObjectId(ids[1])];
}

export type NewSeries = Omit<Series, 'id'>;
export type InsertSeriesResult =
  | { ok: true; series: Series }
  | { ok: false; existingSeriesId: string | null };

export function createSeriesStore(db: Db) {
  const series = db.collection<SeriesDoc>('series');
  /** Scopes a lookup to the tenant and to the two participants: nobody else may learn a series exists. */
  const visible = (tenantId: string, id: string, userId: string) => {
    const _id = toObjectId(id);
    const user = toObjectId(userId);
    return _id && user ? { _id, tenantId, participantIds: user } : null;
  };

  return {
    async ensureIndexes(): Promise<void> {
      // SPEC.md "One series per pair": at most one active (not archived) series per tenant and pair.
      await series.createIndex(
        { tenantId: 1, pairKey: 1 },
        { unique: true, partialFilterExpression: { archived: false }, name: 'one_active_series_per_pair' },
      );
      await series.createIndex({ tenantId: 1, participantIds: 1 });
    },

    async insert(input: NewSeries, now: Date): Promise<InsertSeriesResult> {
      const doc: SeriesDoc = {
        _id: new ObjectId(),
        tenantId: input.tenantId,
        ownerId: new ObjectId(input.ownerId),
        participantIds: participantOids(input.participantIds),
        pairKey: input.pairKey,
        title: input.title,
        recurrence: input.recurrence,
        start: input.start,
        end: input.end,
        timeZone: input.timeZone,
        connection: input.connection,
        archived: input.archived,
        createdAt: now,
      };
      try {
        await series.insertOne(doc);
        return { ok: true, series: toSeries(doc) };
      } catch (error) {
        if (!(error instanceof MongoServerError) || error.code !== 11000) throw error;
        const existing = await series.findOne({
          tenantId: input.tenantId,
          pairKey: input.pairKey,
          archived: false,
        });
        return { ok: false, existingSeriesId: existing ? idOf(existing) : null };
      }
    },

    async findActiveByPair(tenantId: string, pairKey: string): Promise<Series | null> {
      const doc = await series.findOne({ tenantId, pairKey, archived: false });
      return doc ? toSeries(doc) : null;
    },

    async findVisible(tenantId: string, id: string, userId: string): Promise<Series | null> {
      const filter = visible(tenantId, id, userId);
      const doc = filter ? await series.findOne(filter) : null;
      return doc ? toSeries(doc) : null;
    },

    async listForUser(tenantId: string, userId: string): Promise<Series[]> {
      const user = toObjectId(userId);
      if (!user) return [];
      const docs = await series.find({ tenantId, participantIds: user }).toArray();
      return docs.map(toSeries);
    },

    async update(
      tenantId: string,
      id: string,
      patch: Partial<Pick<Series, 'title' | 'start' | 'end' | 'archived' | 'connection'>>,
    ): Promise<Series | null> {
      const _id = toObjectId(id);
      if (!_id) return null;
      const doc = await series.findOneAndUpdate(
        { _id, tenantId },
        { $set: patch },
        { returnDocument: 'after' },
      );
      return doc ? toSeries(doc) : null;
    },

    /** Unarchiving can collide with a newer active series of the same pair (the unique index says so). */
    async unarchive(
      tenantId: string,
      id: string,
    ): Promise<{ ok: true } | { ok: false; existingSeriesId: string | null }> {
      const _id = toObjectId(id);
      if (!_id) return { ok: true };
      try {
        await series.updateOne({ _id, tenantId }, { $set: { archived: false } });
        return { ok: true };
      } catch (error) {
        if (!(error instanceof MongoServerError) || error.code !== 11000) throw error;
        const current = await series.findOne({ _id, tenantId });
        const existing = current
          ? await series.findOne({ tenantId, pairKey: current.pairKey, archived: false })
          : null;
        return { ok: false, existingSeriesId: existing ? idOf(existing) : null };
      }
    },

    async remove(tenantId: string, id: string): Promise<void> {
      const _id = toObjectId(id);
      if (_id) await series.deleteOne({ _id, tenantId });
    },

    /** Jobs only: series by id across tenants (the ids come from the database, never from a caller). */
    async findManyByIds(ids: readonly string[]): Promise<Series[]> {
      if (ids.length === 0) return [];
      const docs = await series.find({ _id: { $in: ids.map((id) => new ObjectId(id)) } }).toArray();
      return docs.map(toSeries);
    },

    /** Active series whose instances the daily top-up job extends. */
    async listActive(): Promise<Series[]> {
      const docs = await series.find({ archived: false }).toArray();
      return docs.map(toSeries);
    },
  };
}

export type SeriesStore = ReturnType<typeof createSeriesStore>;
