// POST /one-on-ones and GET /one-on-ones against the real app on the embedded database, with a fixed clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPair, createUser, TENANT_B } from '../test-support/fixtures.ts';
import {
  at,
  callAs,
  createOneOnOne,
  localOf,
  plusMinutes,
  seriesDetail,
} from '../test-support/one-on-one-fixtures.ts';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';

let t: TestApp;
let call: ReturnType<typeof callAs>;
/** Monday 10 March 2025, 09:00 in Berlin. */
const NOW = new Date(at('2025-03-10T09:00'));

beforeAll(async () => {
  t = await buildTestApp();
  call = callAs(t.app);
});
afterAll(() => t.close());
beforeEach(() => t.app.clock.set(NOW));

const pair = () => createPair(t.app);

describe('POST /api/v1/one-on-ones', () => {
  it('creates a single 1:1 from scratch and answers 201 with its card', async () => {
    const [owner, other] = await pair();
    const start = at('2025-03-12T14:00');
    const res = await call(owner, 'POST', '/one-on-ones', {
      participantId: other.id,
      title: '  Catch-up  ',
      start,
      end: plusMinutes(start, 45),
    });
    expect(res.statusCode).toBe(201);
    const card = res.json();
    expect(card).toEqual({
      kind: 'single',
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      title: 'Catch-up',
      ownerId: owner.id,
      participants: [
        { id: owner.id, displayName: 'Olivia Owner' },
        { id: other.id, displayName: 'Pat Partner' },
      ],
      recurrence: null,
      nextMeeting: {
        id: card.id,
        seriesId: null,
        title: 'Catch-up',
        start: new Date(start).toISOString(),
        end: plusMinutes(start, 45),
        status: 'scheduled',
      },
      lastMeeting: null,
      connection: 'none',
      archived: false,
    });
  });

  it('materialises the instances of a weekly series at least 8 weeks ahead', async () => {
    const [owner, other] = await pair();
    const card = await createOneOnOne(t.app, owner, other, {
      start: at('2025-03-11T10:00'),
      repeat: 'weekly',
    });
    expect(card.kind).toBe('series');
    expect(card.recurrence).toEqual({ frequency: 'weekly', interval: 1, until: null });
    expect(card.nextMeeting?.start).toBe(new Date(at('2025-03-11T10:00')).toISOString());
    const { meetings } = await seriesDetail(t.app, owner, card.id);
    const eightWeeksAhead = NOW.getTime() + 8 * 7 * 24 * 60 * 60 * 1000;
    expect(Date.parse(meetings.at(-1)?.start ?? '')).toBeGreaterThanOrEqual(eightWeeksAhead - 7 * 86_400_000);
    expect(meetings.length).toBeGreaterThanOrEqual(8);
    expect(meetings.every((meeting) => meeting.seriesId === card.id && meeting.title === '1:1')).toBe(true);
  });

  it('keeps a 10:00 Europe/Berlin weekly series at 10:00 local across the March change', async () => {
    const [owner, other] = await pair();
    const card = await createOneOnOne(t.app, owner, other, {
      start: at('2025-03-17T10:00'),
      repeat: 'weekly',
    });
    const { meetings } = await seriesDetail(t.app, owner, card.id);
    expect(meetings.slice(0, 4).map((meeting) => meeting.start)).toEqual([
      '2025-03-17T09:00:00.000Z',
      '2025-03-24T09:00:00.000Z',
      '2025-03-31T08:00:00.000Z',
      '2025-04-07T08:00:00.000Z',
    ]);
    expect(new Set(meetings.map((meeting) => localOf(meeting.start).slice(11)))).toEqual(new Set(['10:00']));
  });

  it('keeps a 10:00 Europe/Berlin weekly series at 10:00 local across the October change', async () => {
    t.app.clock.set(new Date(at('2025-10-01T09:00')));
    const [owner, other] = await pair();
    const card = await createOneOnOne(t.app, owner, other, {
      start: at('2025-10-20T10:00'),
      repeat: 'weekly',
    });
    const { meetings } = await seriesDetail(t.app, owner, card.id);
    expect(meetings.slice(0, 3).map((meeting) => meeting.start)).toEqual([
      '2025-10-20T08:00:00.000Z',
      '2025-10-27T09:00:00.000Z',
      '2025-11-03T09:00:00.000Z',
    ]);
    expect(new Set(meetings.map((meeting) => localOf(meeting.start).slice(11)))).toEqual(new Set(['10:00']));
  });

  it("computes the recurrence in the owner's time zone", async () => {
    const owner = await createUser(t.app, { name: 'Nora York', timeZone: 'America/New_York' });
    const other = await createUser(t.app, { name: 'Bert Berlin' });
    // New York changes on 9 March, Berlin on 30 March: 09:00 New York stays 09:00 there.
    const card = await createOneOnOne(t.app, owner, other, {
      start: at('2025-03-20T09:00', 'America/New_York'),
      repeat: 'weekly',
    });
    const { meetings } = await seriesDetail(t.app, owner, card.id);
    expect(new Set(meetings.map((m) => localOf(m.start, 'America/New_York').slice(11)))).toEqual(
      new Set(['09:00']),
    );
    expect(meetings.slice(0, 3).map((m) => localOf(m.start).slice(11))).toEqual(['14:00', '14:00', '15:00']);
  });

  it('repeats every 2 weeks, every 3 weeks and monthly', async () => {
    const cases = [
      { repeat: 'biweekly', recurrence: { frequency: 'weekly', interval: 2, until: null }, days: 14 },
      { repeat: 'triweekly', recurrence: { frequency: 'weekly', interval: 3, until: null }, days: 21 },
    ] as const;
    for (const { repeat, recurrence, days } of cases) {
      const [owner, other] = await pair();
      const card = await createOneOnOne(t.app, owner, other, { start: at('2025-03-11T10:00'), repeat });
      expect(card.recurrence).toEqual(recurrence);
      const { meetings } = await seriesDetail(t.app, owner, card.id);
      const [first, second] = meetings;
      expect(localOf(second?.start ?? '').slice(0, 10)).toBe(
        localOf(plusMinutes(first?.start ?? '', days * 24 * 60)).slice(0, 10),
      );
    }
    const [owner, other] = await pair();
    const monthly = await createOneOnOne(t.app, owner, other, {
      start: at('2025-01-31T10:00'),
      repeat: 'monthly',
    });
    expect(monthly.recurrence).toEqual({ frequency: 'monthly', interval: 1, until: null });
    const { meetings } = await seriesDetail(t.app, owner, monthly.id);
    expect(meetings.slice(0, 4).map((m) => localOf(m.start))).toEqual([
      '2025-01-31 10:00',
      '2025-02-28 10:00',
      '2025-03-31 10:00',
      '2025-04-30 10:00',
    ]);
  });

  it('ends the repetition on its end date, that day included', async () => {
    const [owner, other] = await pair();
    const card = await createOneOnOne(t.app, owner, other, {
      start: at('2025-03-11T10:00'),
      repeat: 'weekly',
      until: '2025-04-01',
    });
    expect(card.recurrence).toEqual({ frequency: 'weekly', interval: 1, until: '2025-04-01' });
    const { meetings } = await seriesDetail(t.app, owner, card.id);
    expect(meetings.map((m) => localOf(m.start).slice(0, 10))).toEqual([
      '2025-03-11',
      '2025-03-18',
      '2025-03-25',
      '2025-04-01',
    ]);
  });

  it('refuses a second active series of the same pair with 409 and the existing series id', async () => {
    const [owner, other] = await pair();
    const first = await createOneOnOne(t.app, owner, other, {
      start: at('2025-03-11T10:00'),
      repeat: 'weekly',
    });
    // Whoever creates it: the pair is the same.
    const res = await call(other, 'POST', '/one-on-ones', {
      participantId: owner.id,
      title: 'Another',
      start: at('2025-03-12T10:00'),
      end: at('2025-03-12T10:30'),
      repeat: 'monthly',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'ONE_SERIES_PER_PAIR',
      details: { existingSeriesId: first.id },
    });
  });

  it('keeps one active series per pair when two are created at the same time', async () => {
    const [owner, other] = await pair();
    const body = (start: string) => ({
      participantId: other.id,
      title: 'Weekly',
      start,
      end: plusMinutes(start, 30),
      repeat: 'weekly',
    });
    const answers = await Promise.all([
      call(owner, 'POST', '/one-on-ones', body(at('2025-03-11T10:00'))),
      call(owner, 'POST', '/one-on-ones', body(at('2025-03-12T10:00'))),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    const created = answers.find((answer) => answer.statusCode === 201)?.json();
    const refused = answers.find((answer) => answer.statusCode === 409)?.json();
    expect(refused.error.details).toEqual({ existingSeriesId: created.id });
  });

  it('does not limit single 1:1s of a pair, with or without a series', async () => {
    const [owner, other] = await pair();
    await createOneOnOne(t.app, owner, other, { start: at('2025-03-11T10:00'), repeat: 'weekly' });
    await createOneOnOne(t.app, owner, other, { start: at('2025-03-12T10:00') });
    await createOneOnOne(t.app, other, owner, { start: at('2025-03-13T10:00'), repeat: 'none' });
    const res = await call(owner, 'GET', '/one-on-ones');
    expect(res.json().map((card: { kind: string }) => card.kind)).toEqual(['series', 'single', 'single']);
  });

  it('refuses a participant who is not a person of my organization', async () => {
    const [owner] = await pair();
    const stranger = await createUser(t.app, { name: 'Sam Stranger', tenantId: TENANT_B });
    for (const participantId of [stranger.id, '0123456789abcdef01234567']) {
      const res = await call(owner, 'POST', '/one-on-ones', {
        participantId,
        title: '1:1',
        start: at('2025-03-11T10:00'),
        end: at('2025-03-11T10:30'),
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('PARTICIPANT_UNKNOWN');
    }
  });

  it('needs two different people', async () => {
    const [owner] = await pair();
    const res = await call(owner, 'POST', '/one-on-ones', {
      participantId: owner.id,
      title: '1:1',
      start: at('2025-03-11T10:00'),
      end: at('2025-03-11T10:30'),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('SAME_PARTICIPANT');
  });

  it('refuses an end before the start, a blank title, an end date before the start and unknown fields', async () => {
    const [owner, other] = await pair();
    const base = {
      participantId: other.id,
      title: '1:1',
      start: at('2025-03-11T10:00'),
      end: at('2025-03-11T10:30'),
    };
    const cases = [
      [{ ...base, end: base.start }, 'END_BEFORE_START'],
      [{ ...base, title: '   ' }, 'TITLE_EMPTY'],
      [{ ...base, repeat: 'weekly', until: '2025-03-10' }, 'UNTIL_BEFORE_START'],
      [{ ...base, repeat: 'daily' }, 'VALIDATION_FAILED'],
      [{ ...base, color: 'red' }, 'VALIDATION_FAILED'],
    ] as const;
    for (const [body, code] of cases) {
      const res = await call(owner, 'POST', '/one-on-ones', body);
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
  });
});

describe('GET /api/v1/one-on-ones', () => {
  const ids = (body: { id: string }[]) => body.map((card) => card.id);

  it('lists upcoming (not archived, not past), past and archived 1:1s for both participants only', async () => {
    const [owner, other] = await pair();
    const third = await createUser(t.app, { name: 'Theo Third' });
    const past = await createOneOnOne(t.app, owner, other, { start: at('2025-03-03T10:00') });
    const soon = await createOneOnOne(t.app, owner, other, { start: at('2025-03-11T10:00') });
    const later = await createOneOnOne(t.app, other, owner, {
      start: at('2025-03-20T10:00'),
      repeat: 'weekly',
    });
    const ended = await createOneOnOne(t.app, owner, third, {
      start: at('2025-02-03T10:00'),
      repeat: 'weekly',
      until: '2025-02-17',
    });
    const archived = await createOneOnOne(t.app, owner, other, { start: at('2025-03-04T10:00') });
    expect((await call(owner, 'POST', `/meetings/${archived.id}/archive`)).statusCode).toBe(200);

    for (const user of [owner, other]) {
      expect(ids((await call(user, 'GET', '/one-on-ones')).json())).toEqual([soon.id, later.id]);
      expect(ids((await call(user, 'GET', '/one-on-ones?view=upcoming')).json())).toEqual([
        soon.id,
        later.id,
      ]);
      expect(ids((await call(user, 'GET', '/one-on-ones?view=archived')).json())).toEqual([archived.id]);
    }
    expect(ids((await call(owner, 'GET', '/one-on-ones?view=past')).json())).toEqual([past.id, ended.id]);
    expect(ids((await call(other, 'GET', '/one-on-ones?view=past')).json())).toEqual([past.id]);
    expect(ids((await call(third, 'GET', '/one-on-ones?view=past')).json())).toEqual([ended.id]);
    expect((await call(third, 'GET', '/one-on-ones')).json()).toEqual([]);
  });

  it('shows the next and the last meeting of a series on its card', async () => {
    const [owner, other] = await pair();
    const card = await createOneOnOne(t.app, owner, other, {
      start: at('2025-03-03T10:00'),
      repeat: 'weekly',
    });
    expect(card.lastMeeting?.start).toBe(new Date(at('2025-03-03T10:00')).toISOString());
    expect(card.nextMeeting?.start).toBe(new Date(at('2025-03-10T10:00')).toISOString());
    t.app.clock.set(new Date(at('2025-03-10T10:15')));
    const [listed] = (await call(other, 'GET', '/one-on-ones')).json();
    // A 1:1 under way is both the next (not ended) and the last (started) one.
    expect(listed.nextMeeting.start).toBe(new Date(at('2025-03-10T10:00')).toISOString());
    expect(listed.lastMeeting.start).toBe(new Date(at('2025-03-10T10:00')).toISOString());
  });

  it('keeps a series without an end date upcoming even when its stored instances all ended', async () => {
    const [owner, other] = await pair();
    const card = await createOneOnOne(t.app, owner, other, {
      start: at('2025-03-11T10:00'),
      repeat: 'weekly',
    });
    // Months later, before any top-up: every stored instance is over, yet the series goes on.
    t.app.clock.set(new Date(at('2025-09-01T09:00')));
    expect(ids((await call(owner, 'GET', '/one-on-ones')).json())).toEqual([card.id]);
    expect((await call(owner, 'GET', '/one-on-ones?view=past')).json()).toEqual([]);
  });

  it('refuses an unknown view', async () => {
    const [owner] = await pair();
    const res = await call(owner, 'GET', '/one-on-ones?view=deleted');
    expect(res.statusCode).toBe(400);
  });
});
