// The Bicep templates hold together (no bicep CLI offline, so from their text): parameters, module calls,
// outputs, and the runtime facts the server relies on.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bicepOutputs, bicepParams, INFRA_DIR, moduleCalls, readInfraFile } from './bicep-source.ts';

const main = readInfraFile('azure.bicep');
const mainParams = bicepParams(main);
const parametersFile = JSON.parse(readInfraFile('azure.parameters.json')) as {
  parameters: Record<string, unknown>;
};
const appService = readInfraFile('modules/app-service.bicep');

describe('infra/azure.bicep and its modules', () => {
  it('the parameters file sets only declared parameters, and every parameter without a default', () => {
    const given = Object.keys(parametersFile.parameters);
    expect(given.filter((name) => !mainParams.has(name))).toEqual([]);
    const required = [...mainParams.values()].filter((p) => !p.hasDefault).map((p) => p.name);
    expect(required.filter((name) => !given.includes(name))).toEqual([]);
  });

  it('secrets arrive as @secure() parameters, so they stay out of deployment history', () => {
    const secrets = ['entraClientSecret', 'botPassword', 'tokenEncryptionKey', 'mongoAdminPassword'];
    for (const name of [...secrets, 'externalMongodbUri', 'googleClientSecret']) {
      expect({ name, secure: mainParams.get(name)?.secure }).toEqual({ name, secure: true });
    }
  });

  it.each(moduleCalls(main))(
    'module $symbol ($path) is called with exactly the parameters it declares',
    (call) => {
      const file = path.join(INFRA_DIR, call.path);
      expect(existsSync(file)).toBe(true);
      const declared = bicepParams(readFileSync(file, 'utf8'));
      expect(call.params.filter((name) => !declared.has(name))).toEqual([]);
      const required = [...declared.values()].filter((p) => !p.hasDefault).map((p) => p.name);
      expect(required.filter((name) => !call.params.includes(name))).toEqual([]);
    },
  );

  it('outputs what the toolkit writes back: the web app id, its domain and endpoint', () => {
    expect(bicepOutputs(main)).toEqual(
      expect.arrayContaining(['AZURE_APP_SERVICE_RESOURCE_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT']),
    );
  });

  it('App Service runs Linux Node 24 LTS, always on, with /readyz as its health check', () => {
    expect(appService).toContain("linuxFxVersion: 'NODE|24-lts'");
    expect(appService).toContain('alwaysOn: true');
    expect(appService).toContain("healthCheckPath: '/readyz'");
    expect(appService).toContain('reserved: true');
    expect(appService).toContain('httpsOnly: true');
  });

  it('App Service starts the same entry point as `npm start`, without a build on the server', () => {
    const start = /appCommandLine: '([^']+)'/.exec(appService)?.[1];
    const rootPackage = JSON.parse(readFileSync(path.join(INFRA_DIR, '../package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    expect(start).toBe('node api/src/main.ts');
    expect(rootPackage.scripts.start).toContain(start);
    expect(appService).toContain("SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'");
  });

  it('the Azure Bot posts to /api/messages on the web app and has the Teams channel', () => {
    expect(main).toMatch(/messagingEndpoint: 'https:\/\/\$\{app\.outputs\.hostName\}\/api\/messages'/);
    const bot = readInfraFile('modules/bot.bicep');
    expect(bot).toContain("name: 'MsTeamsChannel'");
    expect(bot).toContain("kind: 'azurebot'");
  });

  it('the web app reads secrets from Key Vault with its own identity (Key Vault Secrets User)', () => {
    expect(appService).toContain("identity: { type: 'SystemAssigned' }");
    expect(appService).toContain("'4633458b-17de-408a-b874-0445c86b69e6'");
    expect(readInfraFile('modules/key-vault.bicep')).toContain('enableRbacAuthorization: true');
  });

  it('MongoDB is either a Cosmos DB vCore cluster (MongoDB 6+) or an external URI', () => {
    expect(main).toMatch(/@allowed\(\['cosmos', 'external'\]\)\s*param mongoMode string/);
    const cluster = readInfraFile('modules/mongo-cluster.bicep');
    const version = Number(/serverVersion: '(\d+)/.exec(cluster)?.[1]);
    expect(version).toBeGreaterThanOrEqual(6);
    expect(cluster).toContain("name: 'mongodb-uri'");
  });
});
