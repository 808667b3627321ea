import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeTexts, NOTES_MAX_LENGTH, saveSharedNotes, validateNotesText } from './shared-notes-merge.ts';

const save = (baseText: string | null, currentText: string, incomingText: string, baseVersion = 3) =>
  saveSharedNotes({ baseText, currentText, currentVersion: 4, incomingText, baseVersion });

describe('shared notes: saving on the latest version', () => {
  it('an edit based on the stored version is saved as is, with the next version', () => {
    expect(
      saveSharedNotes({
        baseText: 'a',
        currentText: 'a',
        currentVersion: 4,
        incomingText: 'b',
        baseVersion: 4,
      }),
    ).toEqual({ kind: 'saved', text: 'b', version: 5, merged: false });
  });

  it('sending the stored text again changes nothing', () => {
    expect(save('a', 'same', 'same')).toEqual({ kind: 'unchanged', text: 'same', version: 4 });
  });

  it('an edit based on a version that does not exist is refused', () => {
    expect(() => save('a', 'b', 'c', 5)).toThrow(
      expect.objectContaining({ code: 'NOTES_BASE_VERSION_UNKNOWN' }),
    );
    expect(() => save('a', 'b', 'c', -1)).toThrow(
      expect.objectContaining({ code: 'NOTES_BASE_VERSION_UNKNOWN' }),
    );
    expect(() => save('a', 'b', 'c', 1.5)).toThrow(
      expect.objectContaining({ code: 'NOTES_BASE_VERSION_UNKNOWN' }),
    );
  });
});

describe('shared notes: two people editing at the same time', () => {
  const base = ['# Agenda', '', 'Goals', '', 'Feedback', '', 'Next steps'].join('\n');

  it('non-overlapping edits merge, and no edit is lost', () => {
    const mine = base.replace('Goals', 'Goals: promotion case');
    const theirs = base.replace('Next steps', 'Next steps: book training');
    expect(save(base, mine, theirs)).toEqual({
      kind: 'saved',
      text: base.replace('Goals', 'Goals: promotion case').replace('Next steps', 'Next steps: book training'),
      version: 5,
      merged: true,
    });
  });

  it('edits of adjacent lines do not overlap and merge', () => {
    expect(mergeTexts('a\nb\nc', 'A\nb\nc', 'a\nB\nc')).toBe('A\nB\nc');
    expect(mergeTexts('a\nb\nc', 'a\nc', 'a\nb\nC')).toBe('a\nC');
  });

  it('identical concurrent edits are not a conflict', () => {
    const edited = base.replace('Feedback', 'Feedback: great demo');
    expect(save(base, edited, edited)).toEqual({ kind: 'unchanged', text: edited, version: 4 });
    expect(mergeTexts('a\nb\nc\nd', 'a\nB\nc\nD', 'a\nB\nc\nd')).toBe('a\nB\nc\nD');
  });

  it('a real overlap is a conflict that returns both texts', () => {
    const mine = base.replace('Feedback', 'Feedback: mine');
    const theirs = base.replace('Feedback', 'Feedback: theirs');
    expect(save(base, mine, theirs)).toEqual({
      kind: 'conflict',
      current: { text: mine, version: 4 },
      incoming: theirs,
    });
  });

  it('inserting a line between two lines the other participant deleted is a conflict', () => {
    expect(mergeTexts('a\nb\nc\nd', 'a\nd', 'a\nb\nx\nc\nd')).toBeNull();
  });

  it('lines added at the same place by both are both kept, the stored ones first', () => {
    expect(mergeTexts('a\n', 'a\nmine\n', 'a\ntheirs\n')).toBe('a\nmine\ntheirs\n');
    expect(mergeTexts('', 'mine', 'theirs')).toBe('mine\ntheirs');
  });

  it('an insertion that extends the other side’s insertion keeps the longer one only', () => {
    expect(mergeTexts('a', 'a\n- item', 'a\n- item\n- second')).toBe('a\n- item\n- second');
  });

  it('without the base text of the edit (no longer kept), a change is a conflict, never a silent overwrite', () => {
    expect(save(null, 'stored', 'incoming')).toMatchObject({ kind: 'conflict', incoming: 'incoming' });
  });

  it('an edit that the stored text already contains changes nothing', () => {
    expect(save('a\nb', 'a\nb\nc', 'a\nb')).toEqual({ kind: 'unchanged', text: 'a\nb\nc', version: 4 });
  });
});

describe('shared notes text', () => {
  it('is at most 100,000 characters', () => {
    expect(validateNotesText('x'.repeat(NOTES_MAX_LENGTH))).toHaveLength(NOTES_MAX_LENGTH);
    expect(() => validateNotesText('x'.repeat(NOTES_MAX_LENGTH + 1))).toThrow(
      expect.objectContaining({ code: 'NOTES_TOO_LONG', status: 400 }),
    );
  });

  it('a merge that would exceed 100,000 characters is refused', () => {
    const half = 'x'.repeat(NOTES_MAX_LENGTH / 2);
    expect(() => save('a\nb\nc', `${half}\na\nb\nc`, `a\nb\nc\n${half}`)).toThrow(
      expect.objectContaining({ code: 'NOTES_TOO_LONG' }),
    );
  });

  it('line ends are stored as LF, so a CRLF client does not conflict with everyone', () => {
    expect(validateNotesText('a\r\nb\rc')).toBe('a\nb\nc');
  });
});

describe('shared notes merge properties', () => {
  const line = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 3 });
  const text = fc.array(line, { maxLength: 8 }).map((lines) => lines.join('\n'));

  it('when only one side changed, the merge is that side', () => {
    fc.assert(
      fc.property(text, text, (base, edited) => {
        expect(mergeTexts(base, edited, base)).toBe(edited);
        expect(mergeTexts(base, base, edited)).toBe(edited);
      }),
    );
  });

  it('the same edit made by both merges to that edit', () => {
    fc.assert(
      fc.property(text, text, (base, edited) => {
        expect(mergeTexts(base, edited, edited)).toBe(edited);
      }),
    );
  });

  it('whether two edits conflict does not depend on who saved first', () => {
    fc.assert(
      fc.property(text, text, text, (base, x, y) => {
        expect(mergeTexts(base, x, y) === null).toBe(mergeTexts(base, y, x) === null);
      }),
    );
  });

  it('edits to disjoint line ranges always merge and keep both edits', () => {
    const scenario = fc.integer({ min: 1, max: 12 }).chain((size) =>
      fc.record({
        size: fc.constant(size),
        cuts: fc.array(fc.integer({ min: 0, max: size }), { minLength: 4, maxLength: 4 }),
        mine: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
        theirs: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ size, cuts, mine, theirs }) => {
        const [i1, j1, i2, j2] = [...cuts].sort((a, b) => a - b) as [number, number, number, number];
        const base = Array.from({ length: size }, (_, i) => `base ${i}`);
        const a = mine.map((s) => `mine ${s}`);
        const b = theirs.map((s) => `theirs ${s}`);
        const current = [...base.slice(0, i1), ...a, ...base.slice(j1)];
        const incoming = [...base.slice(0, i2), ...b, ...base.slice(j2)];
        const expected = [...base.slice(0, i1), ...a, ...base.slice(j1, i2), ...b, ...base.slice(j2)];
        expect(mergeTexts(base.join('\n'), current.join('\n'), incoming.join('\n'))).toBe(
          expected.join('\n'),
        );
      }),
    );
  });
});
