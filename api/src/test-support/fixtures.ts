// Test people and tenants: created through the store as sign-in would, signed in with the dev scheme.
import type { App } from '../server.ts';
import type { User } from '../store/users.ts';

export const TENANT_A = 'aaaaaaaa-0000-4000-8000-00000000000a';
export const TENANT_B = 'bbbbbbbb-0000-4000-8000-00000000000b';

export interface TestUser extends User {
  /** Headers that sign this user in (development scheme). */
  headers: { authorization: string };
}

let counter = 0;

/** A user of a tenant (created on first sight, like a first sign-in), in Europe/Berlin unless told otherwise. */
export async function createUser(
  app: App,
  options: { tenantId?: string; name?: string; isAdmin?: boolean; timeZone?: string } = {},
): Promise<TestUser> {
  counter += 1;
  const tenantId = options.tenantId ?? TENANT_A;
  const name = options.name ?? `Person ${counter}`;
  const now = app.clock.now();
  await app.store.tenants.ensure(tenantId, now);
  const user = await app.store.users.upsertFromIdentity(
    {
      tenantId,
      aadObjectId: `oid-${counter}-${name}`,
      displayName: name,
      email: `${name.toLowerCase().replace(/\s+/g, '.')}.${counter}@contoso.test`,
      isAdmin: options.isAdmin ?? false,
      timeZone: options.timeZone ?? 'Europe/Berlin',
    },
    now,
  );
  return { ...user, headers: { authorization: `Dev ${user.id}` } };
}

/** A new pair of the same tenant: the owner-to-be and the other participant. */
export async function createPair(app: App): Promise<[TestUser, TestUser]> {
  return [await createUser(app, { name: 'Olivia Owner' }), await createUser(app, { name: 'Pat Partner' })];
}

/** The usual cast of the authorization tests: a pair, a third person, a stranger of another tenant, an admin. */
export async function createCast(app: App) {
  const [owner, other, third, stranger, admin] = await Promise.all([
    createUser(app, { name: 'Olivia Owner' }),
    createUser(app, { name: 'Pat Partner' }),
    createUser(app, { name: 'Theo Third' }),
    createUser(app, { name: 'Sam Stranger', tenantId: TENANT_B }),
    createUser(app, { name: 'Ada Admin', isAdmin: true }),
  ]);
  return { owner, other, third, stranger, admin };
}
