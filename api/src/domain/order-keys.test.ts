import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareOrder,
  keyForAppend,
  keyForMove,
  keyForPlaceAfter,
  keysForAppend,
  type Ordered,
  sortByOrder,
} from './order-keys.ts';

function listOf(count: number): Ordered[] {
  const items: Ordered[] = [];
  for (let i = 0; i < count; i++) {
    items.push({ id: `i${i}`, orderKey: keyForAppend(items.map((item) => item.orderKey)) });
  }
  return items;
}

function ids(items: readonly Ordered[]): string[] {
  return sortByOrder(items).map((item) => item.id);
}

function withKey(items: readonly Ordered[], id: string, orderKey: string | null): Ordered[] {
  if (orderKey === null) return [...items];
  return items.map((item) => (item.id === id ? { ...item, orderKey } : item));
}

describe('priority order of topics and action items', () => {
  it('a new item goes after all the others', () => {
    expect(ids(listOf(4))).toEqual(['i0', 'i1', 'i2', 'i3']);
    expect(keyForAppend([])).toBe('a0');
    expect(keyForAppend(['a3', 'a1', 'a2']) > 'a3').toBe(true);
  });

  it('moving up swaps an item with the one before it, writing only the moved item', () => {
    const items = listOf(4);
    expect(ids(withKey(items, 'i2', keyForMove(items, 'i2', 'up')))).toEqual(['i0', 'i2', 'i1', 'i3']);
    expect(ids(withKey(items, 'i1', keyForMove(items, 'i1', 'up')))).toEqual(['i1', 'i0', 'i2', 'i3']);
  });

  it('moving down swaps an item with the one after it', () => {
    const items = listOf(4);
    expect(ids(withKey(items, 'i1', keyForMove(items, 'i1', 'down')))).toEqual(['i0', 'i2', 'i1', 'i3']);
    expect(ids(withKey(items, 'i2', keyForMove(items, 'i2', 'down')))).toEqual(['i0', 'i1', 'i3', 'i2']);
  });

  it('moving the first item up or the last item down changes nothing', () => {
    const items = listOf(3);
    expect(keyForMove(items, 'i0', 'up')).toBeNull();
    expect(keyForMove(items, 'i2', 'down')).toBeNull();
    expect(keyForMove(listOf(1), 'i0', 'up')).toBeNull();
  });

  it('an item placed after another lands right behind it; after null means first', () => {
    const items = listOf(4);
    expect(ids(withKey(items, 'i0', keyForPlaceAfter(items, 'i0', 'i2')))).toEqual(['i1', 'i2', 'i0', 'i3']);
    expect(ids(withKey(items, 'i3', keyForPlaceAfter(items, 'i3', null)))).toEqual(['i3', 'i0', 'i1', 'i2']);
    expect(ids(withKey(items, 'i1', keyForPlaceAfter(items, 'i1', 'i3')))).toEqual(['i0', 'i2', 'i3', 'i1']);
  });

  it('placing an item where it already is changes nothing', () => {
    const items = listOf(3);
    expect(keyForPlaceAfter(items, 'i0', null)).toBeNull();
    expect(keyForPlaceAfter(items, 'i2', 'i1')).toBeNull();
  });

  it('an item can only be placed after another item of the same list', () => {
    const items = listOf(3);
    expect(() => keyForPlaceAfter(items, 'i0', 'elsewhere')).toThrow(
      expect.objectContaining({ code: 'MOVE_TARGET_UNKNOWN' }),
    );
    expect(() => keyForPlaceAfter(items, 'i0', 'i0')).toThrow(
      expect.objectContaining({ code: 'MOVE_TARGET_UNKNOWN' }),
    );
  });

  it('neighbours with equal keys (a concurrent write) are a conflict, not a wrong order', () => {
    const items: Ordered[] = [
      { id: 'a', orderKey: 'a0' },
      { id: 'b', orderKey: 'a1' },
      { id: 'c', orderKey: 'a1' },
    ];
    expect(() => keyForMove(items, 'a', 'down')).toThrow(expect.objectContaining({ code: 'ORDER_CONFLICT' }));
  });

  it('equal keys still sort in a total order by id', () => {
    expect(compareOrder({ id: 'b', orderKey: 'a0' }, { id: 'a', orderKey: 'a0' })).toBe(1);
    expect(compareOrder({ id: 'a', orderKey: 'a0' }, { id: 'a', orderKey: 'a0' })).toBe(0);
  });

  it('keys appended together follow the list in their order', () => {
    const keys = keysForAppend(['a0', 'a4'], 3);
    expect(keys).toHaveLength(3);
    expect([...keys].sort()).toEqual(keys);
    expect(keys[0]! > 'a4').toBe(true);
  });

  it('any sequence of moves keeps the order a permutation and matches the same moves on an array', () => {
    const command = fc.oneof(
      fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), up: fc.boolean() }),
      fc.record({ kind: fc.constant('place' as const), pick: fc.nat(), after: fc.option(fc.nat()) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(command, { maxLength: 40 }), (size, commands) => {
        let items = listOf(size);
        let expected = ids(items);
        for (const step of commands) {
          const id = expected[step.pick % size]!;
          const at = expected.indexOf(id);
          if (step.kind === 'move') {
            items = withKey(items, id, keyForMove(items, id, step.up ? 'up' : 'down'));
            const to = step.up ? Math.max(0, at - 1) : Math.min(size - 1, at + 1);
            expected.splice(at, 1);
            expected.splice(to, 0, id);
          } else {
            const others = expected.filter((other) => other !== id);
            const after =
              step.after === null || others.length === 0 ? null : others[step.after % others.length]!;
            items = withKey(items, id, keyForPlaceAfter(items, id, after));
            expected =
              after === null ? [id, ...others] : others.flatMap((o) => (o === after ? [o, id] : [o]));
          }
          expect(ids(items)).toEqual(expected);
        }
      }),
    );
  });
});
