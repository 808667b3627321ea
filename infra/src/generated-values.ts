// The values teamsapp.yml's script step generates once per environment (scripts/prepare-environment.ts).
import { randomBytes } from 'node:crypto';

/**
 * A Cosmos DB vCore administrator password must mix character classes; the fixed prefix guarantees
 * upper, lower, digit and symbol, and the random tail carries the strength.
 */
function mongoAdminPassword(): string {
  return `Aa1-${randomBytes(24).toString('base64url')}`;
}

export const GENERATED_VALUES: Readonly<Record<string, () => string>> = {
  // Keeps resource names (Key Vault, web app) unique across tenants and environments.
  RESOURCE_SUFFIX: () => randomBytes(3).toString('hex'),
  // Never regenerated: a new key would make every stored calendar token unreadable.
  SECRET_TOKEN_ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
  SECRET_MONGO_ADMIN_PASSWORD: mongoAdminPassword,
};

/** `::set-teamsfx-env` lines for the values the environment does not have yet. */
export function missingValueLines(env: Readonly<Record<string, string | undefined>>): string[] {
  return Object.entries(GENERATED_VALUES)
    .filter(([name]) => !env[name])
    .map(([name, generate]) => `::set-teamsfx-env ${name}=${generate()}`);
}
