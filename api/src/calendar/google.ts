// The Google Calendar adapter: events.list with singleEvents (paged by nextPageToken), sync tokens with
// 410 Gone → full resync, series masters and instances, watch channels, and event creation.
import { calendar, type calendar_v3 } from '@googleapis/calendar';
import type { OAuth2Client } from 'google-auth-library';
import type { CalendarChanges, CalendarEvent, TimeWindow } from './calendar-event.ts';
import type {
  CalendarProvider,
  CalendarSubscription,
  NewCalendarEvent,
  SubscribeInput,
} from './calendar-provider.ts';
import { type GoogleEvent, googleEventBody, translateGoogleEvent } from './google-event.ts';
import {
  CalendarProviderError,
  defaultRetryPolicy,
  errorKindOfStatus,
  isProviderError,
  isRetryableStatus,
  type RetryPolicy,
  retryDelayMs,
} from './provider-errors.ts';

export interface GoogleCalendarOptions {
  /** GOOGLE_BASE_URL: https://www.googleapis.com */
  readonly baseUrl: string;
  /** Holds the user's refresh token (or, in development, a fixed access token). */
  readonly auth: OAuth2Client;
  readonly retry?: RetryPolicy;
}

const CALENDAR_ID = 'primary';
const PAGE_SIZE = 250;

interface HttpFailure {
  response?: { status?: number; headers?: Headers | Record<string, string>; data?: unknown };
}

function headerOf(headers: Headers | Record<string, string> | undefined, name: string): string | null {
  if (!headers) return null;
  // gaxios answers a fetch Headers (possibly of another realm, so no instanceof) or a plain object.
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return entry ? String(entry[1]) : null;
}

/** invalid_grant: the refresh token was revoked or expired; the user must connect again. */
function isInvalidGrant(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { error?: unknown }).error === 'invalid_grant';
}

export class GoogleCalendar implements CalendarProvider {
  readonly name = 'google' as const;
  readonly #api: calendar_v3.Calendar;
  readonly #retry: RetryPolicy;

