// The `deliveries` collection: one document per notification ever due, keyed by its delivery key. The unique
// `_id` is the exactly-once guarantee: written before sending, claimed with a lease, updated with the outcome.
import type { Db, Filter } from 'mongodb';
import type { NotificationKind } from '../domain/notification-schedule.ts';
import { ObjectId, toObjectId } from './object-id.ts';

/**
 * pending: due (from `notBefore`); sending: claimed by one process until `leaseUntil`; sent; failed: could not
 * be delivered (the reason is shown in the tab); skipped: no longer to be sent (1:1 cancelled or started,
 * reminders turned off, module disabled).
 */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

export interface DeliveryDoc {
  /** deliveryKey(kind, meeting/series id or ISO week, recipient). */
  _id: string;
  tenantId: string;
  kind: NotificationKind;
  recipientId: ObjectId;
  /** The series or meeting id (created), the meeting id (reminder), the ISO week (summary). */
  subject: string;
  /** The 1:1 the notice is about (created, reminder), so the workspace can show a failure. */
  meetingId: ObjectId | null;
  status: DeliveryStatus;
  /** Not attempted before this instant (due time, then retry back-off). */
  notBefore: Date;
  attempts: number;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  createdAt: Date;
  sentAt: Date | null;
  /** Why the last attempt failed or why it was skipped (never content). */
  reason: string | null;
  /** The card as delivered, kept only by the development inbox. */
  card: Record<string, unknown> | null;
}

export interface Delivery {
  key: string;
  tenantId: string;
  kind: NotificationKind;
  recipientId: string;
  subject: string;
  meetingId: string | null;
  status: DeliveryStatus;
  notBefore: Date;
  attempts: number;
  sentAt: Date | null;
  reason: string | null;
  card: Record<string, unknown> | null;
  /** Who holds the claim (while sending): the outcome is recorded under this owner only. */
  owner: string | null;
}

export interface NewDelivery {
  key: string;
  tenantId: string;
  kind: NotificationKind;
  recipientId: string;
  subject: string;
  meetingId: string | null;
  notBefore: Date;
}

const toDelivery = (doc: DeliveryDoc): Delivery => ({
  key: doc._id,
  tenantId: doc.tenantId,
  kind: doc.kind,
  recipientId: doc.recipientId.toHexString(),
  subject: doc.subject,
  meetingId: doc.meetingId ? doc.meetingId.toHexString() : null,
  status: doc.status,
  notBefore: doc.notBefore,
  attempts: doc.attempts,
  sentAt: doc.sentAt,
  reason: doc.reason,
  card: doc.card,
  owner: doc.leaseOwner,
});

/** Due: pending and its time has come, or claimed by a sender whose lease ran out. */
const dueNow = (now: Date) => [
  { status: 'pending' as const, notBefore: { $lte: now } },
  { status: 'sending' as const, leaseUntil: { $lt: now } },
];

const claimUpdate = (owner: string, now: Date, leaseMs: number) => ({
  $set: { status: 'sending' as const, leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) },
  $inc: { attempts: 1 },
});

const isDuplicateKeyOnly = (error: unknown) => {
  const writeErrors = (error as { writeErrors?: { code?: number }[] | { code?: number } }).writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  return list.length > 0 && list.every((e) => e.code === 11000);
};

