// Seeds development mode on first start: the demo tenant and its people (idempotent: safe on every start).
import type { Store } from '../store/store.ts';
import { DEMO_TENANT_ID, DEMO_USERS } from './demo-users.ts';

export async function seedDemoTenant(store: Store, now: Date): Promise<void> {
  await store.tenants.ensure(DEMO_TENANT_ID, now);
  for (const user of DEMO_USERS) {
    await store.users.upsertFromIdentity(
      {
        id: user.id,
        tenantId: DEMO_TENANT_ID,
        aadObjectId: user.aadObjectId,
        displayName: user.displayName,
        email: user.email,
        isAdmin: user.isAdmin,
        timeZone: user.timeZone,
      },
      now,
    );
  }
}
