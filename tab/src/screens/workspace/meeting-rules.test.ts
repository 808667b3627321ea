import { describe, expect, it } from 'vitest';
import {
  ids,
  makeItem,
  makeMeeting,
  makeSeries,
  makeWorkspace,
  testNow,
} from '../../test-support/fixtures.ts';
import { canArchive, canDeleteInstance, canDeleteItem, canDeleteSeries } from './meeting-rules.ts';

const past = { start: '2025-03-01T09:00:00Z', end: '2025-03-01T09:30:00Z' };

describe('archive and delete rules as the menu offers them', () => {
  it('only a past 1:1 can be archived', () => {
    expect(canArchive(makeWorkspace({ seriesId: null }), null, testNow).allowed).toBe(false);
    expect(canArchive(makeWorkspace({ seriesId: null, ...past }), null, testNow).allowed).toBe(true);
  });

  it('a series can be archived only when its last instance has ended', () => {
    const running = makeSeries();
    const ended = makeSeries({ meetings: [makeMeeting(past)] });
    expect(canArchive(makeWorkspace(), running, testNow).allowed).toBe(false);
    expect(canArchive(makeWorkspace(past), ended, testNow).allowed).toBe(true);
  });

  it('only the owner can delete, and never a past 1:1', () => {
    expect(canDeleteInstance(makeWorkspace({ ownerId: ids.other }), ids.me, testNow)).toMatchObject({
      allowed: false,
    });
    expect(canDeleteInstance(makeWorkspace(past), ids.me, testNow)).toMatchObject({ allowed: false });
    expect(canDeleteInstance(makeWorkspace(), ids.me, testNow)).toEqual({ allowed: true });
  });

  it('a whole series can be deleted by its owner while none of its instances has started', () => {
    expect(canDeleteSeries(makeSeries(), ids.me, testNow).allowed).toBe(true);
    expect(
      canDeleteSeries(makeSeries({ meetings: [makeMeeting(past), makeMeeting()] }), ids.me, testNow).allowed,
    ).toBe(false);
    expect(canDeleteSeries(makeSeries({ ownerId: ids.other }), ids.me, testNow).allowed).toBe(false);
  });

  it('topics are deleted only by their author, action items by either participant', () => {
    expect(canDeleteItem(makeItem({ authorId: ids.other }), ids.me).allowed).toBe(false);
    expect(canDeleteItem(makeItem({ kind: 'action', authorId: ids.other }), ids.me).allowed).toBe(true);
  });
});
