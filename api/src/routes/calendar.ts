// /calendar: my calendar connection (connect, disconnect), the import lists of the next four weeks, and import.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { CalendarProvider } from '../calendar/calendar-provider.ts';
import { isProviderError } from '../calendar/provider-errors.ts';
import { AppError, ErrorStatus } from '../errors/app-error.ts';
import { callerOf } from '../plugins/app/auth.ts';
import {
  CalendarCandidate,
  CalendarStatus,
  ConnectAnswer,
  ConnectBody,
  EventOneOnOne,
  EventParams,
  EventQuery,
  ImportAnswer,
  ImportBody,
  type ImportResult,
  MeetingsWithQuery,
  ProviderParams,
} from '../schemas/calendar.ts';
import { ErrorBody, errorResponses, Ok } from '../schemas/common.ts';
import type { CalendarConnection } from '../store/calendar-connections.ts';
import type { User } from '../store/users.ts';
import { buildCards } from '../workflows/build-cards.ts';
import { candidatesWith, recurringCandidates } from '../workflows/calendar-candidates.ts';
import { connectCalendar, disconnectCalendar } from '../workflows/connect-calendar.ts';
import { importCalendarEvents } from '../workflows/import-calendar-events.ts';
import {
  type CalendarView,
  candidateOf,
  readCalendarView,
  resolveEventOneOnOne,
} from '../workflows/resolve-calendar-event.ts';
import type { CalendarDeps } from '../workflows/sync-calendar.ts';

const tags = ['calendar'];
const calendarResponses = { ...errorResponses, 409: ErrorBody, 422: ErrorBody, 503: ErrorBody };

/** GET /me and GET /calendar show the same state; a Google consent still under way is no connection. */
export function connectionView(connection: CalendarConnection | null) {
  if (!connection?.credentials) return null;
  return { provider: connection.provider, state: connection.state };
}

/**
 * Runs a provider call for the caller; consent problems become "reconnect your calendar" (and are remembered
 * for the cards), anything else a 503 the tab can retry.
 */
async function withCalendar<T>(
  app: FastifyInstance,
  user: User,
  action: (provider: CalendarProvider, connection: CalendarConnection) => Promise<T>,
): Promise<T> {
  const connection = await app.store.calendarConnections.get(user.tenantId, user.id);
  if (!connection?.credentials) {
    throw new AppError(ErrorStatus.unprocessable, 'CALENDAR_NOT_CONNECTED', 'Connect your calendar first.');
  }
  try {
    return await action(app.calendar.providerFor(connection), connection);
  } catch (error) {
    if (isProviderError(error, 'consent')) {
      await app.store.calendarConnections.markFailed(user.id, 'needs-consent', error.message);
      throw new AppError(ErrorStatus.unprocessable, 'CALENDAR_CONSENT_REQUIRED', 'Reconnect your calendar.');
    }
    if (isProviderError(error)) {
      throw new AppError(
        ErrorStatus.unavailable,
        'CALENDAR_UNAVAILABLE',
        'Your calendar cannot be reached now; try again.',
        {
          cause: error,
        },
      );
    }
    throw error;
  }
}

/**
 * The event as my connected calendar has it, or null (no calendar, another calendar than the item's, or the
 * calendar unreachable: the side panel still resolves by the ids Outlook gave).
 */
async function calendarViewOf(
  app: FastifyInstance,
  user: User,
  eventId: string,
): Promise<CalendarView | null> {
  const connection = await app.store.calendarConnections.get(user.tenantId, user.id);
  if (!connection?.credentials || connection.state !== 'connected') return null;
  try {
    return await readCalendarView(app.calendar.providerFor(connection), eventId);
  } catch (error) {
    if (!isProviderError(error)) throw error;
    app.log.warn({ err: error, userId: user.id }, 'side panel: the calendar could not read the event');
    return null;
  }
}

