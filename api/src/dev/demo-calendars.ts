// Development mode's demo calendars (SPEC.md "Development mode"): each demo user has recurring one-on-ones to
// bulk-create from, and meetings that are not offered (a daily stand-up, a three-person meeting, every 4
// weeks). Event ids are fixed, so links made before a restart still point at the same events.
import { DateTime } from 'luxon';
import { DEMO_USERS, type DemoUser } from './demo-users.ts';
import type { FakeCalendars, NewFakeEvent } from './fake-calendar/fake-calendars.ts';
import type { FakePerson, FakeRecurrence } from './fake-calendar/fake-event.ts';

const person = (user: DemoUser): FakePerson => ({ email: user.email, name: user.displayName });
const ROOM: FakePerson = { email: 'room-aurora@contoso.test', name: 'Aurora meeting room', resource: true };

/** The provider each demo user is meant to connect in a demo: Outlook for some, Google for others. */
export const DEMO_PROVIDER: Readonly<Record<string, 'microsoft' | 'google'>> = {
  'adele.vance@contoso.test': 'microsoft',
  'megan.bowen@contoso.test': 'google',
  'alex.wilber@contoso.test': 'microsoft',
  'lynne.robbins@contoso.test': 'google',
  'diego.siciliani@contoso.test': 'microsoft',
};

interface DemoEvent {
  readonly key: string;
  readonly subject: string;
  /** Days from today, local hour, minutes. */
  readonly day: number;
  readonly hour: number;
  readonly minutes: number;
  readonly with: readonly number[];
  readonly room?: boolean;
  readonly recurrence?: Omit<FakeRecurrence, 'until'>;
}

/** By organizer index in DEMO_USERS. */
const DEMO_EVENTS: Readonly<Record<number, readonly DemoEvent[]>> = {
  0: [
    {
      key: 'lynne-weekly',
      subject: 'Adele & Lynne weekly',
      day: 1,
      hour: 9,
      minutes: 30,
      with: [3],
      room: true,
      recurrence: { frequency: 'weekly', interval: 1 },
    },
    {
      key: 'diego-monthly',
      subject: 'Career chat with Diego',
      day: 6,
      hour: 16,
      minutes: 45,
      with: [4],
      recurrence: { frequency: 'monthly', interval: 1 },
    },
    {
      key: 'alex-biweekly',
      subject: 'Adele / Alex',
      day: 3,
      hour: 11,
      minutes: 30,
      with: [2],
      recurrence: { frequency: 'weekly', interval: 2 },
    },
    {
      key: 'standup',
      subject: 'Team stand-up',
      day: 0,
      hour: 9,
      minutes: 15,
      with: [1, 2],
      recurrence: { frequency: 'daily', interval: 1 },
    },
    {
      key: 'design-sync',
      subject: 'Design sync',
      day: 2,
      hour: 14,
      minutes: 60,
      with: [1, 3],
      recurrence: { frequency: 'weekly', interval: 1 },
    },
    { key: 'diego-coffee', subject: 'Coffee with Diego', day: 8, hour: 10, minutes: 30, with: [4] },
  ],
  1: [
    {
      key: 'diego-biweekly',
      subject: 'Megan / Diego',
      day: 2,
      hour: 13,
      minutes: 30,
      with: [4],
      recurrence: { frequency: 'weekly', interval: 2 },
    },
    {
      key: 'alex-triweekly',
      subject: 'Project retro with Alex',
      day: 4,
      hour: 15,
      minutes: 45,
      with: [2],
      recurrence: { frequency: 'weekly', interval: 3 },
    },
    {
      key: 'standup',
      subject: 'Marketing stand-up',
      day: 0,
      hour: 9,
      minutes: 15,
      with: [3, 4],
      recurrence: { frequency: 'daily', interval: 1 },
    },
  ],
  2: [
    {
      key: 'lynne-weekly',
      subject: 'Alex & Lynne',
      day: 1,
      hour: 10,
      minutes: 30,
      with: [3],
      recurrence: { frequency: 'weekly', interval: 1 },
    },
    {
      key: 'diego-4weeks',
      subject: 'Quarterly-ish with Diego',
      day: 5,
      hour: 11,
      minutes: 30,
      with: [4],
      recurrence: { frequency: 'weekly', interval: 4 },
    },
  ],
  3: [
    {
      key: 'diego-weekly',
      subject: 'Lynne / Diego sync',
      day: 2,
      hour: 12,
      minutes: 30,
      with: [4],
      recurrence: { frequency: 'weekly', interval: 1 },
    },
  ],
  4: [
    {
      key: 'alex-monthly',
      subject: 'Diego & Alex monthly',
      day: 9,
      hour: 8,
      minutes: 30,
      with: [2],
      recurrence: { frequency: 'monthly', interval: 1 },
    },
  ],
};

export function demoEventId(user: DemoUser, key: string): string {
  return `demo-${user.aadObjectId.replace(/^demo-/, '')}-${key}`;
}

/** Adds the demo events to the fakes (from the start of this week, so the series have a past too). */
export async function seedDemoCalendars(calendars: FakeCalendars, now: Date): Promise<void> {
  for (const [index, events] of Object.entries(DEMO_EVENTS)) {
    const organizer = DEMO_USERS[Number(index)];
    if (!organizer) continue;
    for (const event of events) {
      if (calendars.findEvent(organizer.email, demoEventId(organizer, event.key))) continue;
      await calendars.addEvent(organizer.email, demoEvent(organizer, event, now));
    }
  }
}

function demoEvent(organizer: DemoUser, event: DemoEvent, now: Date): NewFakeEvent {
  const start = DateTime.fromJSDate(now, { zone: organizer.timeZone })
    .startOf('week')
    .plus({ days: event.day })
    .set({ hour: event.hour, minute: 0, second: 0, millisecond: 0 });
  const attendees = event.with.flatMap((index) => {
    const user = DEMO_USERS[index];
    return user ? [person(user)] : [];
  });
  return {
    id: demoEventId(organizer, event.key),
    subject: event.subject,
    start: start.toJSDate(),
    end: start.plus({ minutes: event.minutes }).toJSDate(),
    timeZone: organizer.timeZone,
    organizerName: organizer.displayName,
    attendees: event.room ? [...attendees, ROOM] : attendees,
    recurrence: event.recurrence ? { ...event.recurrence, until: null } : null,
  };
}
