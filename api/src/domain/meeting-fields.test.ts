import { describe, expect, it } from 'vitest';
import {
  TITLE_MAX_LENGTH,
  validateEdit,
  validateNewOneOnOne,
  validateTimes,
  validateTitle,
} from './meeting-fields.ts';
import { meeting, OTHER, OWNER, STRANGER } from './test-fixtures.ts';

const refusedWith = (code: string) => expect.objectContaining({ code });
const start = new Date('2025-03-10T09:00:00Z');
const end = new Date('2025-03-10T09:30:00Z');

describe('title', () => {
  it('is stored trimmed, non-empty and at most 200 characters', () => {
    expect(validateTitle('  Anna / Ben  ')).toBe('Anna / Ben');
    expect(validateTitle(` ${'t'.repeat(TITLE_MAX_LENGTH)} `)).toHaveLength(200);
    expect(() => validateTitle('   ')).toThrow(refusedWith('TITLE_EMPTY'));
    expect(() => validateTitle('t'.repeat(201))).toThrow(refusedWith('TITLE_TOO_LONG'));
  });
});

describe('date and time', () => {
  it('the end must be after the start', () => {
    expect(() => validateTimes(start, end)).not.toThrow();
    expect(() => validateTimes(end, start)).toThrow(
      expect.objectContaining({ code: 'END_BEFORE_START', status: 400 }),
    );
    expect(() => validateTimes(start, start)).toThrow(refusedWith('END_BEFORE_START'));
    expect(() => validateTimes(new Date('nope'), end)).toThrow(refusedWith('INVALID_DATE'));
  });
});

describe('create new 1:1 from scratch', () => {
  const input = {
    ownerId: OWNER,
    participantId: OTHER,
    title: ' Weekly ',
    start,
    end,
    repeat: 'biweekly' as const,
    until: null,
    activeSeriesIdOfPair: null,
  };

  it('creates a series with the chosen repetition, owner first', () => {
    expect(validateNewOneOnOne(input)).toEqual({
      title: 'Weekly',
      start,
      end,
      participantIds: [OWNER, OTHER],
      pairKey: `${OTHER}:${OWNER}`,
      recurrence: { frequency: 'weekly', interval: 2, until: null },
    });
  });

  it('a 1:1 needs two different people', () => {
    expect(() => validateNewOneOnOne({ ...input, participantId: OWNER })).toThrow(
      refusedWith('SAME_PARTICIPANT'),
    );
  });

  it('one series per pair: a second one is refused with a link to the existing one', () => {
    expect(() => validateNewOneOnOne({ ...input, activeSeriesIdOfPair: 's9' })).toThrow(
      expect.objectContaining({
        code: 'ONE_SERIES_PER_PAIR',
        status: 409,
        details: { existingSeriesId: 's9' },
      }),
    );
  });

  it('a single 1:1 is allowed beside the pair’s active series', () => {
    const created = validateNewOneOnOne({ ...input, repeat: 'none', until: end, activeSeriesIdOfPair: 's9' });
    expect(created.recurrence).toBeNull();
  });

  it('the optional end date of the repetition is not before the start', () => {
    const until = new Date('2025-06-30T21:59:59Z');
    expect(validateNewOneOnOne({ ...input, until }).recurrence?.until).toEqual(until);
    expect(() => validateNewOneOnOne({ ...input, until: new Date('2025-03-01T00:00:00Z') })).toThrow(
      refusedWith('UNTIL_BEFORE_START'),
    );
  });
});

describe('rename and retime by either participant', () => {
  it('either participant changes the name, date and time; only changes are returned', () => {
    const current = meeting({ start, end, title: 'Weekly' });
    const later = new Date('2025-03-10T10:00:00Z');
    const laterEnd = new Date('2025-03-10T10:30:00Z');
    expect(validateEdit(OTHER, current, { title: 'Weekly ', start: later, end: laterEnd })).toEqual({
      start: later,
      end: laterEnd,
    });
    expect(validateEdit(OWNER, current, { title: 'Renamed' })).toEqual({ title: 'Renamed' });
    expect(() => validateEdit(STRANGER, current, { title: 'x' })).toThrow(refusedWith('NOT_PARTICIPANT'));
  });

  it('moving only the start past the current end is refused', () => {
    const current = meeting({ start, end });
    expect(() => validateEdit(OWNER, current, { start: new Date('2025-03-10T10:00:00Z') })).toThrow(
      refusedWith('END_BEFORE_START'),
    );
  });
});
