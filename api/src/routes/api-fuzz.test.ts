// SPEC.md "API" under random input: every /api/v1 route that takes a body, ids or a query string, fed random
// and near-valid requests, never answers 5xx, answers every 4xx as `{ error: { code, message } }`, and a
// refused request leaves every stored document as it was.
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { limits } from '../schemas/common.ts';
import { type ApiRoute, buildWorld, recordApiRoutes, type World } from '../test-support/api-world.ts';
import { createUser, TENANT_B, type TestUser } from '../test-support/fixtures.ts';
import { hashStoredData, type Probe, probeOf, sendProbe } from '../test-support/fuzz-probes.ts';
import { asSchema, type SchemaHints, validValue } from '../test-support/schema-arbitrary.ts';
import { buildTestApp } from '../test-support/test-app.ts';

const NOW = new Date('2025-03-10T08:00:00Z');
/** Requests per route: about 1,000 in all, so the file stays well under a minute on a busy machine. */
const RUNS_PER_ROUTE = 30;

const recorded = recordApiRoutes();
const t = await buildTestApp({ onRoute: recorded.onRoute });
// The daily top-up job would write on its own schedule and look like a refused request's write.
await t.app.agenda.stop(false);
t.app.clock.set(NOW);
afterAll(() => t.close());

interface Cast {
  world: World;
  admin: TestUser;
  stranger: TestUser;
}
let cast: Cast;

/** Each route meets a fresh database: what an earlier route's fuzzing created or deleted is gone. */
beforeEach(async () => {
  const { db } = t.app.mongo;
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if (!name.startsWith('agenda') && !name.startsWith('system.')) await db.collection(name).deleteMany({});
  }
  const world = await buildWorld(t.app);
  await t.app.inject({
    method: 'PUT',
    url: `/api/v1/meetings/${world.meetingId}/shared-notes`,
    headers: world.owner.headers,
    payload: { text: 'Line one\nLine two\n', baseVersion: 0 },
  });
  const admin = await createUser(t.app, { name: 'Ada Admin', isAdmin: true });
  const stranger = await createUser(t.app, { name: 'Sam Stranger', tenantId: TENANT_B });
  cast = { world, admin, stranger };
});

