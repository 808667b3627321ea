// Helpers for the tests of creating and listing 1:1s, series and meetings: signed-in requests, local times.
import { DateTime } from 'luxon';
import type { Card, SeriesDetail } from '../schemas/one-on-ones.ts';
import type { App } from '../server.ts';
import type { TestUser } from './fixtures.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** `callAs(app)(user, method, path, body?)`: a request under /api/v1 signed in as `user`. */
export function callAs(app: App) {
  return (user: TestUser, method: Method, path: string, payload?: Record<string, unknown>) =>
    app.inject({
      method,
      url: `/api/v1${path}`,
      headers: user.headers,
      ...(payload === undefined ? {} : { payload }),
    });
}

/** A wall-clock time in a zone as the UTC ISO string the API speaks, e.g. at('2025-03-17T10:00'). */
export function at(local: string, zone = 'Europe/Berlin'): string {
  const date = DateTime.fromISO(local, { zone });
  if (!date.isValid) throw new Error(`bad local time ${local}`);
  return date.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}

/** The wall-clock time of a UTC ISO string in a zone, as "yyyy-MM-dd HH:mm". */
export function localOf(iso: string, zone = 'Europe/Berlin'): string {
  return DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

export function plusMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

export interface NewOneOnOne {
  title?: string;
  start: string;
  minutes?: number;
  repeat?: 'none' | 'weekly' | 'biweekly' | 'triweekly' | 'monthly';
  until?: string;
}

/** POST /one-on-ones as `owner` with `other`; throws unless 201, answers the card. */
export async function createOneOnOne(app: App, owner: TestUser, other: TestUser, input: NewOneOnOne) {
  const response = await callAs(app)(owner, 'POST', '/one-on-ones', {
    participantId: other.id,
    title: input.title ?? '1:1',
    start: input.start,
    end: plusMinutes(input.start, input.minutes ?? 30),
    ...(input.repeat ? { repeat: input.repeat } : {}),
    ...(input.until ? { until: input.until } : {}),
  });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return response.json() as Card;
}

export async function seriesDetail(app: App, user: TestUser, id: string): Promise<SeriesDetail> {
  const response = await callAs(app)(user, 'GET', `/series/${id}`);
  if (response.statusCode !== 200) throw new Error(`series failed: ${response.statusCode} ${response.body}`);
  return response.json() as SeriesDetail;
}
