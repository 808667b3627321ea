// The one error handler and the not-found handler: every failure leaves the server in the SPEC.md error shape.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ErrorBody } from '../schemas/common.ts';
import { toErrorReply } from './error-reply.ts';

async function errorHandler(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error, request, reply) => {
    const answer = toErrorReply(error);
    if (answer.fault) {
      // The client only sees "Internal server error"; the log keeps what happened and to which request.
      request.log.error({ err: error, method: request.method, url: request.url }, 'request failed');
    } else {
      request.log.info(
        { statusCode: answer.statusCode, code: answer.body.error.code },
        answer.body.error.message,
      );
    }
    return reply.code(answer.statusCode).type('application/json').send(answer.body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: { code: 'NOT_FOUND', message: `Route ${request.method} ${request.url.split('?')[0]} not found` },
    };
    return reply.code(404).type('application/json').send(body);
  });
}

/** Registered on the root instance (fastify-plugin) so that every route, in every plugin, uses it. */
export default fp(errorHandler, { name: 'error-handler' });
