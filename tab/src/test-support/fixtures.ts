// Example API answers shaped by the contract, for component tests.
import type { Card, Item, Me, Meeting, SeriesDetail, Workspace } from 'api/contract';

export const ids = {
  me: 'aaaaaaaaaaaaaaaaaaaaaaaa',
  other: 'bbbbbbbbbbbbbbbbbbbbbbbb',
  series: 'cccccccccccccccccccccccc',
  meeting: 'dddddddddddddddddddddddd',
  nextMeeting: 'eeeeeeeeeeeeeeeeeeeeeeee',
};

/** Tests run at this instant; the meeting below is tomorrow. */
export const testNow = new Date('2025-03-03T09:00:00Z');

export function makeMe(overrides: Partial<Me> = {}): Me {
  return {
    id: ids.me,
    displayName: 'Ada Lovelace',
    email: 'ada@example.test',
    timeZone: 'Europe/Paris',
    isAdmin: false,
    tenant: { id: 't1', moduleName: '1:1s', enabled: true },
    preferences: { reminderBeforeMeeting: true, showPrivateNotes: true },
    calendar: null,
    ...overrides,
  };
}

export const people = [
  { id: ids.me, displayName: 'Ada Lovelace' },
  { id: ids.other, displayName: 'Grace Hopper' },
];

export function makeMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: ids.meeting,
    seriesId: ids.series,
    title: 'Ada / Grace',
    start: '2025-03-04T09:00:00Z',
    end: '2025-03-04T09:30:00Z',
    status: 'scheduled',
    ...overrides,
  };
}

export function makeItem(overrides: Partial<Item> = {}): Item {
  return {
    id: 'f00000000000000000000001',
    kind: 'topic',
    text: 'Career goals',
    url: null,
    authorId: ids.me,
    completed: false,
    movedTo: null,
    movedFrom: null,
    assigneeId: null,
    due: null,
    ...overrides,
  };
}

export function makeWorkspace(overrides: Partial<Workspace> = {}): Workspace {
  return {
    ...makeMeeting(),
    ownerId: ids.me,
    participants: people,
    archived: false,
    topics: [],
    actionItems: [],
    sharedNotes: { text: '', version: 0 },
    privateNote: null,
    ...overrides,
  };
}

export function makeCard(overrides: Partial<Card> = {}): Card {
  return {
    kind: 'series',
    id: ids.series,
    title: 'Ada / Grace',
    ownerId: ids.me,
    participants: people,
    recurrence: { frequency: 'weekly', interval: 1 },
    nextMeeting: makeMeeting(),
    lastMeeting: null,
    connection: 'none',
    archived: false,
    ...overrides,
  };
}

export function makeSeries(overrides: Partial<SeriesDetail> = {}): SeriesDetail {
  return {
    ...makeCard(),
    meetings: [
      makeMeeting(),
      makeMeeting({ id: ids.nextMeeting, start: '2025-03-11T09:00:00Z', end: '2025-03-11T09:30:00Z' }),
    ],
    ...overrides,
  };
}
