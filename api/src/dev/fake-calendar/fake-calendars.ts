// The state of the local calendar fakes: one calendar per account, edits that a person would make in Outlook or
// Google Calendar, sync tokens that diff snapshots, pages, throttling, and change notifications to the app.
import { randomUUID } from 'node:crypto';
import {
  type FakeEvent,
  type FakeInstance,
  type FakePerson,
  type FakeRecurrence,
  instancesOf,
  parseOccurrenceId,
  versionOf,
} from './fake-event.ts';

export interface Delivery {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}
/** Sends a request to the app (a webhook or Graph's validation handshake); answers status and text. */
export type Deliver = (request: Delivery) => Promise<{ status: number; body: string }>;

export interface FakeCalendarsOptions {
  /** The fake's "now" (the app clock in development and tests): subscription lifetimes are measured with it. */
  readonly now: () => Date;
  /** Items per page, small in tests so paging is exercised. */
  readonly pageSize?: number;
  readonly deliver?: Deliver;
}

export interface NewFakeEvent {
  readonly id?: string;
  readonly subject: string;
  readonly start: Date;
  readonly end: Date;
  readonly timeZone: string;
  /** People and rooms besides the organizer (the account). */
  readonly attendees: readonly FakePerson[];
  readonly organizerName?: string;
  readonly recurrence?: FakeRecurrence | null;
  readonly iCalUId?: string;
}

export interface SyncState {
  readonly account: string;
  readonly from: Date;
  readonly to: Date;
  readonly snapshot: ReadonlyMap<string, string>;
  expired: boolean;
}

export interface FakeSubscription {
  readonly id: string;
  readonly account: string;
  readonly face: 'graph' | 'google';
  readonly url: string;
  readonly secret: string;
  readonly resourceId: string;
  expiresAt: Date;
}

interface Account {
  readonly events: Map<string, FakeEvent>;
  requests: number;
  throttle: { remaining: number; retryAfterSeconds: number };
}

export class FakeCalendars {
  /** Google's OAuth state: codes of the consent pop-up and the refresh tokens issued. */
  readonly oauth = {
    codes: new Map<string, { account: string; challenge: string; redirectUri: string }>(),
    refreshTokens: new Map<string, string>(),
  };
  readonly now: () => Date;
  readonly pageSize: number;
  readonly subscriptions = new Map<string, FakeSubscription>();
  readonly #accounts = new Map<string, Account>();
  readonly #syncStates = new Map<string, SyncState>();
  readonly #pages = new Map<string, { items: unknown[]; last: Record<string, unknown> }>();
  #deliver: Deliver | null;

  constructor(options: FakeCalendarsOptions) {
    this.now = options.now;
    this.pageSize = options.pageSize ?? 50;
    this.#deliver = options.deliver ?? null;
  }

  setDeliver(deliver: Deliver): void {
    this.#deliver = deliver;
  }

