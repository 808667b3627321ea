// SPEC.md "Tenancy, privacy, roles": every route × {owner, other participant, third user of the tenant,
// user of another tenant, admin, no token}. A non-participant learns nothing: 404, never a hint.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type Method, recordApiRoutes, type World } from '../test-support/api-world.ts';
import { createUser, TENANT_B, type TestUser } from '../test-support/fixtures.ts';
import { byChatPath, oneOnOneChatId } from '../test-support/teams-chat-fixtures.ts';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';

type Role = 'owner' | 'other' | 'third' | 'stranger' | 'admin' | 'anonymous';
const ROLES: readonly Role[] = ['owner', 'other', 'third', 'stranger', 'admin', 'anonymous'];

interface Case {
  method: Method;
  route: string;
  url: (w: World) => string;
  body?: (w: World) => Record<string, unknown>;
  /** The answers of the two participants; everybody else gets 404 (or the `others` status), no token 401. */
  owner: number;
  other: number;
  others?: number;
}

const CASES: Case[] = [
  { method: 'GET', route: '/series/:id', url: (w) => `/series/${w.seriesId}`, owner: 200, other: 200 },
  {
    method: 'PATCH',
    route: '/series/:id',
    url: (w) => `/series/${w.seriesId}`,
    body: () => ({ title: 'Renamed' }),
    owner: 200,
    other: 200,
  },
  { method: 'DELETE', route: '/series/:id', url: (w) => `/series/${w.seriesId}`, owner: 200, other: 403 },
  {
    method: 'POST',
    route: '/series/:id/archive',
    url: (w) => `/series/${w.seriesId}/archive`,
    owner: 422,
    other: 422,
  },
  {
    method: 'POST',
    route: '/series/:id/unarchive',
    url: (w) => `/series/${w.seriesId}/unarchive`,
    owner: 200,
    other: 200,
  },
  {
    method: 'POST',
    route: '/series/:id/link',
    url: (w) => `/series/${w.seriesId}/link`,
    body: () => ({ eventId: 'AAMk-1' }),
    owner: 422,
    other: 422,
  },
  { method: 'GET', route: '/meetings/:id', url: (w) => `/meetings/${w.meetingId}`, owner: 200, other: 200 },
  {
    method: 'PATCH',
    route: '/meetings/:id',
    url: (w) => `/meetings/${w.meetingId}`,
    body: () => ({ title: 'Moved' }),
    owner: 200,
    other: 200,
  },
  {
    method: 'DELETE',
    route: '/meetings/:id',
    url: (w) => `/meetings/${w.meetingId}`,
    owner: 200,
    other: 403,
  },
  {
    method: 'POST',
    route: '/meetings/:id/archive',
    url: (w) => `/meetings/${w.meetingId}/archive`,
    owner: 422,
    other: 422,
  },
  {
    method: 'POST',
    route: '/meetings/:id/unarchive',
    url: (w) => `/meetings/${w.meetingId}/unarchive`,
    owner: 422,
    other: 422,
  },
  {
    method: 'POST',
    route: '/meetings/:id/topics',
    url: (w) => `/meetings/${w.meetingId}/topics`,
    body: () => ({ text: 'Goals' }),
    owner: 201,
    other: 201,
  },
  {
    method: 'PATCH',
    route: '/topics/:id',
    url: (w) => `/topics/${w.topicId}`,
    body: () => ({ completed: true }),
    owner: 200,
    other: 200,
  },
  {
    method: 'POST',
    route: '/topics/:id/move',
    url: (w) => `/topics/${w.topicId}/move`,
    body: () => ({ after: null }),
    owner: 200,
    other: 200,
  },
  { method: 'DELETE', route: '/topics/:id', url: (w) => `/topics/${w.topicId}`, owner: 204, other: 403 },
  {
    method: 'POST',
    route: '/meetings/:id/action-items',
    url: (w) => `/meetings/${w.meetingId}/action-items`,
    body: () => ({ text: 'Send deck' }),
    owner: 201,
    other: 201,
  },
  {
    method: 'PATCH',
    route: '/action-items/:id',
    url: (w) => `/action-items/${w.actionId}`,
    body: () => ({ completed: true }),
    owner: 200,
    other: 200,
  },
  {
    method: 'POST',
    route: '/action-items/:id/move',
    url: (w) => `/action-items/${w.actionId}/move`,
    body: () => ({ direction: 'down' }),
    owner: 200,
    other: 200,
  },
  {
    method: 'DELETE',
    route: '/action-items/:id',
    url: (w) => `/action-items/${w.actionId}`,
    owner: 204,
    other: 204,
  },
  {
    method: 'PUT',
    route: '/meetings/:id/shared-notes',
    url: (w) => `/meetings/${w.meetingId}/shared-notes`,
    body: () => ({ text: 'Notes', baseVersion: 0 }),
    owner: 200,
    other: 200,
  },
  {
    method: 'PUT',
    route: '/meetings/:id/private-note',
    url: (w) => `/meetings/${w.meetingId}/private-note`,
    body: () => ({ text: 'Mine' }),
    owner: 200,
    other: 200,
  },
  {
    method: 'GET',
    route: '/meetings/:id/notification-problems',
    url: (w) => `/meetings/${w.meetingId}/notification-problems`,
    owner: 200,
    other: 200,
  },
  // Routes that name no 1:1: every signed-in person of a tenant may call them.
  { method: 'GET', route: '/me', url: () => '/me', owner: 200, other: 200, others: 200 },
  {
    method: 'PATCH',
    route: '/me/preferences',
    url: () => '/me/preferences',
    body: () => ({ showPrivateNotes: true }),
    owner: 200,
    other: 200,
    others: 200,
  },
  { method: 'GET', route: '/users', url: () => '/users?query=a', owner: 200, other: 200, others: 200 },
  {
    method: 'GET',
    route: '/one-on-ones',
    url: () => '/one-on-ones?view=upcoming',
    owner: 200,
    other: 200,
    others: 200,
  },
  // The chat tab's question names a chat: its two members get the pair's series, nobody else learns of it.
  {
    method: 'GET',
    route: '/one-on-ones/by-chat',
    url: (w) => byChatPath(oneOnOneChatId(w.owner, w.other)),
    owner: 200,
    other: 200,
  },
  // Calendar routes name no 1:1; without a connected calendar the lists and import answer 422.
  { method: 'GET', route: '/calendar', url: () => '/calendar', owner: 200, other: 200, others: 200 },
  {
    method: 'GET',
    route: '/calendar/recurring',
    url: () => '/calendar/recurring',
    owner: 422,
    other: 422,
    others: 422,
  },
  {
    method: 'GET',
    route: '/calendar/meetings',
    url: (w) => `/calendar/meetings?with=${w.other.id}`,
    owner: 422,
    other: 422,
    others: 422,
  },
  {
    method: 'POST',
    route: '/calendar/import',
    url: () => '/calendar/import',
    body: () => ({ eventIds: ['AAMk-1'] }),
    owner: 422,
    other: 422,
    others: 422,
  },
  // The side panel's question names an event, not a 1:1: an event no 1:1 of the caller's is, is not found.
  {
    method: 'GET',
    route: '/calendar/events/:eventId/one-on-one',
    url: () => '/calendar/events/AAMk-1/one-on-one?iCalUId=040000008200E00074C5B7101A82E008',
    owner: 404,
    other: 404,
    others: 404,
  },
  { method: 'DELETE', route: '/calendar', url: () => '/calendar', owner: 200, other: 200, others: 200 },
  // Last of the calendar cases: it connects the shared third, stranger and admin (development calendars).
  {
    method: 'POST',
    route: '/calendar/connect/:provider',
    url: () => '/calendar/connect/microsoft',
    body: () => ({}),
    owner: 200,
    other: 200,
    others: 200,
  },
];

