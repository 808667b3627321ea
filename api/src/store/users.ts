// The `users` collection: profiles created on first sight, preferences, and (later) calendar and bot links.
import type { Db } from 'mongodb';
import type { User as DomainUser, UserPreferences } from '../domain/types.ts';
import { idOf, ObjectId, toObjectId, toObjectIds } from './object-id.ts';

export const DEFAULT_PREFERENCES: UserPreferences = { reminderBeforeMeeting: true, showPrivateNotes: true };

export interface UserDoc {
  _id: ObjectId;
  tenantId: string;
  /** Entra ID object id; demo users get a made-up one. */
  aadObjectId: string;
  displayName: string;
  /** Lower-cased name and e-mail for the people picker's prefix search. */
  searchKey: string;
  email: string;
  timeZone: string;
  isAdmin: boolean;
  preferences: UserPreferences;
  createdAt: Date;
  lastSeenAt: Date;
  /** The bot's personal conversation with the user (Bot Framework conversation reference), once installed. */
  botConversation?: { reference: Record<string, unknown>; updatedAt: Date } | null;
}

/** The domain's user plus what sign-in knows: the Entra object id and the admin role of the last token. */
export type User = DomainUser & { aadObjectId: string; isAdmin: boolean };

export interface Identity {
  /** A fixed id for seeded demo users; a new ObjectId otherwise. */
  id?: string;
  tenantId: string;
  aadObjectId: string;
  displayName: string;
  email: string;
  isAdmin: boolean;
  timeZone?: string;
}

const toUser = (doc: UserDoc): User => ({
  id: idOf(doc),
  tenantId: doc.tenantId,
  aadObjectId: doc.aadObjectId,
  displayName: doc.displayName,
  email: doc.email,
  timeZone: doc.timeZone,
  isAdmin: doc.isAdmin,
  preferences: { ...DEFAULT_PREFERENCES, ...doc.preferences },
});

const searchKeyOf = (displayName: string, email: string) => `${displayName} ${email}`.toLowerCase();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createUsersStore(db: Db) {
  const users = db.collection<UserDoc>('users');

  return {
    async ensureIndexes(): Promise<void> {
      await users.createIndex({ tenantId: 1, aadObjectId: 1 }, { unique: true });
      await users.createIndex({ tenantId: 1, searchKey: 1 });
    },

    /** Just-in-time provisioning: the token's profile wins, preferences and time zone stay the user's. */
    async upsertFromIdentity(identity: Identity, now: Date): Promise<User> {
      const doc = await users.findOneAndUpdate(
        { tenantId: identity.tenantId, aadObjectId: identity.aadObjectId },
        {
          $set: {
            displayName: identity.displayName,
            email: identity.email,
            searchKey: searchKeyOf(identity.displayName, identity.email),
            isAdmin: identity.isAdmin,
            lastSeenAt: now,
          },
          $setOnInsert: {
            _id: identity.id ? new ObjectId(identity.id) : new ObjectId(),
            timeZone: identity.timeZone ?? 'UTC',
            preferences: DEFAULT_PREFERENCES,
            createdAt: now,
          },
        },
        { upsert: true, returnDocument: 'after' },
      );
      if (!doc) throw new Error('user could not be provisioned');
      return toUser(doc);
    },

    async findById(tenantId: string, id: string): Promise<User | null> {
      const _id = toObjectId(id);
      if (!_id) return null;
      const doc = await users.findOne({ _id, tenantId });
      return doc ? toUser(doc) : null;
    },

    /** Development sign-in only: the id alone names the user (demo users of the demo tenant). */
    async findAnyById(id: string): Promise<User | null> {
      const _id = toObjectId(id);
      const doc = _id ? await users.findOne({ _id }) : null;
      return doc ? toUser(doc) : null;
    },

    async findMany(tenantId: string, ids: readonly string[]): Promise<User[]> {
      const docs = await users.find({ tenantId, _id: { $in: toObjectIds(ids) } }).toArray();
      return docs.map(toUser);
    },

    /** Display names by id (cards, the workspace): only the name is read, not the whole profile. */
    async displayNames(tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const docs = await users
        .find({ tenantId, _id: { $in: toObjectIds(ids) } }, { projection: { displayName: 1 } })
        .toArray();
      return new Map(docs.map((doc) => [idOf(doc), doc.displayName]));
    },

    /** People of my tenant for "Create new 1:1": name or e-mail containing the query. */
    async search(tenantId: string, query: string, limit = 20): Promise<User[]> {
      const filter = query.trim()
        ? { tenantId, searchKey: { $regex: escapeRegExp(query.trim().toLowerCase()) } }
        : { tenantId };
      const docs = await users.find(filter).sort({ displayName: 1 }).limit(limit).toArray();
      return docs.map(toUser);
    },

    async updatePreferences(
      tenantId: string,
      id: string,
      patch: Partial<UserPreferences>,
    ): Promise<User | null> {
      const _id = toObjectId(id);
      if (!_id) return null;
      const $set = Object.fromEntries(
        Object.entries(patch).map(([key, value]) => [`preferences.${key}`, value]),
      );
      const doc = await users.findOneAndUpdate({ _id, tenantId }, { $set }, { returnDocument: 'after' });
      return doc ? toUser(doc) : null;
    },

    /** The bot was installed for (or messaged by) this person: remember how to reach them. */
    async saveConversationReference(
      tenantId: string,
      aadObjectId: string,
      reference: Record<string, unknown>,
      now: Date,
    ): Promise<boolean> {
      const result = await users.updateOne(
        { tenantId, aadObjectId },
        { $set: { botConversation: { reference, updatedAt: now } } },
      );
      return result.matchedCount === 1;
    },

    /** The app was uninstalled: the conversation is gone. */
    async removeConversationReference(tenantId: string, aadObjectId: string): Promise<void> {
      await users.updateOne({ tenantId, aadObjectId }, { $set: { botConversation: null } });
    },

    async conversationReferenceOf(tenantId: string, id: string): Promise<Record<string, unknown> | null> {
      const _id = toObjectId(id);
      if (!_id) return null;
      const doc = await users.findOne({ _id, tenantId }, { projection: { botConversation: 1 } });
      return doc?.botConversation?.reference ?? null;
    },

    async findByAadObjectId(tenantId: string, aadObjectId: string): Promise<User | null> {
      const doc = await users.findOne({ tenantId, aadObjectId });
      return doc ? toUser(doc) : null;
    },

    /** Jobs only: users by id across tenants (the ids come from the database, never from a caller). */
    async findManyByIds(ids: readonly string[]): Promise<User[]> {
      if (ids.length === 0) return [];
      const docs = await users.find({ _id: { $in: toObjectIds(ids) } }).toArray();
      return docs.map(toUser);
    },

    /** Jobs only: the time zones people are in (the Sunday summary goes zone by zone). */
    async distinctTimeZones(): Promise<string[]> {
      return (await users.distinct('timeZone')).filter((zone): zone is string => typeof zone === 'string');
    },

    async countInTenant(tenantId: string): Promise<number> {
      return users.countDocuments({ tenantId });
    },
  };
}

export type UsersStore = ReturnType<typeof createUsersStore>;
