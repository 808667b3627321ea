// /admin/*: the module switch and name (admins only) and the aggregate report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../test-support/fixtures.ts';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';

let t: TestApp;
let admin: TestUser;
let member: TestUser;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await createUser(t.app, { name: 'Ada Admin', isAdmin: true });
  member = await createUser(t.app, { name: 'Max Member' });
});
afterAll(() => t.close());

const patch = (user: TestUser, payload: object) =>
  t.app.inject({ method: 'PATCH', url: '/api/v1/admin/settings', headers: user.headers, payload });

describe('/api/v1/admin/settings', () => {
  it('only an admin can read or change the module settings', async () => {
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/settings',
      headers: member.headers,
    });
    expect(read.statusCode).toBe(403);
    expect(read.json().error.code).toBe('NOT_ADMIN');
    expect((await patch(member, { enabled: false })).statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/admin/settings', headers: admin.headers });
    expect(ok.json()).toEqual({ enabled: true, moduleName: '1:1s' });
  });

  it('the admin-set module name is used where the module is named (GET /me)', async () => {
    const res = await patch(admin, { moduleName: '  Check-ins ' });
    expect(res.json()).toEqual({ enabled: true, moduleName: 'Check-ins' });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: member.headers });
    expect(me.json().tenant.moduleName).toBe('Check-ins');
  });

  it('refuses a blank or oversized module name', async () => {
    expect((await patch(admin, { moduleName: '   ' })).statusCode).toBe(400);
    expect((await patch(admin, { moduleName: 'x'.repeat(51) })).statusCode).toBe(400);
  });

  it('a disabled module answers 403 everywhere but /me and /admin/*, with a message naming the module', async () => {
    await patch(admin, { enabled: false });
    const users = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: member.headers });
    expect(users.statusCode).toBe(403);
    expect(users.json().error).toEqual({
      code: 'MODULE_DISABLED',
      message: 'Check-ins is disabled for your organization.',
    });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: member.headers });
    expect(me.statusCode).toBe(200);
    expect(me.json().tenant.enabled).toBe(false);
    expect((await patch(admin, { enabled: true })).json().enabled).toBe(true);
    const back = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: member.headers });
    expect(back.statusCode).toBe(200);
  });
});

describe('GET /api/v1/admin/report', () => {
  it('answers aggregate counts only: meetings held per week and the share of people with a recent 1:1', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/report', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(Object.keys(report).sort()).toEqual(
      ['shareWithOneOnOneLast30Days', 'users', 'usersWithOneOnOneLast30Days', 'weeks'].sort(),
    );
    expect(report.weeks).toHaveLength(8);
    expect(report.users).toBe(2);
    expect(report.usersWithOneOnOneLast30Days).toBe(0);
  });

  it('is for admins only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/report', headers: member.headers });
    expect(res.statusCode).toBe(403);
  });
});
