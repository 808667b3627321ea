// GET /meetings/:id/stream: server-sent events of what the other participant changes in the 1:1 (items, shared
// notes, meeting times), fed by this process's change feed. Private notes are never a change, so never sent.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createChangeFeed } from '../live/change-feed.ts';
import { type EventStream, openEventStream } from '../live/event-stream.ts';
import { LiveChange, toLiveChange } from '../live/live-change.ts';
import { callerOf } from '../plugins/app/auth.ts';
import { errorResponses, IdParams } from '../schemas/common.ts';
import { loadVisibleMeeting } from '../workflows/load-one-on-one.ts';

export interface StreamOptions {
  /** How often the feed reads new changes; SPEC.md wants them on screen within a second. */
  readonly pollIntervalMs?: number;
  readonly heartbeatMs?: number;
}

const stream: FastifyPluginAsyncTypebox<StreamOptions> = async (app, options) => {
  const feed = createChangeFeed({
    source: app.store.changes,
    now: () => app.clock.now(),
    intervalMs: options.pollIntervalMs ?? 250,
    onError: (error) => app.log.warn({ err: error }, 'reading live changes failed; retrying'),
  });
  const open = new Set<EventStream>();
  // Open streams would keep the server from closing: end them first, clients reconnect to another process.
  app.addHook('preClose', async () => {
    for (const events of open) events.close();
  });
  app.addHook('onClose', async () => {
    await feed.stop();
  });

  app.get(
    '/meetings/:id/stream',
    {
      schema: {
        tags: ['workspace'],
        summary: 'Live changes by the other participant (server-sent events)',
        description:
          'Sends `event: ready` once subscribed (reload the workspace then, also after a reconnect), then one ' +
          'unnamed event per change whose data is a LiveChange, and a comment every 15 s. EventSource cannot ' +
          'send headers: pass the credentials as `?access_token=`.',
        params: IdParams,
        querystring: Type.Object({ access_token: Type.Optional(Type.String()) }),
        response: {
          200: {
            description: 'text/event-stream',
            content: { 'text/event-stream': { schema: LiveChange } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const meeting = await loadVisibleMeeting(
        app.store,
        caller.tenant.id,
        request.params.id,
        caller.user.id,
      );
      const events = openEventStream(reply, { heartbeatMs: options.heartbeatMs ?? 15_000, retryMs: 3_000 });
      open.add(events);
      events.onClose(() => open.delete(events));
      try {
        const unsubscribe = await feed.subscribe(meeting.id, {
          userId: caller.user.id,
          deliver: (change) => events.send({ id: change.id, data: toLiveChange(change) }),
        });
        events.onClose(unsubscribe);
        events.send({ event: 'ready', data: { meetingId: meeting.id } });
      } catch (error) {
        // The response is already hijacked: log and end it; the client's EventSource retries.
        request.log.error({ err: error, meetingId: meeting.id }, 'live stream could not subscribe');
        events.close();
      }
    },
  );
};

export default stream;
