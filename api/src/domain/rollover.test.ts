import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByOrder } from './order-keys.ts';
import {
  hasSeriesEnded,
  isDueForRollOver,
  planRollOver,
  type RollOverItem,
  type RollOverMeeting,
  type RollOverStep,
  rolledOverCopy,
} from './rollover.ts';
import { item, series } from './test-fixtures.ts';
import type { Meeting } from './types.ts';

const HOUR = 3600_000;
const WEEK = 7 * 24 * HOUR;
const first = new Date('2025-03-03T09:00:00Z').getTime();

/** Weekly instances m0, m1, … of series s1, 30 minutes each. */
function weekly(count: number, overrides: Record<number, Partial<Meeting>> = {}): RollOverMeeting[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    seriesId: 's1',
    start: new Date(first + i * WEEK),
    end: new Date(first + i * WEEK + HOUR / 2),
    status: 'scheduled' as const,
    deleted: false,
    rolledOverAt: null,
    ...overrides[i],
  }));
}

/** `now` relative to the end of instance i. */
function afterEndOf(i: number, ms: number): Date {
  return new Date(first + i * WEEK + HOUR / 2 + ms);
}

function open(
  id: string,
  meetingId: string,
  orderKey: string,
  kind: 'topic' | 'action' = 'topic',
): RollOverItem {
  return { id, meetingId, kind, orderKey, completed: false, movedTo: null };
}

/** What the store does with a plan, in memory. */
function apply(
  meetings: RollOverMeeting[],
  items: RollOverItem[],
  plan: RollOverStep[],
  now: Date,
): [RollOverMeeting[], RollOverItem[]] {
  let nextItems = [...items];
  for (const step of plan) {
    for (const move of step.moves) {
      const source = nextItems.find((candidate) => candidate.id === move.itemId)!;
      nextItems = nextItems.map((x) => (x.id === source.id ? { ...x, movedTo: move.toMeetingId } : x));
      nextItems.push({
        ...source,
        id: `${source.id}>`,
        meetingId: move.toMeetingId,
        orderKey: move.newOrderKey,
      });
    }
  }
  const marked = new Set(plan.map((step) => step.meetingId));
  return [meetings.map((m) => (marked.has(m.id) ? { ...m, rolledOverAt: now } : m)), nextItems];
}

function listOf(items: RollOverItem[], meetingId: string, kind: 'topic' | 'action' = 'topic'): string[] {
  return sortByOrder(items.filter((x) => x.meetingId === meetingId && x.kind === kind)).map((x) => x.id);
}

describe('roll-over timing', () => {
  it('an item not complete three hours after its 1:1 ends moves to the following 1:1', () => {
    const meetings = weekly(3);
    const items = [open('t1', 'm0', 'a0')];
    expect(planRollOver({ meetings, items, now: afterEndOf(0, 3 * HOUR - 1) })).toEqual([]);
    const plan = planRollOver({ meetings, items, now: afterEndOf(0, 3 * HOUR) });
    expect(plan).toEqual([
      {
        meetingId: 'm0',
        markRolledOver: true,
        moves: [{ itemId: 't1', toMeetingId: 'm1', newOrderKey: 'a0' }],
      },
    ]);
  });

  it('is due only for series meetings, not deleted, not yet rolled over, three hours past their end', () => {
    const [m0] = weekly(1);
    const now = afterEndOf(0, 3 * HOUR);
    expect(isDueForRollOver(m0!, now)).toBe(true);
    expect(isDueForRollOver({ ...m0!, seriesId: null }, now)).toBe(false);
    expect(isDueForRollOver({ ...m0!, deleted: true }, now)).toBe(false);
    expect(isDueForRollOver({ ...m0!, rolledOverAt: now }, now)).toBe(false);
    expect(isDueForRollOver({ ...m0!, status: 'cancelled' }, now)).toBe(true);
  });
});

