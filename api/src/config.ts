// Reads and validates the environment once at start: the only module that looks at process.env.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export const AuthMode = { entra: 'entra', dev: 'dev' } as const;
export type AuthMode = (typeof AuthMode)[keyof typeof AuthMode];

const httpUrl = (fallback?: string) =>
  Type.String({ pattern: '^https?://[^\\s]+$', ...(fallback ? { default: fallback } : {}) });
const Secret = Type.String({ minLength: 1 });

/** The variables of ARCHITECTURE.md "Configuration", as they arrive (after string → number conversion). */
const EnvSchema = Type.Object({
  NODE_ENV: Type.Optional(Type.String()),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3978 }),
  HOST: Type.String({ minLength: 1, default: '0.0.0.0' }),
  TRUST_PROXY: Type.Integer({ minimum: 0, maximum: 10, default: 0 }),
  MONGODB_URI: Type.Optional(Type.String({ pattern: '^mongodb(\\+srv)?://.+' })),
  DATA_DIR: Type.String({ minLength: 1, default: './.data' }),
  PUBLIC_URL: Type.Optional(httpUrl()),
  AUTH_MODE: Type.Optional(Type.Enum(Object.values(AuthMode))),
  ENTRA_CLIENT_ID: Type.Optional(Secret),
  ENTRA_CLIENT_SECRET: Type.Optional(Secret),
  BOT_ID: Type.Optional(Secret),
  BOT_PASSWORD: Type.Optional(Secret),
  BOT_TENANT_ID: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F-]{36}$' })),
  BOT_SERVICE_URL: httpUrl('https://smba.trafficmanager.net/teams'),
  TEAMS_APP_ID: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F-]{36}$' })),
  GOOGLE_CLIENT_ID: Type.Optional(Secret),
  GOOGLE_CLIENT_SECRET: Type.Optional(Secret),
  TOKEN_ENCRYPTION_KEY: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9+/_-]+={0,2}$' })),
  ENTRA_AUTHORITY_URL: httpUrl('https://login.microsoftonline.com'),
  GRAPH_BASE_URL: httpUrl('https://graph.microsoft.com/v1.0'),
  GOOGLE_BASE_URL: httpUrl('https://www.googleapis.com'),
  LOG_LEVEL: Type.Enum([...logLevels], { default: 'info' }),
});
type Env = Static<typeof EnvSchema>;

/** What a malformed value should look like, in words an operator can act on. */
const expectations: Partial<Record<keyof Env, string>> = {
  PORT: 'must be a whole number between 0 and 65535',
  TRUST_PROXY: 'must be the number of proxies in front of the server (0 to 10)',
  MONGODB_URI: 'must be a mongodb:// or mongodb+srv:// connection string',
  PUBLIC_URL: 'must be an http(s) URL',
  ENTRA_AUTHORITY_URL: 'must be an http(s) URL',
  GRAPH_BASE_URL: 'must be an http(s) URL',
  GOOGLE_BASE_URL: 'must be an http(s) URL',
  TOKEN_ENCRYPTION_KEY: 'must be base64',
  BOT_TENANT_ID: 'must be the Entra tenant id (a GUID) of a single-tenant Azure Bot',
  BOT_SERVICE_URL: 'must be an http(s) URL',
  TEAMS_APP_ID: 'must be the Teams app id (a GUID) of the manifest',
};

export interface Config {
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  /** Proxies in front of us whose X-Forwarded-For we believe (App Service: 1), so client IPs are real. */
  readonly trustProxyHops: number;
  /** null: start the embedded server (main.ts) and pass its URI to buildApp. */
  readonly mongodbUri: string | null;
  /** How long the driver looks for a server before an operation fails (readiness answers within it). */
  readonly mongoServerSelectionTimeoutMs: number;
  readonly dataDir: string;
  readonly publicUrl: string;
  readonly authMode: AuthMode;
  readonly entra: { readonly clientId: string; readonly clientSecret: string } | null;
  readonly bot: { readonly id: string; readonly password: string } | null;
  /** The Azure Bot's tenant when it is single-tenant (the default for new bots); null: multi-tenant. */
  readonly botTenantId: string | null;
  /** Where the bot opens conversations with people it has none with yet (Teams' Bot Connector). */
  readonly botServiceUrl: string;
  /** The Teams app id (manifest `id`): cards deep-link into its personal tab; null: links to the web app. */
  readonly teamsAppId: string | null;
  readonly google: { readonly clientId: string; readonly clientSecret: string } | null;
  /** 32 bytes that encrypt stored calendar tokens. */
  readonly tokenEncryptionKey: Buffer;
  /** Where Entra ID's signing keys are published (tests point it at a local JWKS). */
  readonly entraAuthorityUrl: string;
  readonly graphBaseUrl: string;
  readonly googleBaseUrl: string;
  readonly logLevel: LogLevel;
  /** Things worth telling the operator at start (e.g. a derived development key); not errors. */
  readonly notes: readonly string[];
}

/** The configuration buildApp needs: the database is decided (MONGODB_URI or the embedded server's URI). */
export type AppConfig = Config & { readonly mongodbUri: string };

/** Every problem found in the environment, one line each, so the operator fixes them all at once. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** main.ts: the process environment, completed by `.env` in the working directory when there is one. */
export function loadProcessConfig(envFile = '.env'): Config {
  // Node's loader never overrides a variable already set, so the real environment wins over the file.
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return loadConfig(process.env);
}

