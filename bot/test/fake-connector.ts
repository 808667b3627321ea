// A local Bot Connector service for the bot's tests: the REST paths and payloads of the Bot Framework Connector API
// that the CloudAdapter calls (create a conversation, send to it, reply in it), answering 429/5xx on demand.
import Fastify, { type FastifyInstance } from 'fastify';

export interface ReceivedActivity {
  readonly conversationId: string;
  /** Set for a reply (POST …/activities/:activityId). */
  readonly replyToId: string | null;
  readonly activity: {
    type: string;
    text?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
  };
  readonly authorization: string | undefined;
}

export interface CreatedConversation {
  readonly body: {
    isGroup?: boolean;
    bot?: { id: string };
    members?: { id: string; aadObjectId?: string }[];
    tenantId?: string;
    channelData?: unknown;
  };
  readonly id: string;
}

export interface FakeConnector {
  /** Base URL to use as serviceUrl, with a trailing slash as Teams sends it. */
  readonly url: string;
  readonly activities: ReceivedActivity[];
  readonly conversations: CreatedConversation[];
  /** Every request's status as answered, in order (429s included). */
  readonly answers: number[];
  /** The next `count` sends answer `status`, with Retry-After (seconds) when given. */
  failNext(count: number, status: number, retryAfterSeconds?: number): void;
  close(): Promise<void>;
}

export interface FakeConnectorOptions {
  /** Each answer waits this long (a network round trip). */
  readonly latencyMs?: number;
  /** Every n-th send is throttled with 429 and Retry-After (the benchmark's injected throttling). */
  readonly throttleEvery?: { readonly n: number; readonly retryAfterSeconds: number };
}

export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  const activities: ReceivedActivity[] = [];
  const conversations: CreatedConversation[] = [];
  const answers: number[] = [];
  const failures: { status: number; retryAfter: number | undefined }[] = [];
  let counter = 0;
  let requests = 0;

  app.addHook('preHandler', async (_request, reply) => {
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    requests += 1;
    const throttle = options.throttleEvery;
    const failure =
      failures.shift() ??
      (throttle && requests % throttle.n === 0
        ? { status: 429, retryAfter: throttle.retryAfterSeconds }
        : undefined);
    if (!failure) return;
    answers.push(failure.status);
    if (failure.retryAfter !== undefined) reply.header('retry-after', String(failure.retryAfter));
    return reply.code(failure.status).send({ error: { code: 'Throttled', message: 'Try again later' } });
  });

  app.post('/v3/conversations', async (request) => {
    counter += 1;
    const id = `a:personal-${counter}`;
    conversations.push({ body: request.body as CreatedConversation['body'], id });
    answers.push(201);
    return { id, activityId: `created-${counter}` };
  });

  const receive = (
    conversationId: string,
    replyToId: string | null,
    body: unknown,
    authorization?: string,
  ) => {
    counter += 1;
    activities.push({
      conversationId,
      replyToId,
      activity: body as ReceivedActivity['activity'],
      authorization,
    });
    answers.push(200);
    return { id: `activity-${counter}` };
  };

  app.post<{ Params: { conversationId: string } }>(
    '/v3/conversations/:conversationId/activities',
    async (request) =>
      receive(request.params.conversationId, null, request.body, request.headers.authorization),
  );
  app.post<{ Params: { conversationId: string; activityId: string } }>(
    '/v3/conversations/:conversationId/activities/:activityId',
    async (request) =>
      receive(
        request.params.conversationId,
        request.params.activityId,
        request.body,
        request.headers.authorization,
      ),
  );

  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: `${address}/`,
    activities,
    conversations,
    answers,
    failNext(count, status, retryAfterSeconds) {
      for (let i = 0; i < count; i += 1) failures.push({ status, retryAfter: retryAfterSeconds });
    },
    close: () => app.close(),
  };
}
