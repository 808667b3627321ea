// teamsapp.yml against the Agents Toolkit's own YAML schema for its version (vendored, see vendor/README.md),
// and the lifecycle the product needs: provision, deploy, publish.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INFRA_DIR } from './bicep-source.ts';

const repo = path.resolve(INFRA_DIR, '..');
const text = readFileSync(path.join(repo, 'teamsapp.yml'), 'utf8');
const project = parse(text) as Record<string, unknown>;
const schemaFile = path.join(INFRA_DIR, 'vendor/agents-toolkit/yaml.schema.v1.11.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as {
  properties: { version: { const: string } };
  definitions: Record<string, { properties?: { uses?: { const?: string } }; allOf?: { $ref: string }[] }>;
};
type Action = { uses: string; with?: Record<string, unknown> };
const uses = (stage: string) => ((project[stage] ?? []) as Action[]).map((a) => a.uses);

/** Every action name the schema knows: the `uses` constant of each action definition. */
function actionNames(): Set<string> {
  const names = new Set<string>();
  for (const definition of Object.values(schema.definitions)) {
    const name = definition.properties?.uses?.const;
    if (name) names.add(name);
  }
  return names;
}

describe('teamsapp.yml (Agents Toolkit project, schema v1.11)', () => {
  it('declares the version of the vendored schema, with the matching yaml-language-server line', () => {
    expect(project.version).toBe(schema.properties.version.const);
    expect(text.split('\n')[0]).toBe(
      `# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/${project.version}/yaml.schema.json`,
    );
  });

  it("is valid against the toolkit's published YAML schema", () => {
    const ajv = new Ajv.default({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(project);
    expect(valid ? [] : validate.errors?.map((e) => `${e.instancePath}: ${e.message}`)).toEqual([]);
  });

  it('uses only action names the toolkit defines', () => {
    const known = actionNames();
    const used = ['provision', 'deploy', 'publish'].flatMap(uses);
    expect(used.filter((name) => !known.has(name))).toEqual([]);
  });

  it('provision creates the apps, deploys the Bicep, then validates, updates and extends the app to Outlook', () => {
    expect(uses('provision')).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'botAadApp/create',
      'script',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/extendToM365',
    ]);
  });

  it('deploy builds with npm and zip-deploys the staged app to App Service', () => {
    expect(uses('deploy')).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
    ]);
  });

  it('publish submits the validated package to the Teams admin center', () => {
    expect(uses('publish').at(-1)).toBe('teamsApp/publishAppPackage');
    expect(uses('publish')).toContain('teamsApp/validateAppPackage');
  });

  it('every path it names exists in the repository (build outputs excepted)', () => {
    const paths = ['provision', 'deploy', 'publish']
      .flatMap((stage) => (project[stage] ?? []) as Action[])
      .flatMap((action) => {
        const args = action.with ?? {};
        const templates = (args.templates ?? []) as { path: string; parameters: string }[];
        return [args.manifestPath, ...templates.flatMap((t) => [t.path, t.parameters])];
      })
      .filter((p): p is string => typeof p === 'string');
    expect(paths.length).toBeGreaterThan(0);
    for (const file of paths) expect(readFileSync(path.join(repo, file)).length).toBeGreaterThan(0);
  });
});