/** Builds the configuration from an environment object (process.env in main.ts, a literal in tests). */
export function loadConfig(rawEnv: Record<string, string | undefined>): Config {
  const env = pickKnownVariables(rawEnv);
  const converted = Value.Default(EnvSchema, Value.Convert(EnvSchema, env));
  const problems = schemaProblems(converted);
  // The rules between variables read the raw strings, so they are reported along with malformed values.
  const production = env.NODE_ENV === 'production';
  const authMode = env.AUTH_MODE ?? (production ? AuthMode.entra : AuthMode.dev);
  const notes: string[] = [];

  if (production && authMode === AuthMode.dev) {
    problems.push(
      'AUTH_MODE: "dev" is refused when NODE_ENV=production (the development sign-in trusts anyone)',
    );
  }
  if (authMode === AuthMode.entra) {
    if (!env.ENTRA_CLIENT_ID) problems.push('ENTRA_CLIENT_ID: required when AUTH_MODE=entra');
    if (!env.ENTRA_CLIENT_SECRET) problems.push('ENTRA_CLIENT_SECRET: required when AUTH_MODE=entra');
  }
  problems.push(...pairProblems(env, 'BOT_ID', 'BOT_PASSWORD'));
  problems.push(...pairProblems(env, 'GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'));
  const keyIsMalformed = problems.some((problem) => problem.startsWith('TOKEN_ENCRYPTION_KEY:'));
  const key = keyIsMalformed ? null : tokenKey(env.TOKEN_ENCRYPTION_KEY, production, problems, notes);
  if (problems.length > 0 || key === null) throw new ConfigError(problems);
  const valid = converted as Env;

  return {
    production,
    port: valid.PORT,
    host: valid.HOST,
    trustProxyHops: valid.TRUST_PROXY,
    mongodbUri: valid.MONGODB_URI ?? null,
    mongoServerSelectionTimeoutMs: 10_000,
    dataDir: path.resolve(valid.DATA_DIR),
    publicUrl: (valid.PUBLIC_URL ?? `http://localhost:${valid.PORT}`).replace(/\/+$/, ''),
    authMode: authMode === AuthMode.entra ? AuthMode.entra : AuthMode.dev,
    entra:
      valid.ENTRA_CLIENT_ID && valid.ENTRA_CLIENT_SECRET
        ? { clientId: valid.ENTRA_CLIENT_ID, clientSecret: valid.ENTRA_CLIENT_SECRET }
        : null,
    bot: valid.BOT_ID && valid.BOT_PASSWORD ? { id: valid.BOT_ID, password: valid.BOT_PASSWORD } : null,
    botTenantId: valid.BOT_TENANT_ID ?? null,
    botServiceUrl: valid.BOT_SERVICE_URL.replace(/\/+$/, ''),
    teamsAppId: valid.TEAMS_APP_ID ?? null,
    google:
      valid.GOOGLE_CLIENT_ID && valid.GOOGLE_CLIENT_SECRET
        ? { clientId: valid.GOOGLE_CLIENT_ID, clientSecret: valid.GOOGLE_CLIENT_SECRET }
        : null,
    tokenEncryptionKey: key,
    entraAuthorityUrl: valid.ENTRA_AUTHORITY_URL.replace(/\/+$/, ''),
    graphBaseUrl: valid.GRAPH_BASE_URL.replace(/\/+$/, ''),
    googleBaseUrl: valid.GOOGLE_BASE_URL.replace(/\/+$/, ''),
    logLevel: valid.LOG_LEVEL as LogLevel,
    notes,
  };
}

/** Only our variables, with empty strings treated as unset (a blank line in .env means "use the default"). */
function pickKnownVariables(rawEnv: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of Object.keys(EnvSchema.properties)) {
    const value = rawEnv[name]?.trim();
    if (value) env[name] = value;
  }
  return env;
}

function schemaProblems(env: unknown): string[] {
  const byVariable = new Map<string, string>();
  for (const error of Value.Errors(EnvSchema, env)) {
    const name = error.instancePath.replace(/^\//, '');
    if (byVariable.has(name)) continue;
    byVariable.set(name, `${name}: ${describe(error, name)}`);
  }
  return [...byVariable.values()];
}

function describe(error: { keyword: string; params: object; message: string }, name: string): string {
  if (error.keyword === 'enum' && 'allowedValues' in error.params) {
    return `must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
  }
  return expectations[name as keyof Env] ?? error.message;
}

function pairProblems(
  env: Record<string, string | undefined>,
  id: 'BOT_ID' | 'GOOGLE_CLIENT_ID',
  secret: 'BOT_PASSWORD' | 'GOOGLE_CLIENT_SECRET',
) {
  if (Boolean(env[id]) === Boolean(env[secret])) return [];
  return [env[id] ? `${secret}: required when ${id} is set` : `${id}: required when ${secret} is set`];
}

/**
 * Production must bring its own key (a lost or changed key makes stored calendar tokens unreadable).
 * Development derives a fixed key so tokens stored in the embedded database survive restarts.
 */
function tokenKey(raw: string | undefined, production: boolean, problems: string[], notes: string[]): Buffer {
  if (raw) {
    const key = Buffer.from(raw, raw.includes('-') || raw.includes('_') ? 'base64url' : 'base64');
    if (key.length === 32) return key;
    problems.push(
      `TOKEN_ENCRYPTION_KEY: must decode to 32 bytes (got ${key.length}); generate one with: ${keyHint}`,
    );
    return key;
  }
  if (production) {
    problems.push(`TOKEN_ENCRYPTION_KEY: required when NODE_ENV=production; generate one with: ${keyHint}`);
  } else {
    notes.push(
      'TOKEN_ENCRYPTION_KEY is not set: using a fixed development key (never use this in production)',
    );
  }
  return createHash('sha256').update('one-on-ones development token key').digest();
}

const keyHint = `node -e "console.log(crypto.randomBytes(32).toString('base64'))"`;
