import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneOnOneChatMembers, otherChatMember } from './teams-chat.ts';

const A = '8b081ef6-4792-4def-b2c9-c363a1bf41d5';
const B = '5e8b0d2c-41ad-4a8f-9d0e-3f3f1b6d8a11';

describe('oneOnOneChatMembers (a 1:1 chat names its two members)', () => {
  it('reads both Entra object ids of a one-on-one chat id', () => {
    expect(oneOnOneChatMembers(`19:${A}_${B}@unq.gbl.spaces`)).toEqual([A, B]);
  });

  it('a group chat, a meeting chat or a channel is not a one-on-one chat', () => {
    expect(oneOnOneChatMembers('19:0f4c0a7b2c1e4d2f8a9b@thread.v2')).toBeNull();
    expect(
      oneOnOneChatMembers('19:meeting_MjdhNjM4YzUtYzExZi00OTFkLTkzZTAtNTVlNmZmMDhkNGU2@thread.v2'),
    ).toBeNull();
    expect(oneOnOneChatMembers('19:c1a9b2e0f1d74f6d@thread.tacv2')).toBeNull();
  });

  it('a chat with oneself or with more than two members is not a one-on-one chat', () => {
    expect(oneOnOneChatMembers(`19:${A}_${A}@unq.gbl.spaces`)).toBeNull();
    expect(oneOnOneChatMembers(`19:${A}_${B}_${A}@unq.gbl.spaces`)).toBeNull();
    expect(oneOnOneChatMembers('48:notes')).toBeNull();
    expect(oneOnOneChatMembers(`19:_${B}@unq.gbl.spaces`)).toBeNull();
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const members = oneOnOneChatMembers(text);
        if (members) expect(members[0]).not.toBe(members[1]);
      }),
    );
  });
});

describe('otherChatMember', () => {
  it('answers the other member for either of the two', () => {
    expect(otherChatMember([A, B], A)).toBe(B);
    expect(otherChatMember([A, B], B)).toBe(A);
  });

  it('answers null for somebody who is not a member', () => {
    expect(otherChatMember([A, B], 'c0ffee00-0000-4000-8000-000000000000')).toBeNull();
  });
});
