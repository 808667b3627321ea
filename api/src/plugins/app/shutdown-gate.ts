// Answers requests that arrive while the server shuts down with 503 in the SPEC.md error shape.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, ErrorStatus } from '../../errors/app-error.ts';

/**
 * Fastify's own `return503OnClosing` writes a fixed body of another shape, so server.ts turns it off
 * and this gate answers instead; requests already in flight finish normally before onClose hooks run.
 */
async function shutdownGate(app: FastifyInstance): Promise<void> {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    throw new AppError(
      ErrorStatus.unavailable,
      'SHUTTING_DOWN',
      'The server is shutting down; retry shortly',
    );
  });
}

export default fp(shutdownGate, { name: 'shutdown-gate' });
