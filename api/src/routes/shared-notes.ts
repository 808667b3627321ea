// PUT /meetings/:id/shared-notes: save the shared notes, merging a concurrent edit or answering 409 with both texts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { callerOf } from '../plugins/app/auth.ts';
import { ErrorBody, errorResponses, IdParams } from '../schemas/common.ts';
import { SharedNotesPut, SharedNotesResult } from '../schemas/workspace.ts';
import { saveSharedNotes } from '../workflows/save-shared-notes.ts';

const sharedNotes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/meetings/:id/shared-notes',
    {
      schema: {
        tags: ['workspace'],
        summary: 'Save the shared notes based on a version; concurrent edits are merged',
        description:
          'Answers the saved text and its new version; `merged` says the text also holds an edit made since ' +
          '`baseVersion`. A real overlap answers 409 NOTES_CONFLICT with ' +
          '`error.details = { current: { text, version }, yours }`.',
        params: IdParams,
        body: SharedNotesPut,
        response: { 200: SharedNotesResult, ...errorResponses, 409: ErrorBody },
      },
    },
    async (request) => saveSharedNotes(app, callerOf(request), request.params.id, request.body),
  );
};

export default sharedNotes;
