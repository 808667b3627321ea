// The server a conformance test talks to: the embedded one, or a real MongoDB when MONGODB_URI is set.
import { randomBytes } from 'node:crypto';
import { type Collection, type Db, MongoClient, type MongoClientOptions, type ObjectId } from 'mongodb';
import { startEmbeddedMongo } from '../../src/index.ts';

/** Conformance tests store arbitrary shapes (numbers and strings as `_id` too), as a shell session would. */
export type AnyDoc = {
  _id?: ObjectId | string | number | Record<string, unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: the driver's typing needs `any` to accept any document shape
  [field: string]: any;
};

export type Target = {
  uri: string;
  /** A client on a database of its own, dropped by `close()`. */
  client: MongoClient;
  db: Db;
  coll(name: string): Collection<AnyDoc>;
  /** Extra clients (for concurrency tests), closed by `close()`. */
  newClient(options?: MongoClientOptions): Promise<MongoClient>;
  close(): Promise<void>;
};

export async function openTarget(prefix: string): Promise<Target> {
  const external = process.env.MONGODB_URI;
  const server = external ? undefined : await startEmbeddedMongo({});
  const uri = external ?? server!.uri;
  const clients: MongoClient[] = [];
  const newClient = async (options: MongoClientOptions = {}): Promise<MongoClient> => {
    const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 5000, ...options });
    clients.push(client);
    return client;
  };
  const client = await newClient();
  const db = client.db(`${prefix}_${randomBytes(4).toString('hex')}`);
  return {
    uri,
    client,
    db,
    coll: (name) => db.collection<AnyDoc>(name),
    newClient,
    async close() {
      await db.dropDatabase();
      await Promise.all(clients.map((c) => c.close()));
      await server?.stop();
    },
  };
}
