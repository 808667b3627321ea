import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const key = Buffer.alloc(32, 7).toString('base64');
const production = {
  NODE_ENV: 'production',
  ENTRA_CLIENT_ID: 'client-id',
  ENTRA_CLIENT_SECRET: 'client-secret',
  TOKEN_ENCRYPTION_KEY: key,
  MONGODB_URI: 'mongodb://db.example/one-on-ones',
};

function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('an empty development environment gets the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      production: false,
      port: 3978,
      host: '0.0.0.0',
      mongodbUri: null,
      publicUrl: 'http://localhost:3978',
      authMode: 'dev',
      entra: null,
      bot: null,
      google: null,
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
      googleBaseUrl: 'https://www.googleapis.com',
      logLevel: 'info',
      trustProxyHops: 0,
    });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('PUBLIC_URL defaults to localhost on the configured PORT', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });

  it('empty values count as unset', () => {
    expect(loadConfig({ PORT: '', MONGODB_URI: '  ' })).toMatchObject({ port: 3978, mongodbUri: null });
  });

  it('a malformed value is named in the message', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: must be a whole number/);
  });

  it('every problem is listed at once, each naming its variable', () => {
    const problems = problemsOf({
      PORT: '70000',
      AUTH_MODE: 'magic',
      MONGODB_URI: 'postgres://x',
      PUBLIC_URL: 'localhost',
      GRAPH_BASE_URL: 'graph',
      LOG_LEVEL: 'loud',
      TRUST_PROXY: '-1',
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'PORT',
      'TRUST_PROXY',
      'MONGODB_URI',
      'PUBLIC_URL',
      'AUTH_MODE',
      'GRAPH_BASE_URL',
      'LOG_LEVEL',
    ]);
    expect(problems).toContain('AUTH_MODE: must be one of entra, dev');
  });

  it('malformed values and rules between variables are reported together', () => {
    const problems = problemsOf({ NODE_ENV: 'production', AUTH_MODE: 'dev', PORT: 'abc' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['PORT', 'AUTH_MODE', 'TOKEN_ENCRYPTION_KEY']);
  });

  it('AUTH_MODE=dev is refused when NODE_ENV=production', () => {
    expect(() => loadConfig({ ...production, AUTH_MODE: 'dev' })).toThrow(
      /AUTH_MODE: "dev" is refused when NODE_ENV=production/,
    );
  });

  it('production defaults to entra', () => {
    const config = loadConfig(production);
    expect(config.authMode).toBe('entra');
    expect(config.entra).toEqual({ clientId: 'client-id', clientSecret: 'client-secret' });
  });

  it('entra requires the client id and secret', () => {
    const problems = problemsOf({ AUTH_MODE: 'entra' });
    expect(problems).toContain('ENTRA_CLIENT_ID: required when AUTH_MODE=entra');
    expect(problems).toContain('ENTRA_CLIENT_SECRET: required when AUTH_MODE=entra');
  });

  it('production requires TOKEN_ENCRYPTION_KEY', () => {
    const { TOKEN_ENCRYPTION_KEY: _, ...withoutKey } = production;
    expect(problemsOf(withoutKey)).toEqual([expect.stringMatching(/^TOKEN_ENCRYPTION_KEY: required/)]);
  });

  it('TOKEN_ENCRYPTION_KEY must decode to 32 bytes', () => {
    const short = Buffer.alloc(16).toString('base64');
    expect(problemsOf({ TOKEN_ENCRYPTION_KEY: short })).toEqual([
      expect.stringMatching(/^TOKEN_ENCRYPTION_KEY: must decode to 32 bytes \(got 16\)/),
    ]);
    expect(problemsOf({ TOKEN_ENCRYPTION_KEY: 'not base64!' })).toEqual([
      'TOKEN_ENCRYPTION_KEY: must be base64',
    ]);
  });

  it('a given TOKEN_ENCRYPTION_KEY is used as is, in base64 or base64url', () => {
    const bytes = Buffer.alloc(32, 0xfb);
    expect(loadConfig({ TOKEN_ENCRYPTION_KEY: bytes.toString('base64') }).tokenEncryptionKey).toEqual(bytes);
    expect(loadConfig({ TOKEN_ENCRYPTION_KEY: bytes.toString('base64url') }).tokenEncryptionKey).toEqual(
      bytes,
    );
  });

  it('development derives a stable key and says so', () => {
    const first = loadConfig({});
    expect(first.tokenEncryptionKey).toHaveLength(32);
    expect(loadConfig({}).tokenEncryptionKey).toEqual(first.tokenEncryptionKey);
    expect(first.notes.join('\n')).toMatch(/TOKEN_ENCRYPTION_KEY is not set/);
  });

  it('bot and Google credentials come in pairs', () => {
    expect(problemsOf({ BOT_ID: 'bot' })).toEqual(['BOT_PASSWORD: required when BOT_ID is set']);
    expect(problemsOf({ GOOGLE_CLIENT_SECRET: 's' })).toEqual([
      'GOOGLE_CLIENT_ID: required when GOOGLE_CLIENT_SECRET is set',
    ]);
    expect(loadConfig({ BOT_ID: 'bot', BOT_PASSWORD: 'pw' }).bot).toEqual({ id: 'bot', password: 'pw' });
  });

  it('base URLs lose their trailing slash so paths can be appended', () => {
    const config = loadConfig({
      GRAPH_BASE_URL: 'http://127.0.0.1:9000/v1.0/',
      PUBLIC_URL: 'https://x.test/',
    });
    expect(config.graphBaseUrl).toBe('http://127.0.0.1:9000/v1.0');
    expect(config.publicUrl).toBe('https://x.test');
  });

  it('the ConfigError message lists every problem for the operator', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(
      /Invalid configuration:\n {2}- PORT: .*\n {2}- LOG_LEVEL: /,
    );
  });
});