/** Creating needs a partner of the caller's tenant; admin routes need the admin role. */
const ROLE_SPECIFIC: {
  method: Case['method'];
  route: string;
  url: string;
  expected: Record<Role, number>;
}[] = [
  {
    method: 'GET',
    route: '/admin/settings',
    url: '/admin/settings',
    expected: { owner: 403, other: 403, third: 403, stranger: 403, admin: 200, anonymous: 401 },
  },
  {
    method: 'PATCH',
    route: '/admin/settings',
    url: '/admin/settings',
    expected: { owner: 403, other: 403, third: 403, stranger: 403, admin: 200, anonymous: 401 },
  },
  {
    method: 'GET',
    route: '/admin/report',
    url: '/admin/report',
    expected: { owner: 403, other: 403, third: 403, stranger: 403, admin: 200, anonymous: 401 },
  },
];

const NOW = new Date('2025-03-10T08:00:00Z');
let t: TestApp;
let third: TestUser;
let stranger: TestUser;
let admin: TestUser;
const recorded = recordApiRoutes();

beforeAll(async () => {
  t = await buildTestApp({ onRoute: recorded.onRoute });
  t.app.clock.set(NOW);
  third = await createUser(t.app, { name: 'Theo Third' });
  stranger = await createUser(t.app, { name: 'Sam Stranger', tenantId: TENANT_B });
  admin = await createUser(t.app, { name: 'Ada Admin', isAdmin: true });
});
afterAll(() => t.close());

