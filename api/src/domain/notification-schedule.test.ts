import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  deliveryKey,
  isReminderDue,
  reminderAt,
  summaryWeek,
  wantsReminders,
} from './notification-schedule.ts';
import { meeting } from './test-fixtures.ts';

const start = new Date('2025-03-10T09:00:00Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

describe('one hour before each 1:1', () => {
  it('the reminder is due from one hour before the start until the start', () => {
    const m = meeting({ start });
    expect(reminderAt(m)).toEqual(minutes(-60));
    expect(isReminderDue(m, minutes(-61))).toBe(false);
    expect(isReminderDue(m, minutes(-60))).toBe(true);
    expect(isReminderDue(m, minutes(-1))).toBe(true);
    expect(isReminderDue(m, start)).toBe(false);
  });

  it('a moved 1:1 moves its reminder', () => {
    const moved = meeting({ start: minutes(24 * 60) });
    expect(isReminderDue(moved, minutes(-30))).toBe(false);
    expect(isReminderDue(moved, minutes(23 * 60 + 30))).toBe(true);
  });

  it('a cancelled or deleted 1:1 is not reminded', () => {
    expect(isReminderDue(meeting({ start, status: 'cancelled' }), minutes(-30))).toBe(false);
    expect(isReminderDue(meeting({ start, deleted: true }), minutes(-30))).toBe(false);
  });

  it('the reminder is the notification a user can turn off', () => {
    expect(wantsReminders({ reminderBeforeMeeting: true })).toBe(true);
    expect(wantsReminders({ reminderBeforeMeeting: false })).toBe(false);
  });
});

describe('Sunday summary at 17:00 local time', () => {
  const local = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toJSDate();

  it('covers Monday to Sunday of the week just lived, sent on its Sunday at 17:00 in the user zone', () => {
    const zone = 'Europe/Berlin';
    const week = summaryWeek(local('2025-03-16T17:00', zone), zone);
    expect(week).toEqual({
      weekStart: local('2025-03-10T00:00', zone),
      weekEnd: local('2025-03-17T00:00', zone),
      sendAt: local('2025-03-16T17:00', zone),
      weekKey: '2025-W11',
    });
  });

  it('before Sunday 17:00 the due summary is still the previous week’s', () => {
    const zone = 'America/New_York';
    const week = summaryWeek(local('2025-03-16T16:59', zone), zone);
    expect(week.weekKey).toBe('2025-W10');
    expect(week.sendAt).toEqual(local('2025-03-09T17:00', zone));
  });

  it('follows the user’s zone across a DST change within the week', () => {
    const zone = 'America/New_York';
    const week = summaryWeek(local('2025-03-09T18:00', zone), zone);
    expect(week.weekStart.toISOString()).toBe('2025-03-03T05:00:00.000Z');
    expect(week.sendAt.toISOString()).toBe('2025-03-09T21:00:00.000Z');
  });

  it('uses ISO week numbering across the new year', () => {
    const zone = 'Europe/Berlin';
    expect(summaryWeek(local('2025-01-01T12:00', zone), zone).weekKey).toBe('2024-W52');
    expect(summaryWeek(local('2025-01-05T17:00', zone), zone).weekKey).toBe('2025-W01');
  });
});

describe('a notification is sent at most once per kind, meeting or week, and recipient', () => {
  it('the delivery key names exactly those three', () => {
    expect(deliveryKey('reminder', 'm1', 'u1')).toBe('reminder:m1:u1');
    expect(deliveryKey('summary', '2025-W11', 'u1')).not.toBe(deliveryKey('summary', '2025-W11', 'u2'));
    expect(deliveryKey('created', 'm1', 'u1')).not.toBe(deliveryKey('reminder', 'm1', 'u1'));
  });
});
