// Route-wide API tests (authorization matrix, fuzzing): the routes the app registers under /api/v1, read from
// the app itself so a new route cannot go untested, and a fresh 1:1 world to aim requests at.
import type { RouteOptions } from 'fastify';
import type { Card } from '../schemas/one-on-ones.ts';
import type { App } from '../server.ts';
import { createUser, type TestUser } from './fixtures.ts';
import { at, callAs, createOneOnOne, seriesDetail } from './one-on-one-fixtures.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One route as registered: its method, its path below /api/v1 and the JSON schemas it validates with. */
export interface ApiRoute {
  readonly method: Method;
  /** E.g. `/meetings/:id/topics`. */
  readonly path: string;
  readonly body: unknown;
  readonly params: unknown;
  readonly querystring: unknown;
}

const METHODS: readonly string[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];
const PREFIX = '/api/v1';

/**
 * Collects the routes under /api/v1 (development routes left out: they answer 404 in production) as the
 * app registers them: pass `onRoute` to `buildTestApp`, read `routes` once the app is ready.
 */
export function recordApiRoutes(): { routes: ApiRoute[]; onRoute: (route: RouteOptions) => void } {
  const routes: ApiRoute[] = [];
  const onRoute = (route: RouteOptions) => {
    if (!route.url.startsWith(`${PREFIX}/`) || route.url.startsWith(`${PREFIX}/dev/`)) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (!METHODS.includes(method)) continue;
      routes.push({
        method: method as Method,
        path: route.url.slice(PREFIX.length),
        body: route.schema?.body,
        params: route.schema?.params,
        querystring: route.schema?.querystring,
      });
    }
  };
  return { routes, onRoute };
}

/** A weekly series of two people with two topics and two action items in its first 1:1. */
export interface World {
  owner: TestUser;
  other: TestUser;
  seriesId: string;
  meetingId: string;
  topicId: string;
  actionId: string;
}

export async function buildWorld(app: App): Promise<World> {
  const owner = await createUser(app, { name: 'Olivia Owner' });
  const other = await createUser(app, { name: 'Pat Partner' });
  const card: Card = await createOneOnOne(app, owner, other, {
    start: at('2025-03-11T10:00'),
    repeat: 'weekly',
  });
  const meetingId = (await seriesDetail(app, owner, card.id)).meetings[0]?.id ?? '';
  const post = async (path: string, payload: Record<string, unknown>) => {
    const response = await callAs(app)(owner, 'POST', `/meetings/${meetingId}/${path}`, payload);
    if (response.statusCode !== 201)
      throw new Error(`${path} failed: ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };
  const topicId = await post('topics', { text: 'Career' });
  await post('topics', { text: 'Feedback' });
  const actionId = await post('action-items', { text: 'Book training' });
  await post('action-items', { text: 'Share plan' });
  return { owner, other, seriesId: card.id, meetingId, topicId, actionId };
}
