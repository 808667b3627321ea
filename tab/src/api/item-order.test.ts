import { describe, expect, it } from 'vitest';
import { applyMove, dropAnchor } from './item-order.ts';

const items = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
const order = (list: { id: string }[]) => list.map((item) => item.id).join('');

describe('priority order: up/down, drag and drop', () => {
  it('moves one place up or down, and stays put at the ends', () => {
    expect(order(applyMove(items, 'c', { direction: 'up' }))).toBe('acbd');
    expect(order(applyMove(items, 'a', { direction: 'up' }))).toBe('abcd');
    expect(order(applyMove(items, 'd', { direction: 'down' }))).toBe('abcd');
  });

  it('a drop before another item becomes "after the one above it"', () => {
    expect(dropAnchor(items, 'd', 'b')).toBe('a');
    expect(dropAnchor(items, 'd', 'a')).toBeNull();
    expect(order(applyMove(items, 'd', { after: dropAnchor(items, 'd', 'b') }))).toBe('adbc');
    expect(order(applyMove(items, 'a', { after: dropAnchor(items, 'a', 'd') }))).toBe('bcad');
  });
});
