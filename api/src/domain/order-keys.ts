// Order of topics and action items: fractional keys, so appending or moving an item writes that one item only.
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { RuleError } from './rule-error.ts';
import type { Id } from './types.ts';

export type Ordered = { id: Id; orderKey: string };
export type MoveDirection = 'up' | 'down';

/**
 * Keys compare as plain strings (code-unit order), which is also MongoDB's default string order, so the
 * store can sort by `orderKey`. Equal keys (never expected: the store keeps them unique per list) fall
 * back to the id so the order is still total.
 */
export function compareOrder(a: Ordered, b: Ordered): number {
  if (a.orderKey !== b.orderKey) return a.orderKey < b.orderKey ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

export function sortByOrder<T extends Ordered>(items: readonly T[]): T[] {
  return [...items].sort(compareOrder);
}

/** A key strictly between two neighbours; equal neighbours mean a concurrent write, answered as a conflict. */
function keyBetween(lower: string | null, upper: string | null): string {
  if (lower !== null && upper !== null && lower >= upper) throw new RuleError('ORDER_CONFLICT');
  return generateKeyBetween(lower, upper);
}

function lastKey(keys: readonly string[]): string | null {
  return keys.reduce<string | null>((max, key) => (max === null || key > max ? key : max), null);
}

/** The key of a new item placed after all the others. */
export function keyForAppend(siblingKeys: readonly string[]): string {
  return keyBetween(lastKey(siblingKeys), null);
}

/** `count` increasing keys after all `siblingKeys`, for items appended together (roll-over). */
export function keysForAppend(siblingKeys: readonly string[], count: number): string[] {
  return generateNKeysBetween(lastKey(siblingKeys), null, count);
}

function positionOf(sorted: readonly Ordered[], itemId: Id): number {
  const index = sorted.findIndex((sibling) => sibling.id === itemId);
  if (index === -1) throw new Error(`Item ${itemId} is not among the siblings it is moved within`);
  return index;
}

/**
 * The new key of an item moved one place up or down among its siblings (the items of its meeting and
 * kind, itself included), or null when it is already first (up) or last (down).
 */
export function keyForMove(
  siblings: readonly Ordered[],
  itemId: Id,
  direction: MoveDirection,
): string | null {
  const sorted = sortByOrder(siblings);
  const index = positionOf(sorted, itemId);
  if (direction === 'up') {
    if (index === 0) return null;
    return keyBetween(sorted[index - 2]?.orderKey ?? null, sorted[index - 1]?.orderKey ?? null);
  }
  if (index === sorted.length - 1) return null;
  return keyBetween(sorted[index + 1]?.orderKey ?? null, sorted[index + 2]?.orderKey ?? null);
}

/**
 * The new key of an item placed right after `afterId` (null = first), as drag and drop does, or null when
 * it is already there. `afterId` must be another item of the same list.
 */
export function keyForPlaceAfter(
  siblings: readonly Ordered[],
  itemId: Id,
  afterId: Id | null,
): string | null {
  const sorted = sortByOrder(siblings);
  const index = positionOf(sorted, itemId);
  const currentPrevious = sorted[index - 1]?.id ?? null;
  if (afterId === currentPrevious) return null;
  const others = sorted.filter((sibling) => sibling.id !== itemId);
  if (afterId === null) return keyBetween(null, others[0]?.orderKey ?? null);
  const target = others.findIndex((sibling) => sibling.id === afterId);
  if (target === -1) throw new RuleError('MOVE_TARGET_UNKNOWN');
  return keyBetween(others[target]?.orderKey ?? null, others[target + 1]?.orderKey ?? null);
}