describe('what rolls over', () => {
  const now = afterEndOf(0, 4 * HOUR);

  it('completed items and items that already moved stay', () => {
    const items = [
      open('open', 'm0', 'a0'),
      { ...open('done', 'm0', 'a1'), completed: true },
      { ...open('gone', 'm0', 'a2'), movedTo: 'm1' },
    ];
    const [step] = planRollOver({ meetings: weekly(2), items, now });
    expect(step?.moves.map((move) => move.itemId)).toEqual(['open']);
  });

  it('moved items are placed after the following 1:1’s own items, in their order, topics and actions apart', () => {
    const items = [
      open('t-b', 'm0', 'a5'),
      open('t-a', 'm0', 'a1'),
      open('act', 'm0', 'a0', 'action'),
      open('own-1', 'm1', 'a0'),
      { ...open('own-2', 'm1', 'a3'), completed: true },
      open('own-act', 'm1', 'a7', 'action'),
    ];
    const meetings = weekly(2);
    const [, applied] = apply(meetings, items, planRollOver({ meetings, items, now }), now);
    expect(listOf(applied, 'm1')).toEqual(['own-1', 'own-2', 't-a>', 't-b>']);
    expect(listOf(applied, 'm1', 'action')).toEqual(['own-act', 'act>']);
    expect(listOf(applied, 'm0')).toEqual(['t-a', 't-b']);
  });

  it('the following 1:1 is the next instance that is not cancelled or deleted', () => {
    const meetings = weekly(4, { 1: { status: 'cancelled' }, 2: { deleted: true } });
    const [step] = planRollOver({ meetings, items: [open('t', 'm0', 'a0')], now });
    expect(step?.moves[0]?.toMeetingId).toBe('m3');
  });

  it('a cancelled 1:1’s open items roll over the same way', () => {
    const meetings = weekly(2, { 0: { status: 'cancelled' } });
    const [step] = planRollOver({ meetings, items: [open('t', 'm0', 'a0')], now });
    expect(step).toMatchObject({ meetingId: 'm0', moves: [{ itemId: 't', toMeetingId: 'm1' }] });
  });

  it('a deleted 1:1 does not roll over', () => {
    const meetings = weekly(2, { 0: { deleted: true } });
    expect(planRollOver({ meetings, items: [open('t', 'm0', 'a0')], now })).toEqual([]);
  });

  it('single 1:1s never roll over', () => {
    const meetings = weekly(2).map((m) => ({ ...m, seriesId: null }));
    expect(planRollOver({ meetings, items: [open('t', 'm0', 'a0')], now })).toEqual([]);
  });

  it('the past 1:1 keeps a trace and the item lives on, open, in the following 1:1', () => {
    const source = item({
      id: 'i7',
      meetingId: 'm0',
      kind: 'action',
      assigneeId: 'u-other',
      due: '2025-03-20',
    });
    expect(rolledOverCopy(source, { itemId: 'i7', toMeetingId: 'm1', newOrderKey: 'a4' })).toEqual({
      tenantId: 't1',
      meetingId: 'm1',
      kind: 'action',
      text: source.text,
      url: null,
      authorId: source.authorId,
      orderKey: 'a4',
      completed: false,
      completedAt: null,
      movedTo: null,
      movedFrom: 'm0',
      movedFromItemId: 'i7',
      assigneeId: 'u-other',
      due: '2025-03-20',
    });
  });
});

describe('roll-over happens exactly once per 1:1', () => {
  it('a 1:1 already rolled over is not planned again', () => {
    const now = afterEndOf(0, 4 * HOUR);
    const meetings = weekly(2, { 0: { rolledOverAt: now } });
    expect(planRollOver({ meetings, items: [open('t', 'm0', 'a0')], now })).toEqual([]);
  });

  it('after a crash in the middle of a step, the next run plans only what is left', () => {
    const now = afterEndOf(0, 4 * HOUR);
    const meetings = weekly(2);
    const items = [
      { ...open('t1', 'm0', 'a0'), movedTo: 'm1' },
      open('t1>', 'm1', 'a0'),
      open('t2', 'm0', 'a1'),
    ];
    expect(planRollOver({ meetings, items, now })).toEqual([
      {
        meetingId: 'm0',
        markRolledOver: true,
        moves: [{ itemId: 't2', toMeetingId: 'm1', newOrderKey: 'a1' }],
      },
    ]);
  });

  it('when several 1:1s are past in one run, items go straight to the first 1:1 still to come', () => {
    const now = afterEndOf(2, 4 * HOUR);
    const meetings = weekly(4);
    const items = [
      open('a', 'm0', 'a0'),
      open('b', 'm1', 'a0'),
      open('c', 'm2', 'a0'),
      open('own', 'm3', 'a0'),
    ];
    const plan = planRollOver({ meetings, items, now });
    expect(plan.map((step) => step.meetingId)).toEqual(['m0', 'm1', 'm2']);
    expect(plan.flatMap((step) => step.moves.map((move) => move.toMeetingId))).toEqual(['m3', 'm3', 'm3']);
    const [, applied] = apply(meetings, items, plan, now);
    expect(listOf(applied, 'm3')).toEqual(['own', 'a>', 'b>', 'c>']);
  });

  it('a 1:1 that ended less than three hours ago still takes the items of an earlier one', () => {
    const now = afterEndOf(1, HOUR);
    const meetings = weekly(3);
    const [step] = planRollOver({ meetings, items: [open('t', 'm0', 'a0')], now });
    expect(step?.moves[0]?.toMeetingId).toBe('m1');
  });
});

