// Composition root: builds the Fastify app from configuration, loading plugins in tiers (external, app, routes).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createDeepLinks, createTeamsBot, type TeamsBot } from 'bot';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { createEntraVerifier } from './auth/entra-token.ts';
import type { AppConfig } from './config.ts';
import errorHandler from './errors/error-handler.ts';
import { frameworkErrorReply } from './errors/framework-errors.ts';
import { formatValidationErrors } from './errors/validation-message.ts';
import { requestLogView } from './logging/request-log.ts';
import { createBotDirectory } from './notify/bot-directory.ts';
import { createInboxNotifier } from './notify/inbox-notifier.ts';
import { type Notifier, unconfiguredNotifier } from './notify/notifier.ts';
import agenda, { type AgendaOptions, defaultAgendaOptions } from './plugins/app/agenda.ts';
import calendar from './plugins/app/calendar.ts';
import clock, { type Clock } from './plugins/app/clock.ts';
import jobs from './plugins/app/jobs.ts';
import mongo from './plugins/app/mongo.ts';
import notifications from './plugins/app/notifications.ts';
import schedule from './plugins/app/schedule.ts';
import shutdownGate from './plugins/app/shutdown-gate.ts';
import store from './plugins/app/store.ts';
import helmet from './plugins/external/helmet.ts';
import rateLimit, { defaultRateLimit, type RateLimitOptions } from './plugins/external/rate-limit.ts';
import swagger from './plugins/external/swagger.ts';
import tabStatic, { defaultTabDir } from './plugins/external/tab-static.ts';
import apiV1 from './routes/api-v1.ts';
import calendarNotifications from './routes/calendar-notifications.ts';
import health from './routes/health.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
  }
}

/** What the process supplies besides configuration; tests override pieces of it. */
export interface AppDeps {
  readonly rateLimit?: RateLimitOptions;
  readonly agenda?: Partial<AgendaOptions>;
  /** Human-readable logs (pino-pretty) for a developer's terminal. */
  readonly prettyLogs?: boolean;
  /** The server's clock (tests fix it; development mode moves it through POST /dev/clock). */
  readonly clock?: Clock;
  /** Development mode seeds the demo tenant at start unless this is false (tests start empty). */
  readonly seedDemo?: boolean;
  /** The built tab to serve at `/` (default tab/dist). */
  readonly tabDir?: string;
  /** Where log lines go instead of stdout (tests read them). */
  readonly logStream?: { write: (line: string) => void };
  /** Replaces the notifier chosen from configuration (tests: a recording or failing one). */
  readonly notifier?: Notifier;
}

/** Returns the app with every plugin registered but not yet booted: call `ready()` or `listen()`. */
export function buildApp(config: AppConfig, deps: AppDeps = {}): App {
  const app = Fastify({
    logger: loggerOptions(config, deps),
    // Believe X-Forwarded-For only from the configured number of proxies (hop 0 is the nearest).
    trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops,
    // Requests arriving during shutdown get the SPEC.md error shape from the shutdown gate instead.
    return503OnClosing: false,
    // Unknown fields are refused by the schemas (additionalProperties: false), never silently dropped.
    // Lengths count UTF-16 code units, as the domain's checks and the browser's maxlength do, so a text that
    // passes the schema never fails a rule over its length.
    ajv: { customOptions: { removeAdditional: false, unicode: false } },
    schemaErrorFormatter: formatValidationErrors,
    frameworkErrors: frameworkErrorReply,
    // Calendar event ids (Graph's are ~150 characters of base64) travel as path parameters.
    routerOptions: { maxParamLength: 1024 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  app.register(errorHandler);
  app.register(shutdownGate);

  // Tier 1: third-party plugins.
  app.register(helmet);
  app.register(rateLimit, deps.rateLimit ?? defaultRateLimit);
  app.register(swagger, { publicUrl: config.publicUrl });

  // Tier 2: our own infrastructure. Order matters: onClose hooks run in reverse, so the job
  // scheduler stops before the database connection closes.
  app.register(mongo, {
    uri: config.mongodbUri,
    serverSelectionTimeoutMs: config.mongoServerSelectionTimeoutMs,
  });
  app.register(agenda, { ...defaultAgendaOptions, ...deps.agenda });
  app.register(clock, deps.clock ? { clock: deps.clock } : {});
  app.register(store);
  const bot = botWiring(config, deps);
  app.register(notifications, { createNotifier: bot.createNotifier });
  app.register(jobs);
  app.register(calendar);
  app.register(schedule);

  // Tier 3: routes.
  app.register(health);
  // Calendar webhooks: no user signs them; the subscription's secret is checked instead.
  app.register(calendarNotifications);
  app.register(bot.messages);
  app.register(apiV1, {
    prefix: '/api/v1',
    mode: config.authMode,
    verifier: config.entra
      ? createEntraVerifier({ clientId: config.entra.clientId, authorityUrl: config.entraAuthorityUrl })
      : null,
  });
  app.register(tabStatic, { root: deps.tabDir ?? defaultTabDir });
  // Nothing of api/src/dev is even loaded unless development mode is on.
  if (config.authMode === 'dev') {
    app.register(async (scope) => {
      const { default: development, mountDemoCalendars } = await import('./dev/plugin.ts');
      const calendars = await mountDemoCalendars(scope);
      await scope.register(development, { prefix: '/api/v1', seed: deps.seedDemo ?? true, calendars });
    });
  }

  return app;
}

/** Dates on cards; the recipient's time zone always applies. */
const CARD_LOCALE = 'en-GB';

/**
 * The bot and the Notifier from configuration: with BOT_ID the Teams bot sends the cards; in development
 * mode without it the cards go to the development inbox (and /api/messages runs anonymously for local
 * testing tools); otherwise notifications are recorded as undeliverable.
 */
function botWiring(config: AppConfig, deps: AppDeps) {
  let bot: TeamsBot | null = null;
  const links = createDeepLinks({ teamsAppId: config.teamsAppId, publicUrl: config.publicUrl });
  const createNotifier = (app: FastifyInstance): Notifier => {
    if (config.bot || config.authMode === 'dev') {
      bot = createTeamsBot({
        credentials: config.bot
          ? { appId: config.bot.id, password: config.bot.password, tenantId: config.botTenantId }
          : null,
        directory: createBotDirectory(app.store, () => app.clock.now()),
        links,
        locale: CARD_LOCALE,
        serviceUrl: config.botServiceUrl,
        graph:
          config.entra && config.teamsAppId
            ? {
                baseUrl: config.graphBaseUrl,
                authorityUrl: config.entraAuthorityUrl,
                clientId: config.entra.clientId,
                clientSecret: config.entra.clientSecret,
                teamsAppId: config.teamsAppId,
              }
            : null,
        log: app.log,
      });
    }
    if (deps.notifier) return deps.notifier;
    if (bot?.notifier) return bot.notifier;
    if (bot) return createInboxNotifier(bot.render);
    return unconfiguredNotifier;
  };
  /** POST /api/messages, once the notifier (and with it the bot) exists. */
  const messages = async (app: FastifyInstance) => {
    if (bot) await app.register(bot.messages);
  };
  return { createNotifier, messages };
}

function loggerOptions(config: AppConfig, deps: AppDeps): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    serializers: { req: requestLogView },
    // Bearer tokens and cookies must never reach a log line, whoever decides to log a request's headers.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'headers.cookie',
        '*.headers.authorization',
      ],
      censor: '[redacted]',
    },
    ...(deps.logStream ? { stream: deps.logStream } : {}),
    ...(deps.prettyLogs && !deps.logStream
      ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } }
      : {}),
  };
}
