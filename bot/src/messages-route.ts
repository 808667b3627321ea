// POST /api/messages: the Bot Framework endpoint on the app's Fastify server. The CloudAdapter validates the Bot
// Connector's token itself (signature, audience, issuer); an activity without one is refused unless the bot runs
// anonymously in development (no BOT_ID, not production), as the Agents SDK allows for local testing.
import type { ActivityHandler, CloudAdapter, Request, WebResponse } from '@microsoft/agents-hosting';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

export interface MessagesRouteOptions {
  readonly adapter: CloudAdapter;
  readonly bot: ActivityHandler;
}

/** The SDK's web response contract over a Fastify reply. */
function webResponse(reply: FastifyReply): WebResponse {
  const response: WebResponse = {
    status(code) {
      reply.code(code);
      return response;
    },
    setHeader(name, value) {
      reply.header(name, value);
      return response;
    },
    send(body) {
      if (!reply.sent) void reply.send(body ?? '');
      return response;
    },
    end() {
      if (!reply.sent) void reply.send();
      return response;
    },
    get headersSent() {
      return reply.sent;
    },
    get writableEnded() {
      return reply.sent;
    },
  };
  return response;
}

export const messagesRoute: FastifyPluginAsync<MessagesRouteOptions> = async (app, options) => {
  const { adapter, bot } = options;
  app.post('/api/messages', async (request, reply) => {
    const req: Request = {
      body: request.body as Record<string, unknown>,
      headers: request.headers,
      method: request.method,
    };
    const res = webResponse(reply);
    let authorized = false;
    await adapter.authorizeRequest(req, res, () => {
      authorized = true;
    });
    if (!authorized) return reply;
    await adapter.process(req, res, (context) => bot.run(context));
    if (!reply.sent) reply.code(200).send();
    return reply;
  });
};
