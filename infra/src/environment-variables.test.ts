// Every `${{NAME}}` in the project file, the Bicep parameters and the two manifests has a source: the env
// template, an action that writes it, a Bicep output, the generated values, or the toolkit itself.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseEnvFile, placeholdersIn } from '../../manifest/src/environment.ts';
import { bicepOutputs, INFRA_DIR, readInfraFile } from './bicep-source.ts';
import { GENERATED_VALUES, missingValueLines } from './generated-values.ts';

const repo = path.resolve(INFRA_DIR, '..');
const read = (file: string) => readFileSync(path.join(repo, file), 'utf8');
const TEMPLATES = [
  'teamsapp.yml',
  'infra/azure.parameters.json',
  'manifest/appPackage/manifest.json',
  'manifest/aad.manifest.json',
];

/** Provided by the toolkit itself: the environment's name, the chosen subscription and group, the scope id. */
const TOOLKIT_BUILT_INS = [
  'TEAMSFX_ENV',
  'AZURE_SUBSCRIPTION_ID',
  'AZURE_RESOURCE_GROUP_NAME',
  'AAD_APP_ACCESS_AS_USER_PERMISSION_ID',
];

function writtenByActions(): string[] {
  const project = parse(read('teamsapp.yml')) as Record<string, { writeToEnvironmentFile?: object }[]>;
  return ['provision', 'deploy', 'publish']
    .flatMap((stage) => project[stage] ?? [])
    .flatMap((action) => Object.values(action.writeToEnvironmentFile ?? {}) as string[]);
}

const envDevText = read('env/.env.dev');
const envDevNames = [...envDevText.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1] ?? '');
const sources = new Set([
  ...envDevNames,
  ...writtenByActions(),
  ...bicepOutputs(readInfraFile('azure.bicep')),
  ...Object.keys(GENERATED_VALUES),
  ...TOOLKIT_BUILT_INS,
]);

describe('environment templates (env/) against every placeholder', () => {
  it.each(TEMPLATES)('%s uses only variables that provisioning provides', (file) => {
    expect(placeholdersIn(read(file)).filter((name) => !sources.has(name))).toEqual([]);
  });

  it('secrets are never typed into the committed template: each SECRET_* comes from an action or is generated', () => {
    const secrets = TEMPLATES.flatMap((file) => placeholdersIn(read(file))).filter((n) =>
      n.startsWith('SECRET_'),
    );
    const produced = new Set([...writtenByActions(), ...Object.keys(GENERATED_VALUES)]);
    expect(secrets.length).toBeGreaterThan(0);
    expect(secrets.filter((name) => !produced.has(name))).toEqual([]);
    expect(envDevNames.filter((name) => name.startsWith('SECRET_'))).toEqual([]);
  });

  it('the Bicep parameters get no blank value (the toolkit refuses unresolved ones): preset, or written before arm/deploy', () => {
    const project = parse(read('teamsapp.yml')) as {
      provision: { uses: string; writeToEnvironmentFile?: object }[];
    };
    const armAt = project.provision.findIndex((action) => action.uses === 'arm/deploy');
    const writtenBefore = project.provision
      .slice(0, armAt)
      .flatMap((action) => Object.values(action.writeToEnvironmentFile ?? {}) as string[]);
    const ready = new Set([
      ...Object.keys(parseEnvFile(envDevText)),
      ...writtenBefore,
      ...Object.keys(GENERATED_VALUES),
      ...TOOLKIT_BUILT_INS,
    ]);
    const used = placeholdersIn(read('infra/azure.parameters.json'));
    expect(used.filter((name) => !ready.has(name))).toEqual([]);
  });

  it('the "local" environment fills every placeholder of the app manifest, so `npm run package` works out of the box', () => {
    const local = parseEnvFile(read('env/.env.local'));
    const missing = placeholdersIn(read('manifest/appPackage/manifest.json')).filter(
      (name) => !(name in local),
    );
    expect(missing).toEqual([]);
  });

  it('generates each value once: a value the environment already has is kept', () => {
    expect(missingValueLines({}).map((line) => line.split('=')[0])).toEqual(
      Object.keys(GENERATED_VALUES).map((name) => `::set-teamsfx-env ${name}`),
    );
    const kept = Object.fromEntries(Object.keys(GENERATED_VALUES).map((name) => [name, 'already-set']));
    expect(missingValueLines(kept)).toEqual([]);
    const key = missingValueLines({}).find((line) => line.includes('SECRET_TOKEN_ENCRYPTION_KEY='));
    expect(Buffer.from(key?.split('SECRET_TOKEN_ENCRYPTION_KEY=')[1] ?? '', 'base64')).toHaveLength(32);
  });
});
