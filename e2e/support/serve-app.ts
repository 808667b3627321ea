// The server process of the browser tests: what api/src/main.ts starts (same configuration, same buildApp,
// the embedded database), except that it serves the tab build given as the first argument. Each run builds
// its own copy of the tab, so a `npm run build` or another test run on the same machine cannot swap the
// assets under it. Usage: node e2e/support/serve-app.ts <tab-dist-dir> (configuration from the environment).
import path from 'node:path';
import { startEmbeddedMongo } from 'embedded-mongo';
import { loadConfig } from '../../api/src/config.ts';
import { buildApp } from '../../api/src/server.ts';

const tabDir = process.argv[2];
if (!tabDir) throw new Error('usage: node e2e/support/serve-app.ts <tab-dist-dir>');

const config = loadConfig(process.env);
const embedded = await startEmbeddedMongo({ port: 0, dataDir: path.join(config.dataDir, 'mongo') });
const app = buildApp({ ...config, mongodbUri: embedded.uri }, { tabDir });

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  try {
    await app.close();
  } finally {
    await embedded.stop();
  }
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

await app.listen({ port: config.port, host: config.host });
