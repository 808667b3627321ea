// materialiseSeries, as the daily top-up job calls it: fills the horizon, never re-creates a deleted instance,
// and is safe to run twice at the same time.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Series } from '../domain/types.ts';
import { createUser } from '../test-support/fixtures.ts';
import { at, createOneOnOne } from '../test-support/one-on-one-fixtures.ts';
import { buildTestApp, type TestApp } from '../test-support/test-app.ts';
import { materialiseSeries } from './materialise-series.ts';

let t: TestApp;
const NOW = new Date(at('2025-03-10T09:00'));
const WEEK = 7 * 24 * 60 * 60 * 1000;

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.app.clock.set(NOW));

async function newSeries(options: { until?: string } = {}): Promise<Series> {
  const owner = await createUser(t.app, { name: 'Olivia Owner' });
  const other = await createUser(t.app, { name: 'Pat Partner' });
  const card = await createOneOnOne(t.app, owner, other, {
    start: at('2025-03-11T10:00'),
    repeat: 'weekly',
    ...options,
  });
  const series = await t.app.store.series.findVisible(owner.tenantId, card.id, owner.id);
  if (!series) throw new Error('series missing');
  return series;
}

const instancesOf = (series: Series) =>
  t.app.store.meetings.listBySeries(series.tenantId, series.id, { includeDeleted: true });

describe('materialiseSeries', () => {
  it('keeps instances at least 8 weeks ahead as time passes', async () => {
    const series = await newSeries();
    expect(await materialiseSeries(t.app.store, series, NOW)).toEqual([]);
    const later = new Date(NOW.getTime() + 3 * WEEK);
    const added = await materialiseSeries(t.app.store, series, later);
    expect(added).toHaveLength(3);
    const last = (await instancesOf(series)).at(-1);
    expect(last?.start.getTime()).toBeGreaterThanOrEqual(later.getTime() + 8 * WEEK - WEEK);
  });

  it('never re-creates a deleted instance', async () => {
    const series = await newSeries();
    const [, second] = await instancesOf(series);
    await t.app.store.meetings.update(series.tenantId, second?.id ?? '', { deleted: true });
    await materialiseSeries(t.app.store, series, new Date(NOW.getTime() + WEEK));
    const slots = (await instancesOf(series)).filter((m) => m.start.getTime() === second?.start.getTime());
    expect(slots).toHaveLength(1);
    expect(slots[0]?.deleted).toBe(true);
  });

  it('creates each slot once when two runs happen at the same time', async () => {
    const series = await newSeries();
    const later = new Date(NOW.getTime() + 5 * WEEK);
    const [a, b] = await Promise.all([
      materialiseSeries(t.app.store, series, later),
      materialiseSeries(t.app.store, series, later),
    ]);
    const instances = await instancesOf(series);
    const starts = instances.map((m) => m.start.getTime());
    expect(new Set(starts).size).toBe(starts.length);
    expect((a?.length ?? 0) + (b?.length ?? 0)).toBe(5);
  });

  it('stops at the end date of the repetition', async () => {
    const series = await newSeries({ until: '2025-03-25' });
    await materialiseSeries(t.app.store, series, new Date(NOW.getTime() + 10 * WEEK));
    expect(await instancesOf(series)).toHaveLength(3);
  });

  it('leaves archived and calendar-fed series alone', async () => {
    const series = await newSeries();
    const later = new Date(NOW.getTime() + 4 * WEEK);
    expect(await materialiseSeries(t.app.store, { ...series, connection: 'connected' }, later)).toEqual([]);
    expect(await materialiseSeries(t.app.store, { ...series, archived: true }, later)).toEqual([]);
  });
});
