// The Microsoft Graph fake: the endpoints the Graph adapter uses, with Graph's paging (@odata.nextLink), delta
// links over a window, 410 for a forgotten delta link, 429 + Retry-After, and subscriptions with the
// validation handshake. Registered under a prefix such as /graph/v1.0.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { accountOfDevToken } from '../../calendar/credentials.ts';
import { ianaZoneOf } from '../../calendar/windows-zones.ts';
import type { FakeCalendars } from './fake-calendars.ts';
import type { FakeInstance } from './fake-event.ts';
import { type GraphEventInput, graphEventOf, graphInstanceOf } from './graph-payloads.ts';

type Query = Record<string, string | undefined>;

const graphError = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply.code(status).send({ error: { code, message } });

/** Graph grants event subscriptions for at most 4230 minutes here; the adapter must read what it got. */
const MAX_SUBSCRIPTION_MS = 4230 * 60 * 1000;

const graphFake: FastifyPluginAsync<{ calendars: FakeCalendars }> = async (app, { calendars }) => {
  const baseOf = (request: FastifyRequest) => `${request.protocol}://${request.host}${app.prefix}`;

  app.decorateRequest('account', '');
  app.addHook('onRequest', async (request, reply) => {
    const token = request.headers.authorization?.replace(/^Bearer\s+/i, '') ?? '';
    const account = accountOfDevToken(token);
    if (!account)
      return graphError(reply, 401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    (request as FastifyRequest & { account: string }).account = account;
    const retryAfter = calendars.admit(account);
    if (retryAfter !== null) {
      reply.header('retry-after', String(retryAfter));
      return graphError(reply, 429, 'TooManyRequests', 'Too many requests.');
    }
  });
  const accountOf = (request: FastifyRequest) => (request as FastifyRequest & { account: string }).account;

  const window = (query: Query) => {
    const from = query.startDateTime ? new Date(query.startDateTime) : null;
    const to = query.endDateTime ? new Date(query.endDateTime) : null;
    return from && to && !Number.isNaN(from.getTime()) && !Number.isNaN(to.getTime()) ? { from, to } : null;
  };

  /** A page of values with @odata.nextLink, or the last page with what ends the listing. */
  const pageAnswer = (request: FastifyRequest, path: string, page: ReturnType<FakeCalendars['page']>) => ({
    value: page.items,
    ...(page.next ? { '@odata.nextLink': `${baseOf(request)}${path}?$skiptoken=${page.next}` } : page.last),
  });

  app.get('/me/calendarView', async (request, reply) => {
    const query = request.query as Query;
    if (query.$skiptoken) return nextPage(request, reply, '/me/calendarView', query.$skiptoken);
    const range = window(query);
    if (!range)
      return graphError(reply, 400, 'ErrorInvalidParameter', 'startDateTime and endDateTime are required.');
    const items = calendars.instances(accountOf(request), range.from, range.to).map(graphInstanceOf);
    return pageAnswer(request, '/me/calendarView', calendars.page(items, {}));
  });

  app.get('/me/calendarView/delta', async (request, reply) => {
    const query = request.query as Query;
    if (query.$skiptoken) return nextPage(request, reply, '/me/calendarView/delta', query.$skiptoken);
    const deltaLink = (token: string) => ({
      '@odata.deltaLink': `${baseOf(request)}/me/calendarView/delta?$deltatoken=${token}`,
    });
    const listing = (instances: FakeInstance[], removedIds: string[], token: string) =>
      pageAnswer(
        request,
        '/me/calendarView/delta',
        calendars.page(
          [
            ...instances.map(graphInstanceOf),
            ...removedIds.map((id) => ({ id, '@removed': { reason: 'deleted' } })),
          ],
          deltaLink(token),
        ),
      );
    if (query.$deltatoken) {
      const changes = calendars.changesSince(query.$deltatoken);
      if (!changes) return graphError(reply, 410, 'syncStateNotFound', 'The sync state was not found.');
      return listing(changes.instances, changes.removedIds, changes.token);
    }
    const range = window(query);
    if (!range)
      return graphError(reply, 400, 'ErrorInvalidParameter', 'startDateTime and endDateTime are required.');
    const full = calendars.startSync(accountOf(request), range.from, range.to);
    return listing(full.instances, [], full.token);
  });

  const nextPage = (request: FastifyRequest, reply: FastifyReply, path: string, token: string) => {
    const page = calendars.nextPage(token);
    if (!page) return graphError(reply, 410, 'syncStateNotFound', 'The page token expired.');
    return pageAnswer(request, path, page);
  };

  app.get('/me/events/:id', async (request, reply) => {
    const found = calendars.findInstance(accountOf(request), (request.params as { id: string }).id);
    if (!found) return graphError(reply, 404, 'ErrorItemNotFound', 'The specified object was not found.');
    return 'event' in found ? graphInstanceOf(found) : graphEventOf(found);
  });

  app.get('/me/events/:id/instances', async (request, reply) => {
    const query = request.query as Query;
    const id = (request.params as { id: string }).id;
    if (query.$skiptoken) return nextPage(request, reply, `/me/events/${id}/instances`, query.$skiptoken);
    const range = window(query);
    const event = calendars.findEvent(accountOf(request), id);
    if (!event || event.deleted)
      return graphError(reply, 404, 'ErrorItemNotFound', 'The specified object was not found.');
    if (!range)
      return graphError(reply, 400, 'ErrorInvalidParameter', 'startDateTime and endDateTime are required.');
    const items = calendars
      .instances(accountOf(request), range.from, range.to)
      .filter((instance) => instance.event.id === id)
      .map(graphInstanceOf);
    return pageAnswer(request, `/me/events/${id}/instances`, calendars.page(items, {}));
  });

  app.post('/me/events', async (request, reply) => {
    const input = request.body as GraphEventInput;
    const zone = ianaZoneOf(input.start.timeZone) ?? 'UTC';
    const at = (value: string) => DateTime.fromISO(value, { zone }).toJSDate();
    const pattern = input.recurrence?.pattern;
    const endDate = input.recurrence?.range.endDate;
    const event = await calendars.addEvent(accountOf(request), {
      subject: input.subject ?? '',
      start: at(input.start.dateTime),
      end: at(input.end.dateTime),
      timeZone: zone,
      attendees: (input.attendees ?? []).map((attendee) => ({
        email: attendee.emailAddress.address.toLowerCase(),
        name: attendee.emailAddress.name ?? attendee.emailAddress.address,
      })),
      recurrence: pattern
        ? {
            frequency: pattern.type === 'weekly' ? 'weekly' : pattern.type === 'daily' ? 'daily' : 'monthly',
            interval: pattern.interval,
            until: endDate ? DateTime.fromISO(endDate, { zone }).endOf('day').toJSDate() : null,
          }
        : null,
    });
    return reply.code(201).send(graphEventOf(event));
  });

  app.post('/subscriptions', async (request, reply) => {
    const body = request.body as {
      notificationUrl: string;
      expirationDateTime: string;
      clientState: string;
    };
    // Graph checks the endpoint first: it must echo the validation token as text/plain within 10 s.
    const token = `validation-${crypto.randomUUID()}`;
    const check = await calendars.deliver({
      url: `${body.notificationUrl}?validationToken=${encodeURIComponent(token)}`,
      headers: { 'content-type': 'text/plain' },
      body: '',
    });
    if (check.status !== 200 || check.body !== token) {
      return graphError(reply, 400, 'InvalidRequest', 'Subscription validation request failed.');
    }
    const id = crypto.randomUUID();
    const expiresAt = grant(calendars.now(), new Date(body.expirationDateTime));
    calendars.subscriptions.set(id, {
      id,
      account: accountOf(request),
      face: 'graph',
      url: body.notificationUrl,
      secret: body.clientState,
      resourceId: 'me/events',
      expiresAt,
    });
    return reply.code(201).send({ id, expirationDateTime: expiresAt.toISOString(), resource: 'me/events' });
  });

  app.patch('/subscriptions/:id', async (request, reply) => {
    const subscription = calendars.subscriptions.get((request.params as { id: string }).id);
    if (!subscription || subscription.expiresAt <= calendars.now()) {
      return graphError(reply, 404, 'ResourceNotFound', 'The object was not found.');
    }
    const body = request.body as { expirationDateTime: string };
    subscription.expiresAt = grant(calendars.now(), new Date(body.expirationDateTime));
    return { id: subscription.id, expirationDateTime: subscription.expiresAt.toISOString() };
  });

  app.delete('/subscriptions/:id', async (request, reply) => {
    const id = (request.params as { id: string }).id;
    if (!calendars.subscriptions.delete(id)) return graphError(reply, 404, 'ResourceNotFound', 'Not found.');
    return reply.code(204).send();
  });
};

function grant(now: Date, requested: Date): Date {
  return new Date(Math.min(requested.getTime(), now.getTime() + MAX_SUBSCRIPTION_MS));
}

export default graphFake;
