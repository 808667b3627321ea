// Topic and action-item commands for both route plugins: load what the caller may see, let the domain decide,
// write one document, record the change for the other participant's live stream.
import type { FastifyInstance } from 'fastify';
import { generateKeyBetween } from 'fractional-indexing';
import { type ItemPatch, itemChanges, newItem } from '../domain/item-changes.ts';
import { keyForMove, keyForPlaceAfter } from '../domain/order-keys.ts';
import { assertCanDeleteItem, assertCanReorderItem } from '../domain/permissions.ts';
import { RuleError } from '../domain/rule-error.ts';
import type { Item, ItemKind } from '../domain/types.ts';
import { AppError } from '../errors/app-error.ts';
import type { Caller } from '../plugins/app/auth.ts';
import type { Item as ItemView, MoveBody } from '../schemas/workspace.ts';
import type { ChangeType } from '../store/changes.ts';
import { loadVisibleMeeting } from './load-one-on-one.ts';
import { itemView } from './workspace-view.ts';

export type WorkspaceDeps = Pick<FastifyInstance, 'store' | 'clock'>;

export type NewItemBody = { text: string; assigneeId?: string | null; due?: string | null };

const NOUN: Record<ItemKind, string> = { topic: 'Topic', action: 'Action item' };
/** An item of the given kind whose meeting the caller can see (an action item is no topic, and vice versa). */
async function loadVisibleItem(deps: WorkspaceDeps, caller: Caller, id: string, kind: ItemKind) {
  const item = await deps.store.items.findVisible(caller.tenant.id, id, caller.user.id);
  if (!item || item.kind !== kind) throw AppError.notFound(NOUN[kind]);
  const meeting = await deps.store.meetings.findVisible(caller.tenant.id, item.meetingId, caller.user.id);
  if (!meeting) throw AppError.notFound(NOUN[kind]);
  return { item, meeting };
}

async function recordChange(
  deps: WorkspaceDeps,
  caller: Caller,
  meetingId: string,
  type: ChangeType,
  payload: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await deps.store.changes.record({
    tenantId: caller.tenant.id,
    meetingId,
    actorId: caller.user.id,
    type,
    payload,
    at,
  });
}

/** The store writes only items that have not moved; when nothing was written, say why. */
async function writtenOrWhyNot(deps: WorkspaceDeps, caller: Caller, item: Item, written: Item | null) {
  if (written) return written;
  const now = await deps.store.items.findVisible(caller.tenant.id, item.id, caller.user.id);
  if (now && now.movedTo !== null) throw new RuleError('ITEM_MOVED');
  throw AppError.notFound(NOUN[item.kind]);
}

/**
 * Two items appended at the same instant get the same order key (both placed after the same last one).
 * Equal keys leave no room between them for later moves, so the later item (by id) steps aside.
 */
async function settleAppendTie(deps: WorkspaceDeps, created: Item): Promise<Item> {
  // The usual case, no twin, costs one small query instead of reading every sibling.
  if (!(await deps.store.items.hasEarlierTwin(created))) return created;
  let item = created;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const siblings = await deps.store.items.listForMeeting(item.tenantId, item.meetingId, item.kind);
    const index = siblings.findIndex((sibling) => sibling.id === item.id);
    if (index < 1 || siblings[index - 1]?.orderKey !== item.orderKey) return item;
    const upper = siblings.slice(index + 1).find((sibling) => sibling.orderKey > item.orderKey);
    const orderKey = generateKeyBetween(item.orderKey, upper?.orderKey ?? null);
    const moved = await deps.store.items.update(item.tenantId, item.id, { orderKey });
    if (!moved) return item;
    item = moved;
  }
  return item;
}

/** Either participant adds a topic or an action item; it goes after the meeting's items of its kind. */
export async function addItem(
  deps: WorkspaceDeps,
  caller: Caller,
  meetingId: string,
  kind: ItemKind,
  body: NewItemBody,
): Promise<ItemView> {
  const meeting = await loadVisibleMeeting(deps.store, caller.tenant.id, meetingId, caller.user.id);
  const siblingKeys = await deps.store.items.orderKeys(caller.tenant.id, meeting.id, kind);
  const now = deps.clock.now();
  const draft = newItem({
    meeting,
    authorId: caller.user.id,
    kind,
    text: body.text,
    ...(body.assigneeId !== undefined ? { assigneeId: body.assigneeId } : {}),
    ...(body.due !== undefined ? { due: body.due } : {}),
    siblingKeys,
  });
  const inserted = await deps.store.items.insert(draft, meeting.participantIds, now);
  const item = await settleAppendTie(deps, inserted);
  await recordChange(deps, caller, meeting.id, 'item.created', { item: itemView(item) }, now);
  return itemView(item);
}

/** Text by its author; completion, assignee and due date by either participant; a moved item not at all. */
export async function updateItem(
  deps: WorkspaceDeps,
  caller: Caller,
  id: string,
  kind: ItemKind,
  patch: ItemPatch,
): Promise<ItemView> {
  const { item, meeting } = await loadVisibleItem(deps, caller, id, kind);
  const now = deps.clock.now();
  const changes = itemChanges(item, meeting, caller.user.id, patch, now);
  if (Object.keys(changes).length === 0) return itemView(item);
  const updated = await writtenOrWhyNot(
    deps,
    caller,
    item,
    await deps.store.items.update(caller.tenant.id, item.id, changes),
  );
  await recordChange(deps, caller, meeting.id, 'item.updated', { item: itemView(updated) }, now);
  return itemView(updated);
}

/** Up, down, or right after another item (null: first); only the moved item's key is written. */
export async function moveItem(
  deps: WorkspaceDeps,
  caller: Caller,
  id: string,
  kind: ItemKind,
  body: MoveBody,
): Promise<ItemView> {
  const { item, meeting } = await loadVisibleItem(deps, caller, id, kind);
  assertCanReorderItem(caller.user.id, item, meeting);
  const siblings = await deps.store.items.listForMeeting(caller.tenant.id, meeting.id, kind);
  const orderKey =
    'direction' in body
      ? keyForMove(siblings, item.id, body.direction)
      : keyForPlaceAfter(siblings, item.id, body.after);
  if (orderKey === null) return itemView(item);
  const moved = await writtenOrWhyNot(
    deps,
    caller,
    item,
    await deps.store.items.update(caller.tenant.id, item.id, { orderKey }),
  );
  const at = deps.clock.now();
  await recordChange(deps, caller, meeting.id, 'item.updated', { item: itemView(moved) }, at);
  return itemView(moved);
}

/** A topic by its author only, an action item by either participant. */
export async function deleteItem(
  deps: WorkspaceDeps,
  caller: Caller,
  id: string,
  kind: ItemKind,
): Promise<void> {
  const { item, meeting } = await loadVisibleItem(deps, caller, id, kind);
  assertCanDeleteItem(caller.user.id, item, meeting);
  const removed = await deps.store.items.remove(caller.tenant.id, item.id);
  if (!removed) await writtenOrWhyNot(deps, caller, item, null);
  await recordChange(deps, caller, meeting.id, 'item.deleted', { id: item.id, kind }, deps.clock.now());
}
