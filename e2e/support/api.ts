// Direct API calls as a demo user, for arranging a scenario faster than through the UI.
import type { Card, CreateOneOnOne, Workspace } from 'api/contract';
import { baseUrl, type DemoUser } from './browser.ts';

export async function call<T>(
  user: DemoUser | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = {};
  if (user) headers.Authorization = `Dev ${user.id}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export function createOneOnOne(owner: DemoUser, body: CreateOneOnOne): Promise<Card> {
  return call<Card>(owner, 'POST', '/one-on-ones', body);
}

export function workspace(user: DemoUser, meetingId: string): Promise<Workspace> {
  return call<Workspace>(user, 'GET', `/meetings/${meetingId}`);
}

export function setClock(now: Date | null): Promise<unknown> {
  return call(null, 'POST', '/dev/clock', { now: now?.toISOString() ?? null });
}

/** Tomorrow at 10:00 UTC plus `days`, as a start, with a 30-minute end. */
export function slot(days: number, from: Date = new Date()): { start: string; end: string } {
  const start = new Date(
    Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + 1 + days, 10),
  );
  return { start: start.toISOString(), end: new Date(start.getTime() + 30 * 60_000).toISOString() };
}
