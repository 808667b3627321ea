// The `items` collection: agenda topics and action items, ordered by fractional keys within meeting and kind.
import type { Db } from 'mongodb';
import type { Item, ItemKind, ParticipantIds } from '../domain/types.ts';
import { idOf, ObjectId, toObjectId } from './object-id.ts';
import { participantOids } from './series.ts';

export interface ItemDoc {
  _id: ObjectId;
  tenantId: string;
  meetingId: ObjectId;
  /** Copied from the meeting (participants never change) so an item is scoped without a join. */
  participantIds: [ObjectId, ObjectId];
  kind: ItemKind;
  text: string;
  url: string | null;
  authorId: ObjectId;
  orderKey: string;
  completed: boolean;
  completedAt: Date | null;
  movedTo: ObjectId | null;
  movedFrom: ObjectId | null;
  movedFromItemId: ObjectId | null;
  assigneeId: ObjectId | null;
  due: string | null;
  createdAt: Date;
}

/** What the driver reports for each refused document of an unordered insert. */
type WriteError = { code?: number; index?: number };

const hex = (id: ObjectId | null) => (id ? id.toHexString() : null);
const oid = (id: string | null) => (id ? new ObjectId(id) : null);

export function toItem(doc: ItemDoc): Item {
  return {
    id: idOf(doc),
    tenantId: doc.tenantId,
    meetingId: doc.meetingId.toHexString(),
    kind: doc.kind,
    text: doc.text,
    url: doc.url,
    authorId: doc.authorId.toHexString(),
    orderKey: doc.orderKey,
    completed: doc.completed,
    completedAt: doc.completedAt,
    movedTo: hex(doc.movedTo),
    movedFrom: hex(doc.movedFrom),
    movedFromItemId: hex(doc.movedFromItemId),
    assigneeId: hex(doc.assigneeId),
    due: doc.due,
  };
}

export function toItemDoc(
  item: Omit<Item, 'id'>,
  participantIds: ParticipantIds,
  now: Date,
  id?: string,
): ItemDoc {
  return {
    _id: id ? new ObjectId(id) : new ObjectId(),
    tenantId: item.tenantId,
    meetingId: new ObjectId(item.meetingId),
    participantIds: participantOids(participantIds),
    kind: item.kind,
    text: item.text,
    url: item.url,
    authorId: new ObjectId(item.authorId),
    orderKey: item.orderKey,
    completed: item.completed,
    completedAt: item.completedAt,
    movedTo: oid(item.movedTo),
    movedFrom: oid(item.movedFrom),
    movedFromItemId: oid(item.movedFromItemId),
    assigneeId: oid(item.assigneeId),
    due: item.due,
    createdAt: now,
  };
}

export type ItemUpdate = Partial<
  Pick<Item, 'text' | 'url' | 'completed' | 'completedAt' | 'orderKey' | 'assigneeId' | 'due'>
>;

