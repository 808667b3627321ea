// SPEC.md "Outlook meeting side panel": a meeting linked to a 1:1 shows that 1:1's workspace, an unlinked
// two-person meeting offers "Create 1:1 from this meeting"; a 1:1 stays invisible to everybody else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeEvent } from '../dev/fake-calendar/fake-event.ts';
import { occurrenceId } from '../dev/fake-calendar/fake-event.ts';
import type { EventOneOnOne, ImportAnswer } from '../schemas/calendar.ts';
import {
  addEvent,
  buildCalendarWorld,
  type CalendarWorld,
  connect,
  person,
} from '../test-support/calendar-fixtures.ts';
import type { TestUser } from '../test-support/fixtures.ts';
import { at, callAs } from '../test-support/one-on-one-fixtures.ts';

const NOW = new Date('2026-03-02T08:00:00Z');

let world: CalendarWorld;
let olivia: TestUser;
let pat: TestUser;
let sam: TestUser;
let weekly: FakeEvent;
let seriesId: string;

const call = () => callAs(world.t.app);
const panel = (user: TestUser, eventId: string, query = '') =>
  call()(user, 'GET', `/calendar/events/${encodeURIComponent(eventId)}/one-on-one${query}`);

beforeAll(async () => {
  world = await buildCalendarWorld(NOW);
  olivia = await person(world.t.app, 'Olivia Outlook');
  pat = await person(world.t.app, 'Pat Partner');
  sam = await person(world.t.app, 'Sam Third');
  weekly = await addEvent(world, olivia, {
    subject: 'Olivia / Pat',
    start: new Date(at('2026-03-03T10:00')),
    end: new Date(at('2026-03-03T10:30')),
    with: [pat],
    recurrence: { frequency: 'weekly', interval: 1, until: null },
  });
  await connect(world.t.app, olivia, 'microsoft');
  const imported = await call()(olivia, 'POST', '/calendar/import', { eventIds: [weekly.id] });
  const [result] = (imported.json() as ImportAnswer).results;
  if (!result?.ok) throw new Error(`import failed: ${imported.body}`);
  seriesId = result.card.id;
});
afterAll(() => world.close());

describe('GET /calendar/events/:eventId/one-on-one', () => {
  it('the series master of an imported meeting opens its series at the next 1:1', async () => {
    const response = await panel(olivia, weekly.id);
    expect(response.statusCode, response.body).toBe(200);
    const found = response.json() as EventOneOnOne;
    expect(found).toMatchObject({ kind: 'series', id: seriesId, card: { title: 'Olivia / Pat' } });
    expect(found.meetingId).toBe(found.card.nextMeeting?.id);
  });

  it('one occurrence opens the 1:1 of that very occurrence', async () => {
    const second = occurrenceId(weekly.id, new Date(at('2026-03-10T10:00')));
    const found = (await panel(olivia, second)).json() as EventOneOnOne;
    const series = (await call()(olivia, 'GET', `/series/${seriesId}`)).json() as {
      meetings: { id: string; start: string }[];
    };
    const instance = series.meetings.find(
      (meeting) => meeting.start === new Date(at('2026-03-10T10:00')).toISOString(),
    );
    expect(found).toMatchObject({ kind: 'series', id: seriesId, meetingId: instance?.id });
  });

  it("the other participant's copy of the meeting is found by the iCalUId both calendars share", async () => {
    const response = await panel(pat, 'AAMk-pats-own-copy', `?iCalUId=${encodeURIComponent(weekly.iCalUId)}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ kind: 'series', id: seriesId });
  });

  it('a 1:1 is invisible to a third person, whatever ids they know: 404 without a hint', async () => {
    const byId = await panel(sam, weekly.id, `?iCalUId=${encodeURIComponent(weekly.iCalUId)}`);
    expect(byId.statusCode).toBe(404);
    expect(byId.json()).toEqual({
      error: { code: 'NOT_FOUND', message: '1:1 not found', details: { candidate: null } },
    });
  });

  it('an unlinked two-person meeting offers "Create 1:1 from this meeting" from the connected calendar', async () => {
    const coffee = await addEvent(world, olivia, {
      subject: 'Coffee with Pat',
      start: new Date(at('2026-03-05T15:00')),
      end: new Date(at('2026-03-05T15:30')),
      with: [pat],
    });
    const response = await panel(olivia, coffee.id);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.details.candidate).toMatchObject({
      eventId: coffee.id,
      kind: 'single',
      title: 'Coffee with Pat',
      status: 'importable',
      other: { userId: pat.id },
    });
    const imported = await call()(olivia, 'POST', '/calendar/import', { eventIds: [coffee.id] });
    expect((imported.json() as ImportAnswer).results[0]?.ok).toBe(true);
    expect((await panel(olivia, coffee.id)).json()).toMatchObject({
      kind: 'single',
      card: { title: 'Coffee with Pat' },
    });
  });

  it('a meeting of more than two people offers nothing to create', async () => {
    const team = await addEvent(world, olivia, {
      subject: 'Team sync',
      start: new Date(at('2026-03-04T09:00')),
      end: new Date(at('2026-03-04T09:30')),
      with: [pat, sam],
    });
    const response = await panel(olivia, team.id);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.details).toEqual({ candidate: null });
  });

  it('without a connected calendar an unknown event is simply not found', async () => {
    const response = await panel(pat, 'AAMk-unknown');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.details).toEqual({ candidate: null });
  });
});
