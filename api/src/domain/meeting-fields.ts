// Validation of what people type when creating, renaming or retiming a 1:1 or a series.
import { pairKey } from './pair-key.ts';
import { assertParticipant } from './permissions.ts';
import { type Repeat, recurrenceFromRepeat } from './recurrence.ts';
import { RuleError } from './rule-error.ts';
import type { Id, Meeting, Recurrence, Series } from './types.ts';

export const TITLE_MAX_LENGTH = 200;

/** The stored title: trimmed, not empty, at most 200 characters. */
export function validateTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed === '') throw new RuleError('TITLE_EMPTY');
  if (trimmed.length > TITLE_MAX_LENGTH) throw new RuleError('TITLE_TOO_LONG');
  return trimmed;
}

function assertValidDate(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RuleError('INVALID_DATE');
}

/** A 1:1 ends after it starts (a zero-length 1:1 is refused too). */
export function validateTimes(start: Date, end: Date): void {
  assertValidDate(start);
  assertValidDate(end);
  if (end.getTime() <= start.getTime()) throw new RuleError('END_BEFORE_START');
}

export type NewOneOnOneInput = {
  ownerId: Id;
  participantId: Id;
  title: string;
  start: Date;
  end: Date;
  repeat: Repeat;
  /** Last instant an instance may start (see untilFromDay), or null. Ignored when repeat is "none". */
  until: Date | null;
  /** The id of the pair's active series, if any: a second one is refused. */
  activeSeriesIdOfPair: Id | null;
};

export type NewOneOnOne = {
  title: string;
  start: Date;
  end: Date;
  participantIds: readonly [Id, Id];
  pairKey: string;
  /** null: a single 1:1. */
  recurrence: Recurrence | null;
};

/** The checked values of "Create new 1:1" from scratch (or an import, with the calendar's values). */
export function validateNewOneOnOne(input: NewOneOnOneInput): NewOneOnOne {
  const key = pairKey(input.ownerId, input.participantId);
  const title = validateTitle(input.title);
  validateTimes(input.start, input.end);
  const recurrence = recurrenceFromRepeat(input.repeat, input.repeat === 'none' ? null : input.until);
  if (recurrence?.until) {
    assertValidDate(recurrence.until);
    if (recurrence.until < input.start) throw new RuleError('UNTIL_BEFORE_START');
  }
  if (recurrence !== null) assertNoActiveSeries(input.activeSeriesIdOfPair);
  return {
    title,
    start: input.start,
    end: input.end,
    participantIds: [input.ownerId, input.participantId],
    pairKey: key,
    recurrence,
  };
}

/** One active series per pair: refused with a link to the existing one. Single 1:1s are not limited. */
export function assertNoActiveSeries(activeSeriesIdOfPair: Id | null): void {
  if (activeSeriesIdOfPair !== null) {
    throw new RuleError('ONE_SERIES_PER_PAIR', { existingSeriesId: activeSeriesIdOfPair });
  }
}

export type TimesPatch = { title?: string; start?: Date; end?: Date };
export type TimesChanges = { title?: string; start?: Date; end?: Date };

/**
 * Rename or retime by either participant. Start and end are checked together, so moving only the start
 * past the current end is refused. Returns only what changes.
 */
export function validateEdit(
  userId: Id,
  current: Pick<Meeting | Series, 'participantIds' | 'title' | 'start' | 'end'>,
  patch: TimesPatch,
): TimesChanges {
  assertParticipant(userId, current);
  const changes: TimesChanges = {};
  if (patch.title !== undefined) {
    const title = validateTitle(patch.title);
    if (title !== current.title) changes.title = title;
  }
  const start = patch.start ?? current.start;
  const end = patch.end ?? current.end;
  validateTimes(start, end);
  if (start.getTime() !== current.start.getTime()) changes.start = start;
  if (end.getTime() !== current.end.getTime()) changes.end = end;
  return changes;
}
