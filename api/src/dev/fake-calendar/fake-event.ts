// The calendar data behind the local Graph and Google fakes: events with recurrences and per-occurrence
// exceptions, expanded into instances the way both providers do. Shared by tests, development mode and bench.
import { DateTime } from 'luxon';

export interface FakePerson {
  readonly email: string;
  readonly name: string;
  /** A room or equipment: never a person of the meeting. */
  readonly resource?: boolean;
}

export interface FakeRecurrence {
  readonly frequency: 'daily' | 'weekly' | 'monthly';
  readonly interval: number;
  /** Last instant an occurrence may start, or null. */
  readonly until: Date | null;
  /** Weekly on several days (e.g. a stand-up on Mon and Wed): reported, never offered. */
  readonly weekdays?: number;
}

export type Override = { start: Date; end: Date; subject: string } | 'deleted';

export interface FakeEvent {
  id: string;
  iCalUId: string;
  subject: string;
  /** The first occurrence of a series, or the single event. */
  start: Date;
  end: Date;
  /** IANA zone (the Graph face reports its Windows name). */
  timeZone: string;
  organizer: FakePerson;
  attendees: FakePerson[];
  recurrence: FakeRecurrence | null;
  /** Occurrences changed on their own, by their original start (ms). */
  overrides: Map<number, Override>;
  /** Attendee responses: a decline changes the event for the provider, not for a 1:1. */
  responses: Map<string, 'accepted' | 'declined'>;
  deleted: boolean;
}

export interface FakeInstance {
  readonly id: string;
  readonly event: FakeEvent;
  readonly kind: 'single' | 'occurrence' | 'exception';
  readonly subject: string;
  readonly start: Date;
  readonly end: Date;
  readonly originalStart: Date | null;
}

/** Ids of occurrences as both providers build them: the master id and the original start. */
export function occurrenceId(masterId: string, originalStart: Date): string {
  return `${masterId}_${DateTime.fromJSDate(originalStart, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'")}`;
}

export function parseOccurrenceId(id: string): { masterId: string; originalStart: Date } | null {
  const match = /^(.+)_(\d{8}T\d{6}Z)$/.exec(id);
  if (!match?.[1] || !match[2]) return null;
  const start = DateTime.fromFormat(match[2], "yyyyMMdd'T'HHmmss'Z'", { zone: 'utc' });
  return start.isValid ? { masterId: match[1], originalStart: start.toJSDate() } : null;
}

/** The n-th slot of a series, computed from the first start in the event's zone (DST-safe). */
function slotAt(event: FakeEvent, first: DateTime, n: number): Date {
  const recurrence = event.recurrence;
  if (!recurrence) return event.start;
  const step = n * recurrence.interval;
  const slot =
    recurrence.frequency === 'daily'
      ? first.plus({ days: step })
      : recurrence.frequency === 'weekly'
        ? first.plus({ weeks: step })
        : first.plus({ months: step });
  return slot.toJSDate();
}

/** A slot index a little before `from`, so expanding a long-running series does not walk from its start. */
function firstIndexNear(event: FakeEvent, from: Date): number {
  const recurrence = event.recurrence;
  if (!recurrence) return 0;
  const days = recurrence.frequency === 'daily' ? 1 : recurrence.frequency === 'weekly' ? 7 : 31;
  const step = days * recurrence.interval * 24 * 60 * 60 * 1000;
  return Math.max(0, Math.floor((from.getTime() - event.start.getTime()) / step) - 2);
}

const MARGIN_MS = 40 * 24 * 60 * 60 * 1000;

/** Every instance of an event that starts in [from, to), exceptions applied, deleted occurrences left out. */
export function instancesOf(event: FakeEvent, from: Date, to: Date): FakeInstance[] {
  if (event.deleted) return [];
  const inWindow = (start: Date) => start >= from && start < to;
  if (!event.recurrence) {
    const single: FakeInstance = {
      id: event.id,
      event,
      kind: 'single',
      subject: event.subject,
      start: event.start,
      end: event.end,
      originalStart: null,
    };
    return inWindow(event.start) ? [single] : [];
  }
  const length = event.end.getTime() - event.start.getTime();
  const until = event.recurrence.until?.getTime() ?? Number.POSITIVE_INFINITY;
  const instances: FakeInstance[] = [];
  // A moved exception may land in the window from a slot outside it: look a little around.
  const first = DateTime.fromJSDate(event.start, { zone: event.timeZone });
  for (let n = firstIndexNear(event, new Date(from.getTime() - MARGIN_MS)); ; n++) {
    const slot = slotAt(event, first, n);
    if (slot.getTime() > until || slot.getTime() >= to.getTime() + MARGIN_MS) break;
    if (slot.getTime() < from.getTime() - MARGIN_MS) continue;
    const override = event.overrides.get(slot.getTime());
    if (override === 'deleted') continue;
    const instance: FakeInstance = {
      id: occurrenceId(event.id, slot),
      event,
      kind: override ? 'exception' : 'occurrence',
      subject: override?.subject ?? event.subject,
      start: override?.start ?? slot,
      end: override?.end ?? new Date(slot.getTime() + length),
      originalStart: slot,
    };
    if (inWindow(instance.start)) instances.push(instance);
  }
  return instances;
}

/** What a delta or sync token compares: an instance changed when any of this changed. */
export function versionOf(instance: FakeInstance): string {
  return JSON.stringify([
    instance.subject,
    instance.start.getTime(),
    instance.end.getTime(),
    instance.event.recurrence?.until?.getTime() ?? null,
    [...instance.event.responses.entries()],
  ]);
}
