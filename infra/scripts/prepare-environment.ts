// Run by teamsapp.yml before arm/deploy: generates, once per environment, the values nobody should type.
// The toolkit reads `::set-teamsfx-env NAME=value` lines from stdout and saves them (SECRET_* to the .user file).
import { randomBytes } from 'node:crypto';

/**
 * A Cosmos DB vCore administrator password must mix character classes; the fixed prefix guarantees
 * upper, lower, digit and symbol, and the random tail carries the strength.
 */
function mongoAdminPassword(): string {
  return `Aa1-${randomBytes(24).toString('base64url')}`;
}

const generators: Record<string, () => string> = {
  // Keeps resource names (Key Vault, web app) unique across tenants and environments.
  RESOURCE_SUFFIX: () => randomBytes(3).toString('hex'),
  // Never regenerated: a new key would make every stored calendar token unreadable.
  SECRET_TOKEN_ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
  SECRET_MONGO_ADMIN_PASSWORD: mongoAdminPassword,
};

for (const [name, generate] of Object.entries(generators)) {
  if (process.env[name]) continue;
  console.log(`::set-teamsfx-env ${name}=${generate()}`);
}