function hintsOf({ world, admin, stranger }: Cast): SchemaHints {
  return {
    ids: [
      world.owner.id,
      world.other.id,
      admin.id,
      stranger.id,
      world.seriesId,
      world.meetingId,
      world.topicId,
      world.actionId,
    ],
    // Mostly around the clock's now, sometimes anywhere from year 1 to 9999.
    instants: fc.oneof(
      {
        arbitrary: fc.date({ min: new Date('2025-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
        weight: 4,
      },
      {
        arbitrary: fc.date({ noInvalidDate: true, min: new Date('0001-01-01'), max: new Date('9999-12-31') }),
        weight: 1,
      },
    ),
  };
}

function expectErrorShape(response: LightMyRequestResponse): void {
  const body = response.json() as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, response.body).toBe('string');
  expect(typeof body.error?.message, response.body).toBe('string');
}

/** Sends a probe and checks the three properties; answers the new data hash (changed only by a success). */
async function checkProbe(probe: Probe, before: string): Promise<string> {
  const response = await sendProbe(t.app, probe);
  const where = `${probe.method} ${probe.url} → ${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, where).toBeLessThan(500);
  const after = await hashStoredData(t.app);
  if (response.statusCode < 400) return after;
  expectErrorShape(response);
  expect(after, `a refused request changed stored data: ${where}`).toBe(before);
  return before;
}

const fuzzed = recorded.routes.filter((route) => route.body || route.params || route.querystring);

describe('random requests to every route under /api/v1', () => {
  it('finds the routes to fuzz', () => {
    expect(fuzzed.length).toBeGreaterThan(20);
  });

  for (const route of fuzzed) {
    it(`${route.method} ${route.path}: never 5xx, 4xx in the error shape, nothing stored on a 4xx`, async () => {
      const { world, admin, stranger } = cast;
      const callers = [world.owner, world.owner, world.other, admin, stranger];
      let hash = await hashStoredData(t.app);
      await fc.assert(
        fc.asyncProperty(
          probeOf(route, hintsOf(cast), callers, fuzzedIdOf(route.path, world)),
          async (probe) => {
            hash = await checkProbe(probe, hash);
          },
        ),
        // Requests change the database, so a shrunk replay would not see the same state: report as found.
        { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
      // Creating routes store a series with weeks of instances per request: generous on a busy CI machine.
    }, 120_000);
  }
});

/** The world's record of the kind a route's path names. */
function idOf(path: string, world: World): string {
  if (path.startsWith('/series')) return world.seriesId;
  if (path.startsWith('/topics')) return world.topicId;
  if (path.startsWith('/action-items')) return world.actionId;
  return world.meetingId;
}

/** As `idOf`, except for the live stream: a visible meeting's stream stays open, so it never ends a run. */
function fuzzedIdOf(path: string, world: World): string | null {
  return path.endsWith('/stream') ? null : idOf(path, world);
}

/** A route's URL with the world's record as its `:id` and a valid value for any other parameter. */
function urlOf(route: ApiRoute): string {
  const params = asSchema(route.params)?.properties ?? {};
  const path = route.path.replace(/:(\w+)/g, (_match, name: string) => {
    if (name === 'id') return idOf(route.path, cast.world);
    const schema = params[name];
    if (!schema) throw new Error(`${route.path}: no schema for :${name}`);
    return encodeURIComponent(
      String(fc.sample(validValue(schema, hintsOf(cast)), { numRuns: 1, seed: 1 })[0]),
    );
  });
  return `/api/v1${path}`;
}

function routeOf(method: string, path: string): ApiRoute {
  const route = recorded.routes.find((candidate) => candidate.method === method && candidate.path === path);
  if (!route) throw new Error(`no route ${method} ${path}`);
  return route;
}

/** Sends one request as the owner, checks the status and, for a refusal, that nothing was stored. */
async function expectAnswer(
  route: ApiRoute,
  payload: Record<string, unknown>,
  status: number,
): Promise<LightMyRequestResponse> {
  const before = await hashStoredData(t.app);
  const response = await t.app.inject({
    method: route.method,
    url: urlOf(route),
    headers: cast.world.owner.headers,
    payload,
  });
  const where = `${route.method} ${route.path} → ${response.statusCode} ${response.body.slice(0, 200)}`;
  if (status === 201 || status === 200) expect(response.statusCode, where).toBeLessThan(300);
  else expect(response.statusCode, where).toBe(status);
  if (response.statusCode >= 400) {
    expectErrorShape(response);
    expect(await hashStoredData(t.app), where).toBe(before);
  }
  return response;
}

const TEXT_LIMITS: { method: string; path: string; field: string; limit: number; rest?: () => object }[] = [
  { method: 'POST', path: '/one-on-ones', field: 'title', limit: limits.title, rest: () => newOneOnOne() },
  { method: 'PATCH', path: '/series/:id', field: 'title', limit: limits.title },
  { method: 'PATCH', path: '/meetings/:id', field: 'title', limit: limits.title },
  { method: 'POST', path: '/meetings/:id/topics', field: 'text', limit: limits.itemText },
  { method: 'PATCH', path: '/topics/:id', field: 'text', limit: limits.itemText },
  { method: 'POST', path: '/meetings/:id/action-items', field: 'text', limit: limits.itemText },
  { method: 'PATCH', path: '/action-items/:id', field: 'text', limit: limits.itemText },
  {
    method: 'PUT',
    path: '/meetings/:id/shared-notes',
    field: 'text',
    limit: limits.notes,
    rest: () => ({ baseVersion: 1 }),
  },
  { method: 'PUT', path: '/meetings/:id/private-note', field: 'text', limit: limits.notes },
];

/** A from-scratch 1:1 with somebody the world's owner has no series with yet. */
function newOneOnOne(): object {
  return { participantId: cast.admin.id, start: '2025-03-20T09:00:00Z', end: '2025-03-20T09:30:00Z' };
}

describe('explicit refusals', () => {
  for (const { method, path, field, limit, rest } of TEXT_LIMITS) {
    it(`${method} ${path}: a ${field} of ${limit} characters is taken, one more is refused with 400`, async () => {
      const route = routeOf(method, path);
      const over = await expectAnswer(route, { ...rest?.(), [field]: 'y'.repeat(limit + 1) }, 400);
      expect(over.json().error.code).toBe('VALIDATION_FAILED');
      await expectAnswer(route, { ...rest?.(), [field]: 'x'.repeat(limit) }, 200);
    });

    it(`${method} ${path}: characters outside the BMP count as the browser counts them (two each)`, async () => {
      const route = routeOf(method, path);
      const over = await expectAnswer(
        route,
        { ...rest?.(), [field]: '😀'.repeat(Math.floor(limit / 2) + 1) },
        400,
      );
      expect(over.json().error.code).toBe('VALIDATION_FAILED');
    });
  }

  it('a field no schema declares is refused with 400 on every route that takes a body', async () => {
    const routes = recorded.routes.filter((route) => route.body);
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const schema = asSchema(route.body);
      if (!schema) throw new Error(`${route.path}: body schema is not an object`);
      const [valid] = fc.sample(validValue(schema, hintsOf(cast)), { numRuns: 1, seed: 42 });
      const body = { ...(valid as object), unexpectedField: true };
      const response = await expectAnswer(route, body, 400);
      expect(response.json().error.message, route.path).toContain('unexpectedField');
    }
  });

  it('an unknown query parameter is refused with 400 where the query has a schema', async () => {
    const routes = recorded.routes.filter(
      (route) =>
        asSchema(route.querystring) &&
        (route.querystring as object as { additionalProperties?: unknown }).additionalProperties === false,
    );
    expect(routes.map((route) => route.path)).toContain('/users');
    for (const route of routes) {
      const response = await t.app.inject({
        method: route.method,
        url: `/api/v1${route.path}?unexpectedParam=1`,
        headers: cast.world.owner.headers,
      });
      expect(response.statusCode, route.path).toBe(400);
      expectErrorShape(response);
    }
  });

  const MALFORMED_IDS = [
    'abc',
    'ABCDEF0123456789ABCDEF01',
    '0123456789abcdef0123456',
    '0123456789abcdef012345678',
    'zzzzzzzzzzzzzzzzzzzzzzzz',
    'null',
    '{"$gt":""}',
    '€uro',
  ];

  it('a malformed id is refused with the same 400 by every route, an unknown well-formed id with 404', async () => {
    const routes = recorded.routes.filter((route) => route.path.includes(':id'));
    expect(routes.length).toBeGreaterThan(15);
    const answers = new Set<string>();
    for (const route of routes) {
      const schema = asSchema(route.body);
      const [body] = schema ? fc.sample(validValue(schema, hintsOf(cast)), { numRuns: 1, seed: 7 }) : [];
      const send = (id: string) =>
        t.app.inject({
          method: route.method,
          url: `/api/v1${route.path.replace(':id', encodeURIComponent(id))}`,
          headers: cast.world.owner.headers,
          ...(body === undefined ? {} : { payload: body as object }),
        });
      for (const id of MALFORMED_IDS) {
        const response = await send(id);
        expectErrorShape(response);
        answers.add(`${response.statusCode} ${response.json().error.code}`);
      }
      const unknown = await send('0123456789abcdef01234567');
      expect(unknown.statusCode, `${route.method} ${route.path}: ${unknown.body}`).toBe(404);
      expectErrorShape(unknown);
    }
    expect([...answers]).toEqual(['400 VALIDATION_FAILED']);
  });
});
