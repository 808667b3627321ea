// Action items of a 1:1: as topics, plus an assignee and a due date, and either participant may delete one.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { callerOf } from '../plugins/app/auth.ts';
import { ErrorBody, errorResponses, IdParams } from '../schemas/common.ts';
import { ActionCreate, ActionPatch, Item, MoveBody } from '../schemas/workspace.ts';
import { addItem, deleteItem, moveItem, updateItem } from '../workflows/item-commands.ts';

const tags = ['workspace'];
const itemErrors = { ...errorResponses, 409: ErrorBody, 422: ErrorBody };

const actionItems: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/meetings/:id/action-items',
    {
      schema: {
        tags,
        summary: 'Add an action item (either participant), optionally assigned and due; it goes last',
        params: IdParams,
        body: ActionCreate,
        response: { 201: Item, ...itemErrors },
      },
    },
    async (request, reply) => {
      const item = await addItem(app, callerOf(request), request.params.id, 'action', request.body);
      return reply.code(201).send(item);
    },
  );

  app.patch(
    '/action-items/:id',
    {
      schema: {
        tags,
        summary:
          'Edit the text (its author); complete, reopen, assign or set the due date (either participant)',
        params: IdParams,
        body: ActionPatch,
        response: { 200: Item, ...itemErrors },
      },
    },
    async (request) => updateItem(app, callerOf(request), request.params.id, 'action', request.body),
  );

  app.post(
    '/action-items/:id/move',
    {
      schema: {
        tags,
        summary: 'Move an action item up or down, or right after another one (null: to the top)',
        params: IdParams,
        body: MoveBody,
        response: { 200: Item, ...itemErrors },
      },
    },
    async (request) => moveItem(app, callerOf(request), request.params.id, 'action', request.body),
  );

  app.delete(
    '/action-items/:id',
    {
      schema: {
        tags,
        summary: 'Delete an action item (either participant)',
        params: IdParams,
        response: { 204: Type.Null(), ...itemErrors },
      },
    },
    async (request, reply) => {
      await deleteItem(app, callerOf(request), request.params.id, 'action');
      return reply.code(204).send(null);
    },
  );
};

export default actionItems;
