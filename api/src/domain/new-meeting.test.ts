// A new 1:1 starts scheduled, with empty shared notes and nothing rolled over.
import { describe, expect, it } from 'vitest';
import { newMeeting, newSeriesInstance } from './new-meeting.ts';
import { series as seriesOf } from './test-fixtures.ts';

const start = new Date('2026-12-01T09:00:00Z');
const end = new Date('2026-12-01T09:30:00Z');

describe('new meetings', () => {
  it('a new 1:1 is scheduled, not archived or deleted, with empty shared notes at version 0', () => {
    const meeting = newMeeting({
      tenantId: 't',
      seriesId: null,
      ownerId: 'a',
      participantIds: ['a', 'b'],
      title: 'Check-in',
      start,
      end,
      occurrenceStart: null,
    });
    expect(meeting).toMatchObject({
      status: 'scheduled',
      deleted: false,
      archived: false,
      rolledOverAt: null,
    });
    expect(meeting.sharedNotes).toEqual({ text: '', version: 0 });
  });

  it('an instance of a series keeps its slot (occurrence start) and takes the series title', () => {
    const series = seriesOf({ id: 's', title: 'Weekly' });
    const instance = newSeriesInstance(series, start, end);
    expect(instance).toMatchObject({ seriesId: 's', title: 'Weekly', occurrenceStart: start, start, end });
  });
});