/** Orders items by key, with the id as tie-breaker so two equal keys still sort the same way everywhere. */
export function byOrderKey(a: Item, b: Item): number {
  if (a.orderKey !== b.orderKey) return a.orderKey < b.orderKey ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function createItemsStore(db: Db) {
  const items = db.collection<ItemDoc>('items');

  return {
    collection: items,

    async ensureIndexes(): Promise<void> {
      await items.createIndex({ meetingId: 1, kind: 1, orderKey: 1 });
      await items.createIndex({ tenantId: 1, participantIds: 1 });
      // Roll-over copies an item at most once, even when a crashed sweep runs again.
      await items.createIndex(
        { movedFromItemId: 1 },
        {
          unique: true,
          partialFilterExpression: { movedFromItemId: { $type: 'objectId' } },
          name: 'one_copy_per_item',
        },
      );
    },

    async listForMeeting(tenantId: string, meetingId: string, kind?: ItemKind): Promise<Item[]> {
      const mid = toObjectId(meetingId);
      if (!mid) return [];
      const docs = await items.find({ tenantId, meetingId: mid, ...(kind ? { kind } : {}) }).toArray();
      return docs.map(toItem).sort(byOrderKey);
    },

    /** The order keys of a meeting's items of one kind: all that placing a new item last needs. */
    async orderKeys(tenantId: string, meetingId: string, kind: ItemKind): Promise<string[]> {
      const mid = toObjectId(meetingId);
      if (!mid) return [];
      const docs = await items
        .find({ tenantId, meetingId: mid, kind }, { projection: { _id: 0, orderKey: 1 } })
        .toArray();
      return docs.map((doc) => doc.orderKey);
    },

    /**
     * Whether an item of the same meeting and kind has the same order key and sorts before this one (by
     * id, as `byOrderKey` breaks ties): the sign that two appends happened at the same instant.
     */
    async hasEarlierTwin(item: Item): Promise<boolean> {
      const doc = await items.findOne(
        {
          tenantId: item.tenantId,
          meetingId: new ObjectId(item.meetingId),
          kind: item.kind,
          orderKey: item.orderKey,
          _id: { $lt: new ObjectId(item.id) },
        },
        { projection: { _id: 1 } },
      );
      return doc !== null;
    },

    async listForMeetings(tenantId: string, meetingIds: readonly string[]): Promise<Item[]> {
      if (meetingIds.length === 0) return [];
      const docs = await items
        .find({ tenantId, meetingId: { $in: meetingIds.map((id) => new ObjectId(id)) } })
        .toArray();
      return docs.map(toItem).sort(byOrderKey);
    },

    async insert(item: Omit<Item, 'id'>, participantIds: ParticipantIds, now: Date): Promise<Item> {
      const doc = toItemDoc(item, participantIds, now);
      await items.insertOne(doc);
      return toItem(doc);
    },

    async findVisible(tenantId: string, id: string, userId: string): Promise<Item | null> {
      const _id = toObjectId(id);
      const user = toObjectId(userId);
      if (!_id || !user) return null;
      const doc = await items.findOne({ _id, tenantId, participantIds: user });
      return doc ? toItem(doc) : null;
    },

    async update(tenantId: string, id: string, patch: ItemUpdate): Promise<Item | null> {
      const $set: Record<string, unknown> = { ...patch };
      if ('assigneeId' in patch) $set.assigneeId = oid(patch.assigneeId ?? null);
      const doc = await items.findOneAndUpdate(
        { _id: new ObjectId(id), tenantId, movedTo: null },
        { $set },
        { returnDocument: 'after' },
      );
      return doc ? toItem(doc) : null;
    },

    async remove(tenantId: string, id: string): Promise<boolean> {
      const result = await items.deleteOne({ _id: new ObjectId(id), tenantId, movedTo: null });
      return result.deletedCount === 1;
    },

    /** Jobs only: the items of these meetings across tenants (the ids come from the database). */
    async listForMeetingIds(meetingIds: readonly string[], kind?: ItemKind): Promise<Item[]> {
      if (meetingIds.length === 0) return [];
      const docs = await items
        .find({ meetingId: { $in: meetingIds.map((id) => new ObjectId(id)) }, ...(kind ? { kind } : {}) })
        .toArray();
      return docs.map(toItem).sort(byOrderKey);
    },

    /**
     * Roll-over, step 1: inserts the copies in one unordered write. A copy that exists already (a crashed
     * or concurrent run made it) is refused by the unique index on movedFromItemId and the rest go in.
     * Answers the source ids whose copy existed already (it may live in another meeting than planned).
     */
    async insertRolledOverCopies(
      copies: readonly { item: Omit<Item, 'id'>; participantIds: ParticipantIds }[],
      now: Date,
    ): Promise<Set<string>> {
      if (copies.length === 0) return new Set();
      const docs = copies.map((copy) => toItemDoc(copy.item, copy.participantIds, now));
      try {
        await items.insertMany(docs, { ordered: false });
        return new Set();
      } catch (error) {
        const writeErrors = (error as { writeErrors?: WriteError[] | WriteError }).writeErrors;
        const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
        if (list.length === 0 || list.some((e) => e.code !== 11000)) throw error;
        return new Set(list.flatMap((e) => hex(docs[e.index ?? -1]?.movedFromItemId ?? null) ?? []));
      }
    },

    /**
     * Where each of these items now lives: source item id → the meeting of its roll-over copy, looked for
     * in `meetingIds` (the instances a copy can be in: the sources' series from the sources on).
     */
    async copyMeetingsOf(
      sourceIds: readonly string[],
      meetingIds: readonly string[],
    ): Promise<Map<string, string>> {
      if (sourceIds.length === 0 || meetingIds.length === 0) return new Map();
      const wanted = new Set(sourceIds);
      const docs = await items
        .find(
          { meetingId: { $in: meetingIds.map((id) => new ObjectId(id)) } },
          { projection: { movedFromItemId: 1, meetingId: 1 } },
        )
        .toArray();
      const copies = new Map<string, string>();
      for (const doc of docs) {
        const source = hex(doc.movedFromItemId);
        if (source && wanted.has(source)) copies.set(source, doc.meetingId.toHexString());
      }
      return copies;
    },

    /** The copies of these items (roll-over), to follow an item to where it lives now. */
    async copiesOf(sourceIds: readonly string[]): Promise<Item[]> {
      if (sourceIds.length === 0) return [];
      const docs = await items
        .find({ movedFromItemId: { $in: sourceIds.map((id) => new ObjectId(id)) } })
        .toArray();
      return docs.map(toItem);
    },

    /** Roll-over, step 2: each source becomes the read-only trace, in one bulk write (where not already). */
    async markMoved(moves: ReadonlyMap<string, string>): Promise<void> {
      if (moves.size === 0) return;
      await items.bulkWrite(
        [...moves].map(([itemId, toMeetingId]) => ({
          updateOne: {
            filter: { _id: new ObjectId(itemId), movedTo: null },
            update: { $set: { movedTo: new ObjectId(toMeetingId) } },
          },
        })),
        { ordered: false },
      );
    },

    async removeForMeetings(tenantId: string, meetingIds: readonly string[]): Promise<void> {
      if (meetingIds.length === 0) return;
      await items.deleteMany({ tenantId, meetingId: { $in: meetingIds.map((id) => new ObjectId(id)) } });
    },
  };
}

export type ItemsStore = ReturnType<typeof createItemsStore>;
