// The Microsoft Graph adapter: calendarView (paged), series masters and instances, delta queries over a
// window, change-notification subscriptions, and event creation for the two-way option.
import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import type { CalendarChanges, CalendarEvent, TimeWindow } from './calendar-event.ts';
import type {
  CalendarProvider,
  CalendarSubscription,
  NewCalendarEvent,
  SubscribeInput,
} from './calendar-provider.ts';
import { type GraphEvent, graphEventBody, translateGraphEvent } from './graph-event.ts';
import { graphMiddleware } from './graph-middleware.ts';
import {
  CalendarProviderError,
  defaultRetryPolicy,
  errorKindOfStatus,
  isProviderError,
  type RetryPolicy,
} from './provider-errors.ts';

export interface GraphCalendarOptions {
  /** GRAPH_BASE_URL, with its version: https://graph.microsoft.com/v1.0 */
  readonly baseUrl: string;
  readonly accessToken: () => Promise<string>;
  readonly retry?: RetryPolicy;
}

interface GraphPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

interface GraphSubscription {
  id: string;
  expirationDateTime: string;
}

/** Fields the app reads; everything else stays at Graph. */
const SELECT =
  'id,type,seriesMasterId,iCalUId,subject,start,end,originalStart,originalStartTimeZone,isAllDay,' +
  'isCancelled,organizer,attendees,recurrence';

const iso = (date: Date) => date.toISOString();

export class GraphCalendar implements CalendarProvider {
  readonly name = 'microsoft' as const;
  readonly #client: Client;
  readonly #baseUrl: string;

  constructor(options: GraphCalendarOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    const url = new URL(this.#baseUrl);
    const segments = url.pathname.split('/').filter(Boolean);
    const version = segments.pop() ?? 'v1.0';
    this.#client = Client.initWithMiddleware({
      baseUrl: `${url.origin}/${segments.join('/')}`.replace(/\/+$/, ''),
      defaultVersion: version,
      middleware: graphMiddleware(options.accessToken, options.retry ?? defaultRetryPolicy),
    });
  }

  async listInstances(window: TimeWindow): Promise<CalendarEvent[]> {
    const path = `/me/calendarView?startDateTime=${iso(window.from)}&endDateTime=${iso(window.to)}&$select=${SELECT}`;
    return translated(await this.#allPages<GraphEvent>(path));
  }

  async getEvent(id: string): Promise<CalendarEvent | null> {
    try {
      const event = (await this.#call(() =>
        this.#client.api(`/me/events/${encodeURIComponent(id)}?$select=${SELECT}`).get(),
      )) as GraphEvent;
      return translateGraphEvent(event);
    } catch (error) {
      if (isProviderError(error, 'not-found')) return null;
      throw error;
    }
  }

  async listOccurrences(masterId: string, window: TimeWindow): Promise<CalendarEvent[]> {
    const path =
      `/me/events/${encodeURIComponent(masterId)}/instances?startDateTime=${iso(window.from)}` +
      `&endDateTime=${iso(window.to)}&$select=${SELECT}`;
    return translated(await this.#allPages<GraphEvent>(path));
  }

  /**
   * /me/calendarView/delta needs the window at the first call; its delta link keeps it. A cursor that Graph
   * no longer knows (410 syncStateNotFound) starts over with a full listing.
   */
  async changes(cursor: string | null, window: TimeWindow): Promise<CalendarChanges> {
    if (cursor) {
      try {
        return await this.#delta(cursor, false);
      } catch (error) {
        if (!isProviderError(error, 'gone')) throw error;
      }
    }
    return this.#delta(
      `/me/calendarView/delta?startDateTime=${iso(window.from)}&endDateTime=${iso(window.to)}`,
      true,
    );
  }

  async #delta(start: string, full: boolean): Promise<CalendarChanges> {
    const events: CalendarEvent[] = [];
    const removedIds: string[] = [];
    let link: string | undefined = start;
    while (link) {
      const page = (await this.#get(link)) as GraphPage<GraphEvent>;
      for (const item of page.value ?? []) {
        if (item['@removed']) removedIds.push(item.id);
        else {
          const event = translateGraphEvent(item);
          if (event) events.push(event);
        }
      }
      if (page['@odata.deltaLink']) return { events, removedIds, cursor: page['@odata.deltaLink'], full };
      link = page['@odata.nextLink'];
    }
    throw new CalendarProviderError('failed', 'Graph delta ended without a delta link');
  }

  async createEvent(event: NewCalendarEvent): Promise<CalendarEvent> {
    const created = (await this.#call(() =>
      this.#client.api('/me/events').post(graphEventBody(event)),
    )) as GraphEvent;
    const translatedEvent = translateGraphEvent(created);
    if (!translatedEvent) throw new CalendarProviderError('failed', 'Graph created an event without times');
    return translatedEvent;
  }

  /** Graph grants what it wants (at most about 7 days for events): the answer's expirationDateTime is the truth. */
  async subscribe(input: SubscribeInput): Promise<CalendarSubscription> {
    const created = (await this.#call(() =>
      this.#client.api('/subscriptions').post({
        changeType: 'created,updated,deleted',
        notificationUrl: input.notificationUrl,
        lifecycleNotificationUrl: input.notificationUrl,
        resource: '/me/events',
        expirationDateTime: iso(input.expiresAt),
        clientState: input.secret,
      }),
    )) as GraphSubscription;
    return { id: created.id, resourceId: null, expiresAt: new Date(created.expirationDateTime) };
  }

  async renewSubscription(subscription: CalendarSubscription, input: SubscribeInput) {
    try {
      const renewed = (await this.#call(() =>
        this.#client
          .api(`/subscriptions/${encodeURIComponent(subscription.id)}`)
          .patch({ expirationDateTime: iso(input.expiresAt) }),
      )) as GraphSubscription;
      return { ...subscription, expiresAt: new Date(renewed.expirationDateTime) };
    } catch (error) {
      // Expired and removed by Graph meanwhile: a new one does the same job.
      if (isProviderError(error, 'not-found')) return this.subscribe(input);
      throw error;
    }
  }

  async unsubscribe(subscription: CalendarSubscription): Promise<void> {
    try {
      await this.#call(() =>
        this.#client.api(`/subscriptions/${encodeURIComponent(subscription.id)}`).delete(),
      );
    } catch (error) {
      if (!isProviderError(error, 'not-found')) throw error;
    }
  }

  async #allPages<T>(first: string): Promise<T[]> {
    const items: T[] = [];
    let link: string | undefined = first;
    while (link) {
      const page = (await this.#get(link)) as GraphPage<T>;
      items.push(...(page.value ?? []));
      link = page['@odata.nextLink'];
    }
    return items;
  }

  /** A path, or a next/delta link Graph handed out (absolute, under our base URL). */
  #get(pathOrLink: string): Promise<unknown> {
    const path = pathOrLink.startsWith(this.#baseUrl) ? pathOrLink.slice(this.#baseUrl.length) : pathOrLink;
    return this.#call(() => this.#client.api(path).get());
  }

  async #call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (error instanceof GraphError) {
        const status = error.statusCode;
        const kind = error.code === 'syncStateNotFound' ? 'gone' : errorKindOfStatus(status);
        throw new CalendarProviderError(kind, `Graph answered ${status}: ${error.message}`, status, error);
      }
      throw new CalendarProviderError('failed', 'Graph could not be reached', null, error);
    }
  }
}

function translated(events: readonly GraphEvent[]): CalendarEvent[] {
  return events.flatMap((event) => {
    const result = translateGraphEvent(event);
    return result ? [result] : [];
  });
}
