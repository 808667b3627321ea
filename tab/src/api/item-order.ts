// Pure reorder logic shared by the optimistic cache update and drag and drop: same answers as the API's move.
import type { MoveBody } from 'api/contract';

export function applyMove<T extends { id: string }>(items: readonly T[], id: string, move: MoveBody): T[] {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) return [...items];
  const moving = items[index]!;
  const rest = items.filter((item) => item.id !== id);
  if ('direction' in move) {
    const target = move.direction === 'up' ? Math.max(0, index - 1) : Math.min(items.length - 1, index + 1);
    rest.splice(target, 0, moving);
    return rest;
  }
  if (move.after === null) return [moving, ...rest];
  const afterIndex = rest.findIndex((item) => item.id === move.after);
  rest.splice(afterIndex + 1, 0, moving);
  return rest;
}

/** The `after` anchor that puts the dragged item where it was dropped (before `targetId`, or last). */
export function dropAnchor<T extends { id: string }>(
  items: readonly T[],
  draggedId: string,
  targetId: string | null,
): string | null {
  const rest = items.filter((item) => item.id !== draggedId);
  if (targetId === null) return rest.at(-1)?.id ?? null;
  const targetIndex = rest.findIndex((item) => item.id === targetId);
  if (targetIndex <= 0) return null;
  return rest[targetIndex - 1]!.id;
}
