// Roll-over: which open items of past series meetings move to which following meeting, as an idempotent plan.
import { keyForAppend, sortByOrder } from './order-keys.ts';
import { hasRecurrenceEnded } from './recurrence.ts';
import type { Id, Item, ItemKind, Meeting, Series } from './types.ts';

/** SPEC.md: an item not complete three hours after its 1:1 ends moves on. */
export const ROLL_OVER_DELAY_MS = 3 * 60 * 60 * 1000;

export type RollOverMeeting = Pick<
  Meeting,
  'id' | 'seriesId' | 'start' | 'end' | 'status' | 'deleted' | 'rolledOverAt'
>;
export type RollOverItem = Pick<Item, 'id' | 'meetingId' | 'kind' | 'orderKey' | 'completed' | 'movedTo'>;

export type RollOverMove = { itemId: Id; toMeetingId: Id; newOrderKey: string };

/** One meeting's roll-over: copy each moved item to its target, mark the source as a trace, mark the meeting. */
export type RollOverStep = { meetingId: Id; markRolledOver: true; moves: RollOverMove[] };

export type RollOverInput = {
  /** Every instance of the series concerned (deleted and cancelled too): targets are found among them. */
  meetings: readonly RollOverMeeting[];
  /** Every item of those meetings: open ones move, and the targets' keys place the moved ones last. */
  items: readonly RollOverItem[];
  now: Date;
  /** Series that will get no further instance (see hasSeriesEnded). */
  endedSeriesIds?: ReadonlySet<Id>;
};

/** No instance will follow any more: archived, or its recurrence's until date is behind us. */
export function hasSeriesEnded(series: Pick<Series, 'archived' | 'recurrence'>, now: Date): boolean {
  return series.archived || hasRecurrenceEnded(series.recurrence, now);
}

function graceOver(meeting: RollOverMeeting, now: Date): boolean {
  return meeting.end.getTime() + ROLL_OVER_DELAY_MS <= now.getTime();
}

/** A series meeting, not deleted (cancelled ones included), three hours past its end, not yet rolled over. */
export function isDueForRollOver(meeting: RollOverMeeting, now: Date): boolean {
  return (
    meeting.seriesId !== null && !meeting.deleted && meeting.rolledOverAt === null && graceOver(meeting, now)
  );
}

/**
 * Where a meeting's items go: the next instance by start that is held (scheduled, not deleted) and that
 * still takes items (not yet due itself). Skipping instances that are due in the same run sends an item
 * straight to its final 1:1 — the same result as rolling A→B then B→C, with one trace instead of two.
 */
function targetAfter(sorted: readonly RollOverMeeting[], index: number, now: Date): RollOverMeeting | null {
  for (const candidate of sorted.slice(index + 1)) {
    const held = candidate.status === 'scheduled' && !candidate.deleted;
    if (held && candidate.rolledOverAt === null && !graceOver(candidate, now)) return candidate;
  }
  return null;
}

function byStart(a: RollOverMeeting, b: RollOverMeeting): number {
  return a.start.getTime() - b.start.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The last order key per (meeting, kind), advanced as items are placed so moved items keep their order. */
class LastKeys {
  readonly #keys = new Map<string, string | null>();

  constructor(items: readonly RollOverItem[]) {
    for (const item of items) {
      const key = `${item.meetingId} ${item.kind}`;
      const last = this.#keys.get(key) ?? null;
      if (last === null || item.orderKey > last) this.#keys.set(key, item.orderKey);
    }
  }

  next(meetingId: Id, kind: ItemKind): string {
    const key = `${meetingId} ${kind}`;
    const last = this.#keys.get(key);
    const orderKey = keyForAppend(last ? [last] : []);
    this.#keys.set(key, orderKey);
    return orderKey;
  }
}

function seriesSteps(
  sorted: readonly RollOverMeeting[],
  input: RollOverInput,
  keys: LastKeys,
): RollOverStep[] {
  const steps: RollOverStep[] = [];
  sorted.forEach((meeting, index) => {
    if (!isDueForRollOver(meeting, input.now)) return;
    const target = targetAfter(sorted, index, input.now);
    if (target === null) {
      // End of series: items stay. Marked only once no instance can follow; otherwise retried next run.
      if (meeting.seriesId !== null && input.endedSeriesIds?.has(meeting.seriesId)) {
        steps.push({ meetingId: meeting.id, markRolledOver: true, moves: [] });
      }
      return;
    }
    const open = sortByOrder(
      input.items.filter((item) => item.meetingId === meeting.id && !item.completed && item.movedTo === null),
    );
    const moves = open.map((item) => ({
      itemId: item.id,
      toMeetingId: target.id,
      newOrderKey: keys.next(target.id, item.kind),
    }));
    steps.push({ meetingId: meeting.id, markRolledOver: true, moves });
  });
  return steps;
}

/**
 * The roll-over plan for `now`. Each step is independent and idempotent when the store applies it so:
 * insert each copy (rolledOverCopy; a unique index on movedFromItemId turns a repeat into a no-op), set
 * the source's movedTo where it is still null, then set the meeting's rolledOverAt where it is still
 * null. A crash between steps leaves a meeting unmarked, and the next run plans only what is left.
 * Single 1:1s never roll over. Topics and action items are separate lists, each moved after the
 * target's own items of its kind, in source-meeting order, then in their order within the source.
 */
export function planRollOver(input: RollOverInput): RollOverStep[] {
  const bySeries = new Map<Id, RollOverMeeting[]>();
  for (const meeting of input.meetings) {
    if (meeting.seriesId === null) continue;
    bySeries.set(meeting.seriesId, [...(bySeries.get(meeting.seriesId) ?? []), meeting]);
  }
  const keys = new LastKeys(input.items);
  return [...bySeries.keys()]
    .sort()
    .flatMap((seriesId) => seriesSteps([...(bySeries.get(seriesId) ?? [])].sort(byStart), input, keys));
}

/** The item as it lives on in the following meeting (the store gives it a new id). */
export function rolledOverCopy(item: Item, move: RollOverMove): Omit<Item, 'id'> {
  const { id: sourceId, ...fields } = item;
  return {
    ...fields,
    meetingId: move.toMeetingId,
    orderKey: move.newOrderKey,
    completed: false,
    completedAt: null,
    movedTo: null,
    movedFrom: item.meetingId,
    movedFromItemId: sourceId,
  };
}