  #account(email: string): Account {
    const key = email.toLowerCase();
    let account = this.#accounts.get(key);
    if (!account) {
      account = { events: new Map(), requests: 0, throttle: { remaining: 0, retryAfterSeconds: 0 } };
      this.#accounts.set(key, account);
    }
    return account;
  }

  // --- what a person does in the calendar ----------------------------------------------------------------

  async addEvent(account: string, input: NewFakeEvent): Promise<FakeEvent> {
    const id = input.id ?? `evt-${randomUUID()}`;
    const event: FakeEvent = {
      id,
      iCalUId: input.iCalUId ?? `ical-${id}`,
      subject: input.subject,
      start: input.start,
      end: input.end,
      timeZone: input.timeZone,
      organizer: { email: account.toLowerCase(), name: input.organizerName ?? account },
      attendees: [...input.attendees],
      recurrence: input.recurrence ?? null,
      overrides: new Map(),
      responses: new Map(),
      deleted: false,
    };
    this.#account(account).events.set(id, event);
    await this.#changed(account);
    return event;
  }

  /** Renames a single event or a whole series (its exceptions keep their own subject, as Outlook does). */
  async renameEvent(account: string, id: string, subject: string): Promise<void> {
    this.#event(account, id).subject = subject;
    await this.#changed(account);
  }

  /** Moves a single event, or one occurrence of a series (it becomes an exception). */
  async moveInstance(account: string, id: string, start: Date, end: Date): Promise<void> {
    const slot = this.#slot(account, id);
    if (!slot) {
      const event = this.#event(account, id);
      event.start = start;
      event.end = end;
    } else {
      const current = slot.event.overrides.get(slot.key);
      const subject = current && current !== 'deleted' ? current.subject : slot.event.subject;
      slot.event.overrides.set(slot.key, { start, end, subject });
    }
    await this.#changed(account);
  }

  /** Deletes one occurrence of a series, or a whole single event. */
  async deleteInstance(account: string, id: string): Promise<void> {
    const slot = this.#slot(account, id);
    if (slot) slot.event.overrides.set(slot.key, 'deleted');
    else this.#event(account, id).deleted = true;
    await this.#changed(account);
  }

  async deleteEvent(account: string, id: string): Promise<void> {
    this.#event(account, id).deleted = true;
    await this.#changed(account);
  }

  /** Sets (or clears) the end of a series' recurrence. */
  async endSeries(account: string, id: string, until: Date | null): Promise<void> {
    const event = this.#event(account, id);
    if (!event.recurrence) throw new Error(`${id} is not a series`);
    event.recurrence = { ...event.recurrence, until };
    await this.#changed(account);
  }

  /**
   * "This and following events": the series ends before `from` and a new series with the same people starts
   * at `from` (optionally at a new time or with a new subject), as Outlook and Google do.
   */
  async splitSeries(
    account: string,
    id: string,
    from: Date,
    changes: { start?: Date; end?: Date; subject?: string } = {},
  ): Promise<FakeEvent> {
    const event = this.#event(account, id);
    if (!event.recurrence) throw new Error(`${id} is not a series`);
    const length = event.end.getTime() - event.start.getTime();
    const start = changes.start ?? from;
    const next = await this.addEvent(account, {
      subject: changes.subject ?? event.subject,
      start,
      end: changes.end ?? new Date(start.getTime() + length),
      timeZone: event.timeZone,
      attendees: event.attendees,
      organizerName: event.organizer.name,
      recurrence: event.recurrence,
    });
    event.recurrence = { ...event.recurrence, until: new Date(from.getTime() - 1) };
    await this.#changed(account);
    return next;
  }

  /** An attendee answers: the provider reports the event as changed; a 1:1 must not change. */
  async respond(account: string, id: string, email: string, response: 'accepted' | 'declined') {
    this.#event(account, id).responses.set(email.toLowerCase(), response);
    await this.#changed(account);
  }

  // --- failure injection and counters -----------------------------------------------------------------------

  /** The next `count` requests of the account answer 429 with Retry-After. */
  throttle(account: string, count: number, retryAfterSeconds: number): void {
    this.#account(account).throttle = { remaining: count, retryAfterSeconds };
  }

  /** Every sync token and delta link of the account is forgotten: the next use answers 410 Gone. */
  expireSyncStates(account: string): void {
    for (const state of this.#syncStates.values()) {
      if (state.account === account.toLowerCase()) state.expired = true;
    }
  }

  /** The user revoked the app's access in their Google account: refreshing fails with invalid_grant. */
  revokeRefreshTokens(account: string): void {
    for (const [token, owner] of this.oauth.refreshTokens) {
      if (owner === account.toLowerCase()) this.oauth.refreshTokens.delete(token);
    }
  }

  requestCount(account: string): number {
    return this.#account(account).requests;
  }

  /** Counts the request; answers the Retry-After seconds when it must be refused with 429. */
  admit(account: string): number | null {
    const state = this.#account(account);
    state.requests += 1;
    if (state.throttle.remaining <= 0) return null;
    state.throttle.remaining -= 1;
    return state.throttle.retryAfterSeconds;
  }

  // --- reads for the protocol faces -------------------------------------------------------------------------

  instances(account: string, from: Date, to: Date): FakeInstance[] {
    return [...this.#account(account).events.values()]
      .flatMap((event) => instancesOf(event, from, to))
      .sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  findEvent(account: string, id: string): FakeEvent | null {
    return this.#account(account).events.get(id) ?? null;
  }

  /** A single event, a master, or one occurrence by its id (deleted ones are null). */
  findInstance(account: string, id: string): FakeInstance | FakeEvent | null {
    const event = this.findEvent(account, id);
    if (event) return event.deleted ? null : event;
    const slot = parseOccurrenceId(id);
    const master = slot ? this.findEvent(account, slot.masterId) : null;
    if (!slot || !master) return null;
    const day = 24 * 60 * 60 * 1000;
    return (
      instancesOf(
        master,
        new Date(slot.originalStart.getTime() - 40 * day),
        new Date(slot.originalStart.getTime() + 40 * day),
      ).find((instance) => instance.id === id) ?? null
    );
  }

  /** A full listing of the window: the instances, and a token that remembers them. */
  startSync(account: string, from: Date, to: Date) {
    const instances = this.instances(account, from, to);
    return { instances, removedIds: [] as string[], token: this.#remember(account, from, to, instances) };
  }

  /** What changed since a token: changed or new instances, and ids that left; null when the token expired. */
  changesSince(token: string) {
    const state = this.#syncStates.get(token);
    if (!state || state.expired) return null;
    const current = this.instances(state.account, state.from, state.to);
    const seen = new Set(current.map((instance) => instance.id));
    const instances = current.filter((instance) => state.snapshot.get(instance.id) !== versionOf(instance));
    const removedIds = [...state.snapshot.keys()].filter((id) => !seen.has(id));
    return { instances, removedIds, token: this.#remember(state.account, state.from, state.to, current) };
  }

  syncState(token: string): SyncState | null {
    return this.#syncStates.get(token) ?? null;
  }

  #remember(account: string, from: Date, to: Date, instances: readonly FakeInstance[]): string {
    const token = randomUUID().replaceAll('-', '');
    const snapshot = new Map(instances.map((instance) => [instance.id, versionOf(instance)]));
    this.#syncStates.set(token, { account: account.toLowerCase(), from, to, snapshot, expired: false });
    return token;
  }

  /** Keeps the rest of a listing for the next page; answers the first page and the token of the next. */
  page<T>(items: readonly T[], last: Record<string, unknown>) {
    const first = items.slice(0, this.pageSize);
    if (items.length <= this.pageSize) return { items: first, next: null, last };
    const next = randomUUID().replaceAll('-', '');
    this.#pages.set(next, { items: items.slice(this.pageSize), last });
    return { items: first, next, last: null };
  }

  nextPage(token: string) {
    const rest = this.#pages.get(token);
    if (!rest) return null;
    this.#pages.delete(token);
    return this.page(rest.items, rest.last);
  }

  // --- subscriptions -----------------------------------------------------------------------------------------

  async deliver(request: Delivery) {
    if (!this.#deliver) return { status: 503, body: '' };
    return this.#deliver(request);
  }

  async #changed(account: string): Promise<void> {
    const now = this.now();
    for (const subscription of this.subscriptions.values()) {
      if (subscription.account !== account.toLowerCase() || subscription.expiresAt <= now) continue;
      await this.deliver(notificationOf(subscription, now));
    }
  }

  #event(account: string, id: string): FakeEvent {
    const event = this.findEvent(account, id);
    if (!event) throw new Error(`no event ${id} in the calendar of ${account}`);
    return event;
  }

  #slot(account: string, id: string) {
    const slot = parseOccurrenceId(id);
    const event = slot ? this.findEvent(account, slot.masterId) : null;
    return slot && event ? { event, key: slot.originalStart.getTime() } : null;
  }
}

/** Graph: a JSON list of changes with the clientState; Google: headers only, the token in X-Goog-Channel-Token. */
export function notificationOf(subscription: FakeSubscription, now: Date, state = 'exists'): Delivery {
  if (subscription.face === 'graph') {
    return {
      url: subscription.url,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        value: [
          {
            subscriptionId: subscription.id,
            clientState: subscription.secret,
            changeType: 'updated',
            resource: 'me/events',
            subscriptionExpirationDateTime: subscription.expiresAt.toISOString(),
            tenantId: 'fake',
          },
        ],
      }),
    };
  }
  return {
    url: subscription.url,
    headers: {
      'x-goog-channel-id': subscription.id,
      'x-goog-channel-token': subscription.secret,
      'x-goog-resource-id': subscription.resourceId,
      'x-goog-resource-state': state,
      'x-goog-message-number': String(now.getTime()),
    },
    body: '',
  };
}
