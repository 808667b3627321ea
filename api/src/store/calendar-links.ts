// Calendar links of series and meetings: which series master a connected series follows, which calendar event
// each instance or single 1:1 is. The fields live on the `series` and `meetings` documents; this module is the
// one that reads and writes them.
import type { Db } from 'mongodb';
import type { CalendarProviderName } from '../calendar/calendar-event.ts';
import type { Connection, Meeting, Recurrence, Series } from '../domain/types.ts';
import { type MeetingDoc, type NewMeeting, toMeeting } from './meetings.ts';
import { ObjectId, toObjectId } from './object-id.ts';
import { participantOids, type SeriesDoc, toSeries } from './series.ts';

export interface SeriesCalendarLink {
  readonly provider: CalendarProviderName;
  /** The series master in the owner's calendar. */
  readonly masterId: string;
  readonly iCalUId: string | null;
}

type LinkedSeriesDoc = SeriesDoc & { calendar?: SeriesCalendarLink | null };
type LinkedMeetingDoc = MeetingDoc & { calendarICalUId?: string | null };

export interface LinkedSeries {
  readonly series: Series;
  readonly link: SeriesCalendarLink | null;
}

export interface LinkedMeeting {
  readonly meeting: Meeting;
  readonly calendarEventId: string | null;
}

export interface NewLinkedMeeting {
  readonly meeting: NewMeeting;
  readonly calendarEventId: string;
  readonly iCalUId?: string | null;
}

export type CalendarSeriesPatch = Partial<
  Pick<Series, 'title' | 'start' | 'end' | 'timeZone' | 'connection'> & { recurrence: Recurrence }
>;

const linkedSeriesOf = (doc: LinkedSeriesDoc): LinkedSeries => ({
  series: toSeries(doc),
  link: doc.calendar ?? null,
});
const linkedMeetingOf = (doc: LinkedMeetingDoc): LinkedMeeting => ({
  meeting: toMeeting(doc),
  calendarEventId: doc.calendarEventId ?? null,
});

