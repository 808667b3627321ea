// /meetings/:id: the workspace of one 1:1, rename or retime it, delete this instance, archive a single 1:1.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { callerOf } from '../plugins/app/auth.ts';
import { ErrorBody, errorResponses, IdParams, Ok } from '../schemas/common.ts';
import { Card, Meeting, RetimePatch } from '../schemas/one-on-ones.ts';
import { Workspace } from '../schemas/workspace.ts';
import { archiveMeeting, unarchiveMeeting } from '../workflows/archive.ts';
import { buildCard, meetingView } from '../workflows/build-cards.ts';
import { deleteMeeting } from '../workflows/delete-one-on-one.ts';
import { loadVisibleMeeting } from '../workflows/load-one-on-one.ts';
import { editMeeting } from '../workflows/retime.ts';
import { workspaceView } from '../workflows/workspace-view.ts';

const tags = ['meetings'];
const ruleResponses = { ...errorResponses, 409: ErrorBody, 422: ErrorBody };

const meetings: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'The workspace of a 1:1: topics, action items, shared notes and my own private note',
        params: IdParams,
        response: { 200: Workspace, ...errorResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const meeting = await loadVisibleMeeting(app.store, user.tenantId, request.params.id, user.id);
      return workspaceView(app.store, meeting, user.id);
    },
  );

  app.patch(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Rename or retime this 1:1 only (either participant)',
        params: IdParams,
        body: RetimePatch,
        response: { 200: Meeting, ...ruleResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const meeting = await loadVisibleMeeting(app.store, user.tenantId, request.params.id, user.id);
      return meetingView(await editMeeting(app.store, user.id, meeting, request.body, app.clock.now()));
    },
  );

  app.delete(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a single 1:1, or this instance of a series (owner only; not past; an instance only before it starts)',
        params: IdParams,
        response: { 200: Ok, ...ruleResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const meeting = await loadVisibleMeeting(app.store, user.tenantId, request.params.id, user.id);
      await deleteMeeting(app.store, user.id, meeting, app.clock.now());
      request.log.info({ meetingId: meeting.id }, '1:1 deleted');
      return { ok: true as const };
    },
  );

  app.post(
    '/meetings/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a past single 1:1 (an instance of a series is archived with its series)',
        params: IdParams,
        response: { 200: Card, ...ruleResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const now = app.clock.now();
      const meeting = await loadVisibleMeeting(app.store, user.tenantId, request.params.id, user.id);
      return buildCard(app.store, user.tenantId, await archiveMeeting(app.store, user.id, meeting, now), now);
    },
  );

  app.post(
    '/meetings/:id/unarchive',
    {
      schema: {
        tags,
        summary: 'Bring an archived single 1:1 back (either participant)',
        params: IdParams,
        response: { 200: Card, ...ruleResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const meeting = await loadVisibleMeeting(app.store, user.tenantId, request.params.id, user.id);
      const source = await unarchiveMeeting(app.store, user.id, meeting);
      return buildCard(app.store, user.tenantId, source, app.clock.now());
    },
  );
};

export default meetings;