/** A fresh 1:1 for each case, so that one case's write never changes what the next one sees. */
const world = (): Promise<World> => buildWorld(t.app);

function headersOf(role: Role, w: World): Record<string, string> {
  const user = { owner: w.owner, other: w.other, third, stranger, admin }[role as Exclude<Role, 'anonymous'>];
  return user ? user.headers : {};
}

function expectedFor(c: Case, role: Role): number {
  if (role === 'anonymous') return 401;
  if (role === 'owner') return c.owner;
  if (role === 'other') return c.other;
  return c.others ?? 404;
}

describe('authorization matrix', () => {
  for (const c of CASES) {
    for (const role of ROLES) {
      const expected = expectedFor(c, role);
      it(`${c.method} ${c.route} as ${role} answers ${expected}`, async () => {
        const w = await world();
        const res = await t.app.inject({
          method: c.method,
          url: `/api/v1${c.url(w)}`,
          headers: headersOf(role, w),
          ...(c.body ? { payload: c.body(w) } : {}),
        });
        expect(res.statusCode, res.body).toBe(expected);
        if (expected === 404) {
          // "Not found" is the whole answer: no title, no name of a participant.
          expect(res.body).not.toContain('Olivia');
          expect(res.body).not.toContain('Pat Partner');
        }
      });
    }
  }

  for (const c of ROLE_SPECIFIC) {
    for (const role of ROLES) {
      it(`${c.method} ${c.route} as ${role} answers ${c.expected[role]}`, async () => {
        const w = await world();
        const res = await t.app.inject({
          method: c.method,
          url: `/api/v1${c.url}`,
          headers: headersOf(role, w),
          ...(c.method === 'PATCH' ? { payload: { moduleName: '1:1s' } } : {}),
        });
        expect(res.statusCode, res.body).toBe(c.expected[role]);
      });
    }
  }

  it('POST /one-on-ones: a partner of my tenant is fine, one of another tenant is refused as unknown', async () => {
    const w = await world();
    const body = { title: 'x', start: '2025-03-20T09:00:00Z', end: '2025-03-20T09:30:00Z' };
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/one-on-ones',
      headers: third.headers,
      payload: { ...body, participantId: w.owner.id },
    });
    expect(ok.statusCode).toBe(201);
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/one-on-ones',
      headers: stranger.headers,
      payload: { ...body, participantId: w.owner.id },
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.code).toBe('PARTICIPANT_UNKNOWN');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/one-on-ones',
      payload: { ...body, participantId: w.owner.id },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('GET /meetings/:id/stream: participants get the stream, nobody else learns it exists', async () => {
    const w = await world();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    for (const role of ROLES) {
      const controller = new AbortController();
      const res = await fetch(`${base}/api/v1/meetings/${w.meetingId}/stream`, {
        headers: headersOf(role, w),
        signal: controller.signal,
      });
      const expected = role === 'owner' || role === 'other' ? 200 : role === 'anonymous' ? 401 : 404;
      expect(res.status, role).toBe(expected);
      if (expected === 200) expect(res.headers.get('content-type')).toContain('text/event-stream');
      controller.abort();
      await res.body?.cancel().catch(() => {});
    }
  });

  it('covers every route under /api/v1', () => {
    const covered = new Set([
      ...CASES.map((c) => `${c.method} ${c.route}`),
      ...ROLE_SPECIFIC.map((c) => `${c.method} ${c.route}`),
      'POST /one-on-ones',
      'GET /meetings/:id/stream',
    ]);
    // The list is read from the app itself: an empty one would make this check pass without checking.
    expect(recorded.routes.length).toBeGreaterThan(20);
    const missing = recorded.routes
      .map((route) => `${route.method} ${route.path}`)
      .filter((route) => !covered.has(route));
    expect(missing).toEqual([]);
  });
});
