// Stages what the server needs at run time into one folder (default infra/build/app) and installs production
// dependencies there: the App Service zip deploy uploads it, the Dockerfile builds its image layer from it.
// Usage: node infra/scripts/stage-app.ts [--out <dir>] [--no-install]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * What each workspace contributes at run time. The server runs its TypeScript as is (type stripping), so
 * sources ship; the tab ships only its build. Every other workspace ships its package.json alone, because
 * `npm ci` refuses a lock file that names workspaces it cannot find.
 */
export const RUNTIME_CONTENT: Readonly<Record<string, readonly string[]>> = {
  api: ['src'],
  'embedded-mongo': ['src'],
  bot: ['src'],
  tab: ['dist'],
  manifest: ['web'],
};

/** Tests and their fixtures never run in production. */
function isRuntimeFile(source: string): boolean {
  return !/\.test\.ts$/.test(source) && !source.split(path.sep).includes('node_modules');
}

export function stageApp(outDir: string, sourceRoot = root): void {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const file of ['package.json', 'package-lock.json'])
    cpSync(path.join(sourceRoot, file), path.join(outDir, file));
  const { workspaces } = JSON.parse(readFileSync(path.join(sourceRoot, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  for (const workspace of workspaces) {
    const manifest = path.join(sourceRoot, workspace, 'package.json');
    if (!existsSync(manifest)) continue;
    cpSync(manifest, path.join(outDir, workspace, 'package.json'));
    for (const entry of RUNTIME_CONTENT[workspace] ?? []) {
      const source = path.join(sourceRoot, workspace, entry);
      if (!existsSync(source))
        throw new Error(`${workspace}/${entry} is missing: run \`npm run build\` first`);
      cpSync(source, path.join(outDir, workspace, entry), { recursive: true, filter: isRuntimeFile });
    }
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, 'no-install': { type: 'boolean', default: false } },
  });
  const outDir = path.resolve(values.out ?? path.join(root, 'infra/build/app'));
  stageApp(outDir);
  if (!values['no-install']) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: outDir,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  console.log(`Staged the app in ${path.relative(process.cwd(), outDir) || '.'}`);
}
