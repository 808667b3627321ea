// GET /meetings/:id/notification-problems: the bot cards about this 1:1 that could not be delivered, with the
// reason, for the workspace's banner (SPEC.md: never silently dropped). Participants only, like the 1:1 itself.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { callerOf } from '../plugins/app/auth.ts';
import { errorResponses, IdParams } from '../schemas/common.ts';
import { NotificationProblem } from '../schemas/notifications.ts';
import { loadVisibleMeeting } from '../workflows/load-one-on-one.ts';

const notifications: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/meetings/:id/notification-problems',
    {
      schema: {
        tags: ['workspace'],
        summary: 'Bot cards about this 1:1 (or its series) that could not be delivered, and why',
        params: IdParams,
        response: { 200: Type.Array(NotificationProblem), ...errorResponses },
      },
    },
    async (request) => {
      const { user, tenant } = callerOf(request);
      const meeting = await loadVisibleMeeting(app.store, tenant.id, request.params.id, user.id);
      const failed = await app.store.deliveries.failedAbout(tenant.id, meeting.id, meeting.seriesId);
      const people = await app.store.users.findMany(tenant.id, [...meeting.participantIds]);
      const names = new Map(people.map((person) => [person.id, person.displayName]));
      return failed.map((delivery) => ({
        kind: delivery.kind,
        recipient: {
          id: delivery.recipientId,
          displayName: names.get(delivery.recipientId) ?? 'Unknown person',
        },
        reason: delivery.reason ?? 'The card could not be delivered.',
      }));
    },
  );
};

export default notifications;
