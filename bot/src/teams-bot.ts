// The bot as the composition root wires it: one CloudAdapter, one rate limiter, the Teams Notifier and the
// /api/messages route, from configuration. Built on the Microsoft 365 Agents SDK (botbuilder's successor).
import { type AuthConfiguration, CloudAdapter } from '@microsoft/agents-hosting';
import type { BotDirectory } from 'api/bot-directory';
import type { Notification, Notifier } from 'api/notify';
import type { FastifyPluginAsync } from 'fastify';
import { renderCard } from './cards/notification-cards.ts';
import type { DeepLinks } from './deep-links.ts';
import { createGraphInstaller } from './graph-installer.ts';
import { messagesRoute } from './messages-route.ts';
import { type BotLogger, OneOnOnesBot } from './one-on-ones-bot.ts';
import {
  createSendLimiter,
  type LimiterClock,
  realClock,
  type SendLimits,
  TEAMS_LIMITS,
} from './rate-limiter.ts';
import { DEFAULT_RETRY, type RetryPolicy } from './send-with-retry.ts';
import { createTeamsNotifier } from './teams-notifier.ts';

export interface TeamsBotOptions {
  /** The Azure Bot registration; null: anonymous (development only, the SDK refuses it in production). */
  readonly credentials: {
    readonly appId: string;
    readonly password: string;
    readonly tenantId: string | null;
  } | null;
  readonly directory: BotDirectory;
  readonly links: DeepLinks;
  /** BCP 47 locale of dates on cards. */
  readonly locale: string;
  readonly serviceUrl: string;
  /** Graph installation for people without a chat yet; null when the Entra app or Teams app id is missing. */
  readonly graph: {
    readonly baseUrl: string;
    readonly authorityUrl: string;
    readonly clientId: string;
    readonly clientSecret: string;
    readonly teamsAppId: string;
  } | null;
  readonly log: BotLogger;
  /** Teams' limits unless configured otherwise. */
  readonly limits?: SendLimits;
  readonly retry?: RetryPolicy;
  readonly clock?: LimiterClock;
  /** Tests: an adapter whose token provider is a fake. */
  readonly adapter?: CloudAdapter;
}

export interface TeamsBot {
  readonly adapter: CloudAdapter;
  /** Sends notification cards; null when the bot runs anonymously (nothing to send as). */
  readonly notifier: Notifier | null;
  readonly messages: FastifyPluginAsync;
  readonly render: (notification: Notification) => Record<string, unknown>;
}

export function createTeamsBot(options: TeamsBotOptions): TeamsBot {
  const { credentials } = options;
  const auth: AuthConfiguration = credentials
    ? {
        clientId: credentials.appId,
        clientSecret: credentials.password,
        ...(credentials.tenantId ? { tenantId: credentials.tenantId } : {}),
      }
    : {};
  const adapter = options.adapter ?? new CloudAdapter(auth);
  adapter.onTurnError = async (_context, error) => {
    options.log.error({ err: error }, 'bot turn failed');
  };
  const bot = new OneOnOnesBot({
    directory: options.directory,
    links: options.links,
    locale: options.locale,
    log: options.log,
  });
  const render = (notification: Notification) =>
    renderCard(notification, { links: options.links, locale: options.locale });
  const notifier = credentials
    ? createTeamsNotifier({
        adapter,
        appId: credentials.appId,
        directory: options.directory,
        render,
        limiter: createSendLimiter(options.limits ?? TEAMS_LIMITS, options.clock ?? realClock),
        clock: options.clock ?? realClock,
        retry: options.retry ?? DEFAULT_RETRY,
        installer: options.graph
          ? createGraphInstaller({ ...options.graph, graphBaseUrl: options.graph.baseUrl })
          : null,
        serviceUrl: options.serviceUrl,
      })
    : null;
  const messages: FastifyPluginAsync = async (app) => {
    await app.register(messagesRoute, { adapter, bot });
  };
  return { adapter, notifier, messages, render };
}
