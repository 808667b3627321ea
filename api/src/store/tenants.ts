// The `tenants` collection: one document per Entra ID tenant, holding the module switch and name.
import type { Db } from 'mongodb';

/** SPEC.md "Words": the module's display name defaults to "1:1s". */
export const DEFAULT_MODULE_NAME = '1:1s';

export interface TenantDoc {
  _id: string;
  moduleName: string;
  enabled: boolean;
  createdAt: Date;
}

export interface TenantSettings {
  id: string;
  moduleName: string;
  enabled: boolean;
}

export function createTenantsStore(db: Db) {
  const tenants = db.collection<TenantDoc>('tenants');
  const toSettings = (doc: TenantDoc): TenantSettings => ({
    id: doc._id,
    moduleName: doc.moduleName,
    enabled: doc.enabled,
  });

  return {
    /** Just-in-time: a tenant exists from the first request of one of its users. */
    async ensure(tenantId: string, now: Date): Promise<TenantSettings> {
      const doc = await tenants.findOneAndUpdate(
        { _id: tenantId },
        { $setOnInsert: { moduleName: DEFAULT_MODULE_NAME, enabled: true, createdAt: now } },
        { upsert: true, returnDocument: 'after' },
      );
      if (!doc) throw new Error(`tenant ${tenantId} could not be created`);
      return toSettings(doc);
    },

    async get(tenantId: string): Promise<TenantSettings | null> {
      const doc = await tenants.findOne({ _id: tenantId });
      return doc ? toSettings(doc) : null;
    },

    async update(
      tenantId: string,
      patch: { enabled?: boolean; moduleName?: string },
    ): Promise<TenantSettings | null> {
      const doc = await tenants.findOneAndUpdate(
        { _id: tenantId },
        { $set: patch },
        { returnDocument: 'after' },
      );
      return doc ? toSettings(doc) : null;
    },
  };
}

export type TenantsStore = ReturnType<typeof createTenantsStore>;
