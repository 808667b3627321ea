// Entry point of `npm start`: configuration, the embedded database when MONGODB_URI is unset, the server, shutdown.
import path from 'node:path';
import { startEmbeddedMongo } from 'embedded-mongo';
import { type Config, ConfigError, loadProcessConfig } from './config.ts';
import { buildApp } from './server.ts';

/** A shutdown that takes longer is stuck (a request that never ends); the platform would kill us anyway. */
const shutdownDeadlineMs = 30_000;

interface Database {
  readonly uri: string;
  /** Where the embedded server keeps its data; null for an external MongoDB. */
  readonly embeddedDir: string | null;
  readonly stop: () => Promise<void>;
}

async function main(): Promise<void> {
  const config = configOrExit();
  const database = await openDatabase(config);
  const app = buildApp(
    { ...config, mongodbUri: database.uri },
    { prettyLogs: !config.production && process.stdout.isTTY },
  );
  for (const note of config.notes) app.log.warn(note);
  if (database.embeddedDir) app.log.info({ dataDir: database.embeddedDir }, 'embedded MongoDB started');

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing requests and jobs');
    setTimeout(() => {
      app.log.error('shutdown did not finish in time: exiting');
      process.exit(1);
    }, shutdownDeadlineMs).unref();
    try {
      await app.close();
    } finally {
      await database.stop();
    }
    app.log.info('stopped');
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    app.log.fatal({ err: error }, 'the server could not start');
    await app.close().catch(() => {});
    await database.stop();
    process.exitCode = 1;
    return;
  }
  app.log.info(`1:1s is running at ${config.publicUrl} (API docs: ${config.publicUrl}/api/docs)`);
}

/** A configuration problem is the operator's to fix: say what it is, without a stack trace. */
function configOrExit(): Config {
  try {
    return loadProcessConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** MONGODB_URI when set; otherwise the embedded server, in-process, keeping its data under DATA_DIR. */
async function openDatabase(config: Config): Promise<Database> {
  if (config.mongodbUri) return { uri: config.mongodbUri, embeddedDir: null, stop: async () => {} };
  const dataDir = path.join(config.dataDir, 'mongo');
  const embedded = await startEmbeddedMongo({ port: 0, dataDir });
  return { uri: embedded.uri, embeddedDir: dataDir, stop: () => embedded.stop() };
}

await main();
