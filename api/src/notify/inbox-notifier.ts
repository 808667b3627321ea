// Development mode's Notifier: instead of Teams, the card goes to the development inbox (GET /dev/inbox), kept on
// the delivery itself, so the inbox has the same exactly-once guarantee as Teams deliveries.
import type { Notification, Notifier } from './notifier.ts';

/** Renders a notification's Adaptive Card (the bot's renderer, handed over by the composition root). */
export type CardRenderer = (notification: Notification) => Record<string, unknown>;

export function createInboxNotifier(render: CardRenderer): Notifier {
  return {
    deliver: async (notification) => ({ status: 'sent', card: render(notification) }),
  };
}
