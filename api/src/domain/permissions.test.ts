import { describe, expect, it } from 'vitest';
import {
  assertAdmin,
  assertCanAddItem,
  assertCanDeleteItem,
  assertCanEditText,
  assertCanReorderItem,
  assertCanSetCompleted,
  assertModuleEnabled,
  assertParticipant,
  assertValidAssignee,
  isParticipant,
} from './permissions.ts';
import { item, meeting, OTHER, OWNER, STRANGER } from './test-fixtures.ts';

const refusedWith = (code: string, status?: number) =>
  expect.objectContaining(status === undefined ? { code } : { code, status });

describe('a 1:1 is visible only to its two participants', () => {
  it('the two participants are participants, nobody else is', () => {
    expect(isParticipant(OWNER, meeting())).toBe(true);
    expect(isParticipant(OTHER, meeting())).toBe(true);
    expect(isParticipant(STRANGER, meeting())).toBe(false);
  });

  it('anyone else is answered "not found" (404), so the 1:1 does not even seem to exist', () => {
    expect(() => assertParticipant(OTHER, meeting())).not.toThrow();
    expect(() => assertParticipant(STRANGER, meeting())).toThrow(refusedWith('NOT_PARTICIPANT', 404));
  });
});

describe('topics', () => {
  const topic = item({ kind: 'topic', authorId: OWNER });

  it('either participant can add a topic', () => {
    expect(() => assertCanAddItem(OWNER, meeting())).not.toThrow();
    expect(() => assertCanAddItem(OTHER, meeting())).not.toThrow();
    expect(() => assertCanAddItem(STRANGER, meeting())).toThrow(refusedWith('NOT_PARTICIPANT'));
  });

  it('either participant can move a topic up or down', () => {
    expect(() => assertCanReorderItem(OTHER, topic, meeting())).not.toThrow();
    expect(() => assertCanReorderItem(STRANGER, topic, meeting())).toThrow(refusedWith('NOT_PARTICIPANT'));
  });

  it('either participant can complete or reopen a topic', () => {
    expect(() => assertCanSetCompleted(OWNER, topic, meeting())).not.toThrow();
    expect(() => assertCanSetCompleted(OTHER, topic, meeting())).not.toThrow();
  });

  it('a topic is edited by its author only', () => {
    expect(() => assertCanEditText(OWNER, topic, meeting())).not.toThrow();
    expect(() => assertCanEditText(OTHER, topic, meeting())).toThrow(
      refusedWith('TOPIC_EDIT_NOT_AUTHOR', 403),
    );
  });

  it('only the author can delete a topic', () => {
    expect(() => assertCanDeleteItem(OWNER, topic, meeting())).not.toThrow();
    expect(() => assertCanDeleteItem(OTHER, topic, meeting())).toThrow(
      refusedWith('TOPIC_DELETE_NOT_AUTHOR', 403),
    );
    const othersTopic = item({ kind: 'topic', authorId: OTHER });
    expect(() => assertCanDeleteItem(OTHER, othersTopic, meeting())).not.toThrow();
    expect(() => assertCanDeleteItem(OWNER, othersTopic, meeting())).toThrow(
      refusedWith('TOPIC_DELETE_NOT_AUTHOR'),
    );
  });
});

describe('action items', () => {
  const action = item({ kind: 'action', authorId: OWNER });

  it('either participant may delete an action item', () => {
    expect(() => assertCanDeleteItem(OWNER, action, meeting())).not.toThrow();
    expect(() => assertCanDeleteItem(OTHER, action, meeting())).not.toThrow();
    expect(() => assertCanDeleteItem(STRANGER, action, meeting())).toThrow(refusedWith('NOT_PARTICIPANT'));
  });

  it('an action item is edited by its author only', () => {
    expect(() => assertCanEditText(OTHER, action, meeting())).toThrow(
      refusedWith('ACTION_EDIT_NOT_AUTHOR', 403),
    );
  });

  it('the assignee is one of the two participants', () => {
    expect(() => assertValidAssignee(OWNER, meeting())).not.toThrow();
    expect(() => assertValidAssignee(OTHER, meeting())).not.toThrow();
    expect(() => assertValidAssignee(null, meeting())).not.toThrow();
    expect(() => assertValidAssignee(STRANGER, meeting())).toThrow(
      refusedWith('ASSIGNEE_NOT_PARTICIPANT', 422),
    );
  });
});

describe('an item that moved is a read-only trace', () => {
  const moved = item({ kind: 'action', movedTo: 'm2' });

  it('cannot be completed, edited, moved or deleted in the past 1:1 once it moved', () => {
    expect(() => assertCanSetCompleted(OWNER, moved, meeting())).toThrow(refusedWith('ITEM_MOVED', 422));
    expect(() => assertCanEditText(OWNER, moved, meeting())).toThrow(refusedWith('ITEM_MOVED'));
    expect(() => assertCanReorderItem(OWNER, moved, meeting())).toThrow(refusedWith('ITEM_MOVED'));
    expect(() => assertCanDeleteItem(OWNER, moved, meeting())).toThrow(refusedWith('ITEM_MOVED'));
  });
});

describe('module and admin gates', () => {
  it('a disabled module answers 403 with a clear message', () => {
    expect(() => assertModuleEnabled({ enabled: true })).not.toThrow();
    expect(() => assertModuleEnabled({ enabled: false })).toThrow(refusedWith('MODULE_DISABLED', 403));
  });

  it('only admins change the module settings', () => {
    expect(() => assertAdmin(true)).not.toThrow();
    expect(() => assertAdmin(false)).toThrow(refusedWith('NOT_ADMIN', 403));
  });
});