export function createDeliveriesStore(db: Db) {
  const deliveries = db.collection<DeliveryDoc>('deliveries');
  /** Only the process holding the lease may record the outcome: a late answer after a takeover is dropped. */
  const leased = (key: string, owner: string) => ({
    _id: key,
    status: 'sending' as const,
    leaseOwner: owner,
  });

  return {
    collection: deliveries,

    async ensureIndexes(): Promise<void> {
      await deliveries.createIndex({ status: 1, notBefore: 1 });
      await deliveries.createIndex({ status: 1, leaseUntil: 1 });
      // A dispatcher finds what it claimed by its owner id (unique per run).
      await deliveries.createIndex({ leaseOwner: 1 });
      await deliveries.createIndex({ recipientId: 1, status: 1, sentAt: -1 });
      await deliveries.createIndex({ meetingId: 1, status: 1 });
    },

    /**
     * Records deliveries as due unless their key exists: a repeat (another process, a rerun) is a no-op.
     * Returns how many were new.
     */
    async ensureDue(items: readonly NewDelivery[], now: Date): Promise<number> {
      if (items.length === 0) return 0;
      const docs: DeliveryDoc[] = items.map((item) => ({
        _id: item.key,
        tenantId: item.tenantId,
        kind: item.kind,
        recipientId: new ObjectId(item.recipientId),
        subject: item.subject,
        meetingId: item.meetingId ? new ObjectId(item.meetingId) : null,
        status: 'pending',
        notBefore: item.notBefore,
        attempts: 0,
        leaseOwner: null,
        leaseUntil: null,
        createdAt: now,
        sentAt: null,
        reason: null,
        card: null,
      }));
      try {
        const result = await deliveries.insertMany(docs, { ordered: false });
        return result.insertedCount;
      } catch (error) {
        if (!isDuplicateKeyOnly(error)) throw error;
        return (error as { insertedCount?: number }).insertedCount ?? 0;
      }
    },

    /** The keys among these that exist already (to plan only the missing ones). */
    async existingKeys(keys: readonly string[]): Promise<Set<string>> {
      if (keys.length === 0) return new Set();
      const docs = await deliveries.find({ _id: { $in: [...keys] } }, { projection: { _id: 1 } }).toArray();
      return new Set(docs.map((doc) => doc._id));
    },

    /**
     * Claims one due delivery for `owner` until `now + leaseMs` (the immediate attempt names it by key): a
     * pending one whose time has come, or one whose sender's lease ran out (it died mid-send: not lost).
     */
    async claimOne(key: string, owner: string, now: Date, leaseMs: number): Promise<Delivery | null> {
      const doc = await deliveries.findOneAndUpdate(
        { _id: key, $or: dueNow(now) },
        claimUpdate(owner, now, leaseMs),
        { returnDocument: 'after' },
      );
      return doc ? toDelivery(doc) : null;
    },

    /**
     * Claims up to `limit` due deliveries for `owner` (unique per call), oldest first: each by its own
     * atomic update, so two processes never claim the same one. Answers the ones this call claimed.
     */
    async claimDue(owner: string, now: Date, leaseMs: number, limit: number): Promise<Delivery[]> {
      const [pending, abandoned] = await Promise.all([
        deliveries
          .find({ status: 'pending', notBefore: { $lte: now } }, { projection: { _id: 1 } })
          .sort({ notBefore: 1 })
          .limit(limit)
          .toArray(),
        deliveries
          .find({ status: 'sending', leaseUntil: { $lt: now } }, { projection: { _id: 1 } })
          .limit(limit)
          .toArray(),
      ]);
      const candidates = [...pending, ...abandoned].map((doc) => doc._id);
      if (candidates.length === 0) return [];
      await deliveries.bulkWrite(
        candidates.map((_id) => ({
          updateOne: { filter: { _id, $or: dueNow(now) }, update: claimUpdate(owner, now, leaseMs) },
        })),
        { ordered: false },
      );
      const held = await deliveries.find({ leaseOwner: owner, status: 'sending' }).toArray();
      return held.map(toDelivery);
    },

    async markSent(key: string, owner: string, now: Date, card: Record<string, unknown> | null) {
      const result = await deliveries.updateOne(leased(key, owner), {
        $set: { status: 'sent', sentAt: now, leaseOwner: null, leaseUntil: null, reason: null, card },
      });
      return result.modifiedCount === 1;
    },

    /** Back to pending: tried again from `notBefore` (throttled, or a reminder of a 1:1 that moved later). */
    async release(key: string, owner: string, notBefore: Date, reason: string | null): Promise<void> {
      await deliveries.updateOne(leased(key, owner), {
        $set: { status: 'pending', notBefore, leaseOwner: null, leaseUntil: null, reason },
      });
    },

    async markFinal(key: string, owner: string, status: 'failed' | 'skipped', reason: string): Promise<void> {
      await deliveries.updateOne(leased(key, owner), {
        $set: { status, reason, leaseOwner: null, leaseUntil: null },
      });
    },

    async get(key: string): Promise<Delivery | null> {
      const doc = await deliveries.findOne({ _id: key });
      return doc ? toDelivery(doc) : null;
    },

    /** Development inbox: what was delivered to the inbox for one user, newest first. */
    async inbox(userId: string, limit = 100): Promise<Delivery[]> {
      const recipientId = toObjectId(userId);
      if (!recipientId) return [];
      const docs = await deliveries
        .find({ recipientId, status: 'sent', card: { $ne: null } })
        .sort({ sentAt: -1, _id: -1 })
        .limit(limit)
        .toArray();
      return docs.map(toDelivery);
    },

    /** Notifications about a 1:1 (or its series' creation) that could not be delivered: the workspace's banner. */
    async failedAbout(tenantId: string, meetingId: string, seriesId: string | null): Promise<Delivery[]> {
      const about: Filter<DeliveryDoc>[] = [{ meetingId: new ObjectId(meetingId) }];
      if (seriesId) about.push({ subject: seriesId });
      const docs = await deliveries
        .find({ tenantId, status: 'failed', $or: about })
        .sort({ createdAt: -1 })
        .toArray();
      return docs.map(toDelivery);
    },

    /** Undelivered notifications addressed to one user (summaries have no 1:1 to show them on). */
    async failedForRecipient(tenantId: string, userId: string): Promise<Delivery[]> {
      const recipientId = toObjectId(userId);
      if (!recipientId) return [];
      const docs = await deliveries.find({ tenantId, recipientId, status: 'failed' }).toArray();
      return docs.map(toDelivery);
    },

    async countByStatus(): Promise<Record<DeliveryStatus, number>> {
      const counts: Record<DeliveryStatus, number> = {
        pending: 0,
        sending: 0,
        sent: 0,
        failed: 0,
        skipped: 0,
      };
      const rows = await deliveries
        .aggregate<{ _id: DeliveryStatus; n: number }>([{ $group: { _id: '$status', n: { $sum: 1 } } }])
        .toArray();
      for (const row of rows) counts[row._id] = row.n;
      return counts;
    },
  };
}

export type DeliveriesStore = ReturnType<typeof createDeliveriesStore>;
