// SPEC.md "Creating 1:1s", "Updating, archiving, deleting" and "Calendar", driven through both providers'
// fakes with the same cases: import, rename, retime one occurrence, delete one occurrence, decline, split the
// series, relink, end the series then archive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarProviderName } from '../calendar/calendar-event.ts';
import { occurrenceId } from '../dev/fake-calendar/fake-event.ts';
import type { CalendarCandidate, ImportAnswer } from '../schemas/calendar.ts';
import type { SeriesDetail } from '../schemas/one-on-ones.ts';
import {
  addEvent,
  buildCalendarWorld,
  type CalendarWorld,
  connect,
  person,
  runSync,
} from '../test-support/calendar-fixtures.ts';
import type { TestUser } from '../test-support/fixtures.ts';
import { at, callAs, localOf, seriesDetail } from '../test-support/one-on-one-fixtures.ts';

const NOW = new Date('2026-03-02T08:00:00Z');
const WEEK = 7 * 24 * 60 * 60 * 1000;

describe.each<CalendarProviderName>(['microsoft', 'google'])('calendar sync with %s', (provider) => {
  let world: CalendarWorld;
  let owner: TestUser;
  let other: TestUser;
  let third: TestUser;
  let masterId: string;
  let seriesId: string;
  /** The calendar series the 1:1 series follows after the relink. */
  let linkedMasterId: string;
  const call = () => callAs(world.t.app);
  const detail = () => seriesDetail(world.t.app, owner, seriesId);

  beforeAll(async () => {
    world = await buildCalendarWorld(NOW);
    owner = await person(world.t.app, 'Olivia Owner');
    other = await person(world.t.app, 'Pat Partner');
    third = await person(world.t.app, 'Theo Third');
    const weekly = await addEvent(world, owner, {
      subject: 'Olivia / Pat',
      start: new Date(at('2026-03-03T10:00')),
      end: new Date(at('2026-03-03T10:30')),
      with: [other],
      rooms: 1,
      recurrence: { frequency: 'weekly', interval: 1, until: null },
    });
    masterId = weekly.id;
    await addEvent(world, owner, {
      subject: 'Stand-up',
      start: new Date(at('2026-03-02T09:15')),
      end: new Date(at('2026-03-02T09:30')),
      with: [other],
      recurrence: { frequency: 'daily', interval: 1, until: null },
    });
    await addEvent(world, owner, {
      subject: 'Three of us',
      start: new Date(at('2026-03-04T14:00')),
      end: new Date(at('2026-03-04T15:00')),
      with: [other, third],
      recurrence: { frequency: 'weekly', interval: 1, until: null },
    });
    await addEvent(world, owner, {
      subject: 'Every four weeks',
      start: new Date(at('2026-03-05T14:00')),
      end: new Date(at('2026-03-05T15:00')),
      with: [third],
      recurrence: { frequency: 'weekly', interval: 4, until: null },
    });
    await addEvent(world, owner, {
      subject: 'Coffee with Pat',
      start: new Date(at('2026-03-06T15:00')),
      end: new Date(at('2026-03-06T15:30')),
      with: [other],
    });
  });
  afterAll(() => world.close());

  it('connecting shows the calendar as connected on GET /me', async () => {
    await connect(world.t.app, owner, provider);
    const me = await call()(owner, 'GET', '/me');
    const status = await call()(owner, 'GET', '/calendar');
    expect(me.json().calendar, status.body).toEqual({ provider, state: 'connected' });
  });

  it('bulk create offers only two-person meetings repeating weekly, every 2 or 3 weeks, or monthly', async () => {
    const response = await call()(owner, 'GET', '/calendar/recurring');
    expect(response.statusCode, response.body).toBe(200);
    const candidates = response.json() as CalendarCandidate[];
    expect(candidates.map((candidate) => candidate.title)).toEqual(['Olivia / Pat']);
    expect(candidates[0]).toMatchObject({
      eventId: masterId,
      kind: 'series',
      status: 'importable',
      timeZone: 'Europe/Berlin',
      recurrence: { frequency: 'weekly', interval: 1, until: null },
      other: { email: other.email, userId: other.id },
    });
  });

  it('lists single and recurring meetings with one person for Create new', async () => {
    const response = await call()(owner, 'GET', `/calendar/meetings?with=${other.id}`);
    const titles = (response.json() as CalendarCandidate[]).map((candidate) => [
      candidate.title,
      candidate.status,
    ]);
    expect(titles).toEqual([
      ['Stand-up', 'recurrence-not-supported'],
      ['Olivia / Pat', 'importable'],
      ['Coffee with Pat', 'importable'],
    ]);
  });

  it('imports a recurring meeting as a connected series with the calendar occurrences as instances', async () => {
    const response = await call()(owner, 'POST', '/calendar/import', { eventIds: [masterId] });
    expect(response.statusCode, response.body).toBe(200);
    const [result] = (response.json() as ImportAnswer).results;
    if (!result?.ok) throw new Error(`import refused: ${JSON.stringify(result)}`);
    expect(result.card).toMatchObject({ kind: 'series', title: 'Olivia / Pat', connection: 'connected' });
    seriesId = result.card.id;
    const series = await detail();
    expect(series.meetings.length).toBeGreaterThanOrEqual(8);
    expect(series.meetings.map((meeting) => localOf(meeting.start)).slice(0, 2)).toEqual([
      '2026-03-03 10:00',
      '2026-03-10 10:00',
    ]);
  });

  it('an imported meeting cannot be imported twice', async () => {
    const again = await call()(owner, 'POST', '/calendar/import', { eventIds: [masterId] });
    expect(again.json().results[0]).toMatchObject({ ok: false, error: { code: 'ALREADY_IMPORTED' } });
    const listed = (await call()(owner, 'GET', '/calendar/recurring')).json() as CalendarCandidate[];
    expect(listed[0]).toMatchObject({ status: 'imported', existingId: seriesId });
  });

  it('a single meeting becomes a connected 1:1 that follows its event', async () => {
    const listed = (
      await call()(owner, 'GET', `/calendar/meetings?with=${other.id}`)
    ).json() as CalendarCandidate[];
    const coffee = listed.find((candidate) => candidate.title === 'Coffee with Pat');
    const imported = await call()(owner, 'POST', '/calendar/import', { eventIds: [coffee?.eventId] });
    const card = imported.json().results[0].card;
    expect(card).toMatchObject({ kind: 'single', title: 'Coffee with Pat', connection: 'connected' });
    await world.fake.calendars.moveInstance(
      owner.email,
      coffee?.eventId ?? '',
      new Date(at('2026-03-06T16:00')),
      new Date(at('2026-03-06T16:30')),
    );
    await runSync(world.t.app);
    const moved = await call()(other, 'GET', `/meetings/${card.id}`);
    expect(localOf(moved.json().start)).toBe('2026-03-06 16:00');
  });

  it('a rename in the calendar renames the series and its instances', async () => {
    await world.fake.calendars.renameEvent(owner.email, masterId, 'Weekly with Pat');
    await runSync(world.t.app);
    const series = await detail();
    expect(series.title).toBe('Weekly with Pat');
    expect(new Set(series.meetings.map((meeting) => meeting.title))).toEqual(new Set(['Weekly with Pat']));
  });

  it('an occurrence moved in the calendar moves that 1:1 only', async () => {
    const second = occurrenceId(masterId, new Date(at('2026-03-10T10:00')));
    await world.fake.calendars.moveInstance(
      owner.email,
      second,
      new Date(at('2026-03-11T15:00')),
      new Date(at('2026-03-11T15:45')),
    );
    await runSync(world.t.app);
    const starts = (await detail()).meetings.map((meeting) => localOf(meeting.start));
    expect(starts.slice(0, 3)).toEqual(['2026-03-03 10:00', '2026-03-11 15:00', '2026-03-17 10:00']);
  });

  it('an occurrence deleted in the calendar stays listed as cancelled', async () => {
    const third = occurrenceId(masterId, new Date(at('2026-03-17T10:00')));
    await world.fake.calendars.deleteInstance(owner.email, third);
    await runSync(world.t.app);
    const meetings = (await detail()).meetings;
    expect(meetings.find((meeting) => localOf(meeting.start) === '2026-03-17 10:00')?.status).toBe(
      'cancelled',
    );
    expect(meetings.filter((meeting) => meeting.status === 'cancelled')).toHaveLength(1);
  });

  it('a decline changes nothing', async () => {
    const before = await detail();
    await world.fake.calendars.respond(owner.email, masterId, other.email, 'declined');
    await runSync(world.t.app);
    expect(await detail()).toEqual(before);
  });

  it('a split series ("this and following") is disconnected, and relinking restores it', async () => {
    const from = new Date(at('2026-03-31T10:00'));
    const next = await world.fake.calendars.splitSeries(owner.email, masterId, from, {
      start: new Date(at('2026-03-31T14:00')),
      end: new Date(at('2026-03-31T14:30')),
      subject: 'Pat & Olivia',
    });
    await runSync(world.t.app);
    const split = await detail();
    expect(split.connection).toBe('disconnected');

    linkedMasterId = next.id;
    const link = await call()(owner, 'POST', `/series/${seriesId}/link`, { eventId: next.id });
    expect(link.statusCode, link.body).toBe(200);
    expect(link.json()).toMatchObject({ connection: 'connected', title: 'Pat & Olivia' });
    const starts = (await detail()).meetings.map((meeting) => localOf(meeting.start));
    expect(starts).toContain('2026-03-24 10:00');
    expect(starts).toContain('2026-03-31 14:00');
    expect(starts).not.toContain('2026-03-31 10:00');
  });

  it('only the owner links, and only a recurring meeting of the same two people', async () => {
    await connect(world.t.app, other, provider);
    const notOwner = await call()(other, 'POST', `/series/${seriesId}/link`, { eventId: masterId });
    expect(notOwner.statusCode).toBe(403);
    const stranger = await addEvent(world, owner, {
      subject: 'Olivia / Theo',
      start: new Date(at('2026-03-05T09:00')),
      end: new Date(at('2026-03-05T09:30')),
      with: [third],
      recurrence: { frequency: 'weekly', interval: 1, until: null },
    });
    const wrongPair = await call()(owner, 'POST', `/series/${seriesId}/link`, { eventId: stranger.id });
    expect(wrongPair.json().error.code).toBe('LINK_EVENT_OTHER_PEOPLE');
  });

  it('a connected series is archived only once its recurrence ended in the calendar', async () => {
    const { meetings } = await detail();
    const lastWanted = meetings.find((meeting) => localOf(meeting.start) === '2026-04-07 14:00');
    expect(lastWanted).toBeDefined();
    world.t.app.clock.set(new Date(NOW.getTime() + 6 * WEEK));
    const early = await call()(owner, 'POST', `/series/${seriesId}/archive`);
    expect(early.statusCode).toBe(422);

    await world.fake.calendars.endSeries(owner.email, linkedMasterId, new Date(at('2026-04-07T23:59')));
    await runSync(world.t.app);
    const ended = await detail();
    expect(
      ended.meetings.every((meeting) => meeting.start <= new Date(at('2026-04-08T00:00')).toISOString()),
    ).toBe(true);
    const archived = await call()(owner, 'POST', `/series/${seriesId}/archive`);
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().archived).toBe(true);
    world.t.app.clock.set(NOW);
  });
});

export type { SeriesDetail };
