// The roll-over sweep (SPEC.md "Roll-over"): claims due series meetings, moves their open topics and action items
// to the following 1:1 in bulk writes, and marks them; a run that crashed half-way is finished by the next one.
import { hasSeriesEnded, planRollOver, ROLL_OVER_DELAY_MS, rolledOverCopy } from '../domain/rollover.ts';
import type { Id, Meeting } from '../domain/types.ts';
import { SYSTEM_ACTOR_ID } from '../store/changes.ts';
import type { Store } from '../store/store.ts';

export interface RollOverOptions {
  /** Who claims (unique per run): only the holder of a claim applies its plan. */
  readonly owner: string;
  /** Meetings claimed and moved per round of bulk writes. */
  readonly batchSize?: number;
  /** How long a claim lasts: a run that died is resumed by a sweep after that. */
  readonly claimMs?: number;
}

export interface RollOverResult {
  /** Meetings marked as rolled over by this run. */
  rolledOver: number;
  /** Items moved to a following 1:1. */
  moved: number;
  /** Due meetings left for a later run (no following 1:1 yet, or claimed by another process). */
  left: number;
}

const DEFAULT_BATCH = 500;
const DEFAULT_CLAIM_MS = 5 * 60 * 1000;

/** Runs the sweep at `now` over every due meeting, batch after batch. */
export async function rollOverDueMeetings(
  store: Store,
  now: Date,
  options: RollOverOptions,
): Promise<RollOverResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const claimUntil = new Date(now.getTime() + (options.claimMs ?? DEFAULT_CLAIM_MS));
  const endedBefore = new Date(now.getTime() - ROLL_OVER_DELAY_MS);
  const total: RollOverResult = { rolledOver: 0, moved: 0, left: 0 };
  let after: { end: Date; id: string } | null = null;
  for (;;) {
    const due = await store.meetings.listDueForRollOver(endedBefore, now, batchSize, after);
    const last = due.at(-1);
    if (!last) return total;
    after = { end: last.end, id: last.id };
    const claimed = new Set(
      await store.meetings.claimForRollOver(
        due.map((meeting) => meeting.id),
        options.owner,
        now,
        claimUntil,
      ),
    );
    const result = await rollOverClaimed(
      store,
      due.filter((meeting) => claimed.has(meeting.id)),
      options.owner,
      now,
    );
    total.rolledOver += result.rolledOver;
    total.moved += result.moved;
    total.left += due.length - result.rolledOver;
  }
}

/** One batch: plan the claimed meetings' series, then copy, mark the traces, mark the meetings. */
async function rollOverClaimed(
  store: Store,
  claimedMeetings: readonly Meeting[],
  owner: string,
  now: Date,
): Promise<Omit<RollOverResult, 'left'>> {
  if (claimedMeetings.length === 0) return { rolledOver: 0, moved: 0 };
  const claimed = new Set(claimedMeetings.map((meeting) => meeting.id));
  const seriesIds = [...new Set(claimedMeetings.flatMap((meeting) => meeting.seriesId ?? []))];
  const [instances, series] = await Promise.all([
    store.meetings.listInstancesOfSeries(seriesIds),
    store.series.findManyByIds(seriesIds),
  ]);
  // Items matter in the claimed meetings (they move) and in the instances still ahead (they are targets).
  const holders = instances.filter(
    (meeting) => claimed.has(meeting.id) || meeting.end.getTime() + ROLL_OVER_DELAY_MS > now.getTime(),
  );
  const items = await store.items.listForMeetingIds(holders.map((meeting) => meeting.id));
  const plan = planRollOver({
    meetings: instances,
    items,
    now,
    endedSeriesIds: new Set(series.filter((s) => hasSeriesEnded(s, now)).map((s) => s.id)),
  }).filter((step) => claimed.has(step.meetingId));

  const byId = new Map(items.map((item) => [item.id, item]));
  const meetingsById = new Map(instances.map((meeting) => [meeting.id, meeting]));
  const copies = plan.flatMap((step) =>
    step.moves.flatMap((move) => {
      const item = byId.get(move.itemId);
      const source = meetingsById.get(step.meetingId);
      return item && source
        ? [{ item: rolledOverCopy(item, move), participantIds: source.participantIds }]
        : [];
    }),
  );
  const existed = await store.items.insertRolledOverCopies(copies, now);
  const movedTo = new Map(
    plan.flatMap((step) => step.moves.map((move) => [move.itemId, move.toMeetingId] as const)),
  );
  // A copy made by a crashed run may live in a target this plan would not pick: ask where it is.
  // Copies only ever go forward in time, to instances starting after the earliest claimed meeting.
  if (existed.size > 0) {
    const earliest = Math.min(...claimedMeetings.map((meeting) => meeting.start.getTime()));
    const actual = await store.items.copyMeetingsOf(
      [...existed],
      instances.filter((meeting) => meeting.start.getTime() > earliest).map((meeting) => meeting.id),
    );
    for (const [itemId, meetingId] of actual) movedTo.set(itemId, meetingId);
  }
  await store.items.markMoved(movedTo);
  const done = plan.map((step) => step.meetingId);
  await store.meetings.markRolledOver(done, owner, now);
  const doneSet = new Set(done);
  await store.meetings.releaseRollOverClaims(
    [...claimed].filter((id) => !doneSet.has(id)),
    owner,
  );
  await store.changes.recordMany(changesOf(plan, meetingsById, now));
  return { rolledOver: done.length, moved: movedTo.size };
}

/** Both meetings of each move change: the live stream of either participant reloads them. */
function changesOf(plan: ReturnType<typeof planRollOver>, meetings: ReadonlyMap<Id, Meeting>, now: Date) {
  const touched = new Map<Id, Meeting>();
  for (const step of plan) {
    if (step.moves.length === 0) continue;
    for (const id of [step.meetingId, ...step.moves.map((move) => move.toMeetingId)]) {
      const meeting = meetings.get(id);
      if (meeting) touched.set(id, meeting);
    }
  }
  return [...touched.values()].map((meeting) => ({
    tenantId: meeting.tenantId,
    meetingId: meeting.id,
    actorId: SYSTEM_ACTOR_ID,
    type: 'meeting.updated' as const,
    payload: { rolledOver: true },
    at: now,
  }));
}
