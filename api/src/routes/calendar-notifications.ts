// POST /api/calendar/notifications/:provider: Graph change and lifecycle notifications (validation handshake,
// clientState checked) and Google channel messages (channel token checked). Not signed in by users: the
// secret of the subscription is the credential. It only enqueues a sync and answers at once.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProviderParams } from '../schemas/calendar.ts';
import { ErrorBody } from '../schemas/common.ts';
import { type CalendarConnection, hashSecret } from '../store/calendar-connections.ts';

interface GraphNotification {
  subscriptionId?: string;
  clientState?: string;
  lifecycleEvent?: 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';
}

const calendarNotifications: FastifyPluginAsyncTypebox = async (app) => {
  /** The connection of a subscription, when the echoed secret is the one it was created with. */
  const verified = async (subscriptionId: string | undefined, secret: string | undefined) => {
    if (!subscriptionId || !secret) return null;
    const connection = await app.store.calendarConnections.findBySubscription(subscriptionId);
    return connection?.subscription?.secretHash === hashSecret(secret) ? connection : null;
  };

  const lifecycle = async (connection: CalendarConnection, event: GraphNotification['lifecycleEvent']) => {
    // Graph stopped (or will stop) notifying: the next sweep opens a new subscription.
    if (event === 'subscriptionRemoved' || event === 'reauthorizationRequired') {
      await app.store.calendarConnections.saveSubscription(connection.userId, null);
    }
  };

  app.post(
    '/api/calendar/notifications/:provider',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Calendar change notifications (Graph subscriptions, Google watch channels)',
        params: ProviderParams,
        querystring: Type.Object({ validationToken: Type.Optional(Type.String({ maxLength: 1024 })) }),
        response: { 200: Type.String(), 202: Type.Object({ accepted: Type.Integer() }), 403: ErrorBody },
      },
    },
    async (request, reply) => {
      if (request.params.provider === 'microsoft') {
        // Graph checks a new subscription's endpoint: echo the token as text/plain.
        const token = request.query.validationToken;
        if (token !== undefined) return reply.code(200).type('text/plain').send(token);
        const body = request.body as { value?: GraphNotification[] } | undefined;
        const users = new Set<string>();
        for (const notification of body?.value ?? []) {
          const connection = await verified(notification.subscriptionId, notification.clientState);
          if (!connection) continue;
          if (notification.lifecycleEvent) await lifecycle(connection, notification.lifecycleEvent);
          users.add(connection.userId);
        }
        for (const userId of users) await app.calendar.requestSync(userId);
        if (users.size === 0 && (body?.value?.length ?? 0) > 0) {
          request.log.warn('calendar notification with an unknown subscription or a wrong clientState');
          return reply.code(403).send({ error: { code: 'FORBIDDEN', message: 'Unknown subscription.' } });
        }
        return reply.code(202).send({ accepted: users.size });
      }
      const header = (name: string) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      const connection = await verified(header('x-goog-channel-id'), header('x-goog-channel-token'));
      if (!connection) {
        request.log.warn('calendar notification with an unknown channel or a wrong token');
        return reply.code(403).send({ error: { code: 'FORBIDDEN', message: 'Unknown channel.' } });
      }
      // "sync" only announces a new channel; "exists" says something changed.
      if (header('x-goog-resource-state') !== 'sync') await app.calendar.requestSync(connection.userId);
      return reply.code(202).send({ accepted: 1 });
    },
  );
};

export default calendarNotifications;
