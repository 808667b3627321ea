// Agents Toolkit environments: reads env/.env.<name> (+ .user secrets) and fills `${{NAME}}` placeholders.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type EnvValues = Readonly<Record<string, string>>;

/** The repository's env/ folder (the toolkit's `environmentFolderPath`). */
export const ENV_FOLDER = path.resolve(import.meta.dirname, '../../env');

/**
 * Parses the dotenv subset the toolkit writes: `NAME=value`, `#` comments, optional single or double
 * quotes. A blank value counts as unset, as it does for the toolkit (it fills those during provision).
 */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, name, rawValue = ''] = match;
    const quoted = /^(['"])(.*)\1$/.exec(rawValue);
    const value = quoted ? (quoted[2] ?? '') : rawValue.replace(/\s+#.*$/, '').trim();
    if (name && value !== '') values[name] = value;
  }
  return values;
}

/** The values of one environment: its committed file, then its `.user` secrets file, then `overrides`. */
export function loadEnvironment(name: string, overrides: Record<string, string | undefined> = {}): EnvValues {
  const values: Record<string, string> = {};
  for (const file of [`.env.${name}`, `.env.${name}.user`]) {
    const full = path.join(ENV_FOLDER, file);
    if (existsSync(full)) Object.assign(values, parseEnvFile(readFileSync(full, 'utf8')));
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined && value !== '') values[key] = value;
  }
  return values;
}

export class MissingVariablesError extends Error {
  readonly missing: readonly string[];
  constructor(missing: readonly string[], where: string) {
    super(`${where} needs these environment variables, which are empty or unset: ${missing.join(', ')}`);
    this.name = 'MissingVariablesError';
    this.missing = missing;
  }
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names a template uses, in order of first use. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/**
 * Replaces every `${{NAME}}` the way the toolkit does. Values go into JSON strings, so they are escaped
 * for JSON. `optional` names may be empty (e.g. a name suffix); any other missing name is an error.
 */
export function fillPlaceholders(
  template: string,
  env: EnvValues,
  where: string,
  optional: readonly string[] = [],
): string {
  const missing = placeholdersIn(template).filter(
    (name) => env[name] === undefined && !optional.includes(name),
  );
  if (missing.length > 0) throw new MissingVariablesError(missing, where);
  return template.replace(PLACEHOLDER, (_, name: string) => JSON.stringify(env[name] ?? '').slice(1, -1));
}
