// GET /users?query=: people of my tenant, for "Create new 1:1".
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { callerOf } from '../plugins/app/auth.ts';
import { errorResponses } from '../schemas/common.ts';
import { UserSummary, UsersQuery } from '../schemas/me.ts';

const users: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Search the people of my organization by name or e-mail',
        querystring: UsersQuery,
        response: { 200: Type.Array(UserSummary), ...errorResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const found = await app.store.users.search(user.tenantId, request.query.query ?? '', 21);
      return found
        .filter((person) => person.id !== user.id)
        .slice(0, 20)
        .map((person) => ({ id: person.id, displayName: person.displayName, email: person.email }));
    },
  );
};

export default users;
