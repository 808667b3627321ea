// New items and item updates as decisions: the permissions, text rules and order key combined for the routes.
import { validateItemText } from './item-text.ts';
import { keyForAppend } from './order-keys.ts';
import {
  assertCanAddItem,
  assertCanEditText,
  assertCanSetCompleted,
  assertNotMoved,
  assertParticipant,
  assertValidAssignee,
  type PairRecord,
} from './permissions.ts';
import { RuleError } from './rule-error.ts';
import type { Id, Item, ItemKind, Meeting } from './types.ts';

export type NewItemInput = {
  meeting: Pick<Meeting, 'id' | 'tenantId' | 'participantIds'>;
  authorId: Id;
  kind: ItemKind;
  text: string;
  assigneeId?: Id | null;
  due?: string | null;
  /** Order keys of the meeting's items of the same kind: the new item goes last. */
  siblingKeys: readonly string[];
};

export type ItemPatch = {
  text?: string;
  completed?: boolean;
  assigneeId?: Id | null;
  due?: string | null;
};

/** Only the fields that change; an empty object means nothing to write. */
export type ItemChanges = Partial<
  Pick<Item, 'text' | 'url' | 'completed' | 'completedAt' | 'assigneeId' | 'due'>
>;

/** A due date is a calendar day, not an instant: "YYYY-MM-DD" that exists in the calendar. */
export function validateDue(due: string | null): string | null {
  if (due === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(due);
  if (match === null) throw new RuleError('DUE_INVALID');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new RuleError('DUE_INVALID');
  }
  return due;
}

function assertActionFields(kind: ItemKind, assigneeId: Id | null, due: string | null): void {
  if (kind === 'topic' && (assigneeId !== null || due !== null)) throw new RuleError('TOPIC_HAS_NO_ASSIGNEE');
}

/** A new topic or action item, appended after the meeting's items of its kind. The store adds the id. */
export function newItem(input: NewItemInput): Omit<Item, 'id'> {
  const { meeting, authorId, kind } = input;
  assertCanAddItem(authorId, meeting);
  const { text, url } = validateItemText(input.text);
  const assigneeId = input.assigneeId ?? null;
  const due = validateDue(input.due ?? null);
  assertActionFields(kind, assigneeId, due);
  assertValidAssignee(assigneeId, meeting);
  return {
    tenantId: meeting.tenantId,
    meetingId: meeting.id,
    kind,
    text,
    url,
    authorId,
    orderKey: keyForAppend(input.siblingKeys),
    completed: false,
    completedAt: null,
    movedTo: null,
    movedFrom: null,
    movedFromItemId: null,
    assigneeId,
    due,
  };
}

/**
 * The changes a participant's PATCH makes. The text is the author's (a value equal to the current text is
 * not a change, so clients may send whole items); completion, assignee and due date are either
 * participant's — we read "edited by its author" as the wording of the item, not its bookkeeping.
 */
export function itemChanges(
  item: Item,
  meeting: PairRecord,
  userId: Id,
  patch: ItemPatch,
  now: Date,
): ItemChanges {
  assertParticipant(userId, meeting);
  assertNotMoved(item);
  const changes: ItemChanges = {};
  if (patch.text !== undefined) {
    const { text, url } = validateItemText(patch.text);
    if (text !== item.text) {
      assertCanEditText(userId, item, meeting);
      Object.assign(changes, { text, url });
    }
  }
  if (patch.completed !== undefined && patch.completed !== item.completed) {
    assertCanSetCompleted(userId, item, meeting);
    Object.assign(changes, { completed: patch.completed, completedAt: patch.completed ? now : null });
  }
  const assigneeId = patch.assigneeId === undefined ? item.assigneeId : patch.assigneeId;
  const due = patch.due === undefined ? item.due : validateDue(patch.due);
  assertActionFields(item.kind, assigneeId, due);
  assertValidAssignee(assigneeId, meeting);
  if (assigneeId !== item.assigneeId) changes.assigneeId = assigneeId;
  if (due !== item.due) changes.due = due;
  return changes;
}
