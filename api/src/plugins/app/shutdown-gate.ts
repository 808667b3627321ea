// During shutdown: answers new requests with 503 in the SPEC.md shape, and closes connections as requests end.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, ErrorStatus } from '../../errors/app-error.ts';

/**
 * Fastify's own `return503OnClosing` writes a fixed body of another shape, so server.ts turns it off
 * and this gate answers instead. Requests already in flight finish normally; their answers carry
 * `Connection: close`, because a keep-alive connection left open would hold `server.close()` (and so
 * the whole shutdown) until the client or the keep-alive timeout drops it.
 */
async function shutdownGate(app: FastifyInstance): Promise<void> {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async () => {
    if (!closing) return;
    throw new AppError(
      ErrorStatus.unavailable,
      'SHUTTING_DOWN',
      'The server is shutting down; retry shortly',
    );
  });
  app.addHook('onSend', async (request, reply) => {
    if (closing && request.raw.httpVersionMajor < 2) reply.header('connection', 'close');
  });
}

export default fp(shutdownGate, { name: 'shutdown-gate' });
