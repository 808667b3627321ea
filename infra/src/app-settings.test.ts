// The App Service settings in the Bicep are enough for the server to start in production: the server's own
// configuration loader (api/src/config.ts) is run on them, with sample values where Azure resolves a value.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/config.ts';
import { blockAfter, objectEntries, readInfraFile } from './bicep-source.ts';

const appService = readInfraFile('modules/app-service.bicep');
const settings = objectEntries(blockAfter(appService, 'var appSettings ='));
const googleSettings = objectEntries(blockAfter(appService, 'var googleClientSettings ='));

/** What Azure puts in place of a Key Vault reference or a parameter at run time. */
const resolved: Record<string, string> = {
  MONGODB_URI:
    'mongodb+srv://oneonones:secret@oneonones-mongo.global.mongocluster.cosmos.azure.com/?tls=true',
  ENTRA_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
  ENTRA_CLIENT_SECRET: 'entra-secret',
  BOT_ID: '66666666-7777-4888-9999-000000000000',
  BOT_PASSWORD: 'bot-secret',
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  LOG_LEVEL: 'info',
  GOOGLE_CLIENT_ID: 'google-client.apps.googleusercontent.com',
  GOOGLE_CLIENT_SECRET: 'google-secret',
};

/** A Bicep string literal as App Service sees it; interpolations become the site's host name. */
function runtimeValue(name: string, expression: string): string {
  const literal = /^'(.*)'$/.exec(expression);
  if (literal) return (literal[1] ?? '').replace(/\$\{[^}]+\}/g, 'oneonones-dev.azurewebsites.net');
  const value = resolved[name];
  if (value === undefined) throw new Error(`no sample value for ${name} = ${expression}`);
  return value;
}

function environmentFrom(entries: Map<string, string>): Record<string, string> {
  return Object.fromEntries([...entries].map(([name, expression]) => [name, runtimeValue(name, expression)]));
}

const production = environmentFrom(settings);

describe('App Service settings (infra/modules/app-service.bicep) against api/src/config.ts', () => {
  it('start the server in production with Entra sign-in, the bot, MongoDB and the token key', () => {
    const config = loadConfig(production);
    expect(config.production).toBe(true);
    expect(config.authMode).toBe('entra');
    expect(config.entra).not.toBeNull();
    expect(config.bot).not.toBeNull();
    expect(config.mongodbUri).toBe(resolved.MONGODB_URI);
    expect(config.publicUrl).toBe('https://oneonones-dev.azurewebsites.net');
    expect(config.notes).toEqual([]);
  });

  it.each(['ENTRA_CLIENT_ID', 'ENTRA_CLIENT_SECRET', 'BOT_PASSWORD', 'TOKEN_ENCRYPTION_KEY'])(
    'each one is needed: without %s the server refuses to start',
    (name) => {
      const { [name]: _removed, ...rest } = production;
      expect(() => loadConfig(rest)).toThrow(name);
    },
  );

  it('keep every secret in Key Vault, never as a literal', () => {
    for (const name of ['MONGODB_URI', 'ENTRA_CLIENT_SECRET', 'BOT_PASSWORD', 'TOKEN_ENCRYPTION_KEY']) {
      const reference = settings.get(name) ?? '';
      expect(appService).toMatch(new RegExp(`var ${reference} = '@Microsoft\\.KeyVault\\(VaultName=`));
    }
    expect(googleSettings.get('GOOGLE_CLIENT_SECRET')).toBe('googleSecretRef');
  });

  it('add the Google Calendar pair when a Google client is configured', () => {
    const config = loadConfig({ ...production, ...environmentFrom(googleSettings) });
    expect(config.google).toEqual({ clientId: resolved.GOOGLE_CLIENT_ID, clientSecret: 'google-secret' });
  });

  it('listen where App Service sends traffic, and never in development mode', () => {
    expect(settings.get('PORT')).toBe("'8080'");
    expect(settings.get('NODE_ENV')).toBe("'production'");
    expect(settings.get('AUTH_MODE')).toBe("'entra'");
  });
});
