import { describe, expect, it } from 'vitest';
import { cardLines } from './dev-inbox.tsx';

describe('development inbox', () => {
  it("shows the bot card's text blocks in order, not its buttons", () => {
    const card = {
      type: 'AdaptiveCard',
      body: [
        { type: 'TextBlock', text: 'Grace created a 1:1 with you' },
        { type: 'Container', items: [{ type: 'TextBlock', text: 'Weekly, Tuesdays 10:00' }] },
      ],
      actions: [{ type: 'Action.OpenUrl', title: 'Open', url: 'x' }],
    };
    expect(cardLines(card)).toEqual(['Grace created a 1:1 with you', 'Weekly, Tuesdays 10:00']);
  });
});
