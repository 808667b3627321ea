// The one interface over Microsoft Graph and Google Calendar; the sync engine and the import never see a payload.
import type {
  CalendarChanges,
  CalendarEvent,
  CalendarProviderName,
  EventPerson,
  EventRecurrence,
  TimeWindow,
} from './calendar-event.ts';

/** An event the two-way option writes to the owner's calendar. */
export interface NewCalendarEvent {
  readonly subject: string;
  readonly start: Date;
  readonly end: Date;
  /** IANA zone the recurrence repeats in. */
  readonly timeZone: string;
  readonly attendees: readonly EventPerson[];
  readonly recurrence: Exclude<EventRecurrence, { kind: 'other' }> | null;
}

/** A Graph change-notification subscription or a Google watch channel. */
export interface CalendarSubscription {
  readonly id: string;
  /** Google's resourceId (needed to stop a channel); null for Graph. */
  readonly resourceId: string | null;
  /** What the provider granted, read from its answer (never assumed). */
  readonly expiresAt: Date;
}

export interface SubscribeInput {
  readonly notificationUrl: string;
  /** Graph's clientState, Google's channel token: echoed back in every notification and checked. */
  readonly secret: string;
  /** What we ask for; the provider may grant less. */
  readonly expiresAt: Date;
}

export interface CalendarProvider {
  readonly name: CalendarProviderName;
  /** Singles, occurrences and exceptions that start in the window, every page followed. */
  listInstances(window: TimeWindow): Promise<CalendarEvent[]>;
  /** One event (a master with its recurrence), or null when it no longer exists. */
  getEvent(id: string): Promise<CalendarEvent | null>;
  /** The occurrences and exceptions of one series master in the window (moved single occurrences included). */
  listOccurrences(masterId: string, window: TimeWindow): Promise<CalendarEvent[]>;
  /**
   * Changes since `cursor` (Graph delta link, Google sync token); a null or expired cursor lists the whole
   * window again (`full: true`). Events outside the window may be reported; the caller filters them.
   */
  changes(cursor: string | null, window: TimeWindow): Promise<CalendarChanges>;
  createEvent(event: NewCalendarEvent): Promise<CalendarEvent>;
  subscribe(input: SubscribeInput): Promise<CalendarSubscription>;
  renewSubscription(subscription: CalendarSubscription, input: SubscribeInput): Promise<CalendarSubscription>;
  unsubscribe(subscription: CalendarSubscription): Promise<void>;
}
