import { describe, expect, it } from 'vitest';
import { itemChanges, newItem, validateDue } from './item-changes.ts';
import { item, meeting, OTHER, OWNER, STRANGER } from './test-fixtures.ts';

const now = new Date('2025-03-10T10:00:00Z');
const refusedWith = (code: string) => expect.objectContaining({ code });

describe('adding items', () => {
  it('either participant adds a topic, placed after the existing ones, with its link recognised', () => {
    const added = newItem({
      meeting: meeting(),
      authorId: OTHER,
      kind: 'topic',
      text: ' https://example.com/plan ',
      siblingKeys: ['a0', 'a1'],
    });
    expect(added).toMatchObject({
      meetingId: 'm1',
      tenantId: 't1',
      kind: 'topic',
      text: 'https://example.com/plan',
      url: 'https://example.com/plan',
      authorId: OTHER,
      completed: false,
      movedTo: null,
      movedFrom: null,
      assigneeId: null,
      due: null,
    });
    expect(added.orderKey > 'a1').toBe(true);
  });

  it('an action item may name an assignee among the participants and a due date', () => {
    const added = newItem({
      meeting: meeting(),
      authorId: OWNER,
      kind: 'action',
      text: 'Send the review',
      assigneeId: OTHER,
      due: '2025-03-14',
      siblingKeys: [],
    });
    expect(added).toMatchObject({ assigneeId: OTHER, due: '2025-03-14', orderKey: 'a0' });
  });

  it('refuses an assignee who is not a participant, and an assignee on a topic', () => {
    const base = { meeting: meeting(), authorId: OWNER, text: 'x', siblingKeys: [] };
    expect(() => newItem({ ...base, kind: 'action', assigneeId: STRANGER })).toThrow(
      refusedWith('ASSIGNEE_NOT_PARTICIPANT'),
    );
    expect(() => newItem({ ...base, kind: 'topic', assigneeId: OTHER })).toThrow(
      refusedWith('TOPIC_HAS_NO_ASSIGNEE'),
    );
    expect(() => newItem({ ...base, kind: 'topic', due: '2025-03-14' })).toThrow(
      refusedWith('TOPIC_HAS_NO_ASSIGNEE'),
    );
  });

  it('someone else cannot add to a 1:1', () => {
    expect(() =>
      newItem({ meeting: meeting(), authorId: STRANGER, kind: 'topic', text: 'x', siblingKeys: [] }),
    ).toThrow(refusedWith('NOT_PARTICIPANT'));
  });

  it('a due date is a day that exists in the calendar', () => {
    expect(validateDue('2024-02-29')).toBe('2024-02-29');
    expect(validateDue(null)).toBeNull();
    expect(() => validateDue('2025-02-29')).toThrow(refusedWith('DUE_INVALID'));
    expect(() => validateDue('2025-3-1')).toThrow(refusedWith('DUE_INVALID'));
    expect(() => validateDue('2025-03-01T00:00:00Z')).toThrow(refusedWith('DUE_INVALID'));
  });
});

describe('updating items', () => {
  it('either participant marks an item complete during or after the 1:1, and reopens it', () => {
    expect(itemChanges(item(), meeting(), OTHER, { completed: true }, now)).toEqual({
      completed: true,
      completedAt: now,
    });
    const done = item({ completed: true, completedAt: now });
    expect(itemChanges(done, meeting(), OWNER, { completed: false }, now)).toEqual({
      completed: false,
      completedAt: null,
    });
  });

  it('a topic is edited by its author only; the same text sent back is not an edit', () => {
    const topic = item({ authorId: OWNER, text: 'Career goals' });
    expect(itemChanges(topic, meeting(), OWNER, { text: 'https://x.org' }, now)).toEqual({
      text: 'https://x.org',
      url: 'https://x.org/',
    });
    expect(() => itemChanges(topic, meeting(), OTHER, { text: 'Mine now' }, now)).toThrow(
      refusedWith('TOPIC_EDIT_NOT_AUTHOR'),
    );
    expect(itemChanges(topic, meeting(), OTHER, { text: ' Career goals ', completed: true }, now)).toEqual({
      completed: true,
      completedAt: now,
    });
  });

  it('either participant sets the assignee and due date of an action item', () => {
    const action = item({ kind: 'action', authorId: OWNER });
    expect(itemChanges(action, meeting(), OTHER, { assigneeId: OTHER, due: '2025-04-01' }, now)).toEqual({
      assigneeId: OTHER,
      due: '2025-04-01',
    });
    expect(() => itemChanges(action, meeting(), OTHER, { assigneeId: STRANGER }, now)).toThrow(
      refusedWith('ASSIGNEE_NOT_PARTICIPANT'),
    );
    expect(() => itemChanges(item(), meeting(), OTHER, { assigneeId: OTHER }, now)).toThrow(
      refusedWith('TOPIC_HAS_NO_ASSIGNEE'),
    );
  });

  it('completing an item later in the past 1:1 is not possible once it moved', () => {
    const moved = item({ movedTo: 'm2' });
    expect(() => itemChanges(moved, meeting(), OWNER, { completed: true }, now)).toThrow(
      refusedWith('ITEM_MOVED'),
    );
  });

  it('a change that changes nothing writes nothing', () => {
    expect(itemChanges(item(), meeting(), OTHER, {}, now)).toEqual({});
    expect(itemChanges(item(), meeting(), OTHER, { completed: false }, now)).toEqual({});
  });
});
