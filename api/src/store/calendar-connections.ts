// The `calendarConnections` collection: one per user who connected a calendar — provider, encrypted
// credentials, sync cursor and window, the change-notification subscription, and what the user must see.
import { createHash } from 'node:crypto';
import type { Db } from 'mongodb';
import type { CalendarProviderName } from '../calendar/calendar-event.ts';
import { ObjectId, toObjectId } from './object-id.ts';

/** connected: syncing; needs-consent: the user must reconnect (shown on the cards); error: sync keeps failing. */
export type ConnectionState = 'connected' | 'needs-consent' | 'error';

export interface CalendarSubscriptionRecord {
  readonly id: string;
  readonly resourceId: string | null;
  readonly expiresAt: Date;
  readonly renewedAt: Date;
  /** sha-256 of the clientState / channel token: notifications are checked against it, the secret is not kept. */
  readonly secretHash: string;
}

export interface CalendarConnection {
  readonly userId: string;
  readonly tenantId: string;
  readonly provider: CalendarProviderName;
  /** The e-mail address the calendar belongs to (the user's). */
  readonly account: string;
  readonly state: ConnectionState;
  /** Sealed credentials (AES-256-GCM); null after a disconnect began. */
  readonly credentials: string | null;
  readonly twoWay: boolean;
  readonly cursor: string | null;
  /** The window the cursor was started with (Graph keeps it in its delta link). */
  readonly windowFrom: Date | null;
  readonly windowTo: Date | null;
  readonly subscription: CalendarSubscriptionRecord | null;
  readonly connectedAt: Date;
  readonly lastSyncAt: Date | null;
  readonly lastError: string | null;
}

interface ConnectionDoc extends Omit<CalendarConnection, 'userId'> {
  _id: ObjectId;
  /** A Google consent pop-up under way: its state and sealed PKCE verifier. */
  pendingAuth?: { state: string; verifier: string; redirectUri: string; createdAt: Date } | null;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

const toConnection = ({ _id, pendingAuth: _pending, ...rest }: ConnectionDoc): CalendarConnection => ({
  userId: _id.toHexString(),
  ...rest,
});

export type NewConnection = Pick<
  CalendarConnection,
  'tenantId' | 'provider' | 'account' | 'credentials' | 'twoWay'
>;

export function createCalendarConnectionsStore(db: Db) {
  const connections = db.collection<ConnectionDoc>('calendarConnections');
  const byUser = (tenantId: string, userId: string) => {
    const _id = toObjectId(userId);
    return _id ? { _id, tenantId } : null;
  };

  return {
    async ensureIndexes(): Promise<void> {
      await connections.createIndex({ 'subscription.id': 1 }, { sparse: true });
      await connections.createIndex({ 'pendingAuth.state': 1 }, { sparse: true });
    },

    async get(tenantId: string, userId: string): Promise<CalendarConnection | null> {
      const filter = byUser(tenantId, userId);
      const doc = filter ? await connections.findOne(filter) : null;
      return doc ? toConnection(doc) : null;
    },

    /** A new connection replaces an older one of the user (another provider, or a reconnect): sync starts over. */
    async connect(userId: string, input: NewConnection, now: Date): Promise<CalendarConnection> {
      const doc: ConnectionDoc = {
        _id: new ObjectId(userId),
        ...input,
        state: 'connected',
        cursor: null,
        windowFrom: null,
        windowTo: null,
        subscription: null,
        connectedAt: now,
        lastSyncAt: null,
        lastError: null,
        pendingAuth: null,
      };
      await connections.replaceOne({ _id: doc._id, tenantId: input.tenantId }, doc, { upsert: true });
      return toConnection(doc);
    },

    async remove(tenantId: string, userId: string): Promise<void> {
      const filter = byUser(tenantId, userId);
      if (filter) await connections.deleteOne(filter);
    },

    /** Google's consent pop-up: remembered until the code comes back (one flow per user at a time). */
    async savePendingAuth(
      tenantId: string,
      userId: string,
      pending: { state: string; verifier: string; redirectUri: string },
      now: Date,
    ): Promise<void> {
      await connections.updateOne(
        { _id: new ObjectId(userId), tenantId },
        {
          $set: { pendingAuth: { ...pending, createdAt: now } },
          $setOnInsert: {
            provider: 'google',
            account: '',
            state: 'needs-consent',
            credentials: null,
            twoWay: false,
            cursor: null,
            windowFrom: null,
            windowTo: null,
            subscription: null,
            connectedAt: now,
            lastSyncAt: null,
            lastError: null,
          },
        },
        { upsert: true },
      );
    },

    /** The pending flow of this user with this state, taken (a code is exchanged once). */
    async takePendingAuth(tenantId: string, userId: string, state: string) {
      const _id = toObjectId(userId);
      if (!_id) return null;
      const doc = await connections.findOneAndUpdate(
        { _id, tenantId, 'pendingAuth.state': state },
        { $set: { pendingAuth: null } },
      );
      return doc?.pendingAuth ?? null;
    },

    async saveSync(
      userId: string,
      sync: { cursor: string; windowFrom: Date; windowTo: Date; credentials?: string },
      now: Date,
    ): Promise<void> {
      await connections.updateOne(
        { _id: new ObjectId(userId) },
        { $set: { ...sync, lastSyncAt: now, lastError: null, state: 'connected' } },
      );
    },

    async saveCredentials(userId: string, credentials: string): Promise<void> {
      await connections.updateOne({ _id: new ObjectId(userId) }, { $set: { credentials } });
    },

    async markFailed(userId: string, state: ConnectionState, error: string): Promise<void> {
      await connections.updateOne({ _id: new ObjectId(userId) }, { $set: { state, lastError: error } });
    },

    async saveSubscription(userId: string, subscription: CalendarSubscriptionRecord | null): Promise<void> {
      await connections.updateOne({ _id: new ObjectId(userId) }, { $set: { subscription } });
    },

    async findBySubscription(subscriptionId: string): Promise<CalendarConnection | null> {
      const doc = await connections.findOne({ 'subscription.id': subscriptionId });
      return doc ? toConnection(doc) : null;
    },

    /** Jobs only: every connection with credentials, across tenants. */
    async listSyncable(): Promise<CalendarConnection[]> {
      const docs = await connections
        .find({ credentials: { $ne: null }, state: { $ne: 'needs-consent' } })
        .toArray();
      return docs.map(toConnection);
    },

    async findByUserId(userId: string): Promise<CalendarConnection | null> {
      const _id = toObjectId(userId);
      const doc = _id ? await connections.findOne({ _id }) : null;
      return doc ? toConnection(doc) : null;
    },
  };
}

export type CalendarConnectionsStore = ReturnType<typeof createCalendarConnectionsStore>;
