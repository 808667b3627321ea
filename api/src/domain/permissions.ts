// Who may do what in the workspace of a 1:1 (SPEC.md "The workspace of a 1:1"), plus the module and admin gates.
import { RuleError } from './rule-error.ts';
import type { Id, Item, ParticipantIds, Tenant } from './types.ts';

/** Anything that belongs to a pair: a series or a meeting. */
export type PairRecord = { participantIds: ParticipantIds };

/** What the item permissions look at. */
export type ItemFacts = Pick<Item, 'kind' | 'authorId' | 'movedTo'>;

export function isParticipant(userId: Id, record: PairRecord): boolean {
  return record.participantIds.includes(userId);
}

/** Not a participant answers "not found": a 1:1's very existence is private to its two participants. */
export function assertParticipant(userId: Id, record: PairRecord): void {
  if (!isParticipant(userId, record)) throw new RuleError('NOT_PARTICIPANT');
}

/** A disabled module answers 403 to everything but the admin settings. */
export function assertModuleEnabled(tenant: Pick<Tenant, 'enabled'>): void {
  if (!tenant.enabled) throw new RuleError('MODULE_DISABLED');
}

export function assertAdmin(isAdmin: boolean): void {
  if (!isAdmin) throw new RuleError('NOT_ADMIN');
}

/** A rolled-over item is a read-only trace in its past meeting; it lives on in the following one. */
export function assertNotMoved(item: Pick<Item, 'movedTo'>): void {
  if (item.movedTo !== null) throw new RuleError('ITEM_MOVED');
}

/** Either participant adds topics and action items. */
export function assertCanAddItem(userId: Id, meeting: PairRecord): void {
  assertParticipant(userId, meeting);
}

/** Either participant moves an item up or down (priority order). */
export function assertCanReorderItem(userId: Id, item: ItemFacts, meeting: PairRecord): void {
  assertParticipant(userId, meeting);
  assertNotMoved(item);
}

/** Either participant completes or reopens an item, during or after the 1:1, unless it moved on. */
export function assertCanSetCompleted(userId: Id, item: ItemFacts, meeting: PairRecord): void {
  assertParticipant(userId, meeting);
  assertNotMoved(item);
}

/** The text of a topic or an action item is edited by its author only. */
export function assertCanEditText(userId: Id, item: ItemFacts, meeting: PairRecord): void {
  assertParticipant(userId, meeting);
  assertNotMoved(item);
  if (item.authorId === userId) return;
  throw new RuleError(item.kind === 'topic' ? 'TOPIC_EDIT_NOT_AUTHOR' : 'ACTION_EDIT_NOT_AUTHOR');
}

/** A topic is deleted only by the participant who added it; an action item by either participant. */
export function assertCanDeleteItem(userId: Id, item: ItemFacts, meeting: PairRecord): void {
  assertParticipant(userId, meeting);
  assertNotMoved(item);
  if (item.kind === 'topic' && item.authorId !== userId) throw new RuleError('TOPIC_DELETE_NOT_AUTHOR');
}

/** An action item's assignee is one of the two participants (or nobody). */
export function assertValidAssignee(assigneeId: Id | null, meeting: PairRecord): void {
  if (assigneeId !== null && !isParticipant(assigneeId, meeting)) {
    throw new RuleError('ASSIGNEE_NOT_PARTICIPANT');
  }
}
