// GET, PATCH and DELETE /series/:id, archive, unarchive and link, against the real app with a fixed clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPair, createUser, TENANT_B } from '../test-support/fixtures.ts';
import { at, callAs, createOneOnOne, localOf, seriesDetail } from '../test-support/one-on-one-fixtures.ts';
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

/** A weekly series of a new pair on Tuesdays 10:00 Berlin from 11 March. */
async function weekly(options: { start?: string; until?: string } = {}) {
  const [owner, other] = await pair();
  const card = await createOneOnOne(t.app, owner, other, {
    title: 'Weekly',
    start: options.start ?? at('2025-03-11T10:00'),
    repeat: 'weekly',
    ...(options.until ? { until: options.until } : {}),
  });
  return { owner, other, card };
}

describe('GET /api/v1/series/:id', () => {
  it('answers the card and the meetings in start order, cancelled shown and deleted hidden', async () => {
    const { owner, other, card } = await weekly();
    const before = await seriesDetail(t.app, owner, card.id);
    const [, second, third] = before.meetings;
    await t.app.store.meetings.update(owner.tenantId, second?.id ?? '', { status: 'cancelled' });
    expect((await call(owner, 'DELETE', `/meetings/${third?.id}`)).statusCode).toBe(200);

    const detail = await seriesDetail(t.app, other, card.id);
    expect(detail).toMatchObject({ kind: 'series', id: card.id, title: 'Weekly', ownerId: owner.id });
    expect(detail.meetings.map((m) => m.id)).toEqual(
      before.meetings.filter((m) => m.id !== third?.id).map((m) => m.id),
    );
    expect(detail.meetings[1]).toMatchObject({ id: second?.id, status: 'cancelled' });
    const starts = detail.meetings.map((m) => Date.parse(m.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('is not found for anybody but its two participants', async () => {
    const { card } = await weekly();
    const third = await createUser(t.app, { name: 'Theo Third' });
    const stranger = await createUser(t.app, { name: 'Sam Stranger', tenantId: TENANT_B });
    for (const user of [third, stranger]) {
      const res = await call(user, 'GET', `/series/${card.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await call(third, 'GET', '/series/0123456789abcdef01234567')).statusCode).toBe(404);
  });
});

describe('PATCH /api/v1/series/:id', () => {
  it('renames a series and its instances that are not over, by either participant', async () => {
    const { owner, other, card } = await weekly({ start: at('2025-03-04T10:00') });
    const before = await seriesDetail(t.app, owner, card.id);
    const [past, next, renamedAlone] = before.meetings;
    await call(owner, 'PATCH', `/meetings/${renamedAlone?.id}`, { title: 'Planning' });

    const res = await call(other, 'PATCH', `/series/${card.id}`, { title: 'Weekly sync' });
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail.title).toBe('Weekly sync');
    const titleOf = (id: string | undefined) =>
      detail.meetings.find((m: { id: string }) => m.id === id)?.title;
    expect(titleOf(past?.id)).toBe('Weekly');
    expect(titleOf(next?.id)).toBe('Weekly sync');
    expect(titleOf(renamedAlone?.id)).toBe('Planning');
    expect(detail.meetings.at(-1).title).toBe('Weekly sync');
  });

  it('retimes the series from its next 1:1 on, keeping the started and the individually moved ones', async () => {
    const { owner, other, card } = await weekly({ start: at('2025-03-04T10:00') });
    const before = await seriesDetail(t.app, owner, card.id);
    const [past, next, second, third] = before.meetings;
    // The third one was moved on its own to Thursday.
    await call(owner, 'PATCH', `/meetings/${third?.id}`, {
      start: at('2025-03-27T15:00'),
      end: at('2025-03-27T15:30'),
    });

    // The next one (Tuesday 11 March) moves to Wednesday 12 March 11:00, and the series with it.
    const res = await call(other, 'PATCH', `/series/${card.id}`, { start: at('2025-03-12T11:00') });
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    const byId = new Map(detail.meetings.map((m: { id: string; start: string }) => [m.id, localOf(m.start)]));
    expect(byId.get(past?.id)).toBe('2025-03-04 10:00');
    expect(byId.get(next?.id)).toBe('2025-03-12 11:00');
    expect(byId.get(second?.id)).toBe('2025-03-19 11:00');
    expect(byId.get(third?.id)).toBe('2025-03-27 15:00');
    // Every week keeps exactly one 1:1, the length stays 30 minutes, 11:00 survives the DST change.
    const weeks = detail.meetings.map((m: { start: string }) => localOf(m.start).slice(0, 10));
    expect(new Set(weeks).size).toBe(weeks.length);
    expect(detail.meetings.length).toBe(before.meetings.length);
    const rest = detail.meetings.filter((m: { id: string }) => ![past?.id, third?.id].includes(m.id));
    expect(new Set(rest.map((m: { start: string }) => localOf(m.start).slice(11)))).toEqual(
      new Set(['11:00']),
    );
    expect(
      detail.meetings.every(
        (m: { start: string; end: string }) => Date.parse(m.end) - Date.parse(m.start) === 1_800_000,
      ),
    ).toBe(true);

    // The top-up later continues the new schedule and never brings back the old one.
    t.app.clock.set(new Date(at('2025-04-10T09:00')));
    const { materialiseSeries } = await import('../workflows/materialise-series.ts');
    const series = await t.app.store.series.findVisible(owner.tenantId, card.id, owner.id);
    if (!series) throw new Error('series missing');
    await materialiseSeries(t.app.store, series, t.app.clock.now());
    const after = await seriesDetail(t.app, owner, card.id);
    const later = after.meetings.filter((m) => Date.parse(m.start) > Date.parse(at('2025-03-28T00:00')));
    expect(
      new Set(later.map((m) => `${new Date(m.start).getUTCDay()} ${localOf(m.start).slice(11)}`)),
    ).toEqual(new Set(['3 11:00']));
  });

  it('keeps the topics of a 1:1 with it when the series is retimed', async () => {
    const { owner, card } = await weekly();
    const { meetings } = await seriesDetail(t.app, owner, card.id);
    const second = meetings[1];
    const topic = await call(owner, 'POST', `/meetings/${second?.id}/topics`, { text: 'Career goals' });
    expect(topic.statusCode).toBe(201);
    await call(owner, 'PATCH', `/series/${card.id}`, {
      start: at('2025-03-13T16:00'),
      end: at('2025-03-13T17:00'),
    });
    const workspace = (await call(owner, 'GET', `/meetings/${second?.id}`)).json();
    expect(localOf(workspace.start)).toBe('2025-03-20 16:00');
    expect(localOf(workspace.end)).toBe('2025-03-20 17:00');
    expect(workspace.topics.map((item: { text: string }) => item.text)).toEqual(['Career goals']);
  });

  it('changing only the end changes the length of every 1:1 from the next one on', async () => {
    const { owner, card } = await weekly({ start: at('2025-03-04T10:00') });
    const res = await call(owner, 'PATCH', `/series/${card.id}`, { end: at('2025-03-11T11:00') });
    expect(res.statusCode).toBe(200);
    const [past, ...rest] = res.json().meetings as { start: string; end: string }[];
    expect(localOf(past?.end ?? '')).toBe('2025-03-04 10:30');
    expect(new Set(rest.map((m) => `${localOf(m.start).slice(11)}-${localOf(m.end).slice(11)}`))).toEqual(
      new Set(['10:00-11:00']),
    );
  });

  it('a retime that pushes a 1:1 past the end date of the repetition deletes it', async () => {
    const { owner, card } = await weekly({ until: '2025-04-01' });
    const res = await call(owner, 'PATCH', `/series/${card.id}`, { start: at('2025-03-12T10:00') });
    expect(res.statusCode).toBe(200);
    expect(res.json().meetings.map((m: { start: string }) => localOf(m.start))).toEqual([
      '2025-03-12 10:00',
      '2025-03-19 10:00',
      '2025-03-26 10:00',
    ]);
  });

  it('retimes a series that starts more than a month ahead', async () => {
    const { owner, card } = await weekly({ start: at('2025-04-22T10:00') });
    const res = await call(owner, 'PATCH', `/series/${card.id}`, { start: at('2025-04-23T09:00') });
    expect(res.statusCode).toBe(200);
    expect(res.json().meetings.map((m: { start: string }) => localOf(m.start))).toEqual([
      '2025-04-23 09:00',
      '2025-04-30 09:00',
    ]);
  });

  it('refuses to move a series into the past, an end before the start and a non-participant', async () => {
    const { owner, card } = await weekly();
    const third = await createUser(t.app, { name: 'Theo Third' });
    const past = await call(owner, 'PATCH', `/series/${card.id}`, { start: at('2025-03-09T10:00') });
    expect(past.statusCode).toBe(422);
    expect(past.json().error.code).toBe('SERIES_RETIME_PAST');
    const backwards = await call(owner, 'PATCH', `/series/${card.id}`, {
      start: at('2025-03-12T10:00'),
      end: at('2025-03-12T09:00'),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe('END_BEFORE_START');
    expect((await call(third, 'PATCH', `/series/${card.id}`, { title: 'Mine' })).statusCode).toBe(404);
    expect((await call(owner, 'PATCH', `/series/${card.id}`, {})).statusCode).toBe(400);
  });
});

describe('DELETE /api/v1/series/:id', () => {
  it('only the owner can delete a series', async () => {
    const { other, card } = await weekly();
    const res = await call(other, 'DELETE', `/series/${card.id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('DELETE_NOT_OWNER');
  });

  it('deletes a series that has not started, with its meetings, items, private notes and note versions', async () => {
    const { owner, other, card } = await weekly();
    const { meetings } = await seriesDetail(t.app, owner, card.id);
    const first = meetings[0]?.id ?? '';
    expect((await call(owner, 'POST', `/meetings/${first}/topics`, { text: 'Hello' })).statusCode).toBe(201);
    expect((await call(other, 'PUT', `/meetings/${first}/private-note`, { text: 'mine' })).statusCode).toBe(
      200,
    );
    await t.app.store.meetings.saveSharedNotes(owner.tenantId, first, 0, 'shared', NOW);

    const res = await call(owner, 'DELETE', `/series/${card.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect((await call(owner, 'GET', `/series/${card.id}`)).statusCode).toBe(404);
    expect((await call(other, 'GET', `/meetings/${first}`)).statusCode).toBe(404);
    expect(
      await t.app.store.meetings.listBySeries(owner.tenantId, card.id, { includeDeleted: true }),
    ).toEqual([]);
    expect(await t.app.store.items.listForMeeting(owner.tenantId, first)).toEqual([]);
    expect(await t.app.store.privateNotes.getMine(owner.tenantId, first, other.id)).toBeNull();
    expect(await t.app.store.meetings.sharedNotesAt(first, 1)).toBeNull();
    // The pair may start a new series.
    await createOneOnOne(t.app, owner, other, { start: at('2025-03-12T10:00'), repeat: 'weekly' });
  });

  it('a series cannot be deleted once one of its instances has started', async () => {
    const { owner, card } = await weekly();
    t.app.clock.set(new Date(at('2025-03-11T10:05')));
    const res = await call(owner, 'DELETE', `/series/${card.id}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('DELETE_SERIES_STARTED');
  });

  it('a past series cannot be deleted, only archived', async () => {
    const { owner, card } = await weekly({ until: '2025-03-18' });
    t.app.clock.set(new Date(at('2025-03-20T09:00')));
    const res = await call(owner, 'DELETE', `/series/${card.id}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('DELETE_PAST');
  });
});

describe('POST /api/v1/series/:id/archive and /unarchive', () => {
  it('only a past series can be archived', async () => {
    const { owner, card } = await weekly({ until: '2025-03-25' });
    const res = await call(owner, 'POST', `/series/${card.id}/archive`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ARCHIVE_NOT_PAST');
  });

  it('a series without an end date is never past, so it cannot be archived', async () => {
    const { owner, card } = await weekly();
    t.app.clock.set(new Date(at('2025-12-01T09:00')));
    const res = await call(owner, 'POST', `/series/${card.id}/archive`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ARCHIVE_NOT_PAST');
  });

  it('archiving a past series moves it to the Archived tab of both participants; either can unarchive', async () => {
    const { owner, other, card } = await weekly({ until: '2025-03-18' });
    t.app.clock.set(new Date(at('2025-03-20T09:00')));
    const archived = await call(other, 'POST', `/series/${card.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ id: card.id, archived: true });
    for (const user of [owner, other]) {
      expect((await call(user, 'GET', '/one-on-ones?view=past')).json()).toEqual([]);
      const [listed] = (await call(user, 'GET', '/one-on-ones?view=archived')).json();
      expect(listed.id).toBe(card.id);
    }
    const { meetings } = await seriesDetail(t.app, owner, card.id);
    expect((await call(owner, 'GET', `/meetings/${meetings[0]?.id}`)).json().archived).toBe(true);

    const back = await call(owner, 'POST', `/series/${card.id}/unarchive`);
    expect(back.statusCode).toBe(200);
    expect(back.json().archived).toBe(false);
    expect(
      (await call(other, 'GET', '/one-on-ones?view=past')).json().map((c: { id: string }) => c.id),
    ).toEqual([card.id]);
  });

  it('a connected series can be archived only after its recurrence ended in the calendar', async () => {
    const { owner, card } = await weekly({ until: '2025-12-30' });
    await t.app.store.series.update(owner.tenantId, card.id, { connection: 'connected' });
    // Every stored instance is over, but the calendar's recurrence goes on until December.
    t.app.clock.set(new Date(at('2025-06-01T09:00')));
    const res = await call(owner, 'POST', `/series/${card.id}/archive`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ARCHIVE_CONNECTED_RECURRENCE_NOT_ENDED');
  });

  it('unarchiving is refused with 409 when the pair has another active series', async () => {
    const { owner, other, card } = await weekly({ until: '2025-03-18' });
    t.app.clock.set(new Date(at('2025-03-20T09:00')));
    expect((await call(owner, 'POST', `/series/${card.id}/archive`)).statusCode).toBe(200);
    const second = await createOneOnOne(t.app, other, owner, {
      start: at('2025-03-24T10:00'),
      repeat: 'monthly',
    });
    const res = await call(other, 'POST', `/series/${card.id}/unarchive`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'ONE_SERIES_PER_PAIR',
      details: { existingSeriesId: second.id },
    });
  });
});

describe('POST /api/v1/series/:id/link', () => {
  it('needs a connected calendar first', async () => {
    const { owner, card } = await weekly();
    const res = await call(owner, 'POST', `/series/${card.id}/link`, { eventId: 'AAMkAGI2' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toEqual({
      code: 'CALENDAR_NOT_CONNECTED',
      message: 'Connect your calendar first.',
    });
    expect((await call(owner, 'POST', `/series/${card.id}/link`, {})).statusCode).toBe(400);
  });
});

describe('every /series route', () => {
  it('answers 404 to a non-participant, in the tenant or outside it', async () => {
    const { card } = await weekly({ until: '2025-03-18' });
    const third = await createUser(t.app, { name: 'Theo Third' });
    const stranger = await createUser(t.app, { name: 'Sam Stranger', tenantId: TENANT_B });
    t.app.clock.set(new Date(at('2025-03-20T09:00')));
    const routes = [
      ['GET', `/series/${card.id}`, undefined],
      ['PATCH', `/series/${card.id}`, { title: 'Mine now' }],
      ['DELETE', `/series/${card.id}`, undefined],
      ['POST', `/series/${card.id}/archive`, undefined],
      ['POST', `/series/${card.id}/unarchive`, undefined],
      ['POST', `/series/${card.id}/link`, { eventId: 'x' }],
    ] as const;
    for (const user of [third, stranger]) {
      for (const [method, path, body] of routes) {
        const res = await call(user, method, path, body);
        expect(res.statusCode, `${method} ${path}`).toBe(404);
      }
    }
  });
});
