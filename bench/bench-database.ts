// The database a benchmark runs against: MONGODB_URI when set (a real MongoDB), else the embedded server in its
// own process (in memory), so the benchmark's own work does not share the server's CPU.
import { MongoClient } from 'mongodb';
import { startServerProcess } from './embedded-mongo/server-process.ts';

export interface BenchDatabase {
  readonly client: MongoClient;
  readonly label: string;
  /** A fresh database of that name (dropped first). */
  fresh(name: string): Promise<ReturnType<MongoClient['db']>>;
  stop(): Promise<void>;
}

export async function openBenchDatabase(): Promise<BenchDatabase> {
  const external = process.env.MONGODB_URI;
  const server = external ? null : await startServerProcess(['--in-memory']);
  const uri = external ?? server?.uri ?? '';
  const client = await MongoClient.connect(uri);
  return {
    client,
    label: external ? 'MongoDB at MONGODB_URI' : 'embedded-mongo (in memory, own process)',
    async fresh(name) {
      const db = client.db(name);
      await db.dropDatabase();
      return db;
    },
    async stop() {
      await client.close();
      await server?.stop();
    },
  };
}
