// The domain entities of SPEC.md as plain values; the store maps its documents (ObjectId, BSON dates) to these.

/** Every id is a string here; the store converts ObjectId ↔ string at its edge. */
export type Id = string;

export type Tenant = {
  id: Id;
  /** The module's display name, "1:1s" unless an admin renamed it. */
  moduleName: string;
  enabled: boolean;
};

export type UserPreferences = {
  /** The "1:1 notifications" switch: the one-hour reminder is the only notification a user can turn off. */
  reminderBeforeMeeting: boolean;
  /** Hides my own private notes from my view (screen sharing); remembered per user. */
  showPrivateNotes: boolean;
};

export type User = {
  id: Id;
  tenantId: Id;
  displayName: string;
  email: string;
  /** IANA zone, e.g. "Europe/Berlin". */
  timeZone: string;
  preferences: UserPreferences;
};

/** The two participants of a 1:1: the owner (creator) and the other person. */
export type ParticipantIds = readonly [Id, Id];

export const FREQUENCIES = ['weekly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/**
 * The recurrences SPEC.md supports: weekly, every 2 weeks, every 3 weeks, monthly.
 * `until` is the last instant an instance may start at (inclusive), or null for no end.
 */
export type Recurrence =
  | { frequency: 'weekly'; interval: 1 | 2 | 3; until: Date | null }
  | { frequency: 'monthly'; interval: 1; until: Date | null };

export const CONNECTIONS = ['none', 'connected', 'disconnected'] as const;
export type Connection = (typeof CONNECTIONS)[number];

export type Series = {
  id: Id;
  tenantId: Id;
  ownerId: Id;
  participantIds: ParticipantIds;
  /** pairKey(participantIds): unique per tenant among active (not archived) series. */
  pairKey: string;
  title: string;
  recurrence: Recurrence;
  /** Start and end of the first instance, in UTC; the recurrence repeats them in `timeZone`. */
  start: Date;
  end: Date;
  /** The owner's IANA zone, in which the recurrence is computed. */
  timeZone: string;
  connection: Connection;
  archived: boolean;
};

export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export type SharedNotes = {
  text: string;
  /** Incremented by every saved change; clients send the version their edit is based on. */
  version: number;
};

export type Meeting = {
  id: Id;
  tenantId: Id;
  /** null for a single 1:1. */
  seriesId: Id | null;
  ownerId: Id;
  participantIds: ParticipantIds;
  title: string;
  start: Date;
  end: Date;
  /**
   * For a series instance: the start the recurrence gave it (like iCalendar's RECURRENCE-ID), kept
   * when the instance is moved, so the top-up job recognises it and does not re-create the slot.
   * null for a single 1:1.
   */
  occurrenceStart: Date | null;
  /** cancelled = deleted in the calendar: stays listed with a strikethrough. */
  status: MeetingStatus;
  /** "Delete this instance": hidden everywhere but kept so the recurrence does not re-create it. */
  deleted: boolean;
  /** Archive state of a single 1:1 (a series instance follows its series). */
  archived: boolean;
  rolledOverAt: Date | null;
  sharedNotes: SharedNotes;
  /** Connected: the event of the owner's calendar this 1:1 is (set by calendar import and sync only). */
  calendarEventId?: string;
};

export const ITEM_KINDS = ['topic', 'action'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** A topic or an action item of one meeting. */
export type Item = {
  id: Id;
  tenantId: Id;
  meetingId: Id;
  kind: ItemKind;
  text: string;
  /** The text itself when it is a single http(s) URL (rendered as a link), else null. */
  url: string | null;
  authorId: Id;
  /** fractional-indexing key; items of one meeting and kind sort by it. */
  orderKey: string;
  completed: boolean;
  completedAt: Date | null;
  /** Set when the item rolled over: this document is then the read-only trace in the past meeting. */
  movedTo: Id | null;
  /** The meeting this item rolled over from. */
  movedFrom: Id | null;
  /** The item it was copied from by roll-over: a unique key that makes the copy idempotent. */
  movedFromItemId: Id | null;
  /** Action items only: one of the two participants. */
  assigneeId: Id | null;
  /** Action items only: a calendar day "YYYY-MM-DD" (a day, not an instant). */
  due: string | null;
};

/** One per participant per meeting; visible only to its author. */
export type PrivateNote = {
  id: Id;
  tenantId: Id;
  meetingId: Id;
  authorId: Id;
  text: string;
};
