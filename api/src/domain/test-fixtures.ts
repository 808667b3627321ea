// Builders of domain values for the tests of this folder: sensible defaults, overridden per test.
import type { Item, Meeting, Series } from './types.ts';

export const OWNER = 'u-owner';
export const OTHER = 'u-other';
export const STRANGER = 'u-stranger';

export function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm1',
    tenantId: 't1',
    seriesId: null,
    ownerId: OWNER,
    participantIds: [OWNER, OTHER],
    title: 'Weekly 1:1',
    start: new Date('2025-03-10T09:00:00Z'),
    end: new Date('2025-03-10T09:30:00Z'),
    occurrenceStart: null,
    status: 'scheduled',
    deleted: false,
    archived: false,
    rolledOverAt: null,
    sharedNotes: { text: '', version: 0 },
    ...overrides,
  };
}

export function item(overrides: Partial<Item> = {}): Item {
  return {
    id: 'i1',
    tenantId: 't1',
    meetingId: 'm1',
    kind: 'topic',
    text: 'Career goals',
    url: null,
    authorId: OWNER,
    orderKey: 'a0',
    completed: false,
    completedAt: null,
    movedTo: null,
    movedFrom: null,
    movedFromItemId: null,
    assigneeId: null,
    due: null,
    ...overrides,
  };
}

export function series(overrides: Partial<Series> = {}): Series {
  return {
    id: 's1',
    tenantId: 't1',
    ownerId: OWNER,
    participantIds: [OWNER, OTHER],
    pairKey: `${OTHER}:${OWNER}`,
    title: 'Weekly 1:1',
    recurrence: { frequency: 'weekly', interval: 1, until: null },
    start: new Date('2025-03-10T09:00:00Z'),
    end: new Date('2025-03-10T09:30:00Z'),
    timeZone: 'Europe/Berlin',
    connection: 'none',
    archived: false,
    ...overrides,
  };
}
