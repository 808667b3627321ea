// A 1:1 between two test users, written straight to the store, for the workspace tests (items, notes, stream).
import type { Meeting } from '../domain/types.ts';
import type { App } from '../server.ts';
import type { TestUser } from './fixtures.ts';

/** A single 1:1 of `owner` with `other`, starting an hour after the app clock's now, lasting 30 minutes. */
export async function createMeeting(
  app: App,
  owner: TestUser,
  other: TestUser,
  overrides: Partial<Omit<Meeting, 'id'>> = {},
): Promise<Meeting> {
  const start = new Date(app.clock.now().getTime() + 60 * 60 * 1000);
  const [meeting] = await app.store.meetings.insertMany(
    [
      {
        tenantId: owner.tenantId,
        seriesId: null,
        ownerId: owner.id,
        participantIds: [owner.id, other.id],
        title: '1:1',
        start,
        end: new Date(start.getTime() + 30 * 60 * 1000),
        occurrenceStart: null,
        status: 'scheduled',
        deleted: false,
        archived: false,
        rolledOverAt: null,
        sharedNotes: { text: '', version: 0 },
        ...overrides,
      },
    ],
    app.clock.now(),
  );
  if (!meeting) throw new Error('meeting not inserted');
  return meeting;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** `as(user)(method, path, body)`: a request under /api/v1 signed in as that user. */
export function requestsOf(app: App) {
  return (user: TestUser) => (method: Method, path: string, payload?: Record<string, unknown>) =>
    app.inject({
      method,
      url: `/api/v1${path}`,
      headers: user.headers,
      ...(payload === undefined ? {} : { payload }),
    });
}

/** An item that rolled over to `movedTo`: the read-only trace left in `meeting`. */
export async function insertMovedItem(
  app: App,
  meeting: Meeting,
  author: TestUser,
  kind: 'topic' | 'action',
  movedTo: string,
): Promise<string> {
  const item = await app.store.items.insert(
    {
      tenantId: meeting.tenantId,
      meetingId: meeting.id,
      kind,
      text: 'Rolled over',
      url: null,
      authorId: author.id,
      orderKey: 'a0',
      completed: false,
      completedAt: null,
      movedTo,
      movedFrom: null,
      movedFromItemId: null,
      assigneeId: null,
      due: null,
    },
    meeting.participantIds,
    app.clock.now(),
  );
  return item.id;
}
