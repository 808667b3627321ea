// The Notifier as `app.notifier` (the bot, the development inbox, or none) and `app.notifications`: immediate
// attempts of a delivery in the background, so a request never waits on Teams and the jobs retry what fails.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { dispatchDeliveries } from '../../notify/dispatch-deliveries.ts';
import type { Notifier } from '../../notify/notifier.ts';

export interface Notifications {
  /** Tries to send one recorded delivery now, after the answer; a failure is left to the jobs. */
  attemptSoon(key: string): void;
  /** Resolves when no immediate attempt is running (tests, shutdown). */
  settled(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    notifier: Notifier;
    notifications: Notifications;
  }
}

export interface NotificationsOptions {
  /** Called once the store exists: the bot's notifier reads conversation references from it. */
  readonly createNotifier: (app: FastifyInstance) => Notifier;
}

async function notifications(app: FastifyInstance, options: NotificationsOptions): Promise<void> {
  const notifier = options.createNotifier(app);
  const running = new Set<Promise<unknown>>();
  app.decorate('notifier', notifier);
  app.decorate('notifications', {
    attemptSoon(key: string) {
      const attempt = dispatchDeliveries({ store: app.store, notifier, log: app.log }, app.clock.now(), {
        key,
      })
        .catch((error: unknown) =>
          app.log.error({ err: error, delivery: key }, 'immediate notification failed'),
        )
        .finally(() => running.delete(attempt));
      running.add(attempt);
    },
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  });
  app.addHook('onClose', async () => {
    await app.notifications.settled();
  });
}

export default fp(notifications, { name: 'notifications', dependencies: ['store', 'clock'] });
