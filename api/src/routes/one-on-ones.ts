// GET /one-on-ones (the Upcoming, Past and Archived tabs), POST /one-on-ones ("Create new 1:1" from scratch)
// and GET /one-on-ones/by-chat (the Teams tab of a one-on-one chat).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { callerOf } from '../plugins/app/auth.ts';
import { ErrorBody, errorResponses } from '../schemas/common.ts';
import { Card, ChatOneOnOne, ChatQuery, CreateOneOnOne, ListQuery } from '../schemas/one-on-ones.ts';
import { addToCalendar } from '../workflows/add-to-calendar.ts';
import { buildCard } from '../workflows/build-cards.ts';
import { createOneOnOne } from '../workflows/create-one-on-one.ts';
import { listCards } from '../workflows/list-cards.ts';
import { recordCreationNotice } from '../workflows/record-creation-notice.ts';
import { resolveChatOneOnOne } from '../workflows/resolve-chat-one-on-one.ts';

const oneOnOnes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/one-on-ones',
    {
      schema: {
        tags: ['one-on-ones'],
        summary: 'My series and single 1:1s as cards: upcoming (default), past or archived',
        querystring: ListQuery,
        response: { 200: Type.Array(Card), ...errorResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const view = request.query.view ?? 'upcoming';
      return listCards(app.store, user.tenantId, user.id, view, app.clock.now());
    },
  );

  app.get(
    '/one-on-ones/by-chat',
    {
      schema: {
        tags: ['one-on-ones'],
        summary: 'Teams chat tab: the other member of a one-on-one chat and our active series, if any',
        description:
          'By the Teams chat id (`19:<oid>_<oid>@unq.gbl.spaces`). `other` is null when that person has never ' +
          'signed in; `card` is null when we have no active series. A chat I am not in answers 404; a group ' +
          'chat 422 NOT_A_ONE_ON_ONE_CHAT.',
        querystring: ChatQuery,
        response: { 200: ChatOneOnOne, ...errorResponses, 422: ErrorBody },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      return resolveChatOneOnOne(app.store, user, request.query.chatId, app.clock.now());
    },
  );

  app.post(
    '/one-on-ones',
    {
      schema: {
        tags: ['one-on-ones'],
        summary: 'Create a 1:1 from scratch: a single one, or a series repeating in my time zone',
        description:
          'One active series per pair: a second one is refused with 409 ONE_SERIES_PER_PAIR and ' +
          '`details.existingSeriesId`. The other participant must be a person of my organization (422).',
        body: CreateOneOnOne,
        response: { 201: Card, ...errorResponses, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const { user } = callerOf(request);
      const now = app.clock.now();
      const created = await createOneOnOne(app.store, user, request.body, now);
      // The two-way option: written to my connected calendar, the 1:1 is connected.
      const source = request.body.addToCalendar
        ? await addToCalendar(
            { store: app.store, log: request.log, calendar: app.calendar },
            user,
            created,
            now,
          )
        : created;
      request.log.info({ kind: source.kind }, '1:1 created');
      // SPEC.md: the other participant gets a card. Recorded before answering (a crash cannot lose it),
      // sent after it (Teams never slows the answer); the jobs retry what this attempt could not send.
      const notice = await recordCreationNotice(app.store, source, user.id, now);
      if (notice) app.notifications.attemptSoon(notice);
      return reply.code(201).send(await buildCard(app.store, user.tenantId, source, now));
    },
  );
};

export default oneOnOnes;
