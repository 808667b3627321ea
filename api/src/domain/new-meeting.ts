// What a new 1:1 instance looks like, whichever way it comes to be (from scratch, a series slot, an import).
import type { Meeting, Series } from './types.ts';

export type NewMeetingFields = Pick<
  Meeting,
  'tenantId' | 'seriesId' | 'ownerId' | 'participantIds' | 'title' | 'start' | 'end' | 'occurrenceStart'
>;

/** Scheduled, not deleted or archived, not rolled over, with empty shared notes. */
export function newMeeting(fields: NewMeetingFields): Omit<Meeting, 'id'> {
  return {
    ...fields,
    status: 'scheduled',
    deleted: false,
    archived: false,
    rolledOverAt: null,
    sharedNotes: { text: '', version: 0 },
  };
}

/** An instance of a series: its title and participants, at one occurrence of its recurrence. */
export function newSeriesInstance(series: Series, start: Date, end: Date): Omit<Meeting, 'id'> {
  return newMeeting({
    tenantId: series.tenantId,
    seriesId: series.id,
    ownerId: series.ownerId,
    participantIds: series.participantIds,
    title: series.title,
    start,
    end,
    occurrenceStart: start,
  });
}
