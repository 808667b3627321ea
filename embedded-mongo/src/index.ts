// Public entry: start a MongoDB-wire-compatible server, in memory or on a durable data directory.
import { Catalog } from './engine/catalog.ts';
import { type Persistence, WireServer } from './server.ts';
import { DurableStore } from './storage/durable-store.ts';

export type EmbeddedMongoOptions = {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Data directory for the journal and snapshots; null or undefined keeps everything in memory. */
  dataDir?: string | null;
  /** Interface to bind; defaults to the loopback address. */
  host?: string;
  /** Journal size that triggers compaction into a snapshot (tests lower it). */
  compactAfterBytes?: number;
};

export type EmbeddedMongo = {
  /** `mongodb://host:port`, ready for `new MongoClient(uri)` (append `/dbname` as needed). */
  uri: string;
  port: number;
  /** Closes client connections, waits for pending journal writes and releases the data directory. */
  stop(): Promise<void>;
};

export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const host = options.host ?? '127.0.0.1';
  const catalog = new Catalog();
  const store = options.dataDir
    ? DurableStore.open(options.dataDir, catalog, options.compactAfterBytes)
    : undefined;
  const persistence: Persistence = store
    ? { commit: (ops) => store.commit(ops), failure: () => store.failure }
    : { commit: () => undefined, failure: () => undefined };
  const server = new WireServer(catalog, persistence);
  let port: number;
  try {
    port = await server.listen(options.port ?? 0, host);
  } catch (error) {
    await store?.close();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    uri: `mongodb://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    stop() {
      stopping ??= server.close().then(() => store?.close());
      return stopping;
    },
  };
}
