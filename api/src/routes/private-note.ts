// PUT /meetings/:id/private-note: the caller's own note, visible to its author only; it never becomes a change
// event, so it never travels on the other participant's stream (SPEC.md "Private notes").
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { callerOf } from '../plugins/app/auth.ts';
import { errorResponses, IdParams } from '../schemas/common.ts';
import { PrivateNote, PrivateNotePut } from '../schemas/workspace.ts';
import { loadVisibleMeeting } from '../workflows/load-one-on-one.ts';

const privateNote: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/meetings/:id/private-note',
    {
      schema: {
        tags: ['workspace'],
        summary: 'Save my private note of this 1:1 (visible to me only)',
        params: IdParams,
        body: PrivateNotePut,
        response: { 200: PrivateNote, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const meeting = await loadVisibleMeeting(
        app.store,
        caller.tenant.id,
        request.params.id,
        caller.user.id,
      );
      return app.store.privateNotes.saveMine(
        caller.tenant.id,
        meeting.id,
        caller.user.id,
        request.body.text,
        app.clock.now(),
      );
    },
  );
};

export default privateNote;
