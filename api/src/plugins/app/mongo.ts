// The MongoDB connection (official driver) as `app.mongo`; with api/src/store, the only importer of `mongodb`.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type Db, MongoClient } from 'mongodb';

export interface MongoConnection {
  readonly client: MongoClient;
  readonly db: Db;
}

declare module 'fastify' {
  interface FastifyInstance {
    mongo: MongoConnection;
  }
}

export interface MongoOptions {
  readonly uri: string;
  readonly serverSelectionTimeoutMs: number;
}

export const defaultDatabaseName = 'one-on-ones';

/**
 * The database named in the URI path (`mongodb://host/<name>?…`), else `one-on-ones`. The driver's own
 * fallback is `test`, which is why the path is read here rather than relying on `client.db()`.
 */
export function databaseNameFromUri(uri: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(uri);
  const name = match?.[1] ? decodeURIComponent(match[1]) : '';
  return name || defaultDatabaseName;
}

async function mongo(app: FastifyInstance, options: MongoOptions): Promise<void> {
  const client = new MongoClient(options.uri, {
    appName: 'one-on-ones',
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs,
  });
  await client.connect();
  const db = client.db(databaseNameFromUri(options.uri));
  app.decorate('mongo', { client, db });
  app.log.info({ database: db.databaseName }, 'connected to MongoDB');

  // Registered before the job scheduler, so this closes after it (Fastify runs onClose hooks in reverse).
  app.addHook('onClose', async () => {
    await client.close();
  });
}

export default fp(mongo, { name: 'mongo' });
