// Rename and retime (SPEC.md "From the app": either participant changes the name, date and time of a 1:1 or
// a series). One instance moves on its own; a series moves from its next occurrence on.
import { validateEdit } from '../domain/meeting-fields.ts';
import { occurrencesBetween, type Schedule } from '../domain/recurrence.ts';
import { RuleError } from '../domain/rule-error.ts';
import type { Meeting, Series } from '../domain/types.ts';
import { AppError, ErrorStatus } from '../errors/app-error.ts';
import type { RetimePatch } from '../schemas/one-on-ones.ts';
import type { Store } from '../store/store.ts';
import { meetingView } from './build-cards.ts';
import { materialiseSeries } from './materialise-series.ts';
import { isMovedInstance } from './series-state.ts';

/** A step longer than any recurrence step (a month, or three weeks), to bound a search ahead. */
const LONGEST_STEP_MS = 35 * 24 * 60 * 60 * 1000;

const toDates = (patch: RetimePatch) => ({
  ...(patch.title !== undefined ? { title: patch.title } : {}),
  ...(patch.start !== undefined ? { start: new Date(patch.start) } : {}),
  ...(patch.end !== undefined ? { end: new Date(patch.end) } : {}),
});

async function recordUpdated(store: Store, actorId: string, meetings: readonly Meeting[], now: Date) {
  for (const meeting of meetings) {
    if (meeting.deleted) continue;
    await store.changes.record({
      tenantId: meeting.tenantId,
      meetingId: meeting.id,
      actorId,
      type: 'meeting.updated',
      payload: { meeting: meetingView(meeting) },
      at: now,
    });
  }
}

/**
 * One 1:1 (single, or one instance of a series) gets a new name or time. An instance keeps the slot the
 * recurrence gave it (`occurrenceStart`), so the top-up job does not re-create it where it was.
 */
export async function editMeeting(
  store: Store,
  userId: string,
  meeting: Meeting,
  patch: RetimePatch,
  now: Date,
): Promise<Meeting> {
  const changes = validateEdit(userId, meeting, toDates(patch));
  if (Object.keys(changes).length === 0) return meeting;
  const updated = await store.meetings.update(meeting.tenantId, meeting.id, changes);
  if (!updated) throw AppError.notFound('1:1');
  await recordUpdated(store, userId, [updated], now);
  return updated;
}

/**
 * A series retime, as the "Edit series" form shows it: `start`/`end` are the new times of the series'
 * next occurrence (the first slot after now), and the recurrence continues from there in the owner's
 * zone. Only `start`: the length stays. Only `end`: the next occurrence keeps its start.
 * - Each slot from that occurrence on maps to the slot of the new schedule with the same rank, so the
 *   n-th next 1:1 stays the n-th next 1:1 with its topics, notes and deletion.
 * - Instances that were not moved on their own take the new times; moved ones keep their times and
 *   only take the new slot (so the top-up job does not add a second 1:1 that week).
 * - An instance whose new time falls after the end date of the repetition is deleted.
 * - Instances that started already keep their times; the new times must be in the future.
 * A rename reaches the instances not yet ended that still carry the series' old title.
 */
export async function editSeries(
  store: Store,
  userId: string,
  series: Series,
  patch: RetimePatch,
  now: Date,
): Promise<Series> {
  const next = nextSlot(series, now);
  const requested = toDates(patch);
  if ((requested.start || requested.end) && !next) {
    throw new AppError(
      ErrorStatus.unprocessable,
      'SERIES_ENDED',
      'This series has no future 1:1 left to move.',
    );
  }
  // Only a new start: the length stays.
  if (requested.start && !requested.end) {
    requested.end = new Date(requested.start.getTime() + series.end.getTime() - series.start.getTime());
  }
  const changes = validateEdit(userId, { ...series, ...(next ?? {}) }, requested);
  if (Object.keys(changes).length === 0) return series;

  const instances = await store.meetings.listBySeries(series.tenantId, series.id, { includeDeleted: true });
  const touched = new Map<string, Meeting>();
  let updated = series;
  if (next && (changes.start || changes.end)) {
    const start = changes.start ?? next.start;
    const end = changes.end ?? next.end;
    assertCanMoveSeriesTo(series, start, now);
    const target = {
      start,
      end,
      timeZone: series.timeZone,
      recurrence: { ...series.recurrence, until: null },
    };
    for (const meeting of await reslot(store, series, instances, next.start, target)) {
      touched.set(meeting.id, meeting);
    }
    updated = { ...updated, start, end };
  }
  if (changes.title) {
    for (const meeting of await renameInstances(store, series, instances, changes.title, now)) {
      touched.set(meeting.id, { ...(touched.get(meeting.id) ?? meeting), title: meeting.title });
    }
    updated = { ...updated, title: changes.title };
  }

  const saved = await store.series.update(series.tenantId, series.id, {
    title: updated.title,
    start: updated.start,
    end: updated.end,
  });
  if (!saved) throw AppError.notFound('1:1');
  await materialiseSeries(store, saved, now);
  await recordUpdated(store, userId, [...touched.values()], now);
  return saved;
}

