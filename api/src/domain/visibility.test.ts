import { describe, expect, it } from 'vitest';
import { meeting, OTHER, OWNER, STRANGER } from './test-fixtures.ts';
import type { PrivateNote } from './types.ts';
import { canSee, canSeePrivateNote, ownPrivateNote, visibleTo } from './visibility.ts';

const note = (authorId: string, tenantId = 't1'): PrivateNote => ({
  id: `n-${authorId}`,
  tenantId,
  meetingId: 'm1',
  authorId,
  text: `thoughts of ${authorId}`,
});

describe('a 1:1 and everything in it is visible only to its two participants', () => {
  it('both participants see it', () => {
    expect(canSee({ id: OWNER, tenantId: 't1' }, meeting())).toBe(true);
    expect(canSee({ id: OTHER, tenantId: 't1' }, meeting())).toBe(true);
  });

  it('managers, admins and everybody else see nothing of it', () => {
    expect(canSee({ id: STRANGER, tenantId: 't1' }, meeting())).toBe(false);
  });

  it('nothing crosses tenants, even with a matching user id', () => {
    expect(canSee({ id: OWNER, tenantId: 't2' }, meeting())).toBe(false);
  });

  it('a list keeps only what the viewer may see', () => {
    const mine = meeting({ id: 'mine' });
    const theirs = meeting({ id: 'theirs', participantIds: [OTHER, STRANGER] });
    expect(visibleTo({ id: OWNER, tenantId: 't1' }, [mine, theirs]).map((m) => m.id)).toEqual(['mine']);
  });
});

describe('private notes are visible only to their author', () => {
  it('the author sees their note; the other participant does not', () => {
    expect(canSeePrivateNote({ id: OWNER, tenantId: 't1' }, note(OWNER))).toBe(true);
    expect(canSeePrivateNote({ id: OTHER, tenantId: 't1' }, note(OWNER))).toBe(false);
    expect(canSeePrivateNote({ id: OWNER, tenantId: 't2' }, note(OWNER, 't1'))).toBe(false);
  });

  it('an answer carries only the viewer’s own note, never the other participant’s', () => {
    const notes = [note(OWNER), note(OTHER)];
    expect(ownPrivateNote({ id: OTHER, tenantId: 't1' }, notes)?.text).toBe(`thoughts of ${OTHER}`);
    expect(ownPrivateNote({ id: OWNER, tenantId: 't1' }, [note(OTHER)])).toBeNull();
    expect(ownPrivateNote({ id: STRANGER, tenantId: 't1' }, notes)).toBeNull();
  });
});
