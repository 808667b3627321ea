// What both adapters make of provider payloads: recurrences SPEC.md offers and the ones it does not, ends given
// as dates or counts, rooms left out, Windows zone names mapped.
import { describe, expect, it } from 'vitest';
import { recurrenceOf } from './google-event.ts';
import { type GraphEvent, translateGraphEvent } from './graph-event.ts';
import { ianaZoneOf } from './windows-zones.ts';

const start = new Date('2026-03-03T09:00:00Z');

function graphMaster(pattern: object, range: object): GraphEvent {
  return {
    id: 'm',
    type: 'seriesMaster',
    subject: 'x',
    start: { dateTime: '2026-03-03T09:00:00.0000000', timeZone: 'UTC' },
    end: { dateTime: '2026-03-03T09:30:00.0000000', timeZone: 'UTC' },
    originalStartTimeZone: 'W. Europe Standard Time',
    recurrence: { pattern, range } as GraphEvent['recurrence'],
  };
}

describe('Graph payloads', () => {
  it('maps Windows zone names to IANA and leaves IANA names as they are', () => {
    expect(ianaZoneOf('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(ianaZoneOf('Pacific Standard Time')).toBe('America/Los_Angeles');
    expect(ianaZoneOf('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(ianaZoneOf('Nowhere Standard Time')).toBeNull();
  });

  it('reads weekly every 3 weeks with an end date as the end of that day in the zone', () => {
    const event = translateGraphEvent(
      graphMaster(
        { type: 'weekly', interval: 3, daysOfWeek: ['tuesday'] },
        {
          type: 'endDate',
          startDate: '2026-03-03',
          endDate: '2026-06-30',
          recurrenceTimeZone: 'W. Europe Standard Time',
        },
      ),
    );
    expect(event?.timeZone).toBe('Europe/Berlin');
    expect(event?.recurrence).toEqual({
      kind: 'weekly',
      interval: 3,
      until: new Date('2026-06-30T21:59:59.999Z'),
    });
  });

  it('reads "the first Monday of the month" and weekly on two days as recurrences not offered', () => {
    const relative = translateGraphEvent(
      graphMaster(
        { type: 'relativeMonthly', interval: 1, daysOfWeek: ['monday'], index: 'first' },
        { type: 'noEnd', startDate: '2026-03-03' },
      ),
    );
    const twoDays = translateGraphEvent(
      graphMaster(
        { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'] },
        { type: 'noEnd', startDate: '2026-03-03' },
      ),
    );
    expect(relative?.recurrence?.kind).toBe('other');
    expect(twoDays?.recurrence?.kind).toBe('other');
  });

  it('reads a numbered range as the start of its last occurrence', () => {
    const event = translateGraphEvent(
      graphMaster(
        { type: 'absoluteMonthly', interval: 1, dayOfMonth: 3 },
        { type: 'numbered', startDate: '2026-03-03', numberOfOccurrences: 3 },
      ),
    );
    expect(event?.recurrence).toEqual({
      kind: 'monthly',
      interval: 1,
      until: new Date('2026-05-03T08:00:00Z'),
    });
  });

  it('leaves rooms out of the people and skips all-day events', () => {
    const event = translateGraphEvent({
      ...graphMaster({ type: 'weekly', interval: 1 }, { type: 'noEnd', startDate: '2026-03-03' }),
      organizer: { emailAddress: { address: 'Olivia@Contoso.test', name: 'Olivia' } },
      attendees: [
        { type: 'required', emailAddress: { address: 'pat@contoso.test', name: 'Pat' } },
        { type: 'resource', emailAddress: { address: 'room@contoso.test', name: 'Room' } },
      ],
    });
    expect(event?.people.map((person) => person.email)).toEqual(['olivia@contoso.test', 'pat@contoso.test']);
    expect(
      translateGraphEvent({
        ...graphMaster({ type: 'weekly', interval: 1 }, { type: 'noEnd', startDate: '' }),
        isAllDay: true,
      }),
    ).toBeNull();
  });
});

describe('Google RRULE lines', () => {
  it('reads weekly every 2 weeks until a UTC instant, and monthly on the same day', () => {
    expect(
      recurrenceOf(['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20260630T215959Z'], start, 'Europe/Berlin'),
    ).toEqual({
      kind: 'weekly',
      interval: 2,
      until: new Date('2026-06-30T21:59:59Z'),
    });
    expect(recurrenceOf(['RRULE:FREQ=MONTHLY'], start, 'Europe/Berlin')).toEqual({
      kind: 'monthly',
      interval: 1,
      until: null,
    });
  });

  it('reads daily, every 4 weeks, yearly and "first Monday" as not offered, and COUNT as the last start', () => {
    expect(recurrenceOf(['RRULE:FREQ=DAILY'], start, 'UTC').kind).toBe('other');
    expect(recurrenceOf(['RRULE:FREQ=WEEKLY;INTERVAL=4'], start, 'UTC').kind).toBe('other');
    expect(recurrenceOf(['RRULE:FREQ=YEARLY'], start, 'UTC').kind).toBe('other');
    expect(recurrenceOf(['RRULE:FREQ=MONTHLY;BYDAY=1MO'], start, 'UTC').kind).toBe('other');
    expect(recurrenceOf(['RRULE:FREQ=WEEKLY;COUNT=3'], start, 'Europe/Berlin')).toEqual({
      kind: 'weekly',
      interval: 1,
      until: new Date('2026-03-17T09:00:00Z'),
    });
  });
});
