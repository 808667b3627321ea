// The Google Calendar fake: events.list (singleEvents, nextPageToken, nextSyncToken, 410 for an expired sync
// token), events.get/instances/insert/watch, channels.stop, 429 + Retry-After, and the OAuth endpoints of the
// code flow with PKCE (consent is automatic for the account named in login_hint).
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { accountOfDevToken, devAccessToken } from '../../calendar/credentials.ts';
import type { FakeCalendars } from './fake-calendars.ts';
import { notificationOf } from './fake-calendars.ts';
import { googleCancelledOf, googleEventOf, googleInstanceOf } from './google-payloads.ts';

type Query = Record<string, string | undefined>;

const googleError = (reply: FastifyReply, status: number, reason: string, message: string) =>
  reply.code(status).send({ error: { code: status, message, errors: [{ reason, message }] } });

/** Google lets a channel live about a week at most; the adapter must read the answer's expiration. */
const MAX_CHANNEL_MS = 7 * 24 * 60 * 60 * 1000;

const googleFake: FastifyPluginAsync<{ calendars: FakeCalendars }> = async (app, { calendars }) => {
  const { oauth } = calendars;
  // Google's token endpoint takes form posts (RFC 6749).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
  const accounts = new WeakMap<FastifyRequest, string>();
  const accountOf = (request: FastifyRequest) => accounts.get(request) ?? '';

  // OAuth 2.0 with PKCE: the pop-up's authorize step and the token endpoint.
  app.get('/fake-oauth/auth', async (request, reply) => {
    const query = request.query as Query;
    if (
      !query.login_hint ||
      !query.redirect_uri ||
      !query.code_challenge ||
      query.code_challenge_method !== 'S256'
    ) {
      return reply.code(400).send('login_hint, redirect_uri and an S256 code_challenge are required');
    }
    const code = randomUUID();
    oauth.codes.set(code, {
      account: query.login_hint,
      challenge: query.code_challenge,
      redirectUri: query.redirect_uri,
    });
    const target = new URL(query.redirect_uri);
    target.searchParams.set('code', code);
    if (query.state) target.searchParams.set('state', query.state);
    return reply.redirect(target.toString());
  });

  app.post('/fake-oauth/token', async (request, reply) => {
    const body = request.body as Query;
    if (body.grant_type === 'authorization_code') {
      const grant = body.code ? oauth.codes.get(body.code) : undefined;
      const verifier = body.code_verifier ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!grant || grant.challenge !== challenge || grant.redirectUri !== body.redirect_uri) {
        return reply.code(400).send({ error: 'invalid_grant', error_description: 'Bad code or verifier.' });
      }
      oauth.codes.delete(body.code ?? '');
      const refreshToken = `refresh-${randomUUID()}`;
      oauth.refreshTokens.set(refreshToken, grant.account.toLowerCase());
      return {
        access_token: devAccessToken(grant.account),
        refresh_token: refreshToken,
        expires_in: 3599,
        token_type: 'Bearer',
      };
    }
    if (body.grant_type === 'refresh_token') {
      const account = body.refresh_token ? oauth.refreshTokens.get(body.refresh_token) : undefined;
      if (!account)
        return reply
          .code(400)
          .send({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
      return { access_token: devAccessToken(account), expires_in: 3599, token_type: 'Bearer' };
    }
    return reply.code(400).send({ error: 'unsupported_grant_type' });
  });

  app.register(async (api) => {
    api.addHook('onRequest', async (request, reply) => {
      const token = request.headers.authorization?.replace(/^Bearer\s+/i, '') ?? '';
      const account = accountOfDevToken(token);
      if (!account) return googleError(reply, 401, 'authError', 'Invalid Credentials');
      accounts.set(request, account);
      const retryAfter = calendars.admit(account);
      if (retryAfter !== null) {
        reply.header('retry-after', String(retryAfter));
        return googleError(reply, 429, 'rateLimitExceeded', 'Rate Limit Exceeded');
      }
    });

    const pageAnswer = (page: ReturnType<FakeCalendars['page']>) => ({
      kind: 'calendar#events',
      items: page.items,
      ...(page.next ? { nextPageToken: page.next } : page.last),
    });

    api.get('/calendar/v3/calendars/:calendarId/events', async (request, reply) => {
      const query = request.query as Query;
      if (query.pageToken) {
        const page = calendars.nextPage(query.pageToken);
        return page ? pageAnswer(page) : googleError(reply, 400, 'invalid', 'Invalid page token.');
      }
      if (query.syncToken) {
        if (query.timeMin || query.timeMax)
          return googleError(reply, 400, 'invalid', 'syncToken with timeMin.');
        const changes = calendars.changesSince(query.syncToken);
        if (!changes) return googleError(reply, 410, 'fullSyncRequired', 'Sync token is no longer valid.');
        const items = [
          ...changes.instances.map(googleInstanceOf),
          ...changes.removedIds.map(googleCancelledOf),
        ];
        return pageAnswer(calendars.page(items, { nextSyncToken: changes.token }));
      }
      if (query.singleEvents !== 'true')
        return googleError(reply, 400, 'invalid', 'The fake expands instances only.');
      const from = new Date(query.timeMin ?? 0);
      const to = new Date(query.timeMax ?? '2100-01-01T00:00:00Z');
      const full = calendars.startSync(accountOf(request), from, to);
      return pageAnswer(calendars.page(full.instances.map(googleInstanceOf), { nextSyncToken: full.token }));
    });

    api.get('/calendar/v3/calendars/:calendarId/events/:eventId', async (request, reply) => {
      const found = calendars.findInstance(
        accountOf(request),
        (request.params as { eventId: string }).eventId,
      );
      if (!found) return googleError(reply, 404, 'notFound', 'Not Found');
      return 'event' in found ? googleInstanceOf(found) : googleEventOf(found);
    });

    api.get('/calendar/v3/calendars/:calendarId/events/:eventId/instances', async (request, reply) => {
      const query = request.query as Query;
      if (query.pageToken) {
        const page = calendars.nextPage(query.pageToken);
        return page ? pageAnswer(page) : googleError(reply, 400, 'invalid', 'Invalid page token.');
      }
      const id = (request.params as { eventId: string }).eventId;
      const event = calendars.findEvent(accountOf(request), id);
      if (!event || event.deleted) return googleError(reply, 404, 'notFound', 'Not Found');
      const items = calendars
        .instances(
          accountOf(request),
          new Date(query.timeMin ?? 0),
          new Date(query.timeMax ?? '2100-01-01T00:00:00Z'),
        )
        .filter((instance) => instance.event.id === id)
        .map(googleInstanceOf);
      return pageAnswer(calendars.page(items, {}));
    });

    api.post('/calendar/v3/calendars/:calendarId/events', async (request) => {
      const body = request.body as {
        summary?: string;
        start: { dateTime: string; timeZone?: string };
        end: { dateTime: string };
        attendees?: { email: string; displayName?: string }[];
        recurrence?: string[];
      };
      const rule = new Map(
        (body.recurrence?.[0] ?? '')
          .replace('RRULE:', '')
          .split(';')
          .map((part) => part.split('=') as [string, string]),
      );
      const until = rule.get('UNTIL');
      const event = await calendars.addEvent(accountOf(request), {
        subject: body.summary ?? '',
        start: new Date(body.start.dateTime),
        end: new Date(body.end.dateTime),
        timeZone: body.start.timeZone ?? 'UTC',
        attendees: (body.attendees ?? []).map((attendee) => ({
          email: attendee.email.toLowerCase(),
          name: attendee.displayName ?? attendee.email,
        })),
        recurrence: rule.has('FREQ')
          ? {
              frequency: rule.get('FREQ') === 'MONTHLY' ? 'monthly' : 'weekly',
              interval: Number(rule.get('INTERVAL') ?? '1'),
              until: until
                ? new Date(
                    `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}T${until.slice(9, 11)}:${until.slice(11, 13)}:${until.slice(13, 15)}Z`,
                  )
                : null,
            }
          : null,
      });
      return googleEventOf(event);
    });

    api.post('/calendar/v3/calendars/:calendarId/events/watch', async (request) => {
      const body = request.body as { id: string; address: string; token?: string; expiration?: string };
      const now = calendars.now();
      const requested = body.expiration ? Number(body.expiration) : now.getTime() + MAX_CHANNEL_MS;
      const subscription = {
        id: body.id,
        account: accountOf(request),
        face: 'google' as const,
        url: body.address,
        secret: body.token ?? '',
        resourceId: `resource-${randomUUID()}`,
        expiresAt: new Date(Math.min(requested, now.getTime() + MAX_CHANNEL_MS)),
      };
      calendars.subscriptions.set(subscription.id, subscription);
      // Google announces a new channel with a "sync" message.
      await calendars.deliver(notificationOf(subscription, now, 'sync'));
      return {
        kind: 'api#channel',
        id: subscription.id,
        resourceId: subscription.resourceId,
        expiration: String(subscription.expiresAt.getTime()),
      };
    });

    api.post('/calendar/v3/channels/stop', async (request, reply) => {
      const body = request.body as { id: string; resourceId: string };
      const channel = calendars.subscriptions.get(body.id);
      if (!channel || channel.resourceId !== body.resourceId)
        return googleError(reply, 404, 'notFound', 'Channel not found');
      calendars.subscriptions.delete(body.id);
      return reply.code(204).send();
    });
  });
};

export default googleFake;
