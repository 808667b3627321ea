// Builds the real app on a fresh embedded database for API tests: `const { app, close } = await buildTestApp()`.
import { startEmbeddedMongo } from 'embedded-mongo';
import type { RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { type AppConfig, loadConfig } from '../config.ts';
import { type App, type AppDeps, buildApp } from '../server.ts';

export interface TestAppOptions {
  /** Replaces fields of the test configuration (dev sign-in, silent logs, fast database timeouts). */
  readonly config?: Partial<AppConfig>;
  readonly deps?: AppDeps;
  /** Keep the embedded database's data here (restart tests); default null: in memory only. */
  readonly dataDir?: string | null;
  /**
   * Adds test-only routes and hooks. It runs as the last plugin, after the app's own, so its routes get
   * every app hook (rate limits, auth…) like real routes; it sees the root's decorators.
   */
  readonly register?: (app: App) => void | Promise<void>;
  /**
   * Sees every route the app registers (its own included, unlike a hook added by `register`, which loads
   * after them): the route-wide tests read the list of routes from the app this way.
   */
  readonly onRoute?: (route: RouteOptions) => void;
}

export interface TestApp {
  /** Booted (`ready()` done): use `app.inject(...)`. */
  readonly app: App;
  readonly mongo: { readonly uri: string; readonly stop: () => Promise<void> };
  /** Closes the app, then stops the database; safe to call twice or after `mongo.stop()`. */
  readonly close: () => Promise<void>;
}

/** The test configuration: development sign-in, nothing logged, and a database that fails fast. */
export function testConfig(mongodbUri: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({ AUTH_MODE: 'dev', LOG_LEVEL: 'silent' }),
    mongoServerSelectionTimeoutMs: 1_000,
    ...overrides,
    mongodbUri,
  };
}

export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const embedded = await startEmbeddedMongo({ port: 0, dataDir: options.dataDir ?? null });
  const stopMongo = once(() => embedded.stop());
  const mongo = { uri: embedded.uri, stop: stopMongo };

  const app = buildApp(testConfig(embedded.uri, options.config), { seedDemo: false, ...options.deps });
  // Plugins load at ready(): a hook added to the root now is inherited by every plugin's routes.
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  try {
    const { register } = options;
    if (register) app.register(fp(async (scope) => register(scope as App)));
    await app.ready();
  } catch (error) {
    await app.close().catch(() => {});
    await stopMongo();
    throw error;
  }

  const close = once(async () => {
    try {
      await app.close();
    } finally {
      await stopMongo();
    }
  });
  return { app, mongo, close };
}

function once(action: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => {
    done ??= action();
    return done;
  };
}