const calendar: FastifyPluginAsyncTypebox = async (app) => {
  const deps = (): CalendarDeps => ({ store: app.store, log: app.log, calendar: app.calendar });

  app.get(
    '/calendar',
    {
      schema: {
        tags,
        summary: 'My calendar connection',
        response: { 200: CalendarStatus, ...errorResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const connection = await app.store.calendarConnections.get(user.tenantId, user.id);
      const view = connectionView(connection);
      if (!view || !connection) return { connection: null };
      return {
        connection: {
          ...view,
          lastSyncAt: connection.lastSyncAt?.toISOString() ?? null,
          twoWay: connection.twoWay,
          message: connection.state === 'connected' ? null : connection.lastError,
        },
      };
    },
  );

  app.delete(
    '/calendar',
    {
      schema: {
        tags,
        summary: 'Disconnect my calendar: its tokens and subscription are deleted',
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      await disconnectCalendar(deps(), user);
      request.log.info({ userId: user.id }, 'calendar disconnected');
      return { ok: true as const };
    },
  );

  app.post(
    '/calendar/connect/:provider',
    {
      schema: {
        tags,
        summary: 'Connect my Outlook (Microsoft Graph) or Google calendar',
        description:
          'Microsoft: the Teams SSO token of the request is exchanged on-behalf-of (no body needed). ' +
          'Google: without `code` the answer is `consent-required` with the URL for the authentication pop-up; ' +
          'its end page posts `{ code, state }` here. Development mode connects the demo calendar directly.',
        params: ProviderParams,
        body: Type.Optional(ConnectBody),
        response: { 200: ConnectAnswer, ...calendarResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const header = request.headers.authorization ?? '';
      const answer = await connectCalendar(
        deps(),
        {
          user,
          provider: request.params.provider,
          body: request.body ?? {},
          ssoToken: header.startsWith('Bearer ') ? header.slice('Bearer '.length) : null,
          publicUrl: app.config.publicUrl,
        },
        app.clock.now(),
      ).catch((error: unknown) => {
        if (isProviderError(error, 'consent')) {
          throw new AppError(ErrorStatus.unprocessable, 'CALENDAR_CONSENT_REFUSED', error.message);
        }
        throw error;
      });
      request.log.info({ provider: request.params.provider, status: answer.status }, 'calendar connect');
      return answer;
    },
  );

  app.get(
    '/calendar/recurring',
    {
      schema: {
        tags,
        summary: 'Bulk create: my recurring meetings with one other person in the next four weeks',
        description: 'Weekly, every 2 or 3 weeks, or monthly; each marked importable, imported, or why not.',
        response: { 200: Type.Array(CalendarCandidate), ...calendarResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      return withCalendar(app, user, (provider) =>
        recurringCandidates(app.store, provider, user, app.clock.now()),
      );
    },
  );

  app.get(
    '/calendar/meetings',
    {
      schema: {
        tags,
        summary: 'Create new 1:1: my meetings with this person in the next four weeks (single or recurring)',
        querystring: MeetingsWithQuery,
        response: { 200: Type.Array(CalendarCandidate), ...calendarResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      return withCalendar(app, user, async (provider) => {
        const other = await app.store.users.findById(user.tenantId, request.query.with);
        if (!other) throw AppError.notFound('Person');
        return candidatesWith(app.store, provider, user, other, app.clock.now());
      });
    },
  );

  app.get(
    '/calendar/events/:eventId/one-on-one',
    {
      schema: {
        tags,
        summary: 'Outlook side panel: the 1:1 this calendar event (or its series) is',
        description:
          'By the event id (REST form) in my calendar, its series master id, or the iCalUId both calendars share. ' +
          '404 when there is none that I take part in; its `details.candidate` is then what "Create 1:1 from ' +
          'this meeting" can import (from my connected calendar: a meeting of exactly me and one other person), ' +
          'or null.',
        params: EventParams,
        querystring: EventQuery,
        response: { 200: EventOneOnOne, ...errorResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const { eventId } = request.params;
      const now = app.clock.now();
      const view = await calendarViewOf(app, user, eventId);
      const keys = {
        eventId,
        seriesMasterId: request.query.seriesMasterId ?? null,
        iCalUId: request.query.iCalUId ?? null,
      };
      const found = await resolveEventOneOnOne(app.store, user, keys, view, now);
      if (found) return found;
      const candidate = view ? await candidateOf(app.store, user, view) : null;
      throw new AppError(ErrorStatus.notFound, 'NOT_FOUND', '1:1 not found', { details: { candidate } });
    },
  );

  app.post(
    '/calendar/import',
    {
      schema: {
        tags,
        summary: 'Import calendar meetings as connected series or single 1:1s',
        description: 'Each event id gets its card or the reason it was refused; the others still go on.',
        body: ImportBody,
        response: { 200: ImportAnswer, ...calendarResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const now = app.clock.now();
      const outcomes = await withCalendar(app, user, (provider) =>
        importCalendarEvents(app.store, provider, user, request.body.eventIds, now, (source) =>
          app.calendar.onCreated(source, user.id, now),
        ),
      );
      const created = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.source] : []));
      const cards = await buildCards(app.store, user.tenantId, created, now);
      const cardOf = new Map(created.map((source, index) => [source, cards[index]]));
      const results = outcomes.flatMap((outcome): ImportResult[] => {
        const card = outcome.ok ? cardOf.get(outcome.source) : undefined;
        if (outcome.ok) return card ? [{ eventId: outcome.eventId, ok: true as const, card }] : [];
        return [
          {
            eventId: outcome.eventId,
            ok: false as const,
            error: {
              code: outcome.error.code,
              message: outcome.error.message,
              ...(outcome.error.details ? { details: { ...outcome.error.details } } : {}),
            },
          },
        ];
      });
      request.log.info(
        { imported: created.length, refused: outcomes.length - created.length },
        'calendar import',
      );
      return { results };
    },
  );
};

export default calendar;