  constructor(options: GoogleCalendarOptions) {
    this.#api = calendar({
      version: 'v3',
      auth: options.auth,
      rootUrl: `${options.baseUrl.replace(/\/+$/, '')}/`,
      // Retries are ours (Retry-After honoured once, in #call), not the HTTP library's.
      retry: false,
    });
    this.#retry = options.retry ?? defaultRetryPolicy;
  }

  async listInstances(window: TimeWindow): Promise<CalendarEvent[]> {
    const { events } = await this.#list({
      timeMin: window.from.toISOString(),
      timeMax: window.to.toISOString(),
      orderBy: 'startTime',
    });
    return events;
  }

  async getEvent(id: string): Promise<CalendarEvent | null> {
    try {
      const answer = await this.#call(() => this.#api.events.get({ calendarId: CALENDAR_ID, eventId: id }));
      return translateGoogleEvent(answer.data);
    } catch (error) {
      if (isProviderError(error, 'not-found') || isProviderError(error, 'gone')) return null;
      throw error;
    }
  }

  async listOccurrences(masterId: string, window: TimeWindow): Promise<CalendarEvent[]> {
    const events: CalendarEvent[] = [];
    let pageToken: string | undefined;
    do {
      const answer = await this.#call(() =>
        this.#api.events.instances({
          calendarId: CALENDAR_ID,
          eventId: masterId,
          timeMin: window.from.toISOString(),
          timeMax: window.to.toISOString(),
          maxResults: PAGE_SIZE,
          ...(pageToken ? { pageToken } : {}),
        }),
      );
      events.push(...translated(answer.data.items ?? []).events);
      pageToken = answer.data.nextPageToken ?? undefined;
    } while (pageToken);
    return events;
  }

  /** A sync token cannot be combined with a window; an expired one answers 410 Gone: list the window again. */
  async changes(cursor: string | null, window: TimeWindow): Promise<CalendarChanges> {
    if (cursor) {
      try {
        const listed = await this.#list({ syncToken: cursor });
        return { ...listed, full: false };
      } catch (error) {
        if (!isProviderError(error, 'gone')) throw error;
      }
    }
    const listed = await this.#list({ timeMin: window.from.toISOString(), timeMax: window.to.toISOString() });
    return { ...listed, full: true };
  }

  async #list(query: calendar_v3.Params$Resource$Events$List) {
    const events: CalendarEvent[] = [];
    const removedIds: string[] = [];
    let pageToken: string | undefined;
    for (;;) {
      const answer = await this.#call(() =>
        this.#api.events.list({
          calendarId: CALENDAR_ID,
          singleEvents: true,
          showDeleted: true,
          maxResults: PAGE_SIZE,
          ...query,
          ...(pageToken ? { pageToken } : {}),
        }),
      );
      const page = translated(answer.data.items ?? []);
      events.push(...page.events);
      removedIds.push(...page.removedIds);
      pageToken = answer.data.nextPageToken ?? undefined;
      if (pageToken) continue;
      return { events, removedIds, cursor: answer.data.nextSyncToken ?? '' };
    }
  }

  async createEvent(event: NewCalendarEvent): Promise<CalendarEvent> {
    const answer = await this.#call(() =>
      this.#api.events.insert({ calendarId: CALENDAR_ID, requestBody: googleEventBody(event) }),
    );
    const created = translateGoogleEvent(answer.data);
    if (!created) throw new CalendarProviderError('failed', 'Google created an event without times');
    return created;
  }

  /** Google decides the channel's expiration; the answer's `expiration` (ms) is the truth. */
  async subscribe(input: SubscribeInput): Promise<CalendarSubscription> {
    const answer = await this.#call(() =>
      this.#api.events.watch({
        calendarId: CALENDAR_ID,
        requestBody: {
          id: crypto.randomUUID(),
          type: 'web_hook',
          address: input.notificationUrl,
          token: input.secret,
          expiration: String(input.expiresAt.getTime()),
        },
      }),
    );
    const { id, resourceId, expiration } = answer.data;
    if (!id || !resourceId)
      throw new CalendarProviderError('failed', 'Google answered a channel without ids');
    return { id, resourceId, expiresAt: new Date(Number(expiration ?? input.expiresAt.getTime())) };
  }

  /** Channels cannot be extended: open a new one, then stop the old one. */
  async renewSubscription(subscription: CalendarSubscription, input: SubscribeInput) {
    const next = await this.subscribe(input);
    await this.unsubscribe(subscription);
    return next;
  }

  async unsubscribe(subscription: CalendarSubscription): Promise<void> {
    try {
      await this.#call(() =>
        this.#api.channels.stop({
          requestBody: { id: subscription.id, resourceId: subscription.resourceId ?? '' },
        }),
      );
    } catch (error) {
      if (!isProviderError(error, 'not-found')) throw error;
    }
  }

  async #call<T>(request: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request();
      } catch (error) {
        const response = (error as HttpFailure).response;
        const status = response?.status;
        if (status === undefined) {
          throw new CalendarProviderError('failed', 'Google could not be reached', null, error);
        }
        if (isRetryableStatus(status) && attempt + 1 < this.#retry.attempts) {
          const retryAfter = headerOf(response?.headers, 'retry-after');
          const date = headerOf(response?.headers, 'date');
          await this.#retry.wait(retryDelayMs(retryAfter, date, attempt, this.#retry));
          continue;
        }
        const kind = isInvalidGrant(response?.data) ? 'consent' : errorKindOfStatus(status);
        throw new CalendarProviderError(kind, `Google answered ${status}`, status, error);
      }
    }
  }
}

function translated(items: readonly GoogleEvent[]) {
  const events: CalendarEvent[] = [];
  const removedIds: string[] = [];
  for (const item of items) {
    const event = translateGoogleEvent(item);
    if (event) events.push(event);
    else if (item.id && item.status === 'cancelled') removedIds.push(item.id);
  }
  return { events, removedIds };
}
