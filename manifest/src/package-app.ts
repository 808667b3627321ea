// `npm run package`: fills the manifest template from an Agents Toolkit environment, checks it, and zips it
// with its two icons into manifest/build/appPackage.<env>.zip (the same layout teamsApp/zipAppPackage makes).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { appPackageProblems, type Manifest } from './app-package-checks.ts';
import { type EnvValues, fillPlaceholders, loadEnvironment, MissingVariablesError } from './environment.ts';

export const MANIFEST_DIR = path.resolve(import.meta.dirname, '..');
export const TEMPLATE_PATH = path.join(MANIFEST_DIR, 'appPackage/manifest.json');
export const BUILD_DIR = path.join(MANIFEST_DIR, 'build');

/** Placeholders that may be empty: the name suffix tells environments apart and is blank in production. */
export const OPTIONAL_VARIABLES = ['APP_NAME_SUFFIX'] as const;

/** A fixed timestamp keeps the zip byte-identical for identical inputs (zip stores DOS times, 1980+). */
const ZIP_MTIME = new Date('2000-01-01T00:00:00Z');

export interface AppPackage {
  readonly manifest: Manifest;
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly zip: Uint8Array;
}

export class InvalidAppPackageError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`The app package is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidAppPackageError';
    this.problems = problems;
  }
}

/** Builds the package in memory; throws with every problem listed when the result would be rejected. */
export function buildAppPackage(env: EnvValues): AppPackage {
  const template = readFileSync(TEMPLATE_PATH, 'utf8');
  const manifest = JSON.parse(
    fillPlaceholders(template, env, 'manifest/appPackage/manifest.json', OPTIONAL_VARIABLES),
  ) as Manifest;
  const icons = manifest.icons as Record<string, string>;
  const files = new Map<string, Uint8Array>();
  for (const file of new Set(Object.values(icons))) {
    files.set(file, readFileSync(path.join(path.dirname(TEMPLATE_PATH), file)));
  }
  const problems = appPackageProblems(manifest, files);
  if (problems.length > 0) throw new InvalidAppPackageError(problems);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {
    'manifest.json': [
      new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
      { mtime: ZIP_MTIME },
    ],
  };
  for (const [name, bytes] of files) entries[name] = [bytes, { mtime: ZIP_MTIME }];
  return { manifest, files, zip: zipSync(entries, { level: 9 }) };
}

/** Writes build/manifest.<env>.json and build/appPackage.<env>.zip; returns the zip's path. */
export function writeAppPackage(envName: string, env: EnvValues, outDir = BUILD_DIR): string {
  const built = buildAppPackage(env);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    path.join(outDir, `manifest.${envName}.json`),
    `${JSON.stringify(built.manifest, null, 2)}\n`,
  );
  const zipPath = path.join(outDir, `appPackage.${envName}.zip`);
  writeFileSync(zipPath, built.zip);
  return zipPath;
}

if (import.meta.main) {
  // `local` needs no provisioning: its committed values give a package that validates (see env/.env.local).
  const envName = process.env.TEAMSFX_ENV || 'local';
  try {
    const zipPath = writeAppPackage(envName, loadEnvironment(envName, process.env));
    console.log(`App package for "${envName}": ${path.relative(process.cwd(), zipPath)}`);
  } catch (error) {
    if (error instanceof MissingVariablesError || error instanceof InvalidAppPackageError) {
      console.error(
        `${error.message}\n(environment "${envName}": env/.env.${envName}, its .user file, the shell)`,
      );
      process.exitCode = 1;
    } else {
      throw error;
    }
  }
}