/** The first slot of the series after now; a series that starts later is searched from its first start. */
function nextSlot(series: Series, now: Date) {
  const searchFrom = Math.max(now.getTime(), series.start.getTime());
  return occurrencesBetween(series, new Date(now.getTime() + 1), new Date(searchFrom + LONGEST_STEP_MS))[0];
}

function assertCanMoveSeriesTo(series: Series, start: Date, now: Date): void {
  if (start.getTime() <= now.getTime()) {
    throw new AppError(
      ErrorStatus.unprocessable,
      'SERIES_RETIME_PAST',
      'A series can only be moved to a time in the future; move a past 1:1 on its own.',
    );
  }
  if (series.recurrence.until && start > series.recurrence.until) throw new RuleError('UNTIL_BEFORE_START');
}

/** Instances not yet ended that still carry the series' old title take the new one; returns them renamed. */
async function renameInstances(
  store: Store,
  series: Series,
  instances: readonly Meeting[],
  title: string,
  now: Date,
): Promise<Meeting[]> {
  const renamed = instances
    .filter((meeting) => meeting.title === series.title && meeting.end > now)
    .map((meeting) => ({ ...meeting, title }));
  await store.meetings.updateMany(
    series.tenantId,
    renamed.map((meeting) => meeting.id),
    { title },
  );
  return renamed;
}

/** Moves the instances from slot `from` on to the slots of the same rank in `target`; returns them moved. */
async function reslot(
  store: Store,
  series: Series,
  instances: readonly Meeting[],
  from: Date,
  target: Schedule,
): Promise<Meeting[]> {
  const affected = instances.filter(
    (meeting) => meeting.occurrenceStart !== null && meeting.occurrenceStart >= from,
  );
  if (affected.length === 0) return [];
  const lastSlot = Math.max(...affected.map((meeting) => meeting.occurrenceStart?.getTime() ?? 0));
  const oldSlots = occurrencesBetween(series, from, new Date(lastSlot + 1)).map((slot) =>
    slot.start.getTime(),
  );
  const newSlots = occurrencesBetween(
    target,
    target.start,
    new Date(target.start.getTime() + (oldSlots.length + 1) * LONGEST_STEP_MS),
  );
  const until = series.recurrence.until;
  const moved: Meeting[] = [];
  const dropped: string[] = [];
  for (const meeting of affected) {
    const rank = oldSlots.indexOf(meeting.occurrenceStart?.getTime() ?? Number.NaN);
    const slot = newSlots[rank];
    // A slot the old schedule does not have (bad data) stays where it is.
    if (rank < 0 || !slot) continue;
    const keepTimes = isMovedInstance(series, meeting);
    const beyondEnd = !keepTimes && until !== null && slot.start > until;
    if (beyondEnd && !meeting.deleted) dropped.push(meeting.id);
    moved.push({
      ...meeting,
      occurrenceStart: slot.start,
      start: keepTimes ? meeting.start : slot.start,
      end: keepTimes ? meeting.end : slot.end,
      deleted: meeting.deleted || beyondEnd,
    });
  }
  await store.meetings.moveInstances(
    series.tenantId,
    series.id,
    moved.map(({ id, start, end, occurrenceStart }) => ({
      id,
      start,
      end,
      occurrenceStart: occurrenceStart ?? start,
    })),
  );
  await store.meetings.updateMany(series.tenantId, dropped, { deleted: true });
  return moved;
}
