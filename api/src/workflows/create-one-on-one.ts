// "Create new 1:1" from scratch (SPEC.md "Creating 1:1s"): a single 1:1, or a series with its first instances.

import { validateNewOneOnOne } from '../domain/meeting-fields.ts';
import { newMeeting } from '../domain/new-meeting.ts';
import { pairKey } from '../domain/pair-key.ts';
import { untilFromDay } from '../domain/recurrence.ts';
import { RuleError } from '../domain/rule-error.ts';
import type { Meeting, Series } from '../domain/types.ts';
import { AppError, ErrorStatus } from '../errors/app-error.ts';
import type { CreateOneOnOne } from '../schemas/one-on-ones.ts';
import type { Store } from '../store/store.ts';
import type { User } from '../store/users.ts';
import type { CardSource } from './build-cards.ts';
import { materialiseSeries } from './materialise-series.ts';

function participantUnknown(): AppError {
  return new AppError(
    ErrorStatus.unprocessable,
    'PARTICIPANT_UNKNOWN',
    'The other participant must be a person of your organization.',
  );
}

/**
 * Creates the 1:1 and answers what its card is built from. The owner's IANA zone (`owner.timeZone`)
 * is the zone of the recurrence and of the end date. `addToCalendar` needs a connected calendar,
 * which nobody has until the calendar issue lands, so a from-scratch 1:1 is not connected.
 */
export async function createOneOnOne(
  store: Store,
  owner: User,
  input: CreateOneOnOne,
  now: Date,
): Promise<CardSource> {
  const tenantId = owner.tenantId;
  const repeat = input.repeat ?? 'none';
  const participant = await store.users.findById(tenantId, input.participantId);
  if (!participant) throw participantUnknown();

  const until = repeat !== 'none' && input.until ? untilFromDay(input.until, owner.timeZone) : null;
  const active =
    repeat === 'none'
      ? null
      : await store.series.findActiveByPair(tenantId, pairKey(owner.id, participant.id));
  const checked = validateNewOneOnOne({
    ownerId: owner.id,
    participantId: participant.id,
    title: input.title,
    start: new Date(input.start),
    end: new Date(input.end),
    repeat,
    until,
    activeSeriesIdOfPair: active?.id ?? null,
  });

  if (checked.recurrence === null) {
    const [meeting] = await store.meetings.insertMany([singleOf(tenantId, owner.id, checked)], now);
    if (!meeting) throw new Error('the 1:1 was not stored');
    return { kind: 'single', meeting };
  }

  const inserted = await store.series.insert(
    {
      tenantId,
      ownerId: owner.id,
      participantIds: checked.participantIds,
      pairKey: checked.pairKey,
      title: checked.title,
      recurrence: checked.recurrence,
      start: checked.start,
      end: checked.end,
      timeZone: owner.timeZone,
      connection: 'none',
      archived: false,
    },
    now,
  );
  // Two creations at once: the unique index is the last word on "one active series per pair".
  if (!inserted.ok)
    throw new RuleError('ONE_SERIES_PER_PAIR', { existingSeriesId: inserted.existingSeriesId });
  const series: Series = inserted.series;
  await materialiseSeries(store, series, now);
  const instances = await store.meetings.listBySeries(tenantId, series.id);
  return { kind: 'series', series, instances };
}

function singleOf(
  tenantId: string,
  ownerId: string,
  checked: ReturnType<typeof validateNewOneOnOne>,
): Omit<Meeting, 'id'> {
  const { participantIds, title, start, end } = checked;
  return newMeeting({
    tenantId,
    seriesId: null,
    ownerId,
    participantIds,
    title,
    start,
    end,
    occurrenceStart: null,
  });
}
