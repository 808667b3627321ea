// GET /me, PATCH /me/preferences and GET /users against the real app on the embedded database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, TENANT_B, type TestUser } from '../test-support/fixtures.ts';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';

let t: TestApp;
let ada: TestUser;

beforeAll(async () => {
  t = await buildTestApp();
  ada = await createUser(t.app, { name: 'Ada Lovelace', timeZone: 'Europe/London' });
});
afterAll(() => t.close());

describe('GET /api/v1/me', () => {
  it('answers me, my tenant with the default module name "1:1s", my preferences and no calendar', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: ada.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: ada.id,
      displayName: 'Ada Lovelace',
      email: ada.email,
      timeZone: 'Europe/London',
      isAdmin: false,
      tenant: { id: ada.tenantId, moduleName: '1:1s', enabled: true },
      preferences: { reminderBeforeMeeting: true, showPrivateNotes: true },
      calendar: null,
    });
  });

  it('refuses a request without credentials with 401 in the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
  });

  it('refuses an unknown development user', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Dev 665f000000000000000000ff' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNKNOWN_DEV_USER');
  });
});

describe('PATCH /api/v1/me/preferences', () => {
  it('remembers the show/hide choice for private notes per user', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/preferences',
      headers: ada.headers,
      payload: { showPrivateNotes: false },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().preferences).toEqual({ reminderBeforeMeeting: true, showPrivateNotes: false });
    const again = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: ada.headers });
    expect(again.json().preferences.showPrivateNotes).toBe(false);
  });

  it('lets a user turn off the one-hour reminder (1:1 notifications)', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/preferences',
      headers: ada.headers,
      payload: { reminderBeforeMeeting: false },
    });
    expect(res.json().preferences.reminderBeforeMeeting).toBe(false);
  });

  it('refuses unknown fields and empty bodies with 400', async () => {
    for (const payload of [{ theme: 'dark' }, {}, { showPrivateNotes: 'yes' }]) {
      const res = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/me/preferences',
        headers: ada.headers,
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('GET /api/v1/users', () => {
  it('finds people of my tenant by name or e-mail, never me and never another tenant', async () => {
    const grace = await createUser(t.app, { name: 'Grace Hopper' });
    await createUser(t.app, { name: 'Grace Stranger', tenantId: TENANT_B });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users?query=grace', headers: ada.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ id: grace.id, displayName: 'Grace Hopper', email: grace.email }]);
    const byMail = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?query=grace.hopper',
      headers: ada.headers,
    });
    expect(byMail.json()).toHaveLength(1);
    const self = await t.app.inject({ method: 'GET', url: '/api/v1/users?query=ada', headers: ada.headers });
    expect(self.json()).toEqual([]);
  });

  it('treats regular-expression characters in the query as text', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users?query=.*', headers: ada.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
  });
});
