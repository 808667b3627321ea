// Agenda topics of a 1:1: add, edit or complete, reorder, delete (SPEC.md "The workspace of a 1:1").
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { callerOf } from '../plugins/app/auth.ts';
import { ErrorBody, errorResponses, IdParams } from '../schemas/common.ts';
import { Item, MoveBody, TopicCreate, TopicPatch } from '../schemas/workspace.ts';
import { addItem, deleteItem, moveItem, updateItem } from '../workflows/item-commands.ts';

const tags = ['workspace'];
const itemErrors = { ...errorResponses, 409: ErrorBody, 422: ErrorBody };

const topics: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/meetings/:id/topics',
    {
      schema: {
        tags,
        summary: 'Add a topic to the agenda (either participant); it goes last',
        params: IdParams,
        body: TopicCreate,
        response: { 201: Item, ...itemErrors },
      },
    },
    async (request, reply) => {
      const item = await addItem(app, callerOf(request), request.params.id, 'topic', request.body);
      return reply.code(201).send(item);
    },
  );

  app.patch(
    '/topics/:id',
    {
      schema: {
        tags,
        summary: 'Edit the text (its author) or complete and reopen (either participant)',
        params: IdParams,
        body: TopicPatch,
        response: { 200: Item, ...itemErrors },
      },
    },
    async (request) => updateItem(app, callerOf(request), request.params.id, 'topic', request.body),
  );

  app.post(
    '/topics/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a topic up or down, or right after another one (null: to the top)',
        params: IdParams,
        body: MoveBody,
        response: { 200: Item, ...itemErrors },
      },
    },
    async (request) => moveItem(app, callerOf(request), request.params.id, 'topic', request.body),
  );

  app.delete(
    '/topics/:id',
    {
      schema: {
        tags,
        summary: 'Delete a topic (only the participant who added it)',
        params: IdParams,
        response: { 204: Type.Null(), ...itemErrors },
      },
    },
    async (request, reply) => {
      await deleteItem(app, callerOf(request), request.params.id, 'topic');
      return reply.code(204).send(null);
    },
  );
};

export default topics;
