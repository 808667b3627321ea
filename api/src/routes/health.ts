// Liveness and readiness probes for App Service, containers and load balancers (SPEC.md "Routes").
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError, ErrorStatus } from '../errors/app-error.ts';
import { ErrorBody } from '../schemas/common.ts';

const Alive = Type.Object({ status: Type.Literal('ok') });
const Ready = Type.Object({ status: Type.Literal('ready') });

const health: FastifyPluginAsyncTypebox = async (app) => {
  // Probes arrive every few seconds from the platform: never rate-limited, and their requests are
  // logged only at warn (or quieter, when the app's level already is).
  const probe = { rateLimit: false } as const;
  const logLevel =
    (['fatal', 'error', 'silent'] as const).find((level) => level === app.config.logLevel) ?? 'warn';

  app.get(
    '/healthz',
    {
      config: probe,
      logLevel,
      schema: { tags: ['health'], summary: 'The process is alive', response: { 200: Alive } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: probe,
      logLevel,
      schema: {
        tags: ['health'],
        summary: 'The database answers and the job scheduler runs',
        response: { 200: Ready, 503: ErrorBody },
      },
    },
    async (request) => {
      try {
        await app.mongo.db.command({ ping: 1 });
      } catch (error) {
        request.log.warn({ err: error }, 'readiness: database ping failed');
        throw new AppError(ErrorStatus.unavailable, 'NOT_READY', 'The database is not reachable', {
          cause: error,
        });
      }
      if (!app.agenda.isActiveJobProcessor()) {
        throw new AppError(ErrorStatus.unavailable, 'NOT_READY', 'The job scheduler is not running');
      }
      return { status: 'ready' as const };
    },
  );
};

export default health;