export function createCalendarLinksStore(db: Db) {
  const series = db.collection<LinkedSeriesDoc>('series');
  const meetings = db.collection<LinkedMeetingDoc>('meetings');

  return {
    async ensureIndexes(): Promise<void> {
      await series.createIndex({ tenantId: 1, ownerId: 1, 'calendar.masterId': 1 }, { sparse: true });
      await series.createIndex({ tenantId: 1, 'calendar.iCalUId': 1 }, { sparse: true });
      await meetings.createIndex({ tenantId: 1, ownerId: 1, calendarEventId: 1 }, { sparse: true });
      await meetings.createIndex({ tenantId: 1, calendarICalUId: 1 }, { sparse: true });
    },

    async setSeriesLink(
      tenantId: string,
      seriesId: string,
      link: SeriesCalendarLink | null,
      connection: Connection,
    ): Promise<void> {
      await series.updateOne(
        { _id: new ObjectId(seriesId), tenantId },
        { $set: { calendar: link, connection } },
      );
    },

    async seriesLink(tenantId: string, seriesId: string): Promise<SeriesCalendarLink | null> {
      const _id = toObjectId(seriesId);
      const doc = _id ? await series.findOne({ _id, tenantId }, { projection: { calendar: 1 } }) : null;
      return doc?.calendar ?? null;
    },

    /** The owner's series (archived ones too) that follow calendar series, connected or disconnected. */
    async listLinkedSeries(tenantId: string, ownerId: string): Promise<LinkedSeries[]> {
      const docs = await series
        .find({ tenantId, ownerId: new ObjectId(ownerId), calendar: { $type: 'object' } })
        .toArray();
      return docs.map(linkedSeriesOf);
    },

    /** Series imported from this calendar series, by the owner's master id or by the shared iCalUId. */
    async findSeriesOfEvent(tenantId: string, masterId: string, iCalUId: string | null) {
      const or: Record<string, unknown>[] = [{ 'calendar.masterId': masterId }];
      if (iCalUId) or.push({ 'calendar.iCalUId': iCalUId });
      const doc = await series.findOne({ tenantId, archived: false, $or: or });
      return doc ? linkedSeriesOf(doc) : null;
    },

    async updateSeriesFromCalendar(tenantId: string, id: string, patch: CalendarSeriesPatch) {
      const doc = await series.findOneAndUpdate(
        { _id: new ObjectId(id), tenantId },
        { $set: patch },
        { returnDocument: 'after' },
      );
      return doc ? toSeries(doc) : null;
    },

    /** Instances and single 1:1s with the calendar event each one is; slots already taken are skipped. */
    async insertLinkedMeetings(inputs: readonly NewLinkedMeeting[], now: Date): Promise<Meeting[]> {
      if (inputs.length === 0) return [];
      const docs: LinkedMeetingDoc[] = inputs.map(({ meeting, calendarEventId, iCalUId }) => ({
        _id: new ObjectId(),
        tenantId: meeting.tenantId,
        seriesId: meeting.seriesId ? new ObjectId(meeting.seriesId) : null,
        ownerId: new ObjectId(meeting.ownerId),
        participantIds: participantOids(meeting.participantIds),
        title: meeting.title,
        start: meeting.start,
        end: meeting.end,
        occurrenceStart: meeting.occurrenceStart,
        status: meeting.status,
        deleted: meeting.deleted,
        archived: meeting.archived,
        rolledOverAt: meeting.rolledOverAt,
        sharedNotes: meeting.sharedNotes,
        createdAt: now,
        calendarEventId,
        calendarICalUId: iCalUId ?? null,
      }));
      try {
        await meetings.insertMany(docs, { ordered: false });
        return docs.map(toMeeting);
      } catch (error) {
        if (!(error instanceof Error) || !('writeErrors' in error)) throw error;
        const inserted = new Set(
          Object.values((error as { insertedIds?: Record<number, ObjectId> }).insertedIds ?? {}).map(String),
        );
        return docs.filter((doc) => inserted.has(String(doc._id))).map(toMeeting);
      }
    },

    /** The owner's 1:1s that are these calendar events (instances and singles, deleted ones too). */
    async meetingsOfEvents(tenantId: string, ownerId: string, eventIds: readonly string[]) {
      if (eventIds.length === 0) return [];
      const docs = await meetings
        .find({ tenantId, ownerId: new ObjectId(ownerId), calendarEventId: { $in: [...eventIds] } })
        .toArray();
      return docs.map(linkedMeetingOf);
    },

    /** Every instance of a series with its event id, deleted ones included, in start order. */
    async instancesWithEvents(tenantId: string, seriesId: string): Promise<LinkedMeeting[]> {
      const docs = await meetings
        .find({ tenantId, seriesId: new ObjectId(seriesId) })
        .sort({ start: 1 })
        .toArray();
      return docs.map(linkedMeetingOf);
    },

    /** The owner's linked 1:1s (not deleted) that start in [from, to): a full listing must contain them all. */
    async linkedMeetingsBetween(tenantId: string, ownerId: string, from: Date, to: Date) {
      const docs = await meetings
        .find({
          tenantId,
          ownerId: new ObjectId(ownerId),
          calendarEventId: { $type: 'string' },
          deleted: false,
          start: { $gte: from, $lt: to },
        })
        .toArray();
      return docs.map(linkedMeetingOf);
    },

    async singleOfEvent(tenantId: string, iCalUId: string): Promise<Meeting | null> {
      const doc = await meetings.findOne({
        tenantId,
        seriesId: null,
        calendarICalUId: iCalUId,
        deleted: false,
      });
      return doc ? toMeeting(doc) : null;
    },

    /** Times, title and status from the calendar; `eventId` re-points an instance at another event (relink). */
    async updateMeetingFromCalendar(
      tenantId: string,
      id: string,
      patch: Partial<Pick<Meeting, 'title' | 'start' | 'end' | 'status' | 'deleted' | 'occurrenceStart'>> & {
        calendarEventId?: string | null;
      },
    ): Promise<Meeting | null> {
      const doc = await meetings.findOneAndUpdate(
        { _id: new ObjectId(id), tenantId },
        { $set: patch },
        { returnDocument: 'after' },
      );
      return doc ? toMeeting(doc) : null;
    },
  };
}

export type CalendarLinksStore = ReturnType<typeof createCalendarLinksStore>;