describe('end of series', () => {
  const now = afterEndOf(1, 4 * HOUR);

  it('with no following 1:1, items stay and the 1:1 is retried while the series may still continue', () => {
    const meetings = weekly(2);
    const items = [open('t', 'm1', 'a0')];
    expect(planRollOver({ meetings, items, now })).toEqual([]);
    const extended = [...meetings, ...weekly(3).slice(2)];
    expect(planRollOver({ meetings: extended, items, now })).toEqual([
      { meetingId: 'm0', markRolledOver: true, moves: [] },
      {
        meetingId: 'm1',
        markRolledOver: true,
        moves: [{ itemId: 't', toMeetingId: 'm2', newOrderKey: 'a0' }],
      },
    ]);
  });

  it('with no following 1:1 in an ended series, items stay and the 1:1 is marked rolled over', () => {
    const plan = planRollOver({
      meetings: weekly(2),
      items: [open('t', 'm1', 'a0')],
      now,
      endedSeriesIds: new Set(['s1']),
    });
    expect(plan).toEqual([
      { meetingId: 'm0', markRolledOver: true, moves: [] },
      { meetingId: 'm1', markRolledOver: true, moves: [] },
    ]);
  });

  it('a series has ended when archived or when its until date is behind us', () => {
    const at = new Date('2025-06-01T00:00:00Z');
    expect(hasSeriesEnded(series(), at)).toBe(false);
    expect(hasSeriesEnded(series({ archived: true }), at)).toBe(true);
    const until = new Date('2025-05-01T00:00:00Z');
    expect(hasSeriesEnded(series({ recurrence: { frequency: 'weekly', interval: 1, until } }), at)).toBe(
      true,
    );
  });
});

describe('roll-over properties', () => {
  const scenario = fc.record({
    statuses: fc.array(fc.constantFrom('scheduled', 'cancelled', 'deleted'), { minLength: 1, maxLength: 6 }),
    items: fc.array(fc.record({ at: fc.nat(5), done: fc.boolean(), action: fc.boolean() }), {
      maxLength: 12,
    }),
    nowAfter: fc.integer({ min: 0, max: 6 }),
    ended: fc.boolean(),
  });

  it('after applying a plan nothing is left to plan, and no open item is lost or duplicated', () => {
    fc.assert(
      fc.property(scenario, ({ statuses, items: specs, nowAfter, ended }) => {
        const meetings = weekly(statuses.length).map((m, i) => ({
          ...m,
          status: statuses[i] === 'cancelled' ? ('cancelled' as const) : ('scheduled' as const),
          deleted: statuses[i] === 'deleted',
        }));
        const items = specs
          .filter((spec) => spec.at < meetings.length)
          .map((spec, i) => ({
            ...open(`i${i}`, `m${spec.at}`, `a${i}`, spec.action ? 'action' : 'topic'),
            completed: spec.done,
          }));
        const now = afterEndOf(nowAfter, 3 * HOUR);
        const input = { now, endedSeriesIds: ended ? new Set(['s1']) : new Set<string>() };
        const plan = planRollOver({ meetings, items, ...input });
        const [nextMeetings, nextItems] = apply(meetings, items, plan, now);
        expect(planRollOver({ meetings: nextMeetings, items: nextItems, ...input })).toEqual([]);
        const live = (list: RollOverItem[]) => list.filter((x) => !x.completed && x.movedTo === null).length;
        expect(live(nextItems)).toBe(live(items));
        for (const move of plan.flatMap((step) => step.moves)) {
          const target = nextMeetings.find((m) => m.id === move.toMeetingId)!;
          expect(target.status).toBe('scheduled');
          expect(target.deleted).toBe(false);
          expect(isDueForRollOver(target, now)).toBe(false);
        }
      }),
    );
  });
});
