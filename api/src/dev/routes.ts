// Development-mode routes (AUTH_MODE=dev only; SPEC.md "Development mode"): demo users, clock, inbox, jobs.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError, ErrorStatus } from '../errors/app-error.ts';
import { ErrorBody } from '../schemas/common.ts';
import { DevClock, DevClockBody, DevInboxEntry, DevInboxQuery, DevUser, JobName } from '../schemas/dev.ts';
import { DEMO_USERS } from './demo-users.ts';

const notYet = (what: string) =>
  new AppError(ErrorStatus.notImplemented, 'NOT_IMPLEMENTED', `${what} is not available yet`);

const devRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/dev/users',
    { schema: { tags: ['dev'], summary: 'The demo users', response: { 200: Type.Array(DevUser) } } },
    async () =>
      DEMO_USERS.map((user) => ({
        id: user.id,
        displayName: user.displayName,
        email: user.email,
        isAdmin: user.isAdmin,
      })),
  );

  app.get(
    '/dev/clock',
    { schema: { tags: ['dev'], summary: "The server's clock", response: { 200: DevClock } } },
    async () => ({ now: app.clock.now().toISOString(), frozen: app.clock.frozen }),
  );

  app.post(
    '/dev/clock',
    {
      schema: {
        tags: ['dev'],
        summary: "Set (or reset with null) the server's clock, jobs included",
        body: DevClockBody,
        response: { 200: DevClock, 400: ErrorBody },
      },
    },
    async (request) => {
      app.clock.set(request.body.now ? new Date(request.body.now) : null);
      request.log.info({ now: request.body.now }, 'development clock set');
      return { now: app.clock.now().toISOString(), frozen: app.clock.frozen };
    },
  );

  app.get(
    '/dev/inbox',
    {
      schema: {
        tags: ['dev'],
        summary: 'The cards the bot would have sent to a user, newest first',
        querystring: DevInboxQuery,
        response: { 200: Type.Array(DevInboxEntry), 400: ErrorBody },
      },
    },
    // The inbox is what the development Notifier delivered: the sent deliveries that kept their card.
    async (request) => {
      const delivered = await app.store.deliveries.inbox(request.query.userId);
      return delivered.map((delivery) => ({
        kind: delivery.kind,
        ...(delivery.meetingId ? { meetingId: delivery.meetingId } : {}),
        sentAt: (delivery.sentAt ?? delivery.notBefore).toISOString(),
        card: delivery.card ?? {},
      }));
    },
  );

  app.post(
    '/dev/jobs/:name/run',
    {
      schema: {
        tags: ['dev'],
        summary: 'Run a job now and answer when it is done',
        params: Type.Object({ name: JobName }, { additionalProperties: false }),
        response: {
          200: Type.Object({ job: JobName, ranAt: Type.String() }),
          400: ErrorBody,
          501: ErrorBody,
        },
      },
    },
    async (request) => {
      const job = app.jobs.get(request.params.name);
      if (!job) throw notYet(`The ${request.params.name} job`);
      const ranAt = app.clock.now();
      await job(ranAt);
      return { job: request.params.name, ranAt: ranAt.toISOString() };
    },
  );
};

export default devRoutes;
