// Errors Fastify's router raises before any hook runs (a malformed URL, an over-long path parameter): answered
// in the SPEC.md error shape too, without echoing the request's path back.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export function frameworkErrorReply(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    reply.code(414).send({ error: { code: 'URI_TOO_LONG', message: 'A path parameter is too long' } });
    return;
  }
  reply.code(400).send({ error: { code: 'BAD_URL', message: 'The URL is malformed' } });
}
